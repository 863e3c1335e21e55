/** The AG Grid Community modules we use, registered once (a hand-picked set keeps the bundle small). */
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomEditorModule,
  EventApiModule,
  ModuleRegistry,
  ExternalFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TooltipModule,
  ValidationModule,
  LargeTextEditorModule,
  LocaleModule,
  TextEditorModule,
} from 'ag-grid-community';

let registered = false;

export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    ColumnApiModule,
    ColumnAutoSizeModule,
    CustomEditorModule,
    TextEditorModule,
    LargeTextEditorModule,
    LocaleModule,
    EventApiModule,
    ExternalFilterModule,
    RenderApiModule,
    RowApiModule,
    RowSelectionModule,
    RowStyleModule,
    ScrollApiModule,
    TooltipModule,
    CellStyleModule,
    CellApiModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}
