/**
 * The page's copy of one table's formula results, kept in step with the engine worker: requests
 * are sent as records change, replies are applied strictly in order, and each reply's row
 * numbers are read against the rows the engine had at that point.
 */
import type { FieldId, RecordId } from '../domain/ids';
import type { Field, TableRecord } from '../domain/model';
import type { EngineValue, FormulaResult, InputKind, ResultType } from '../engine/types';
import type { ReceivedUpdate } from '../engine/remote/protocol';
import { ResultColumn } from '../engine/resultColumn';
import { RowTable } from './formulaRowIndex';
import type { RowIndex } from './formulaRowIndex';
import { runSlicedLoop } from './formulaValues';

/** A change of row positions that a reply's values come after (removed rows in ascending order). */
export type RowShift =
  { kind: 'insert'; at: number; count: number } | { kind: 'remove'; rows: readonly number[] };

export interface FormulaTable {
  /** The rows as the engine has been told (never mutated: replaced on every row change). */
  rowIds: readonly RecordId[];
  /** Each current row's position. */
  rowIndex: RowIndex;
  inputs: Map<FieldId, { field: Field; kind: InputKind }>;
  /** The formula of each formula column the engine holds. */
  formulas: Map<FieldId, string>;
  /** What the engine holds for each input, to send only real changes. */
  values: Map<FieldId, EngineValue[]>;
  /**
   * Columns of `values` a request is still sending: the client copies each part out of them only
   * when it posts it, so they are copied before any change (ownColumn), never changed in place.
   */
  lent: Set<readonly EngineValue[]>;
  /** The results shown, and the rows they belong to (the engine's rows as of the last reply). */
  shownIds: readonly RecordId[];
  /** The row shifts sent whose replies are not applied yet, oldest first. */
  pending: RowShift[];
  results: Map<FieldId, ResultColumn>;
  types: Map<FieldId, ResultType>;
  /** Replies are applied in request order. */
  replies: Promise<void>;
  unsubscribe: () => void;
}

/** Input column `id`, safe to change in place: a column still being sent is copied first. */
export function ownColumn(t: FormulaTable, id: FieldId): EngineValue[] | undefined {
  const column = t.values.get(id);
  if (!column || !t.lent.has(column)) return column;
  t.lent.delete(column);
  const copy = column.slice();
  t.values.set(id, copy);
  return copy;
}

/** Marks `columns` as being sent until `sent` settles (see FormulaTable.lent). */
export function lendColumns(
  t: FormulaTable,
  columns: Iterable<readonly EngineValue[]>,
  sent: Promise<unknown>,
): void {
  const lent = [...columns];
  for (const c of lent) t.lent.add(c);
  const release = (): void => lent.forEach((c) => t.lent.delete(c));
  sent.then(release, release);
}

/**
 * The records' ids and positions, a slice per task. The list of ids is made at its full length
 * at once: grown a push at a time, it was copied at each growth. At 1M rows two slow tasks (53
 * and 62 ms, formula-1m) came where it grows past ~600,000 ids; the traced one had ~26 ms of
 * script right after V8 began marking, when each copied id goes through the marking barrier.
 * The list stays in the page (it is not posted), so its holey kind costs nothing.
 */
export async function indexRecords(
  records: readonly TableRecord[],
): Promise<{ ids: RecordId[]; index: RowTable }> {
  const ids = new Array<RecordId>(records.length);
  const index = new RowTable(ids);
  await runSlicedLoop(records.length, (i) => {
    ids[i] = (records[i] as TableRecord).id;
    index.add(i);
  });
  return { ids, index };
}

export function shownValue(
  t: FormulaTable,
  fieldId: FieldId,
  recordId: RecordId,
): FormulaResult | undefined {
  // The shown rows are the current rows with the pending shifts undone (newest first): no
  // second index of a million rows is needed while an insert or delete is on its way.
  let row = t.rowIndex.get(recordId);
  for (let i = t.pending.length - 1; i >= 0 && row !== undefined; i--)
    row = rowBefore(t.pending[i] as RowShift, row);
  return row === undefined ? undefined : t.results.get(fieldId)?.get(row);
}

/** Where row `row` (after `shift`) was before it; undefined for a row the shift inserted. */
export function rowBefore(shift: RowShift, row: number): number | undefined {
  if (shift.kind === 'insert') {
    if (row < shift.at) return row;
    return row < shift.at + shift.count ? undefined : row - shift.count;
  }
  // The kept rows before removed row k number rows[k] - k: count the removed rows whose kept
  // predecessors are at most `row` (binary search); the row moved down by that many.
  const rows = shift.rows;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as number) - mid <= row) lo = mid + 1;
    else hi = mid;
  }
  return row + lo;
}

/** Moves the shown results as the engine moved its rows. */
export function shiftResults(t: FormulaTable, shift: RowShift): void {
  for (const [id, column] of t.results)
    t.results.set(
      id,
      shift.kind === 'insert' ? column.inserted(shift.at, shift.count) : column.without(shift.rows),
    );
}

/** `items` inserted at `at`: in place for a few, else a new array (no spread of many args). */
export function insertAt<T>(array: T[], at: number, items: readonly T[]): T[] {
  if (items.length <= 1000) {
    array.splice(at, 0, ...items);
    return array;
  }
  return array.slice(0, at).concat(items, array.slice(at));
}

/** Up to this many removed rows are spliced out (a memory move each); more are filtered out. */
const FEW_ROWS = 16;

/** The array without the given positions (ascending): in place for a few, else a new array. */
export function dropRows<T>(array: T[], rows: readonly number[]): T[] {
  if (rows.length > FEW_ROWS) return withoutRows(array, rows);
  for (let k = rows.length - 1; k >= 0; k--) array.splice(rows[k] as number, 1);
  return array;
}

/** A new array without the given positions (ascending). */
export function withoutRows<T>(array: readonly T[], rows: readonly number[]): T[] {
  if (rows.length <= FEW_ROWS) return dropRows(array.slice(), rows);
  const out: T[] = [];
  let from = 0;
  for (const r of rows) {
    for (let i = from; i < r; i++) out.push(array[i] as T);
    from = r + 1;
  }
  for (let i = from; i < array.length; i++) out.push(array[i] as T);
  return out;
}

/**
 * Applies one reply to the shown results; returns the fields it changed and, when only some rows
 * changed, which records.
 */
export function applyUpdates(
  t: FormulaTable,
  updates: readonly ReceivedUpdate[],
): { fields: FieldId[]; rows: Set<RecordId> | null } {
  const fields: FieldId[] = [];
  let rows: Set<RecordId> | null = new Set();
  for (const u of updates) {
    const id = u.fieldId as FieldId;
    if (!fields.includes(id)) fields.push(id);
    t.types.set(id, u.type);
    if (u.rows === null) {
      t.results.set(id, u.values);
      rows = null;
      continue;
    }
    const column = t.results.get(id) ?? ResultColumn.empty(t.shownIds.length);
    t.results.set(id, column);
    u.rows.forEach((r, i) => {
      column.set(r, u.values.get(i) ?? null);
      const recordId = t.shownIds[r];
      if (rows && recordId) rows.add(recordId);
    });
  }
  return { fields, rows };
}
