/**
 * At launch, a table's full read waits until the grid has been created.
 *
 * Why: reading a table keeps every record it reads, so V8's young generation fills with objects
 * that survive, and each scavenge copies them (15–30 ms at 100k rows, more while the other core
 * is busy). The read ran from the database's open (~0.3 s after navigation) to ~1.5 s, and the
 * grid was created in the middle of it (~1.0 s): AG Grid's 35–44 ms creation plus such a
 * scavenge made the 51 ms tasks of formula-build's traced runs. Creating the grid first leaves
 * it an almost empty young generation. The page's processor is what a read waits for (its
 * results are deserialised on this thread), so reading after the grid did not make the rows
 * or the formulas later in the bench (records read at 1.54–1.63 s, values at 2.46–2.58 s,
 * against 1.45–1.60 s and 2.20–2.55 s the same hour with the read first).
 *
 * Only the app's entry arms the gate (tests and other callers read at once), and it opens by
 * itself after GATE_TIMEOUT_MS: a grid that never comes (a workspace without tables, the
 * welcome screen) delays no read for longer.
 */

/** The longest a read waits for the grid. */
export const GATE_TIMEOUT_MS = 3000;

let held: Promise<void> | null = null;
/** Opens the gate, marking why (`regulars:reads-released`, read by the end-to-end tests). */
let release: ((why: 'grid' | 'timeout') => void) | null = null;

/** Called once by the app's entry, before the workspace opens. */
export function holdReadsUntilGridUp(timeoutMs = GATE_TIMEOUT_MS): void {
  if (held) return;
  const timer = setTimeout(() => release?.('timeout'), timeoutMs);
  held = new Promise<void>((resolve) => {
    release = (why) => {
      clearTimeout(timer);
      held = null;
      release = null;
      performance.mark('regulars:reads-released', { detail: why });
      resolve();
    };
  });
}

/** A grid has been created: reads held at launch start now. */
export function gridIsUp(): void {
  release?.('grid');
}

/** Resolves when a table's read may start: at once unless the launch gate is held. */
export function readsMayStart(): Promise<void> {
  return held ?? Promise.resolve();
}
