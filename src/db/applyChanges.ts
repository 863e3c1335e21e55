/**
 * Writes one Command's changes as a diff in ONE read-write transaction: all or nothing.
 * Changes are first folded into per-store bulk operations, with the same end state as
 * applying them one by one; record changes are folded per record and written per bucket
 * (buckets.ts), so a command touching 1,000,000 records is about a thousand bucket writes.
 */
import type { Change } from '../domain/changes';
import type { Field, Table, View, WorkspaceMeta } from '../domain/model';
import { toStorageError } from './errors';
import { yieldToEventLoop } from '../domain/pause';
import {
  listBuckets,
  planCell,
  planRecord,
  writeRecordOps,
  type Progress,
  type RecordPlan,
} from './recordWrites';
import type { WorkspaceDb } from './schema';

/** id → the entity's final state in this command; undefined means delete. */
type StorePlan<T> = Map<string, T | undefined>;

interface WritePlan {
  meta: WorkspaceMeta | undefined;
  tables: StorePlan<Table>;
  fields: StorePlan<Field>;
  views: StorePlan<View>;
  records: RecordPlan;
}

/** For large commands (imports, restores): cancel, progress and the size of each bulk call. */
export interface WriteOptions {
  /** Aborting rolls the whole transaction back; applyChanges then throws WriteAbortedError. */
  signal?: AbortSignal;
  /** Records changed so far, of all. */
  onProgress?: (written: number, total: number) => void;
  /**
   * Records changed per bulk call (default 500; whole buckets are taken): the page runs
   * between calls, inside the transaction, and each call's buckets are (de)serialised on it.
   */
  chunk?: number;
  /** Empty every store first, in the same transaction (restoring a backup over a workspace). */
  replaceAll?: boolean;
}

export class WriteAbortedError extends Error {
  override name = 'WriteAbortedError';
}

/**
 * Applies `changes` in order. A cell change patches only that cell of the stored record (and
 * modifiedAt = `now`), read and written back in this transaction, so that two tabs editing
 * different cells of one record both win.
 * Throws StorageQuotaError when the disk is full; on any failure nothing is written.
 */
export async function applyChanges(
  db: WorkspaceDb,
  changes: readonly Change[],
  now: number = Date.now(),
  options: WriteOptions = {},
): Promise<void> {
  if (changes.length === 0 && !options.replaceAll) return;
  const plan = await planChanges(changes, now);
  const stores = [db.meta, db.tableStore, db.fields, db.views, db.recordBuckets];
  const { buckets, records } = listBuckets(plan.records);
  const progress = chunkProgress(records, options);
  try {
    await db.transaction('rw', stores, async () => {
      if (options.replaceAll) await Promise.all(stores.map((store) => store.clear()));
      if (plan.meta) await db.meta.put(plan.meta);
      await writeStore(db.tableStore, plan.tables);
      await writeStore(db.fields, plan.fields);
      await writeStore(db.views, plan.views);
      await writeRecordOps(db, buckets, progress);
    });
  } catch (err) {
    if (options.signal?.aborted) throw new WriteAbortedError('The write was cancelled.');
    throw toStorageError(err);
  }
}

function chunkProgress(total: number, options: WriteOptions): Progress {
  let written = 0;
  return {
    chunk: options.chunk ?? 500,
    step(count) {
      if (options.signal?.aborted) throw new WriteAbortedError('The write was cancelled.');
      written += count;
      if (count > 0) options.onProgress?.(written, total);
    },
  };
}

/** Changes folded per plan slice; the page runs between slices of a large command. */
const PLAN_SLICE = 20_000;

async function planChanges(changes: readonly Change[], now: number): Promise<WritePlan> {
  const plan: WritePlan = {
    meta: undefined,
    tables: new Map(),
    fields: new Map(),
    views: new Map(),
    records: new Map(),
  };
  for (let i = 0; i < changes.length; i++) {
    if (i > 0 && i % PLAN_SLICE === 0) await yieldToEventLoop();
    const change = changes[i] as Change;
    switch (change.kind) {
      case 'meta':
        plan.meta = change.after;
        break;
      case 'table':
        plan.tables.set(change.id, change.after);
        break;
      case 'field':
        plan.fields.set(change.id, change.after);
        break;
      case 'view':
        plan.views.set(change.id, change.after);
        break;
      case 'record':
        planRecord(plan.records, change.id, change.before, change.after);
        break;
      case 'cell':
        planCell(plan.records, change, now);
        break;
    }
  }
  return plan;
}

interface BulkStore<T> {
  bulkPut(items: readonly T[]): Promise<unknown>;
  bulkDelete(keys: readonly string[]): Promise<unknown>;
}

async function writeStore<T>(store: BulkStore<T>, plan: StorePlan<T>): Promise<void> {
  if (plan.size === 0) return;
  const puts: T[] = [];
  const deletes: string[] = [];
  for (const [id, after] of plan) {
    if (after === undefined) deletes.push(id);
    else puts.push(after);
  }
  if (deletes.length > 0) await store.bulkDelete(deletes);
  if (puts.length > 0) await store.bulkPut(puts);
}
