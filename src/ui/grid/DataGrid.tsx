/**
 * The spreadsheet grid of one table view. Rows come from the table's RecordStore through a
 * RowView (our sort and search) that the grid pages through; every edit goes through our
 * commands (a value setter that changes nothing itself), so undo, persistence and cross-tab
 * sync see it.
 */
import type {
  CellClickedEvent,
  CellDoubleClickedEvent,
  CellContextMenuEvent,
  ColumnResizedEvent,
  GridApi,
  GridReadyEvent,
  ColDef,
  ValueSetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldId, RecordId } from '../../domain/ids';
import type { CellValue, Field, Table, TableRecord, View, ViewSort } from '../../domain/model';
import { cellOf } from '../../domain/packedRecords';
import { listViewColumns } from '../../domain/schemaState';
import {
  addRecord,
  deleteRecords,
  editCellText,
  reorderColumns,
  setCellValue,
  setColumnWidth,
  setSorts,
  typeContext,
} from '../../state/actions';
import { pushNotice, useAppStore } from '../../state/store';
import { markGridMade } from '../../state/startup';
import type { MenuItem } from '../components/Menu';
import { Menu } from '../components/Menu';
import { currentLanguage } from '../i18n';
import { FIRST_DRAW_ROWS, gridHeightFor, gridTheme, registerGridModules } from './agGrid';
import type { ColumnContext } from './columns';
import { buildColumnDefs } from './columns';
import { useLinkTitles } from './linkTitles';
import { useSearch } from './search';
import { useFormulaRefresh } from './formulaRefresh';
import type { EditorResult } from './editors';
import type { RowFeed } from './gridRows';
import { BLOCK_ROWS, BLOCKS_KEPT } from './gridRows';
import { buildViewSpec } from './viewSpec';
import { RowSelection } from './selection';
import { acceptImeTyping } from './imeTyping';
import {
  ROW_NUMBER_COLUMN,
  rowNumberColumnDef,
  SELECT_COLUMN,
  selectColumnDef,
} from './GutterColumns';
import { useRowFeed } from './useRowFeed';
import { cellKeyHandler, isComputedField } from './cellKeys';
import { NoRowsOverlay } from './NoRowsOverlay';
import '../styles/grid.css';

registerGridModules();

/**
 * The grid's first rows are drawn a few at a time, a task each (FIRST_DRAW_ROWS), the rest once
 * the loaded table's rows are in: one React commit of every visible row's cells took ~70 ms,
 * and the first draw of 8 rows (drawn twice: loading rows, then the rows) 40-70 ms on reopening
 * 100,000 rows. The first screen covers the grid until its full height is drawn, so the short
 * windows are never seen.
 */
function useFirstDraw(onFirstRows: (() => void) | undefined) {
  /** Index into FIRST_DRAW_ROWS; past its end, the full height. */
  const [stage, setStage] = useState(0);
  const latest = useRef(onFirstRows);
  latest.current = onFirstRows;
  const full = stage >= FIRST_DRAW_ROWS.length;
  // The next window once the loaded table's rows are shown, in a task of its own.
  const onShown = useCallback(() => void setTimeout(() => setStage(1), 0), []);
  // Each window once the last is drawn (the grid draws a new height in the frame after it).
  useEffect(() => {
    if (stage === 0) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => (full ? latest.current?.() : setStage(stage + 1)));
    });
    return () => cancelAnimationFrame(frame);
  }, [stage, full]);
  const rows = FIRST_DRAW_ROWS[stage];
  const style = rows === undefined ? undefined : { flex: 'none', height: gridHeightFor(rows) };
  return { firstDrawStyle: style, onShown };
}

export interface DataGridProps {
  table: Table;
  view: View;
  onExpand: (recordId: RecordId, order: RecordId[]) => void;
  onSelectionChange: (ids: RecordId[]) => void;
  onDisplayedCount: (n: number) => void;
  handleRef?: { current: GridHandle | null };
  /** Called once the grid has painted its first rows. */
  onFirstRows?: () => void;
  /** Called when the grid is created (it will draw the rows itself from now on). */
  onReady?: () => void;
}

/** What the shell may ask of the grid. */
export interface GridHandle {
  /** Scrolls to a record and focuses its first cell. */
  focusRecord(id: RecordId): void;
}

function focusRecord(api: GridApi<TableRecord>, feed: RowFeed | null, id: RecordId): void {
  const index = feed ? feed.view.indexOf(id) : -1;
  if (index < 0) return;
  api.ensureIndexVisible(index);
  const first = api
    .getAllDisplayedColumns()
    .find((c) => c.getColId() !== ROW_NUMBER_COLUMN && c.getColId() !== SELECT_COLUMN);
  if (first) api.setFocusedCell(index, first);
}

/** Memoised: the shell re-renders on every count or selection change, the grid need not. */
export const DataGrid = memo(function DataGrid({
  table,
  view,
  onExpand,
  onSelectionChange,
  onDisplayedCount,
  handleRef,
  onFirstRows,
  onReady,
}: DataGridProps) {
  const { t } = useTranslation();
  // Only the fields: a settings change (as-of date, last backup) must not rebuild 1M rows' columns.
  const fields = useAppStore((s) => s.schema?.fields);
  const search = useAppStore((s) => s.search);
  const api = useRef<GridApi<TableRecord> | null>(null);
  const [gridApi, setGridApi] = useState<GridApi<TableRecord> | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; recordId: RecordId } | null>(null);
  const language = currentLanguage();
  const columns = useMemo(() => (fields ? listViewColumns({ fields }, view) : []), [fields, view]);
  const linkTitles = useLinkTitles(columns, gridApi);
  const searchFields = useMemo(
    () => columns.filter((c) => !c.hidden).map((c) => c.field),
    [columns],
  );
  const searchCtx = useMemo(() => typeContext(language), [language]);
  const { matches, forget } = useSearch(search, searchFields, searchCtx, linkTitles);
  const spec = useMemo(
    () => buildViewSpec(view.sorts, fields ?? {}, linkTitles, matches, searchFields),
    [view.sorts, fields, linkTitles, matches, searchFields],
  );
  const selection = useMemo(() => new RowSelection(), []);
  const { firstDrawStyle, onShown } = useFirstDraw(onFirstRows);
  const { feed, feedRef } = useRowFeed(gridApi, table.id, spec, selection, {
    onDisplayedCount,
    onFirstRows: onShown,
  });
  useFormulaRefresh(gridApi, table.id, { view: feed?.view ?? null, forget });
  const shownRows = useCallback(() => feedRef.current?.view ?? null, [feedRef]);
  const sayComputed = useCallback(
    (field: Field) =>
      pushNotice('info', field.type === 'formula' ? 'grid.computedFormula' : 'grid.computedCell', {
        name: field.name,
      }),
    [],
  );
  const suppressKeyboardEvent = useMemo(
    () => cellKeyHandler(selection, shownRows, sayComputed),
    [selection, shownRows, sayComputed],
  );

  const columnDefs = useMemo<ColDef<TableRecord>[]>(() => {
    const select = selectColumnDef({ selection, rows: shownRows }, t);
    select.suppressKeyboardEvent = suppressKeyboardEvent;
    return [
      select,
      rowNumberColumnDef(t),
      ...buildColumnDefs(
        view,
        columns,
        table.primaryFieldId,
        typeContext(language),
        t,
        suppressKeyboardEvent,
        linkTitles,
      ),
    ];
    // `language` (from i18n) rebuilds labels and formats when the language changes.
  }, [
    view,
    columns,
    table.primaryFieldId,
    language,
    t,
    suppressKeyboardEvent,
    linkTitles,
    selection,
    shownRows,
  ]);

  const onGridReady = useCallback(
    (e: GridReadyEvent<TableRecord>) => {
      api.current = e.api;
      if (handleRef)
        handleRef.current = { focusRecord: (id) => focusRecord(e.api, feedRef.current, id) };
      setGridApi(e.api);
      // For the bench: when the grid was made (it takes input from then on).
      performance.mark('regulars:grid-ready');
      markGridMade();
      onReady?.();
    },
    [handleRef, feedRef, onReady],
  );

  // Typing with an input method straight into a selected cell (see imeTyping.ts).
  const wrapRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = wrapRef.current;
    if (!gridApi || !root) return;
    const at = (cell: HTMLElement) => {
      const rowIndex = Number(cell.closest('.ag-row')?.getAttribute('row-index'));
      const colKey = cell.getAttribute('col-id') ?? '';
      return { rowIndex, colKey };
    };
    return acceptImeTyping(root, {
      canType: (cell) => {
        const { rowIndex, colKey } = at(cell);
        const node = Number.isInteger(rowIndex) ? gridApi.getDisplayedRowAtIndex(rowIndex) : null;
        const column = gridApi.getColumn(colKey);
        return !!node?.data && !!column?.isCellEditable(node);
      },
      startEditing: (cell, key) => gridApi.startEditingCell({ ...at(cell), key }),
    });
  }, [gridApi]);

  // Ticked rows: the toolbar hears them, the boxes on screen are repainted.
  useEffect(
    () =>
      selection.subscribe(() => {
        onSelectionChange(selection.list());
        if (gridApi && !gridApi.isDestroyed())
          gridApi.refreshCells({ columns: [SELECT_COLUMN], force: true });
      }),
    [selection, gridApi, onSelectionChange],
  );

  // A column that was just added (or shown) scrolls into view.
  const knownColumns = useRef<Set<string> | null>(null);
  useEffect(() => {
    const visible = columns.filter((c) => !c.hidden).map((c) => c.field.id as string);
    const known = knownColumns.current;
    knownColumns.current = new Set(visible);
    if (!gridApi || !known) return;
    const fresh = visible.filter((id) => !known.has(id));
    const last = fresh.at(-1);
    if (last) setTimeout(() => !gridApi.isDestroyed() && gridApi.ensureColumnVisible(last), 0);
  }, [columns, gridApi]);

  useEffect(
    () => () => {
      if (handleRef) handleRef.current = null;
    },
    [handleRef],
  );

  /**
   * An edit's value, given when the editor closes: AG Grid calls a value setter in that task,
   * where its cellEditRequest event (readOnlyEdit) came a timer later, often after a frame
   * (~15 ms more before a formula could follow). The command runs once AG Grid has closed the
   * editor (a microtask, still before the frame) and changes the record; the grid's data is
   * left to the record store (false: AG Grid changed nothing).
   */
  const defaultColDef = useMemo<ColDef<TableRecord>>(
    () => ({
      valueSetter: (p: ValueSetterParams<TableRecord>) => {
        const ctx = p.colDef.context as ColumnContext | undefined;
        const record = p.data;
        if (!ctx || !record) return false;
        const result = p.newValue as EditorResult | CellValue;
        queueMicrotask(() => {
          if (result && typeof result === 'object' && 'kind' in result) {
            if (result.kind === 'text')
              void editCellText(ctx.field, record.id, result.text, currentLanguage());
            else void setCellValue(ctx.field, record.id, result.value);
          } else {
            void setCellValue(ctx.field, record.id, result as CellValue);
          }
        });
        return false;
      },
    }),
    [],
  );

  /** Opens the record form on `recordId`, stepping through the rows as the view shows them. */
  const expand = useCallback(
    (recordId: RecordId) => {
      const shown = feedRef.current?.view;
      onExpand(recordId, shown ? shown.ids() : [recordId]);
    },
    [onExpand, feedRef],
  );

  const onCellClicked = useCallback(
    (e: CellClickedEvent<TableRecord>) => {
      if (!e.data) return;
      const target = e.event?.target as HTMLElement | null;
      const shown = feedRef.current?.view;
      if (e.colDef.colId === SELECT_COLUMN && target?.closest('.row-select') && shown) {
        selection.toggle(e.data.id, shown, (e.event as MouseEvent | null)?.shiftKey === true);
        return;
      }
      if (e.colDef.colId === ROW_NUMBER_COLUMN && target?.closest('.row-expand')) {
        expand(e.data.id);
        return;
      }
      const ctx = e.colDef.context as ColumnContext | undefined;
      if (!ctx) return;
      if (ctx.field.type === 'checkbox' && target?.closest('.cell-checkbox')) {
        void setCellValue(ctx.field, e.data.id, cellOf(e.data, ctx.field.id) !== true);
      } else if (ctx.field.type === 'rating') {
        const star = target?.closest<HTMLElement>('.star')?.dataset.star;
        if (star) {
          const n = Number(star);
          void setCellValue(ctx.field, e.data.id, cellOf(e.data, ctx.field.id) === n ? null : n);
        }
      }
    },
    [expand, selection, feedRef],
  );

  const onColumnResized = useCallback(
    (e: ColumnResizedEvent<TableRecord>) => {
      if (!e.finished || e.source !== 'uiColumnResized' || !e.column) return;
      const id = e.column.getColId() as FieldId;
      if (id === ROW_NUMBER_COLUMN) return;
      void setColumnWidth(view.id, id, e.column.getActualWidth());
    },
    [view.id],
  );

  const onDragStopped = useCallback(() => {
    const gridApi = api.current;
    if (!gridApi) return;
    const order = gridApi
      .getColumnState()
      .map((c) => c.colId)
      .filter((id) => id !== ROW_NUMBER_COLUMN && id !== SELECT_COLUMN) as FieldId[];
    const current = view.columns.map((c) => c.fieldId);
    if (order.join() !== current.join()) void reorderColumns(view.id, order);
  }, [view]);

  const onSortChanged = useCallback(() => {
    const gridApi = api.current;
    if (!gridApi) return;
    const sorts: ViewSort[] = gridApi
      .getColumnState()
      .filter((c) => c.sort && c.colId !== ROW_NUMBER_COLUMN)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((c) => ({ fieldId: c.colId as FieldId, direction: c.sort === 'desc' ? 'desc' : 'asc' }));
    if (JSON.stringify(sorts) !== JSON.stringify(view.sorts)) void setSorts(view.id, sorts);
  }, [view]);

  const onContextMenu = useCallback((e: CellContextMenuEvent<TableRecord>) => {
    const ev = e.event as MouseEvent | null;
    if (!e.data || !ev) return;
    setMenu({ x: ev.clientX, y: ev.clientY, recordId: e.data.id });
  }, []);

  const menuItems = (recordId: RecordId): MenuItem[] => {
    const selected = selection.list();
    const targets = selected.includes(recordId) ? selected : [recordId];
    return [
      { key: 'expand', label: t('grid.expand'), onSelect: () => expand(recordId) },
      {
        key: 'above',
        label: t('grid.insertAbove'),
        onSelect: () => void addRecord(table.id, { recordId, side: 'above' }),
      },
      {
        key: 'below',
        label: t('grid.insertBelow'),
        onSelect: () => void addRecord(table.id, { recordId, side: 'below' }),
      },
      {
        key: 'delete',
        label: t('grid.deleteRows', { count: targets.length }),
        danger: true,
        onSelect: () => void deleteRecords(table.id, targets),
      },
    ];
  };

  return (
    <div ref={wrapRef} className="grid-wrap" data-testid="grid" style={firstDrawStyle}>
      <AgGridReact<TableRecord>
        theme={gridTheme}
        columnDefs={columnDefs}
        getRowId={(p) => p.data.id}
        onGridReady={onGridReady}
        defaultColDef={defaultColDef}
        onCellClicked={onCellClicked}
        onCellDoubleClicked={(e: CellDoubleClickedEvent<TableRecord>) => {
          const ctx = e.colDef.context as ColumnContext | undefined;
          if (ctx && isComputedField(ctx.field)) sayComputed(ctx.field);
        }}
        onCellContextMenu={onContextMenu}
        preventDefaultOnContextMenu
        onColumnResized={onColumnResized}
        onDragStopped={onDragStopped}
        onSortChanged={onSortChanged}
        rowModelType="infinite"
        cacheBlockSize={BLOCK_ROWS}
        maxBlocksInCache={BLOCKS_KEPT}
        maxConcurrentDatasourceRequests={-1}
        noRowsOverlayComponent={NoRowsOverlay}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        undoRedoCellEditing={false}
        suppressMovableColumns={false}
        animateRows={false}
        suppressColumnMoveAnimation
        tooltipShowDelay={300}
        rowBuffer={3}
        localeText={{ loadingOoo: t('grid.loading') }}
      />
      {menu ? (
        <Menu
          x={menu.x}
          y={menu.y}
          label={t('grid.rowMenu')}
          items={menuItems(menu.recordId)}
          onClose={() => setMenu(null)}
        />
      ) : null}
    </div>
  );
});
