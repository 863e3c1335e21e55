/**
 * Reads and bulk writes over one WorkspaceDb. Records are always read through the
 * [tableId+order] index, so they come back in table order without sorting in memory.
 */
import Dexie from 'dexie';
import type { RecordId, TableId } from '../domain/ids';
import type { Field, Table, TableRecord, View, WorkspaceMeta } from '../domain/model';
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

function recordsInOrder(db: WorkspaceDb, tableId: TableId) {
  return db.records
    .where('[tableId+order]')
    .between([tableId, Dexie.minKey], [tableId, Dexie.maxKey], true, true);
}

/** The first `limit` records in order: enough to paint the first screen quickly. */
export async function loadRecordsPage(
  db: WorkspaceDb,
  tableId: TableId,
  limit: number,
): Promise<TableRecord[]> {
  return recordsInOrder(db, tableId).limit(limit).toArray();
}

/** All records of the table in order (one index range read: the fastest IndexedDB path). */
export async function loadAllRecords(db: WorkspaceDb, tableId: TableId): Promise<TableRecord[]> {
  return recordsInOrder(db, tableId).toArray();
}

export async function countRecords(db: WorkspaceDb, tableId: TableId): Promise<number> {
  return db.records.where('tableId').equals(tableId).count();
}

/** The `order` a record appended at the end should take (0 for an empty table). */
export async function getNextRecordOrder(db: WorkspaceDb, tableId: TableId): Promise<number> {
  const last = await recordsInOrder(db, tableId).last();
  return last ? last.order + 1 : 0;
}

/** The records that still exist among `ids`, in the order of `ids`. */
export async function getRecords(
  db: WorkspaceDb,
  ids: readonly RecordId[],
): Promise<TableRecord[]> {
  if (ids.length === 0) return [];
  const found = await db.records.bulkGet([...ids]);
  return found.filter((r): r is TableRecord => r !== undefined);
}

/**
 * Inserts new records in one transaction: all or none (a duplicate id aborts the whole
 * insert). Used by template creation and imports.
 */
export async function bulkInsertRecords(
  db: WorkspaceDb,
  records: readonly TableRecord[],
): Promise<void> {
  if (records.length === 0) return;
  try {
    await db.transaction('rw', db.records, async () => {
      await db.records.bulkAdd([...records]);
    });
  } catch (err) {
    throw toStorageError(err);
  }
}

/** Removes a table with its fields, views and records in one transaction. */
export async function deleteTableData(db: WorkspaceDb, tableId: TableId): Promise<void> {
  const stores = [db.tableStore, db.fields, db.views, db.records];
  await db.transaction('rw', stores, async () => {
    await db.records.where('tableId').equals(tableId).delete();
    await db.fields.where('tableId').equals(tableId).delete();
    await db.views.where('tableId').equals(tableId).delete();
    await db.tableStore.delete(tableId);
  });
}
