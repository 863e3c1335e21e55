/**
 * Formula results change without their records changing. The cells on screen are repainted
 * and, when the view's sort or search reads a changed formula column, the view places the
 * changed rows again (or works itself out again when any row may have changed).
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import type { RecordId, TableId } from '../../domain/ids';
import type { TableRecord } from '../../domain/model';
import { subscribeFormulas } from '../../state/formulas';
import type { RowView } from './rowView';

export interface FormulaRefreshTarget {
  view: RowView | null;
  /** Forgets the search text of these records (every record's when null). */
  forget: (ids: readonly RecordId[] | null) => void;
}

/** Keeps the grid's cells and the view's order and search in step with formula results. */
export function useFormulaRefresh(
  api: GridApi<TableRecord> | null,
  tableId: TableId,
  target: FormulaRefreshTarget,
): void {
  // The latest view and search, read when a reply arrives (no resubscription per keystroke).
  const latest = useRef(target);
  latest.current = target;
  useEffect(() => {
    if (!api) return;
    return subscribeFormulas(tableId, (fields, rows) => {
      if (api.isDestroyed()) return;
      const { view, forget } = latest.current;
      forget(rows);
      view?.valuesChanged(fields, rows);
      api.refreshCells({ columns: [...fields], force: true });
    });
  }, [api, tableId]);
}
