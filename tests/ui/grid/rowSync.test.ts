import type { GridApi } from 'ag-grid-community';
import { createGrid } from 'ag-grid-community';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldId, RecordId, TableId } from '../../../src/domain/ids';
import type { TableRecord } from '../../../src/domain/model';
import { RecordStore } from '../../../src/state/recordStore';
import { registerGridModules } from '../../../src/ui/grid/agGrid';
import { attachRecordStore } from '../../../src/ui/grid/rowSync';

registerGridModules();

const TABLE = 'tbl_a' as TableId;
const AMOUNT = 'fld_amount' as FieldId;
const NOTE = 'fld_note' as FieldId;
const record = (id: string, amount: number, order: number): TableRecord => ({
  id: id as RecordId,
  tableId: TABLE,
  order,
  values: { [AMOUNT]: amount },
  createdAt: 0,
  modifiedAt: 0,
});

const shownIds = (api: GridApi<TableRecord>): string[] => {
  const ids: string[] = [];
  api.forEachNodeAfterFilterAndSort((n) => n.data && ids.push(n.data.id));
  return ids;
};

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
  document.body.innerHTML = '';
});

/** A grid over a loaded store of five records with amounts 10…50 (rec a…e). */
function setUp(atLeast?: number) {
  const store = new RecordStore(TABLE);
  store.reset(
    ['a', 'b', 'c', 'd', 'e'].map((id, i) => record(id, (i + 1) * 10, i)),
    true,
  );
  const div = document.createElement('div');
  document.body.append(div);
  const api = createGrid<TableRecord>(div, {
    columnDefs: [{ colId: AMOUNT, valueGetter: (p) => p.data?.values[AMOUNT] }],
    getRowId: (p) => p.data.id,
    deltaSort: true,
    isExternalFilterPresent: () => atLeast !== undefined,
    doesExternalFilterPass: (n) => Number(n.data?.values[AMOUNT] ?? 0) >= (atLeast ?? 0),
  });
  const feed = attachRecordStore(api, store, () => undefined);
  cleanups.push(feed.detach, () => api.destroy());
  const edit = (id: string, value: number, fieldId = AMOUNT) =>
    store.apply(
      [
        {
          kind: 'cell',
          tableId: TABLE,
          recordId: id as RecordId,
          fieldId,
          before: null,
          after: value,
        },
      ],
      1,
    );
  return { api, edit };
}

describe('attachRecordStore', () => {
  it('places an edited row again in a sorted grid', () => {
    const { api, edit } = setUp();
    api.applyColumnState({ state: [{ colId: AMOUNT, sort: 'desc' }] });
    expect(shownIds(api)).toEqual(['e', 'd', 'c', 'b', 'a']);
    edit('a', 99);
    expect(shownIds(api)).toEqual(['a', 'e', 'd', 'c', 'b']);
    expect(api.getRowNode('a')?.data?.values[AMOUNT]).toBe(99);
  });

  it('filters an edited row in or out of a filtered grid', () => {
    const { api, edit } = setUp(30);
    expect(shownIds(api)).toEqual(['c', 'd', 'e']);
    edit('d', 5);
    edit('a', 31);
    expect(shownIds(api)).toEqual(['a', 'c', 'e']);
  });

  it('patches a row in place when the edit does not touch what the sort reads', () => {
    const { api, edit } = setUp();
    api.applyColumnState({ state: [{ colId: AMOUNT, sort: 'desc' }] });
    const transaction = vi.spyOn(api, 'applyTransaction');
    edit('c', 30, NOTE);
    expect(transaction).not.toHaveBeenCalled();
    expect(api.getRowNode('c')?.data?.values[NOTE]).toBe(30);
    edit('c', 31);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(shownIds(api)).toEqual(['e', 'd', 'c', 'b', 'a']);
    edit('c', 45);
    expect(shownIds(api)).toEqual(['e', 'c', 'd', 'b', 'a']);
  });

  it('patches an edited row in place when nothing orders the rows', () => {
    const { api, edit } = setUp();
    edit('c', 1);
    expect(shownIds(api)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(api.getRowNode('c')?.data?.values[AMOUNT]).toBe(1);
  });
});

describe('attachRecordStore: whenShowsAll (the export waits for it)', () => {
  it('resolves once the loaded table is in the grid, not while the first screen shows', async () => {
    const store = new RecordStore(TABLE);
    store.reset([record('a', 1, 0)], false);
    const div = document.createElement('div');
    document.body.append(div);
    const api = createGrid<TableRecord>(div, {
      columnDefs: [{ colId: AMOUNT, valueGetter: (p) => p.data?.values[AMOUNT] }],
      getRowId: (p) => p.data.id,
    });
    const feed = attachRecordStore(api, store, () => undefined);
    cleanups.push(feed.detach, () => api.destroy());
    let done = false;
    const all = feed.whenShowsAll().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    store.finishLoad([record('a', 1, 0), record('b', 2, 1)]);
    await all;
    expect(shownIds(api)).toEqual(['a', 'b']);
    await feed.whenShowsAll();
  });
});
