/**
 * The Dexie database of one workspace, with every schema version ever shipped.
 * Stored schemas are append-only: never edit a shipped version, add a new one with an upgrade.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { WorkspaceId } from '../domain/ids';
import type { Field, Table, TableRecord, View, WorkspaceMeta } from '../domain/model';
import { groupIntoBuckets, type RecordBucket } from './buckets';

const DB_NAME_PREFIX = 'regulars-ws-';

/** One IndexedDB database per workspace, so deleting a workspace is one `Dexie.delete`. */
export function getWorkspaceDbName(workspaceId: WorkspaceId): string {
  return `${DB_NAME_PREFIX}${workspaceId}`;
}

/** Version 1 (shipped): records had no `order`; rows were shown in createdAt order. */
export const SCHEMA_V1 = {
  meta: 'id',
  tables: 'id',
  fields: 'id, tableId',
  views: 'id, tableId',
  records: 'id, tableId',
} as const;

/** Version 2: records carry `order`, indexed per table for ordered, paged reads. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  records: 'id, tableId, [tableId+order]',
} as const;

/**
 * Version 3: records move into buckets of many records each (buckets.ts): IndexedDB costs per
 * stored object, so a million one-record objects took minutes to write.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  recordBuckets: 'key, tableId',
} as const;

/** Version 4: the one-object-per-record store, emptied by the v3 upgrade, is dropped. */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  records: null,
} as const;

export const CURRENT_SCHEMA_VERSION = 4;

export class WorkspaceDb extends Dexie {
  meta!: EntityTable<WorkspaceMeta, 'id'>;
  fields!: EntityTable<Field, 'id'>;
  views!: EntityTable<View, 'id'>;
  recordBuckets!: EntityTable<RecordBucket, 'key'>;
  readonly workspaceId: WorkspaceId;

  constructor(workspaceId: WorkspaceId) {
    super(getWorkspaceDbName(workspaceId));
    this.workspaceId = workspaceId;
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(backfillRecordOrder);
    this.version(3).stores(SCHEMA_V3).upgrade(moveRecordsIntoBuckets);
    this.version(4).stores(SCHEMA_V4);
  }

  /**
   * The `tables` store. `Dexie.prototype.tables` is Dexie's own list of stores, so this
   * store cannot be a class property of that name; it is reached through this getter.
   */
  get tableStore(): EntityTable<Table, 'id'> {
    return this.table('tables');
  }
}

interface LegacyRecord {
  id: string;
  tableId: string;
  createdAt: number;
  order?: number;
}

/** v1 → v2: number each table's records 0,1,2,… in createdAt order, ties broken by id. */
async function backfillRecordOrder(tx: Transaction): Promise<void> {
  const records = tx.table<LegacyRecord, string>('records');
  const rows = await records.toArray();
  rows.sort(compareLegacyRecords);
  const nextOrder = new Map<string, number>();
  for (const row of rows) {
    const order = nextOrder.get(row.tableId) ?? 0;
    row.order = order;
    nextOrder.set(row.tableId, order + 1);
  }
  await records.bulkPut(rows);
}

function compareLegacyRecords(a: LegacyRecord, b: LegacyRecord): number {
  if (a.tableId !== b.tableId) return a.tableId < b.tableId ? -1 : 1;
  const byTime = (a.createdAt ?? 0) - (b.createdAt ?? 0);
  if (byTime !== 0) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** v2 → v3: every record into its bucket; the old store is emptied here and dropped in v4. */
async function moveRecordsIntoBuckets(tx: Transaction): Promise<void> {
  const records = tx.table<TableRecord, string>('records');
  const buckets = groupIntoBuckets(await records.toArray());
  await tx.table<RecordBucket, string>('recordBuckets').bulkPut([...buckets.values()]);
  await records.clear();
}
