/** Keeps the grid's rows in step with a RecordStore: full reloads, and per-row patches for edits. */
import type { GridApi } from 'ag-grid-community';
import type { TableRecord } from '../../domain/model';
import type { RecordStore } from '../../state/recordStore';

const BULK = 200;

/**
 * The grid gets the rows once the table is fully loaded (until then the first screen shows
 * the first page): one fresh row set is cheaper than a partial one followed by 100,000 more.
 * `onShown` runs after the grid has painted them.
 */
export function attachRecordStore(
  api: GridApi<TableRecord>,
  store: RecordStore,
  onShown: () => void,
): () => void {
  let shownAll = false;
  const showAll = () => {
    if (!store.complete) return;
    api.setGridOption('rowData', store.all());
    if (!shownAll) {
      shownAll = true;
      requestAnimationFrame(() => {
        performance.mark('regulars:all-rows');
        onShown();
      });
    }
  };
  showAll();
  return store.subscribe((delta) => {
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
    // A sorted or searched grid must place edited rows again (a delta sort, see DataGrid);
    // otherwise patching the rows in place is cheaper than a transaction over all rows.
    if (delta.updated.length === 0) return;
    if (isOrdered(api)) api.applyTransaction({ update: delta.updated });
    else for (const rec of delta.updated) api.getRowNode(rec.id)?.setData(rec);
  });
}

/** Whether the grid's row order or row set depends on values: a sort or a filter is on. */
function isOrdered(api: GridApi<TableRecord>): boolean {
  return api.isAnyFilterPresent() || api.getColumnState().some((c) => c.sort);
}
