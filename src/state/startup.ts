/**
 * When the page's own start-up is over: the first grid has been made. A large table's read in a
 * worker (db/packedReader.ts) starts only then, so that on two cores the worker and the database
 * do not slow the render that makes the grid: beside them it took 53 ms instead of ~31 in one cold
 * run of 12 at 1,000,000 rows. Waiting costs the read ~0.3 s of ~6.
 */
import { yieldInBackground } from '../domain/pause';

/** Reads do not wait longer than this for a grid (a table opened with none on screen). */
const MAX_WAIT_MS = 1_500;

let made = false;
let wake: (() => void) | null = null;
const gridMadePromise = new Promise<void>((resolve) => (wake = resolve));

/** The grid has been made (DataGrid's grid-ready). */
export function markGridMade(): void {
  made = true;
  wake?.();
}

/** Resolves once the first grid has been made and the tasks it queued ran, or after a while. */
export async function afterStartup(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  if (!made) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      gridMadePromise,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs))),
    ]);
    clearTimeout(timer);
  }
  // The grid draws its first rows in the tasks after it was made: they go first.
  await yieldInBackground();
}
