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

/**
 * Applies `changes` in order. A cell change patches only `values.<fieldId>` (and
 * modifiedAt = `now`) so that two tabs editing different cells of one record both win.
 * Throws StorageQuotaError when the disk is full; on any failure nothing is written.
 */
export async function applyChanges(
  db: WorkspaceDb,
  changes: readonly Change[],
  now: number = Date.now(),
): Promise<void> {
  if (changes.length === 0) return;
  const plan = planChanges(changes, now);
  const stores = [db.meta, db.tableStore, db.fields, db.views, db.records];
  try {
    await db.transaction('rw', stores, async () => {
      if (plan.meta) await db.meta.put(plan.meta);
      await writeStore(db.tableStore, plan.tables);
      await writeStore(db.fields, plan.fields);
      await writeStore(db.views, plan.views);
      await writeStore(db.records, plan.records);
      await patchCells(db, plan.cellPatches);
    });
  } catch (err) {
    throw toStorageError(err);
  }
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

async function patchCells(db: WorkspaceDb, patches: Map<RecordId, CellPatch>): Promise<void> {
  if (patches.size === 0) return;
  const entries = Array.from(patches, ([key, patch]) => ({
    key,
    // Dexie's UpdateSpec cannot spell `values.<branded id>` key paths; the shape is right.
    changes: patch as unknown as UpdateSpec<TableRecord>,
  }));
  await db.records.bulkUpdate(entries);
}
