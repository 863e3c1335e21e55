/**
 * Feeds the grid from a RowView through AG Grid's infinite row model: the grid holds row nodes
 * only for the blocks on screen (a client-side model made a node per record, which took the
 * page for ~250 ms at 100,000 rows and seconds at 1M), and asks the view for them by position.
 */
import type { BodyScrollEvent, GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { TableRecord } from '../../domain/model';
import type { RecordStore } from '../../state/recordStore';
import type { RowViewChange, RowViewSpec } from './rowView';
import { RowView } from './rowView';

/** Rows per block the grid asks for, and blocks it keeps (~2,000 row nodes at most). */
export const BLOCK_ROWS = 100;
export const BLOCKS_KEPT = 20;
/** More edited rows than this are re-read as blocks instead of patched one by one. */
const PATCH_LIMIT = 200;

export interface RowFeed {
  view: RowView;
  setSpec(spec: RowViewSpec): void;
  /** Resolves once the view shows every record of the table, sorted and searched. */
  whenShowsAll(): Promise<void>;
  detach(): void;
}

function patchRows(api: GridApi<TableRecord>, records: readonly TableRecord[]): void {
  if (records.length > PATCH_LIMIT) {
    api.refreshInfiniteCache();
    return;
  }
  const byId = new Map(records.map((r) => [r.id as string, r] as const));
  api.forEachNode((node) => {
    const rec = node.id === undefined ? undefined : byId.get(node.id);
    if (rec) node.setData(rec);
  });
}

/**
 * Asks for the blocks the next scroll step will show, in the direction and by the distance of
 * the last one: the grid loads a block a task after it first needs it, so a block met only
 * when scrolled to is drawn twice (loading rows, then the rows) in that frame.
 */
function prefetchAhead(api: GridApi<TableRecord>): () => void {
  let lastTop: number | null = null;
  const onScroll = (e: BodyScrollEvent<TableRecord>) => {
    if (e.direction !== 'vertical' || api.isDestroyed()) return;
    const first = api.getFirstDisplayedRowIndex();
    const last = api.getLastDisplayedRowIndex();
    const rowHeight = api.getDisplayedRowAtIndex(first)?.rowHeight ?? 0;
    const step = lastTop === null || rowHeight <= 0 ? 0 : Math.round((e.top - lastTop) / rowHeight);
    lastTop = e.top;
    const span = last - first + 1;
    const ahead = Math.max(span, Math.abs(step)) + span;
    const [from, to] = step >= 0 ? [last + 1, last + ahead] : [first - ahead, first - 1];
    const count = api.getDisplayedRowCount();
    for (let i = Math.max(0, from); i <= Math.min(count - 1, to); i += BLOCK_ROWS)
      api.getDisplayedRowAtIndex(i);
  };
  api.addEventListener('bodyScroll', onScroll);
  return () => {
    if (!api.isDestroyed()) api.removeEventListener('bodyScroll', onScroll);
  };
}

/**
 * Shows `store`'s records in the grid. `onRows` hears of each new set of shown rows; `onShown`
 * runs once, after the grid has painted the rows of the fully loaded table.
 */
export function attachRows(
  api: GridApi<TableRecord>,
  store: RecordStore,
  spec: RowViewSpec,
  onRows: (view: RowView) => void,
  onShown: () => void,
): RowFeed {
  let shownAll = false;
  // The grid gets its datasource once the view's first pass is done (a sorted view of 100,000
  // rows takes a moment): every request it makes can then be answered at once, and the first
  // pass needs no re-read of blocks the grid has just drawn. (AG Grid asks for a new block's
  // rows on a timer, after drawing a loading row for each: DataGrid keeps its first draws small.)
  let attached = false;
  const answer = (params: IGetRowsParams) => {
    const rows: TableRecord[] = [];
    const end = Math.min(params.endRow, view.count);
    for (let i = params.startRow; i < end; i++) rows.push(view.rowAt(i) as TableRecord);
    params.successCallback(rows, view.count);
  };
  const datasource: IDatasource = { getRows: answer };
  const showChange = (change: RowViewChange) => {
    if (api.isDestroyed()) return;
    if (change.kind === 'patched') {
      patchRows(api, change.records);
      return;
    }
    if (attached) {
      api.setRowCount(view.count, true);
      api.refreshInfiniteCache();
    } else {
      attached = true;
      api.setGridOption('datasource', datasource);
    }
    onRows(view);
    if (!shownAll && store.complete && !view.busy) {
      shownAll = true;
      requestAnimationFrame(() => {
        performance.mark('regulars:all-rows');
        onShown();
      });
    }
  };
  const view = new RowView(store, showChange);
  const unsubscribe = store.subscribe((delta) => view.storeChanged(delta));
  const stopPrefetch = prefetchAhead(api);
  // Whatever the store holds now (the first screen, or every row).
  let shownSpec = spec;
  view.setSpec(spec);
  return {
    view,
    // The spec the rows were attached with is not worked out again: that would re-read and
    // redraw the rows just drawn.
    setSpec: (next) => {
      if (next === shownSpec) return;
      shownSpec = next;
      view.setSpec(next);
    },
    whenShowsAll: async () => {
      while (!store.complete || view.busy) {
        if (view.busy) await view.whenCurrent();
        else
          await new Promise<void>((resolve) => {
            const stop = store.subscribe(() => {
              stop();
              resolve();
            });
          });
      }
    },
    detach: () => {
      unsubscribe();
      stopPrefetch();
    },
  };
}
