import { describe, expect, it } from 'vitest';
import type { FieldId, RecordId, TableId } from '../../src/domain/ids';
import type { Field, TableRecord } from '../../src/domain/model';
import type { EngineRequest } from '../../src/engine/remote/protocol';
import type { EngineValue } from '../../src/engine/types';
import type { FormulaTable } from '../../src/state/formulaMirror';
import { lendColumns, ownColumn } from '../../src/state/formulaMirror';
import { editInputs, insertAdded, removeDeleted } from '../../src/state/formulaRows';
import { RowIndex } from '../../src/state/formulaRowIndex';

const T = 'tbl_t' as TableId;
const SPENT = 'fld_spent' as FieldId;
const spent: Field = { id: SPENT, tableId: T, name: 'Spent', type: 'number', options: {} };

const record = (id: string, order: number, value: number): TableRecord => ({
  id: id as RecordId,
  tableId: T,
  order,
  values: { [SPENT]: value },
  createdAt: 0,
  modifiedAt: 0,
});

/** Three rows a, b, c with Spent 1, 2, 3, their column still being sent by a build. */
function sendingTable(): { t: FormulaTable; column: EngineValue[]; sent: EngineRequest[] } {
  const rowIds = ['a', 'b', 'c'] as RecordId[];
  const column: EngineValue[] = [1, 2, 3];
  const t: FormulaTable = {
    rowIds,
    rowIndex: new RowIndex(new Map(rowIds.map((id, i) => [id, i]))),
    inputs: new Map([[SPENT, { field: spent, kind: 'number' }]]),
    formulas: new Map(),
    values: new Map([[SPENT, column]]),
    lent: new Set(),
    shownIds: rowIds,
    pending: [],
    results: new Map(),
    types: new Map(),
    replies: Promise.resolve(),
    unsubscribe: () => undefined,
  };
  lendColumns(t, [column], new Promise(() => undefined));
  return { t, column, sent: [] };
}

describe('input columns a request is still sending', () => {
  it('are copied before an edit, which the page keeps and sends', () => {
    const { t, column, sent } = sendingTable();
    editInputs(T, t, [record('b', 1, 20)], (req) => sent.push(req));
    expect(column).toEqual([1, 2, 3]);
    expect(t.values.get(SPENT)).toEqual([1, 20, 3]);
    expect(sent).toEqual([
      { op: 'setValues', table: T, changes: [{ fieldId: SPENT, row: 1, value: 20 }] },
    ]);
    // The copy is the page's own: the next edit changes it in place.
    const own = t.values.get(SPENT);
    editInputs(T, t, [record('c', 2, 30)], (req) => sent.push(req));
    expect(t.values.get(SPENT)).toBe(own);
    expect(own).toEqual([1, 20, 30]);
  });

  it('are not copied for an edit that changes nothing', () => {
    const { t, column, sent } = sendingTable();
    editInputs(T, t, [record('b', 1, 2)], (req) => sent.push(req));
    expect(t.values.get(SPENT)).toBe(column);
    expect(sent).toEqual([]);
  });

  it('keep their rows when rows are inserted or removed meanwhile', () => {
    const inserted = sendingTable();
    const order = [record('a', 0, 1), record('n', 0.5, 9), record('b', 1, 2), record('c', 2, 3)];
    insertAdded(T, inserted.t, [order[1] as TableRecord], order, () => undefined);
    expect(inserted.column).toEqual([1, 2, 3]);
    expect(inserted.t.values.get(SPENT)).toEqual([1, 9, 2, 3]);

    const removed = sendingTable();
    removeDeleted(T, removed.t, ['a' as RecordId], () => undefined);
    expect(removed.column).toEqual([1, 2, 3]);
    expect(removed.t.values.get(SPENT)).toEqual([2, 3]);
  });

  it('are changed in place again once the request has gone out', async () => {
    const { t, column } = sendingTable();
    t.lent.clear();
    let sent!: () => void;
    const going = new Promise<void>((resolve) => (sent = resolve));
    lendColumns(t, [column], going);
    expect(ownColumn(t, SPENT)).not.toBe(column);
    const copy = t.values.get(SPENT) as EngineValue[];
    lendColumns(t, [copy], going);
    sent();
    await going;
    await Promise.resolve();
    expect(ownColumn(t, SPENT)).toBe(copy);
  });
});
