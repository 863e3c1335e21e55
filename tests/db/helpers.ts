/** Builders and a database dump shared by the db tests. */
import type { FieldId, RecordId, TableId, ViewId, WorkspaceId } from '../../src/domain/ids';
import type { Field, Table, TableRecord, View, WorkspaceMeta } from '../../src/domain/model';
import { loadEveryRecord } from '../../src/db/repository';
import { WorkspaceDb } from '../../src/db/schema';

let counter = 0;
/** A fresh workspace id per call, so tests never share a database. */
export function nextWorkspaceId(): WorkspaceId {
  counter += 1;
  return `wsp_test${counter}_${Math.random().toString(36).slice(2, 8)}` as WorkspaceId;
}

export const T1 = 'tbl_one' as TableId;
export const T2 = 'tbl_two' as TableId;
export const F_NAME = 'fld_name' as FieldId;
export const F_PHONE = 'fld_phone' as FieldId;
export const F_SPEND = 'fld_spend' as FieldId;

export function makeMeta(id: WorkspaceId, name = '小店'): WorkspaceMeta {
  return { id, name, createdAt: 1000 };
}

export function makeTable(id: TableId, order: number, name = '客户'): Table {
  return { id, name, order, primaryFieldId: F_NAME };
}

export function makeField(id: FieldId, tableId: TableId, name = id): Field {
  return { id, tableId, name, type: 'text', options: {} };
}

export function makeView(id: string, tableId: TableId, order = 0): View {
  return {
    id: id as ViewId,
    tableId,
    name: '全部',
    order,
    columns: [{ fieldId: F_NAME }],
    sorts: [],
    filters: [],
    filterMode: 'and',
  };
}

export function makeRecord(
  id: string,
  tableId: TableId,
  order: number,
  values: TableRecord['values'] = {},
): TableRecord {
  return { id: id as RecordId, tableId, order, values, createdAt: 10 + order, modifiedAt: 20 };
}

/** Opens a new, empty workspace database. */
export async function openFreshDb(): Promise<WorkspaceDb> {
  const db = new WorkspaceDb(nextWorkspaceId());
  await db.open();
  return db;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every row of every store, sorted by id: compare two dumps to compare whole databases. */
export async function dumpDb(db: WorkspaceDb) {
  const [meta, tables, fields, views, records] = await Promise.all([
    db.meta.toArray(),
    db.tableStore.toArray(),
    db.fields.toArray(),
    db.views.toArray(),
    loadEveryRecord(db),
  ]);
  return {
    meta: meta.sort(byId),
    tables: tables.sort(byId),
    fields: fields.sort(byId),
    views: views.sort(byId),
    records: records.sort(byId),
  };
}
