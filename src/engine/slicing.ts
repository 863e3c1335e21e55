/**
 * Time slicing for long builds: work runs in parts that fit a time budget and the event loop
 * gets a turn between them, so the page stays responsive while a big table loads.
 */
import { yieldToEventLoop } from '../domain/pause';
import type { TableStore } from './tableStore';

/** A pause that yields to the event loop only once half the time budget has been used. */
export function createPauser(budget: number): () => Promise<void> {
  let t0 = performance.now();
  return async () => {
    if (performance.now() - t0 < budget / 2) return;
    await yieldToEventLoop();
    t0 = performance.now();
  };
}

/** Runs `run` on each item, yielding whenever a slice of the time budget is used up. */
export async function runSlicedPlain<T>(
  budget: number,
  items: readonly T[],
  run: (item: T) => void,
  step: (n: number) => void,
): Promise<void> {
  let t0 = performance.now();
  for (const item of items) {
    run(item);
    step(1);
    if (performance.now() - t0 > budget / 2) {
      await yieldToEventLoop();
      t0 = performance.now();
    }
  }
}

/** Runs `run` over parts of `items` in HyperFormula batches, yielding between time slices. */
export async function runSliced<T>(
  s: TableStore,
  items: readonly T[],
  run: (part: T[]) => void,
  step: (n: number) => void,
): Promise<void> {
  const budget = s.options.sliceMs ?? 30;
  let per = 1;
  for (let i = 0; i < items.length;) {
    const part = items.slice(i, i + per);
    const t0 = performance.now();
    s.absorb(s.mutate(() => run(part)));
    const took = performance.now() - t0;
    i += part.length;
    step(part.length);
    per = took < budget / 3 ? per * 2 : took > budget ? Math.max(1, per >> 1) : per;
    await yieldToEventLoop();
  }
}
