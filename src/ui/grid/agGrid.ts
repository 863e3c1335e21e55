/**
 * The AG Grid Community modules we use, registered once: a hand-picked set keeps the bundle
 * small and the grid's creation short (each module adds services and CSS to it). Every cell
 * editor is our own (CustomEditorModule), so AG Grid's text editors are not registered.
 * Also the grid's theme and first-draw height, which the bench's floor (a bare grid) shares.
 */
import {
  CellApiModule,
  CellStyleModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomEditorModule,
  EventApiModule,
  ModuleRegistry,
  InfiniteRowModelModule,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  TooltipModule,
  ValidationModule,
  LocaleModule,
  themeQuartz,
} from 'ag-grid-community';
import { HEADER_HEIGHT, ROW_HEIGHT } from '../columnWidths';

let registered = false;

export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    InfiniteRowModelModule,
    ColumnApiModule,
    ColumnAutoSizeModule,
    CustomEditorModule,
    LocaleModule,
    EventApiModule,
    RenderApiModule,
    RowApiModule,
    ScrollApiModule,
    TooltipModule,
    CellStyleModule,
    CellApiModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}

export const gridTheme = themeQuartz.withParams({
  accentColor: '#1f6f5c',
  fontSize: 13,
  rowHeight: ROW_HEIGHT,
  headerHeight: HEADER_HEIGHT,
  headerFontWeight: 600,
  wrapperBorderRadius: 0,
  borderColor: '#e3e5e8',
  cellHorizontalPadding: 10,
  fontFamily: 'inherit',
});

/**
 * The grid's rows in its first draws, one draw per task, while the first screen covers it
 * (DataGrid): then its full height. The infinite row model draws a loading row in place of each
 * row before it is given the rows (a task later), so the first draw is drawn twice.
 */
export const FIRST_DRAW_ROWS = [4, 12] as const;

/** The grid's height when it shows `rows` rows. */
export const gridHeightFor = (rows: number): number => HEADER_HEIGHT + rows * ROW_HEIGHT;
