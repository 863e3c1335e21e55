/**
 * The grid's left gutter: the checkbox column (a box per row, one in the header for every shown
 * row) and the row number with the button that opens the record.
 */
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { CustomHeaderProps } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableRecord } from '../../domain/model';
import { domRenderer } from './renderers';
import type { RowSelection, ShownRows } from './selection';

export const SELECT_COLUMN = '__select';
export const ROW_NUMBER_COLUMN = '__row';

export interface SelectColumnParams {
  selection: RowSelection;
  rows: () => ShownRows | null;
}

function SelectAllHeader(props: CustomHeaderProps & SelectColumnParams) {
  const { t } = useTranslation();
  const { selection, rows } = props;
  const box = useRef<HTMLInputElement>(null);
  const [, setVersion] = useState(0);
  useEffect(() => selection.subscribeHeader(() => setVersion((v) => v + 1)), [selection]);
  const shown = rows();
  const state = shown ? selection.headerState(shown) : 'none';
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="row-select"
      data-testid="select-all"
      aria-label={t('grid.selectAll')}
      checked={state === 'all'}
      disabled={!shown || shown.count === 0}
      onChange={() => {
        const current = rows();
        if (current) selection.toggleAll(current);
      }}
    />
  );
}

/** What both gutter columns are: pinned left, fixed, and not a field (no sort, no edit). */
const GUTTER: ColDef<TableRecord> = {
  headerName: '',
  pinned: 'left',
  lockPosition: 'left',
  lockPinned: true,
  suppressMovable: true,
  sortable: false,
  resizable: false,
  editable: false,
};

export function selectColumnDef(params: SelectColumnParams, t: TFunction): ColDef<TableRecord> {
  return {
    colId: SELECT_COLUMN,
    ...GUTTER,
    width: 44,
    cellClass: 'cell-select',
    headerComponent: SelectAllHeader,
    headerComponentParams: params,
    cellRenderer: domRenderer((p: ICellRendererParams<TableRecord>) => {
      if (!p.data) return '';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.className = 'row-select';
      input.checked = params.selection.has(p.data.id);
      input.setAttribute('aria-label', t('grid.selectRow'));
      input.tabIndex = -1;
      return input;
    }),
  };
}

export function rowNumberColumnDef(t: TFunction): ColDef<TableRecord> {
  return {
    colId: ROW_NUMBER_COLUMN,
    ...GUTTER,
    width: 64,
    cellClass: 'cell-rownum',
    valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1,
    cellRenderer: domRenderer((p: ICellRendererParams<TableRecord, number>) => {
      const wrap = document.createElement('span');
      wrap.className = 'rownum';
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'row-expand';
      btn.textContent = '⤢';
      btn.title = t('grid.expand');
      btn.setAttribute('aria-label', t('grid.expand'));
      const n = document.createElement('span');
      n.textContent = String(p.value ?? '');
      wrap.append(n, btn);
      return wrap;
    }),
  };
}
