/** Keeps the grid's rows in step with a RecordStore: full reloads, and per-row patches for edits. */
import type { GridApi } from 'ag-grid-community';
import type { TableRecord } from '../../domain/model';
import type { RecordStore } from '../../state/recordStore';

const BULK = 200;

export interface RowFeed {
  detach(): void;
  /** Resolves once the grid holds every record of the table (not just the first screen). */
  whenShowsAll(): Promise<void>;
}

/**
 * The grid gets the rows once the table is fully loaded (until then the first screen shows
 * the first page): one fresh row set is cheaper than a partial one followed by 100,000 more,
 * and cheaper than handing them over in parts (each transaction re-walks every row: 10 parts
 * of 10,000 took 2 s at 100,000 rows against 0.3 s at once).
 * `onShown` runs after the grid has painted them.
 */
export function attachRecordStore(
  api: GridApi<TableRecord>,
  store: RecordStore,
  onShown: () => void,
): RowFeed {
  let shownAll = false;
  let waiting: (() => void)[] = [];
  const showAll = () => {
    if (!store.complete) return;
    api.setGridOption('rowData', store.all());
    for (const resolve of waiting) resolve();
    waiting = [];
    if (!shownAll) {
      shownAll = true;
      requestAnimationFrame(() => {
        performance.mark('regulars:all-rows');
        onShown();
      });
    }
  };
  showAll();
  const detach = store.subscribe((delta) => {
    if (api.isDestroyed()) return;
    if (delta.reset || !shownAll) {
      showAll();
      return;
    }
    if (delta.added.length === 1 && delta.removed.length === 0 && delta.updated.length === 0) {
      const rec = delta.added[0] as TableRecord;
      api.applyTransaction({ add: [rec], addIndex: store.all().indexOf(rec) });
      return;
    }
    if (delta.added.length > 0) {
      // Several rows came back (undo of a delete, another tab): keep table order.
      api.setGridOption('rowData', store.all());
      return;
    }
    if (delta.removed.length > 0 || delta.updated.length > BULK) {
      api.applyTransaction({
        remove: delta.removed.map((id) => ({ id }) as TableRecord),
        update: delta.updated,
      });
      return;
    }
    const moved = patchRows(api, delta.updated);
    // Placed again by a delta sort (see DataGrid): a transaction costs a pass over all rows.
    if (moved.length > 0) api.applyTransaction({ update: moved });
  });
  return {
    detach,
    whenShowsAll: () =>
      shownAll ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve)),
  };
}

/**
 * Patches edited rows in place and returns those that may have to move: a value the sort reads
 * changed, or a filter is on (the search reads every shown cell).
 */
function patchRows(api: GridApi<TableRecord>, updated: readonly TableRecord[]): TableRecord[] {
  const filtered = api.isAnyFilterPresent();
  const sorted = api
    .getColumnState()
    .filter((c) => c.sort)
    .map((c) => c.colId);
  const moved: TableRecord[] = [];
  for (const rec of updated) {
    const rowNode = api.getRowNode(rec.id);
    if (!rowNode) continue;
    const read = () => sorted.map((colKey) => api.getCellValue({ rowNode, colKey }));
    const before = sorted.length > 0 ? read() : [];
    rowNode.setData(rec);
    if (filtered || read().some((v, i) => v !== before[i])) moved.push(rec);
  }
  return moved;
}
