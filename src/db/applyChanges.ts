/**
 * Writes one Command's changes as a diff in ONE read-write transaction: all or nothing.
 * Changes are first folded into per-store bulk operations, with the same end state as
 * applying them one by one, so a command touching 100,000 records stays a few bulk calls.
 */
import type { UpdateSpec } from 'dexie';
import type { Change } from '../domain/changes';
import type { FieldId, RecordId } from '../domain/ids';
import type { CellValue, Field, Table, TableRecord, View, WorkspaceMeta } from '../domain/model';
import { toStorageError } from './errors';
import type { WorkspaceDb } from './schema';

/** id → the entity's final state in this command; undefined means delete. */
type StorePlan<T> = Map<string, T | undefined>;

/** Key-path patch for one record: `values.<fieldId>` entries plus modifiedAt. */
type CellPatch = Record<string, CellValue | number | undefined>;

interface WritePlan {
  meta: WorkspaceMeta | undefined;
  tables: StorePlan<Table>;
  fields: StorePlan<Field>;
  views: StorePlan<View>;
  records: StorePlan<TableRecord>;
  /** Cell edits on records this command does not replace: patched in place, per key path. */
  cellPatches: Map<RecordId, CellPatch>;
}

/** For large commands (imports, restores): cancel, progress and the size of each bulk call. */
export interface WriteOptions {
  /** Aborting rolls the whole transaction back; applyChanges then throws WriteAbortedError. */
  signal?: AbortSignal;
  /** Records (and patched records) written so far, of all. */
  onProgress?: (written: number, total: number) => void;
  /**
   * Records per bulk call (default 500): the page runs between calls, inside the transaction.
   * Serialising a call's records blocks the page: 5,000 took 300–800 ms on the test machine.
   */
  chunk?: number;
}

export class WriteAbortedError extends Error {
  override name = 'WriteAbortedError';
}

/**
 * Applies `changes` in order. A cell change patches only `values.<fieldId>` (and
 * modifiedAt = `now`) so that two tabs editing different cells of one record both win.
 * Throws StorageQuotaError when the disk is full; on any failure nothing is written.
 */
export async function applyChanges(
  db: WorkspaceDb,
  changes: readonly Change[],
  now: number = Date.now(),
  options: WriteOptions = {},
): Promise<void> {
  if (changes.length === 0) return;
  const plan = planChanges(changes, now);
  const stores = [db.meta, db.tableStore, db.fields, db.views, db.records];
  const progress = chunkProgress(plan, options);
  try {
    await db.transaction('rw', stores, async () => {
      if (plan.meta) await db.meta.put(plan.meta);
      await writeStore(db.tableStore, plan.tables);
      await writeStore(db.fields, plan.fields);
      await writeStore(db.views, plan.views);
      await writeStore(db.records, plan.records, progress);
      await patchCells(db, plan.cellPatches, progress);
    });
  } catch (err) {
    if (options.signal?.aborted) throw new WriteAbortedError('The write was cancelled.');
    throw toStorageError(err);
  }
}

/** Between bulk calls: stop when cancelled (throwing aborts the transaction), report progress. */
interface Progress {
  chunk: number;
  step(count: number): void;
}

function chunkProgress(plan: WritePlan, options: WriteOptions): Progress {
  const total = plan.records.size + plan.cellPatches.size;
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

function planChanges(changes: readonly Change[], now: number): WritePlan {
  const plan: WritePlan = {
    meta: undefined,
    tables: new Map(),
    fields: new Map(),
    views: new Map(),
    records: new Map(),
    cellPatches: new Map(),
  };
  for (const change of changes) {
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
        // A whole-record put replaces whatever cells were patched before it.
        plan.records.set(change.id, change.after);
        plan.cellPatches.delete(change.id);
        break;
      case 'cell':
        planCell(plan, change.recordId, change.fieldId, change.after, now);
        break;
    }
  }
  return plan;
}

function planCell(
  plan: WritePlan,
  recordId: RecordId,
  fieldId: FieldId,
  value: CellValue | undefined,
  now: number,
): void {
  if (plan.records.has(recordId)) {
    const record = plan.records.get(recordId);
    // Editing a record deleted earlier in the same command is a no-op, as update() would be.
    if (record) plan.records.set(recordId, withCell(record, fieldId, value, now));
    return;
  }
  let patch = plan.cellPatches.get(recordId);
  if (!patch) {
    patch = {};
    plan.cellPatches.set(recordId, patch);
  }
  patch[`values.${fieldId}`] = value;
  patch.modifiedAt = now;
}

/** A copy with one cell set (or removed); the command's own objects are never mutated. */
function withCell(
  record: TableRecord,
  fieldId: FieldId,
  value: CellValue | undefined,
  now: number,
): TableRecord {
  const values = { ...record.values };
  if (value === undefined) delete values[fieldId];
  else values[fieldId] = value;
  return { ...record, values, modifiedAt: now };
}

interface BulkStore<T> {
  bulkPut(items: readonly T[]): Promise<unknown>;
  bulkDelete(keys: readonly string[]): Promise<unknown>;
}

async function writeStore<T>(
  store: BulkStore<T>,
  plan: StorePlan<T>,
  progress?: Progress,
): Promise<void> {
  if (plan.size === 0) return;
  const puts: T[] = [];
  const deletes: string[] = [];
  for (const [id, after] of plan) {
    if (after === undefined) deletes.push(id);
    else puts.push(after);
  }
  const size = progress?.chunk ?? Infinity;
  await inChunks(deletes, size, (part) => store.bulkDelete(part), progress);
  await inChunks(puts, size, (part) => store.bulkPut(part), progress);
}

/** One bulk call per `size` items, awaited in turn so the page can run in between. */
async function inChunks<T>(
  items: readonly T[],
  size: number,
  write: (part: readonly T[]) => Promise<unknown>,
  progress?: Progress,
): Promise<void> {
  for (let at = 0; at < items.length; at += size) {
    progress?.step(0);
    const part = size >= items.length ? items : items.slice(at, at + size);
    await write(part);
    progress?.step(part.length);
  }
}

async function patchCells(
  db: WorkspaceDb,
  patches: Map<RecordId, CellPatch>,
  progress: Progress,
): Promise<void> {
  if (patches.size === 0) return;
  const entries = Array.from(patches, ([key, patch]) => ({
    key,
    // Dexie's UpdateSpec cannot spell `values.<branded id>` key paths; the shape is right.
    changes: patch as unknown as UpdateSpec<TableRecord>,
  }));
  await inChunks(entries, progress.chunk, (part) => db.records.bulkUpdate([...part]), progress);
}
