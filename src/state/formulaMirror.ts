/**
 * The page's copy of one table's formula results, kept in step with the engine worker: requests
 * are sent as records change, replies are applied strictly in order, and each reply's row
 * numbers are read against the rows the engine had at that point.
 */
import type { FieldId, RecordId } from '../domain/ids';
import type { Field } from '../domain/model';
import type { EngineValue, FormulaResult, InputKind, ResultType } from '../engine/types';
import type { ColumnUpdate } from '../engine/remote/protocol';

/** A change of row positions that a reply's values come after. */
export type RowShift =
  { kind: 'insert'; at: number; count: number } | { kind: 'remove'; rows: readonly number[] };

export interface FormulaTable {
  signature: string;
  /** The rows as the engine has been told (never mutated: replaced on every row change). */
  rowIds: readonly RecordId[];
  rowIndex: Map<RecordId, number>;
  inputs: Map<FieldId, { field: Field; kind: InputKind }>;
  /** What the engine holds for each input, to send only real changes. */
  values: Map<FieldId, EngineValue[]>;
  /** The results shown, and the rows they belong to (the engine's rows as of the last reply). */
  shownIds: readonly RecordId[];
  shownIndex: Map<RecordId, number> | null;
  results: Map<FieldId, FormulaResult[]>;
  types: Map<FieldId, ResultType>;
  /** Replies are applied in request order. */
  replies: Promise<void>;
  unsubscribe: () => void;
}

export function indexRows(ids: readonly RecordId[]): Map<RecordId, number> {
  const index = new Map<RecordId, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i] as RecordId, i);
  return index;
}

export function shownValue(
  t: FormulaTable,
  fieldId: FieldId,
  recordId: RecordId,
): FormulaResult | undefined {
  // Usually the engine has answered everything sent: the shown rows are the current rows, and
  // their index is shared (a second index of 1M rows would cost ~50 MB).
  const index = t.shownIds === t.rowIds ? t.rowIndex : (t.shownIndex ??= indexRows(t.shownIds));
  const row = index.get(recordId);
  return row === undefined ? undefined : t.results.get(fieldId)?.[row];
}

/** Moves the shown results as the engine moved its rows. */
export function shiftResults(t: FormulaTable, shift: RowShift): void {
  for (const column of t.results.values()) {
    if (shift.kind === 'insert') {
      column.splice(shift.at, 0, ...new Array<FormulaResult>(shift.count).fill(null));
    } else {
      const rows = [...shift.rows].sort((a, b) => b - a);
      for (const r of rows) column.splice(r, 1);
    }
  }
}

/**
 * Applies one reply to the shown results; returns the fields it changed and, when only some rows
 * changed, which records.
 */
export function applyUpdates(
  t: FormulaTable,
  updates: readonly ColumnUpdate[],
): { fields: FieldId[]; rows: Set<RecordId> | null } {
  const fields: FieldId[] = [];
  let rows: Set<RecordId> | null = new Set();
  for (const u of updates) {
    const id = u.fieldId as FieldId;
    fields.push(id);
    t.types.set(id, u.type);
    if (u.rows === null) {
      t.results.set(id, u.values);
      rows = null;
      continue;
    }
    const column = t.results.get(id) ?? [];
    t.results.set(id, column);
    u.rows.forEach((r, i) => {
      column[r] = u.values[i] ?? null;
      const recordId = t.shownIds[r];
      if (rows && recordId) rows.add(recordId);
    });
  }
  return { fields, rows };
}
