/**
 * The grid (AG Grid: the app's largest chunk), mounted in a render of its own once its code is
 * loaded and the workspace around it is drawn. A returning user's app starts loading the code
 * at once (`preloadGrid`, from main.tsx); a first visit's welcome screen does not wait for it
 * (it appeared ~50 ms later when the code loaded beside it: 364 against 315 ms, median of 4).
 *
 * Why not React.lazy in a Suspense boundary: React holds back a boundary's content until 300 ms
 * after its fallback was shown (its throttle of Suspense retries), so the grid was created
 * 120–300 ms after its code was ready (a trace of a first opening: the workspace drawn at 451 ms,
 * the grid's code run at 638, the grid created at 763, from a timer). Mounting it from an effect
 * also keeps the grid's creation out of the workspace's first commit when its code is already
 * there (a reopening with Chromium's code cache): two tasks, not one.
 */
import { useEffect, useState } from 'react';
import type * as DataGridModule from './DataGrid';
import type { DataGridProps } from './DataGrid';

type GridModule = typeof DataGridModule;

let gridModule: Promise<GridModule> | null = null;

/** Starts loading the grid's code, once; the same promise after. */
export function preloadGrid(): Promise<GridModule> {
  if (!gridModule) {
    gridModule = import('./DataGrid');
    // A failure is thrown to React by the grid waiting for it, as React.lazy did; this only
    // keeps the browser from reporting it as unhandled before one mounts.
    gridModule.catch(() => undefined);
  }
  return gridModule;
}

/** The grid is made anew for another table; the loaded code is kept across tables. */
export function LazyGrid(props: DataGridProps) {
  const [load, setLoad] = useState<{ module: GridModule } | { error: unknown } | null>(null);
  useEffect(() => {
    let live = true;
    preloadGrid().then(
      (module) => {
        if (live) setLoad({ module });
      },
      (error: unknown) => {
        if (live) setLoad({ error });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  if (!load) return null;
  if ('error' in load) throw load.error;
  const { DataGrid } = load.module;
  return <DataGrid key={props.table.id} {...props} />;
}
