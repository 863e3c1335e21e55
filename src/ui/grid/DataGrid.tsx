/**
 * The spreadsheet grid of one table view. Rows come from the table's RecordStore through a
 * RowView (our sort and search) that the grid pages through; every edit goes through our
 * commands (readOnlyEdit), so undo, persistence and cross-tab sync see it.
 */
import type {
  CellClickedEvent,
  CellContextMenuEvent,
  CellEditRequestEvent,
  ColumnResizedEvent,
  GridApi,
  GridReadyEvent,
  ICellRendererParams,
  SuppressKeyboardEventParams,
  ColDef,
} from 'ag-grid-community';
import { themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldId, RecordId } from '../../domain/ids';
import type { CellValue, Table, TableRecord, View, ViewSort } from '../../domain/model';
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
import { saveFirstScreen } from '../../state/firstScreen';
import { firstScreenFormulas } from '../../state/formulas';
import { recordStore } from '../../state/session';
import { useAppStore } from '../../state/store';
import type { MenuItem } from '../components/Menu';
import { Menu } from '../components/Menu';
import { currentLanguage } from '../i18n';
import { registerGridModules } from './agGrid';
import type { ColumnContext } from './columns';
import { buildColumnDefs } from './columns';
import { useLinkTitles } from './linkTitles';
import { useSearch } from './search';
import { useFormulaRefresh } from './formulaRefresh';
import { domRenderer } from './renderers';
import type { EditorResult } from './editors';
import type { RowFeed } from './gridRows';
import { attachRows, BLOCK_ROWS, BLOCKS_KEPT } from './gridRows';
import { registerDisplayedRows } from './displayedRows';
import { buildViewSpec } from './viewSpec';
import { RowSelection } from './selection';
import { SELECT_COLUMN, selectColumnDef } from './SelectColumn';
import { NoRowsOverlay } from './NoRowsOverlay';
import '../styles/grid.css';

registerGridModules();

const theme = themeQuartz.withParams({
  accentColor: '#1f6f5c',
  fontSize: 13,
  rowHeight: 34,
  headerHeight: 36,
  headerFontWeight: 600,
  wrapperBorderRadius: 0,
  borderColor: '#e3e5e8',
  cellHorizontalPadding: 10,
  fontFamily: 'inherit',
});

export interface DataGridProps {
  table: Table;
  view: View;
  onExpand: (recordId: RecordId, order: RecordId[]) => void;
  onSelectionChange: (ids: RecordId[]) => void;
  onDisplayedCount: (n: number) => void;
  handleRef?: { current: GridHandle | null };
  /** Called once the grid has painted its first rows. */
  onFirstRows?: () => void;
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
    .find((c) => c.getColId() !== '__row' && c.getColId() !== SELECT_COLUMN);
  if (first) api.setFocusedCell(index, first);
}

export function DataGrid({
  table,
  view,
  onExpand,
  onSelectionChange,
  onDisplayedCount,
  handleRef,
  onFirstRows,
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
  const [feed, setFeed] = useState<RowFeed | null>(null);
  const feedRef = useRef<RowFeed | null>(null);
  feedRef.current = feed;
  useFormulaRefresh(gridApi, table.id, { view: feed?.view ?? null, forget });
  const selection = useMemo(() => new RowSelection(), []);
  const shownRows = useCallback(() => feedRef.current?.view ?? null, []);

  const clearCell = useCallback((p: SuppressKeyboardEventParams<TableRecord>) => {
    const ctx = p.colDef.context as ColumnContext | undefined;
    if (
      !ctx ||
      !p.data ||
      (!p.colDef.editable && ctx.field.type !== 'checkbox' && ctx.field.type !== 'rating')
    )
      return;
    void setCellValue(ctx.field, p.data.id, null);
  }, []);

  const suppressKeyboardEvent = useCallback(
    (p: SuppressKeyboardEventParams<TableRecord>): boolean => {
      const e = p.event;
      if (p.editing) return false;
      const ctx = p.colDef.context as ColumnContext | undefined;
      if (e.type !== 'keydown' || !ctx || !p.data) return false;
      if (e.key === 'Delete' || (e.key === 'Backspace' && !p.colDef.editable)) {
        clearCell(p);
        return true;
      }
      if (e.key === ' ' && p.colDef.colId === SELECT_COLUMN && feedRef.current) {
        selection.toggle(p.data.id, feedRef.current.view, e.shiftKey);
        return true;
      }
      if ((e.key === ' ' || e.key === 'Enter') && ctx.field.type === 'checkbox') {
        void setCellValue(ctx.field, p.data.id, p.data.values[ctx.field.id] !== true);
        return true;
      }
      if (ctx.field.type === 'rating' && /^[0-9]$/.test(e.key)) {
        const n = Math.min(Number(e.key), ctx.field.options.max ?? 5);
        void setCellValue(ctx.field, p.data.id, n === 0 ? null : n);
        return true;
      }
      if ((e.ctrlKey || e.metaKey) && ['z', 'y', 'Z'].includes(e.key)) return true;
      return false;
    },
    [clearCell, selection],
  );

  const columnDefs = useMemo<ColDef<TableRecord>[]>(() => {
    const rowNumber: ColDef<TableRecord> = {
      colId: '__row',
      headerName: '',
      width: 64,
      pinned: 'left',
      lockPosition: 'left',
      lockPinned: true,
      suppressMovable: true,
      sortable: false,
      resizable: false,
      editable: false,
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
    const select = selectColumnDef({ selection, rows: shownRows }, t);
    select.suppressKeyboardEvent = suppressKeyboardEvent;
    return [
      select,
      rowNumber,
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
    },
    [handleRef],
  );

  // The store of the open session: a backup restored over the workspace opens a new session
  // with new stores under the same table ids, and the grid must follow them.
  const store = recordStore(table.id);
  const specRef = useRef(spec);
  specRef.current = spec;
  // The export asks which rows are shown, in the grid's order, once the view is complete.
  useEffect(() => {
    if (!gridApi) return;
    const attached = attachRows(
      gridApi,
      store,
      specRef.current,
      (count) => {
        onDisplayedCount(count);
        selection.refreshHeader();
      },
      () => onFirstRows?.(),
    );
    setFeed(attached);
    const unregister = registerDisplayedRows(table.id, async () => {
      await attached.whenShowsAll();
      return attached.view.ids();
    });
    const forgetDeleted = store.subscribe((delta) => {
      if (delta.reset) selection.clear();
      else selection.drop(delta.removed);
    });
    return () => {
      forgetDeleted();
      unregister();
      attached.detach();
      setFeed(null);
    };
  }, [gridApi, table.id, store]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => feed?.setSpec(spec), [feed, spec]);

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

  // Keep what the grid shows first for the next launch's first screen.
  useEffect(() => {
    if (!gridApi) return;
    const save = () => {
      const workspaceId = useAppStore.getState().workspaceId;
      if (!workspaceId || gridApi.isDestroyed() || !recordStore(table.id).complete) return;
      // A search is not restored on launch, so its filtered rows are not what shows first.
      if (useAppStore.getState().search) return;
      const rows: TableRecord[] = [];
      const shown = feedRef.current?.view;
      for (let i = 0; shown && i < Math.min(40, shown.count); i++) {
        const data = shown.rowAt(i);
        if (data) rows.push(data);
      }
      saveFirstScreen(workspaceId, table.id, rows, firstScreenFormulas(table.id, rows));
    };
    const onHide = () => document.visibilityState === 'hidden' && save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      save();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [gridApi, table.id]);

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

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<TableRecord>) => {
    const ctx = e.colDef.context as ColumnContext | undefined;
    if (!ctx || !e.data) return;
    const result = e.newValue as EditorResult | CellValue;
    if (result && typeof result === 'object' && 'kind' in result) {
      if (result.kind === 'text')
        void editCellText(ctx.field, e.data.id, result.text, currentLanguage());
      else void setCellValue(ctx.field, e.data.id, result.value);
    } else {
      void setCellValue(ctx.field, e.data.id, result as CellValue);
    }
  }, []);

  const onCellClicked = useCallback(
    (e: CellClickedEvent<TableRecord>) => {
      if (!e.data) return;
      const target = e.event?.target as HTMLElement | null;
      const shown = feedRef.current?.view;
      if (e.colDef.colId === SELECT_COLUMN && target?.closest('.row-select') && shown) {
        selection.toggle(e.data.id, shown, (e.event as MouseEvent | null)?.shiftKey === true);
        return;
      }
      if (e.colDef.colId === '__row' && target?.closest('.row-expand')) {
        onExpand(e.data.id, shown ? shown.ids() : [e.data.id]);
        return;
      }
      const ctx = e.colDef.context as ColumnContext | undefined;
      if (!ctx) return;
      if (ctx.field.type === 'checkbox' && target?.closest('.cell-checkbox')) {
        void setCellValue(ctx.field, e.data.id, e.data.values[ctx.field.id] !== true);
      } else if (ctx.field.type === 'rating') {
        const star = target?.closest<HTMLElement>('.star')?.dataset.star;
        if (star) {
          const n = Number(star);
          void setCellValue(ctx.field, e.data.id, e.data.values[ctx.field.id] === n ? null : n);
        }
      }
    },
    [onExpand, selection],
  );

  const onColumnResized = useCallback(
    (e: ColumnResizedEvent<TableRecord>) => {
      if (!e.finished || e.source !== 'uiColumnResized' || !e.column) return;
      const id = e.column.getColId() as FieldId;
      if (id === '__row') return;
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
      .filter((id) => id !== '__row' && id !== SELECT_COLUMN) as FieldId[];
    const current = view.columns.map((c) => c.fieldId);
    if (order.join() !== current.join()) void reorderColumns(view.id, order);
  }, [view]);

  const onSortChanged = useCallback(() => {
    const gridApi = api.current;
    if (!gridApi) return;
    const sorts: ViewSort[] = gridApi
      .getColumnState()
      .filter((c) => c.sort && c.colId !== '__row')
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
      { key: 'expand', label: t('grid.expand'), onSelect: () => onExpand(recordId, [recordId]) },
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
    <div className="grid-wrap" data-testid="grid">
      <AgGridReact<TableRecord>
        theme={theme}
        columnDefs={columnDefs}
        getRowId={(p) => p.data.id}
        onGridReady={onGridReady}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellClicked={onCellClicked}
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
}
