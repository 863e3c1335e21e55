/**
 * Reads and bulk writes over one WorkspaceDb. Records live in buckets (buckets.ts) and are
 * sorted into table order after reading.
 */
import Dexie from 'dexie';
import type { RecordId, TableId } from '../domain/ids';
import type { Field, Table, TableRecord, View, WorkspaceMeta } from '../domain/model';
import { createSlicePause } from '../domain/pause';
import { inTableOrder, inTableOrderSliced } from '../domain/records';
import { readAllBuckets, type BucketReadOptions } from './bucketReader';
import { BUCKETS_PER_TABLE, bucketKey, bucketKeyOf, groupIntoBuckets } from './buckets';
import { canReadInWorker, readTableInWorker } from './packedLoad';
import { toStorageError } from './errors';
import type { WorkspaceDb } from './schema';

export interface WorkspaceSchema {
  meta: WorkspaceMeta | undefined;
  /** Sorted by `order`. */
  tables: Table[];
  fields: Field[];
  /** Sorted by `order`. */
  views: View[];
}

/** Everything but the records, read in one consistent snapshot. */
export async function loadSchema(db: WorkspaceDb): Promise<WorkspaceSchema> {
  const stores = [db.meta, db.tableStore, db.fields, db.views];
  return db.transaction('r', stores, async () => {
    const [meta, tables, fields, views] = await Promise.all([
      db.meta.toCollection().first(),
      db.tableStore.toArray(),
      db.fields.toArray(),
      db.views.toArray(),
    ]);
    tables.sort(byOrder);
    views.sort(byOrder);
    return { meta, tables, fields, views };
  });
}

function byOrder(a: { order: number }, b: { order: number }): number {
  return a.order - b.order;
}

/** Main-thread time between two yields while the loaded records are put in table order. */
const ORDER_SLICE_MS = 12;

export interface LoadOptions extends BucketReadOptions {
  /** Time slice of the ordering step, in ms. */
  orderSliceMs?: number;
  /**
   * Where the table is read: in a worker, in the page, or (`auto`, the default) in a worker from
   * `workerFromRecords` records on, where workers exist.
   */
  reader?: 'auto' | 'worker' | 'page';
  /** For `auto`: the table size (estimated from its first bucket) from which a worker reads it. */
  workerFromRecords?: number;
  /** A read in a worker starts once this resolves (the page's start-up is over). */
  workerStartsAfter?: () => Promise<void>;
}

/**
 * From this many records, a table is read in a worker. Below it the page reads it itself:
 * at 100,000 rows that never made a task over 50 ms, while a worker reading beside the page's
 * start-up made the grid's first render take 52–60 ms instead of ~31 (2 of 5 cold runs of
 * formula-build): two cores shared by the page, the worker and the database.
 */
const WORKER_FROM_RECORDS = 200_000;

/**
 * All records of the table in order, read in one transaction, then put in table order in time
 * slices, so no step of a large load holds the page for long. A large table is read and packed
 * in a worker (packedReader.ts) and comes back as lazy records; a smaller one is read here in
 * waves of buckets whose results cost a few ms of main-thread time each (bucketReader.ts).
 */
export async function loadAllRecords(
  db: WorkspaceDb,
  tableId: TableId,
  options: LoadOptions = {},
): Promise<TableRecord[]> {
  const inWorker = await readsInWorker(db, tableId, options);
  if (inWorker) await options.workerStartsAfter?.();
  const records = inWorker
    ? await readInWorker(db, tableId)
    : await readAllBuckets(db, tableId, options);
  // Buckets hand records back in hash order: this runs on every load.
  return inTableOrderSliced(records, createSlicePause(options.orderSliceMs ?? ORDER_SLICE_MS));
}

async function readsInWorker(
  db: WorkspaceDb,
  tableId: TableId,
  { reader = 'auto', workerFromRecords = WORKER_FROM_RECORDS }: LoadOptions,
): Promise<boolean> {
  if (reader !== 'auto' || !canReadInWorker()) return reader === 'worker';
  // Ids spread evenly over the buckets: the first one's size tells the table's (±10 % at 200k).
  const first = await db.recordBuckets.get(bucketKey(tableId, 0));
  return (first?.records.length ?? 0) * BUCKETS_PER_TABLE >= workerFromRecords;
}

async function readInWorker(db: WorkspaceDb, tableId: TableId): Promise<TableRecord[]> {
  // As the in-page reader: a database closed on purpose stays closed; one never opened opens now.
  if (db.hasBeenClosed()) throw new Dexie.DatabaseClosedError('The workspace database is closed');
  if (!db.isOpen()) await db.open();
  return readTableInWorker(db.name, tableId);
}

/** Every record of every table (tests compare whole databases with it), by order then id. */
export async function loadEveryRecord(db: WorkspaceDb): Promise<TableRecord[]> {
  const buckets = await db.recordBuckets.toArray();
  return inTableOrder(buckets.flatMap((b) => b.records));
}

/** The records of the table that still exist among `ids`, in the order of `ids`. */
export async function getRecords(
  db: WorkspaceDb,
  tableId: TableId,
  ids: readonly RecordId[],
): Promise<TableRecord[]> {
  if (ids.length === 0) return [];
  const keys = [...new Set(ids.map((id) => bucketKeyOf(tableId, id)))];
  const byId = new Map<RecordId, TableRecord>();
  for (const bucket of await db.recordBuckets.bulkGet(keys))
    for (const record of bucket?.records ?? []) byId.set(record.id, record);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Inserts new records in one transaction: all or none (a duplicate id aborts the whole
 * insert). For seeding (the bench's large workspaces, tests); the app writes through applyChanges.
 */
export async function bulkInsertRecords(
  db: WorkspaceDb,
  records: readonly TableRecord[],
): Promise<void> {
  if (records.length === 0) return;
  try {
    await db.transaction('rw', db.recordBuckets, async () => {
      const buckets = [...groupIntoBuckets(records).values()];
      const stored = await db.recordBuckets.bulkGet(buckets.map((b) => b.key));
      buckets.forEach((bucket, i) => {
        const old = stored[i]?.records ?? [];
        const ids = new Set(old.map((r) => r.id));
        for (const { id } of bucket.records) {
          if (ids.has(id)) throw new DuplicateRecordError(`Record ${id} already exists`);
          ids.add(id);
        }
        bucket.records = old.concat(bucket.records);
      });
      await db.recordBuckets.bulkPut(buckets);
    });
  } catch (err) {
    throw toStorageError(err);
  }
}

export class DuplicateRecordError extends Error {
  override name = 'DuplicateRecordError';
}

/** Removes a table with its fields, views and records in one transaction. */
export async function deleteTableData(db: WorkspaceDb, tableId: TableId): Promise<void> {
  const stores = [db.tableStore, db.fields, db.views, db.recordBuckets];
  await db.transaction('rw', stores, async () => {
    await db.recordBuckets.where('tableId').equals(tableId).delete();
    await db.fields.where('tableId').equals(tableId).delete();
    await db.views.where('tableId').equals(tableId).delete();
    await db.tableStore.delete(tableId);
  });
}
