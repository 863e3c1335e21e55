/**
 * Record changes as engine requests: removed rows, inserted runs of rows and edited input cells
 * update the page's copy of the engine's rows and inputs, then go out through `send`. A million
 * rows are never re-indexed in one task (see formulaRowIndex).
 */
import { compareRecordOrder } from '../domain/records';
import type { FieldId, RecordId, TableId } from '../domain/ids';
import type { TableRecord } from '../domain/model';
import type { CellChange } from '../engine/types';
import type { EngineRequest } from '../engine/remote/protocol';
import { dropRows, insertAt, ownColumn, withoutRows } from './formulaMirror';
import type { FormulaTable, RowShift } from './formulaMirror';
import { engineValueOf } from './formulaValues';

export type SendRequest = (req: EngineRequest, shift?: RowShift) => void;

export function removeDeleted(
  tableId: TableId,
  t: FormulaTable,
  ids: readonly RecordId[],
  send: SendRequest,
): void {
  const found = new Set<number>();
  for (const id of ids) {
    const row = t.rowIndex.get(id);
    if (row !== undefined) found.add(row);
  }
  if (found.size === 0) return;
  const rows = [...found].sort((a, b) => a - b);
  t.rowIds = withoutRows(t.rowIds, rows);
  t.rowIndex.shift({ kind: 'remove', rows }, [], () => t.rowIds);
  for (const id of [...t.values.keys()]) {
    const column = ownColumn(t, id);
    if (column) t.values.set(id, dropRows(column, rows));
  }
  send({ op: 'removeRows', table: tableId, rows }, { kind: 'remove', rows });
}

/** Sends the engine the input cells whose value really changed. */
export function editInputs(
  tableId: TableId,
  t: FormulaTable,
  updated: readonly TableRecord[],
  send: SendRequest,
): void {
  const changes: CellChange[] = [];
  for (const rec of updated) {
    const row = t.rowIndex.get(rec.id);
    if (row === undefined) continue;
    for (const { field } of t.inputs.values()) {
      const value = engineValueOf(field, rec);
      if (t.values.get(field.id)?.[row] === value) continue;
      const column = ownColumn(t, field.id);
      if (!column) continue;
      column[row] = value;
      changes.push({ fieldId: field.id, row, value });
    }
  }
  if (changes.length > 0) send({ op: 'setValues', table: tableId, changes });
}

/** New records go in as runs of consecutive rows, one request per run. */
export function insertAdded(
  tableId: TableId,
  t: FormulaTable,
  added: readonly TableRecord[],
  order: readonly TableRecord[],
  send: SendRequest,
): void {
  const placed = added
    .map((rec) => ({ rec, at: positionOf(order, rec) }))
    .sort((a, b) => a.at - b.at);
  for (let i = 0; i < placed.length;) {
    const at = Math.min((placed[i] as { at: number }).at, t.rowIds.length);
    let end = i + 1;
    while (end < placed.length && placed[end]?.at === at + (end - i)) end += 1;
    const run = placed.slice(i, end).map((p) => p.rec);
    const values = [...t.inputs.values()].map(({ field }) => ({
      fieldId: field.id,
      values: run.map((rec) => engineValueOf(field, rec)),
    }));
    const runIds = run.map((r) => r.id);
    t.rowIds = t.rowIds.slice(0, at).concat(runIds, t.rowIds.slice(at));
    t.rowIndex.shift({ kind: 'insert', at, count: run.length }, runIds, () => t.rowIds);
    for (const v of values) {
      const column = ownColumn(t, v.fieldId as FieldId);
      if (column) t.values.set(v.fieldId as FieldId, insertAt(column, at, v.values));
    }
    const count = run.length;
    send({ op: 'insertRows', table: tableId, at, count, values }, { kind: 'insert', at, count });
    i = end;
  }
}

/** The record's position in table order: a binary search, checked (a linear search if off). */
function positionOf(order: readonly TableRecord[], rec: TableRecord): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareRecordOrder(order[mid] as TableRecord, rec) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (order[lo]?.id === rec.id) return lo;
  const found = order.findIndex((r) => r.id === rec.id);
  return found < 0 ? order.length : found;
}
