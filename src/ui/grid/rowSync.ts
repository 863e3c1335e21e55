/** Keeps the grid's rows in step with a RecordStore: full reloads, and per-row patches for edits. */
import type { GridApi } from 'ag-grid-community';
import type { TableRecord } from '../../domain/model';
import type { RecordStore } from '../../state/recordStore';

const BULK = 200;

export function attachRecordStore(api: GridApi<TableRecord>, store: RecordStore): () => void {
  let shownAll = false;
  const showAll = () => {
    api.setGridOption('rowData', store.all());
    if (store.complete && !shownAll) {
      shownAll = true;
      requestAnimationFrame(() => performance.mark('regulars:all-rows'));
    }
  };
  showAll();
  return store.subscribe((delta) => {
    if (api.isDestroyed()) return;
    if (delta.reset) {
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
    for (const rec of delta.updated) api.getRowNode(rec.id)?.setData(rec);
  });
}
