/**
 * Long reads, writes, imports and engine builds pause between blocks so the page keeps painting
 * and answering. Shared by every layer (db, engine, io, state), hence kept in the domain.
 */

/** Resolves on the next task: a message is not clamped like a timer, and it lets input in. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/**
 * Resolves on a later task of background priority where the browser schedules tasks by priority
 * (`scheduler.postTask`, Chromium): every task of normal priority waiting then (the interface's
 * renders, its timers and messages) runs first. Elsewhere the same as yieldToEventLoop.
 */
export function yieldInBackground(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask !== 'function') return yieldToEventLoop();
  return scheduler.postTask(() => undefined, { priority: 'background' }).then(() => undefined);
}

/**
 * A pause to call often inside a long loop: it yields only once `budgetMs` of work has run
 * since the last yield, so the loop runs in slices of about that length.
 */
export function createSlicePause(budgetMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}
