/** The AG Grid Community modules we use, registered once (a hand-picked set keeps the bundle small). */
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
    InfiniteRowModelModule,
    ColumnApiModule,
    ColumnAutoSizeModule,
    CustomEditorModule,
    TextEditorModule,
    LargeTextEditorModule,
    LocaleModule,
    EventApiModule,
    InfiniteRowModelModule,
    RenderApiModule,
    RowApiModule,
    RowStyleModule,
    ScrollApiModule,
    TooltipModule,
    CellStyleModule,
    CellApiModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}
