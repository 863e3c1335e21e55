/**
 * Record changes folded per record, then written bucket by bucket (see buckets.ts): each
 * touched bucket is read, changed and written back inside the command's transaction.
 */
import type { FieldId, RecordId, TableId } from '../domain/ids';
import type { CellValue, TableRecord } from '../domain/model';
import { withCells } from '../domain/records';
import { bucketKey, bucketNumberOf, type RecordBucket } from './buckets';
import type { WorkspaceDb } from './schema';

/** What one command does to one record. */
export interface RecordOp {
  /** The record's whole final state; null deletes it; undefined: only `cells` are patched. */
  put?: TableRecord | null;
  /** Cell edits on the stored record (when `put` is undefined); undefined removes the cell. */
  cells?: Map<FieldId, CellValue | undefined>;
  modifiedAt?: number;
}

/** A command's record ops, already grouped per table and bucket number (no key strings). */
export type RecordPlan = Map<TableId, (Map<RecordId, RecordOp> | undefined)[]>;

/** A record change that names no table, or whose record has another id: a programming error. */
export class MalformedRecordChangeError extends Error {
  override name = 'MalformedRecordChangeError';
}

function opsOf(plan: RecordPlan, tableId: TableId, recordId: RecordId): Map<RecordId, RecordOp> {
  let buckets = plan.get(tableId);
  if (!buckets) plan.set(tableId, (buckets = []));
  const b = bucketNumberOf(recordId);
  let ops = buckets[b];
  if (!ops) buckets[b] = ops = new Map();
  return ops;
}

/** A whole-record put or delete; it replaces whatever cells were patched before it. */
export function planRecord(
  plan: RecordPlan,
  id: RecordId,
  before: TableRecord | undefined,
  after: TableRecord | undefined,
): void {
  const tableId = (after ?? before)?.tableId;
  if (!tableId) throw new MalformedRecordChangeError(`Record ${id} changed without its table`);
  if (after && after.id !== id)
    throw new MalformedRecordChangeError(`Record change ${id} carries record ${after.id}`);
  opsOf(plan, tableId, id).set(id, { put: after ?? null });
}

/** One cell: folded into a planned put, or kept as a patch of the stored record. */
export function planCell(
  plan: RecordPlan,
  change: { tableId: TableId; recordId: RecordId; fieldId: FieldId; after?: CellValue },
  now: number,
): void {
  const ops = opsOf(plan, change.tableId, change.recordId);
  const op = ops.get(change.recordId);
  if (op && op.put !== undefined) {
    // Editing a record deleted earlier in the same command is a no-op, as an update would be.
    if (op.put) op.put = withCells(op.put, [[change.fieldId, change.after]], now);
    return;
  }
  if (op) {
    op.cells?.set(change.fieldId, change.after);
    op.modifiedAt = now;
    return;
  }
  ops.set(change.recordId, { cells: new Map([[change.fieldId, change.after]]), modifiedAt: now });
}

export interface BucketOps {
  key: string;
  tableId: TableId;
  ops: Map<RecordId, RecordOp>;
}

/** The touched buckets, table by table in bucket order, with how many records they change. */
export function listBuckets(plan: RecordPlan): { buckets: BucketOps[]; records: number } {
  const buckets: BucketOps[] = [];
  let records = 0;
  for (const [tableId, byNumber] of plan) {
    byNumber.forEach((ops, b) => {
      if (!ops) return;
      buckets.push({ key: bucketKey(tableId, b), tableId, ops });
      records += ops.size;
    });
  }
  return { buckets, records };
}

/**
 * The bucket's records after the ops. `stored` comes fresh from IndexedDB and is reused.
 * A patch of a record that is not stored does nothing, like an update of a missing key.
 */
export function applyBucketOps(
  stored: TableRecord[] | undefined,
  ops: Map<RecordId, RecordOp>,
): TableRecord[] {
  const records = stored ?? [];
  const found = new Set<RecordId>();
  let kept = 0;
  for (const record of records) {
    const op = ops.get(record.id);
    if (!op) {
      records[kept++] = record;
      continue;
    }
    found.add(record.id);
    if (op.put) records[kept++] = op.put;
    else if (op.put === undefined && op.cells)
      records[kept++] = withCells(record, op.cells, op.modifiedAt ?? record.modifiedAt);
  }
  records.length = kept;
  if (found.size < ops.size) {
    for (const [id, op] of ops) if (op.put && !found.has(id)) records.push(op.put);
  }
  return records;
}

/** Between bulk calls: stop when cancelled (throwing aborts the transaction), report progress. */
export interface Progress {
  /** Records changed per bulk call (roughly: whole buckets are taken). */
  chunk: number;
  step(count: number): void;
}

/** Most buckets per bulk call, whatever their size. */
const MAX_BUCKETS_PER_CALL = 64;

/** Reads, changes and writes back every touched bucket, a batch of buckets per bulk call. */
export async function writeRecordOps(
  db: WorkspaceDb,
  buckets: readonly BucketOps[],
  progress: Progress,
): Promise<void> {
  let at = 0;
  while (at < buckets.length) {
    progress.step(0);
    const batch: BucketOps[] = [];
    let count = 0;
    while (at < buckets.length && count < progress.chunk && batch.length < MAX_BUCKETS_PER_CALL) {
      const next = buckets[at++] as BucketOps;
      batch.push(next);
      count += next.ops.size;
    }
    const stored = await db.recordBuckets.bulkGet(batch.map((b) => b.key));
    const puts: RecordBucket[] = [];
    const deletes: string[] = [];
    batch.forEach((b, i) => {
      const records = applyBucketOps(stored[i]?.records, b.ops);
      if (records.length > 0) puts.push({ key: b.key, tableId: b.tableId, records });
      else if (stored[i]) deletes.push(b.key);
    });
    if (deletes.length > 0) await db.recordBuckets.bulkDelete(deletes);
    if (puts.length > 0) await db.recordBuckets.bulkPut(puts);
    progress.step(count);
  }
}
