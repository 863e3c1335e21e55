/**
 * A stable sort of row positions that pauses every few milliseconds, so sorting a million rows
 * never holds the page for long: runs are sorted, then merged pairwise, a budget at a time.
 */
import { yieldToEventLoop } from './pause';

/** Compares two positions; ties keep their input order (the sort is stable). */
export type PositionCompare = (a: number, b: number) => number;

export interface SliceOptions {
  /** Work per task before pausing, in ms. */
  budgetMs?: number;
  /** Checked at each pause: true abandons the sort (the result is then null). */
  cancelled?: () => boolean;
  /** The caller's own pause, awaited every few thousand steps instead of the time budget. */
  pause?: () => Promise<void>;
}

const RUN = 32;
const CHECK_EVERY = 2048;

/** Sorts `positions` (not in place) by `compare`; null when cancelled. */
export async function sortPositions(
  positions: Int32Array,
  compare: PositionCompare,
  options: SliceOptions = {},
): Promise<Int32Array | null> {
  const budget = options.budgetMs ?? 8;
  const n = positions.length;
  let from = Int32Array.from(positions);
  let to = new Int32Array(n);
  let started = performance.now();
  let work = 0;
  // Returns false when the sort was cancelled during a pause.
  const pace = async (steps: number): Promise<boolean> => {
    work += steps;
    if (work < CHECK_EVERY) return true;
    work = 0;
    if (options.pause) {
      await options.pause();
      return !options.cancelled?.();
    }
    if (performance.now() - started < budget) return true;
    await yieldToEventLoop();
    started = performance.now();
    return !options.cancelled?.();
  };
  for (let lo = 0; lo < n; lo += RUN) {
    insertionSort(from, lo, Math.min(n, lo + RUN), compare);
    if (!(await pace(RUN * 4))) return null;
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (k < hi) {
        const end = Math.min(hi, k + CHECK_EVERY);
        while (k < end) {
          if (j >= hi || (i < mid && compare(from[i] as number, from[j] as number) <= 0))
            to[k++] = from[i++] as number;
          else to[k++] = from[j++] as number;
        }
        if (!(await pace(CHECK_EVERY))) return null;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

function insertionSort(a: Int32Array, lo: number, hi: number, compare: PositionCompare): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= lo && compare(a[j] as number, v) > 0) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Merges `sorted` (few positions, already sorted by `compare`) into `into` (sorted by the same
 * order): one pass, for placing changed rows again without sorting every row.
 */
export function mergePositions(
  into: Int32Array,
  sorted: Int32Array,
  compare: PositionCompare,
): Int32Array {
  const out = new Int32Array(into.length + sorted.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < into.length || j < sorted.length) {
    if (
      j >= sorted.length ||
      (i < into.length && compare(into[i] as number, sorted[j] as number) <= 0)
    )
      out[k++] = into[i++] as number;
    else out[k++] = sorted[j++] as number;
  }
  return out;
}
