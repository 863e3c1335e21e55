/**
 * The floor of the formula scenarios' `block` figure that comes from AG Grid: the longest task
 * of creating a bare grid (the app's modules, theme, column count, row model and first-draw
 * height; plain text cells) in an otherwise empty page, counting the evaluation of AG Grid's
 * chunk as the app's launch does. Loaded by `bench.gridFloor` only when called, so seeding
 * never puts AG Grid in the profile's caches.
 */
import type { ColDef, IDatasource } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { createRoot } from 'react-dom/client';
import {
  FIRST_DRAW_ROWS,
  gridHeightFor,
  gridTheme,
  registerGridModules,
} from '../../../src/ui/grid/agGrid';
import { watchLongTasks } from './longTasks';

type Row = Record<string, string>;

/** Resolves with the longest task (ms, 0 if none over 50 ms) until the first rows are drawn. */
export async function createBareGrid(
  columns: number,
  longTasks = watchLongTasks(),
): Promise<number> {
  registerGridModules();
  const columnDefs: ColDef<Row>[] = Array.from({ length: columns }, (_, i) => ({
    field: `c${i}`,
    headerName: `字段 ${i + 1}`,
    width: 120,
  }));
  const datasource: IDatasource = {
    getRows: (p) => {
      const rows = Array.from({ length: p.endRow - p.startRow }, (_, r) =>
        Object.fromEntries(columnDefs.map((c, i) => [c.field, `${p.startRow + r}-${i}`])),
      );
      setTimeout(() => p.successCallback(rows, 100_000), 0);
    },
  };
  const host = document.createElement('div');
  host.style.cssText = `width:1200px;height:${gridHeightFor(FIRST_DRAW_ROWS[0])}px`;
  document.body.append(host);
  const root = createRoot(host);
  await new Promise<void>((resolve) => {
    root.render(
      <AgGridReact<Row>
        theme={gridTheme}
        columnDefs={columnDefs}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        rowBuffer={3}
        onFirstDataRendered={() => resolve()}
      />,
    );
  });
  const longest = await longTasks.stop();
  root.unmount();
  host.remove();
  return longest;
}
