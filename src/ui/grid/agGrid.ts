/**
 * The AG Grid Community modules we use, registered once: a hand-picked set keeps the bundle
 * small and the grid's creation short (each module adds services and CSS to it). Every cell
 * editor is our own (CustomEditorModule), so AG Grid's text editors are not registered.
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
} from 'ag-grid-community';

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
