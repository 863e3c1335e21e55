import type { GridApi } from 'ag-grid-community';
import { createGrid } from 'ag-grid-community';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldId, RecordId, TableId } from '../../../src/domain/ids';
import type { TableRecord } from '../../../src/domain/model';
import { RecordStore } from '../../../src/state/recordStore';
import { registerGridModules } from '../../../src/ui/grid/agGrid';
import { attachRows, BLOCK_ROWS, BLOCKS_KEPT } from '../../../src/ui/grid/gridRows';
import type { RowViewSpec } from '../../../src/ui/grid/rowView';
import { SHOW_ALL } from '../../../src/ui/grid/rowView';

registerGridModules();

const TABLE = 'tbl_a' as TableId;
const AMOUNT = 'fld_amount' as FieldId;
const record = (i: number, amount: number): TableRecord => ({
  id: `r${i}` as RecordId,
  tableId: TABLE,
  order: i,
  values: { [AMOUNT]: amount },
  createdAt: 0,
  modifiedAt: 0,
});
const byAmountDesc: RowViewSpec = {
  sorts: [
    {
      fieldId: AMOUNT,
      read: (r) => r.values[AMOUNT],
      compare: (a, b) => (a as number) - (b as number),
      descending: true,
    },
  ],
  filter: null,
  reads: new Set([AMOUNT]),
};

/** The grid loads blocks in timers; a loaded machine makes the first grid slow to start. */
const settle = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 2 });

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
  document.body.innerHTML = '';
});

function setUp(count: number, spec: RowViewSpec) {
  const store = new RecordStore(TABLE);
  store.reset(
    Array.from({ length: count }, (_, i) => record(i, i % 7)),
    true,
  );
  const div = document.createElement('div');
  div.style.height = '400px';
  document.body.append(div);
  const api: GridApi<TableRecord> = createGrid(div, {
    rowModelType: 'infinite',
    cacheBlockSize: BLOCK_ROWS,
    maxBlocksInCache: BLOCKS_KEPT,
    maxConcurrentDatasourceRequests: -1,
    getRowId: (p) => p.data.id,
    columnDefs: [{ colId: 'amount', valueGetter: (p) => p.data?.values[AMOUNT] }],
  });
  const counts: number[] = [];
  const shown = vi.fn();
  const feed = attachRows(api, store, spec, (v) => counts.push(v.count), shown);
  cleanups.push(() => {
    feed.detach();
    api.destroy();
  });
  const rowAt = (i: number) => api.getDisplayedRowAtIndex(i)?.data;
  return { store, api, feed, counts, shown, rowAt };
}

describe('attachRows', { timeout: 20_000 }, () => {
  it('hands the grid the view row by row position, with the row count', async () => {
    const { feed, counts, rowAt, api } = setUp(1000, SHOW_ALL);
    await settle(() => expect(rowAt(0)?.id).toBe('r0'));
    expect(counts.at(-1)).toBe(1000);
    expect(api.getDisplayedRowCount()).toBe(1000);
    expect(feed.view.rowAt(999)?.id).toBe('r999');
    await feed.whenShowsAll();
  });

  it('shows the sorted view once it is worked out, never the rows in table order', async () => {
    const { rowAt, feed } = setUp(5000, byAmountDesc);
    // Every first row the grid ever showed while waiting is the sorted one (amount 6), not r0.
    const seen: unknown[] = [];
    await settle(() => {
      const first = rowAt(0);
      if (first) seen.push(first.values[AMOUNT]);
      expect(first?.values[AMOUNT]).toBe(6);
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v) => v === 6)).toBe(true);
    expect(rowAt(0)?.id).toBe('r6');
    await feed.whenShowsAll();
    expect(feed.view.ids().slice(0, 3)).toEqual(['r6', 'r13', 'r20']);
  });

  it('patches an edited row on screen and moves it when the sort reads it', async () => {
    const { store, rowAt, feed } = setUp(50, byAmountDesc);
    await settle(() => expect(rowAt(0)?.id).toBe('r6'));
    store.apply(
      [
        {
          kind: 'cell',
          tableId: TABLE,
          recordId: 'r0' as RecordId,
          fieldId: AMOUNT,
          before: 0,
          after: 100,
        },
      ],
      1,
    );
    await feed.whenShowsAll();
    await settle(() => expect(rowAt(0)?.id).toBe('r0'));
    expect(rowAt(0)?.values[AMOUNT]).toBe(100);
  });

  it('shows a new record and drops a deleted one, and the count follows', async () => {
    const { store, rowAt, counts, api } = setUp(3, SHOW_ALL);
    await settle(() => expect(rowAt(2)?.id).toBe('r2'));
    store.apply([{ kind: 'record', id: 'r9' as RecordId, after: record(9, 1) }], 1);
    await settle(() => expect(rowAt(3)?.id).toBe('r9'));
    expect(counts.at(-1)).toBe(4);
    store.apply([{ kind: 'record', id: 'r0' as RecordId, before: record(0, 0) }], 1);
    await settle(() => expect(rowAt(0)?.id).toBe('r1'));
    expect(api.getDisplayedRowCount()).toBe(3);
  });

  it('gives the grid its datasource once the view has its rows, and answers every request at once', async () => {
    const { api } = setUp(5000, byAmountDesc);
    // Sorting 5,000 rows is not done in the task that attached them: the grid has nothing to ask.
    expect(api.getGridOption('datasource')).toBeUndefined();
    await settle(() => expect(api.getGridOption('datasource')).toBeDefined());
    const successCallback = vi.fn();
    api.getGridOption('datasource')?.getRows({
      startRow: 0,
      endRow: 3,
      successCallback,
      failCallback: () => undefined,
      sortModel: [],
      filterModel: {},
      context: undefined,
      api,
    });
    expect(successCallback).toHaveBeenCalledTimes(1);
    const [rows, count] = successCallback.mock.calls[0] as [TableRecord[], number];
    expect(rows.map((r) => r.values[AMOUNT])).toEqual([6, 6, 6]);
    expect(count).toBe(5000);
  });

  it('does not read the rows again for the spec they were attached with', async () => {
    const { api, feed, rowAt } = setUp(50, SHOW_ALL);
    await settle(() => expect(rowAt(0)?.id).toBe('r0'));
    const refresh = vi.spyOn(api, 'refreshInfiniteCache');
    feed.setSpec(SHOW_ALL);
    expect(refresh).not.toHaveBeenCalled();
    feed.setSpec(byAmountDesc);
    await settle(() => expect(rowAt(0)?.id).toBe('r6'));
    expect(refresh).toHaveBeenCalled();
  });
});
