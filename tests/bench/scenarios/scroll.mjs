/**
 * scroll: drives the grid's body viewport from top to bottom, one step per animation frame,
 * and records the time between frames (a frame that overruns 16.7 ms delays the next one).
 */
import { openApp } from '../lib/app.mjs';
import { median, percentile, round } from '../lib/stats.mjs';

/** Caps the run (≈ 15 s at 60 Hz); each step still replaces every visible row. */
const MAX_FRAMES = 900;
export const SCROLL_TARGETS = { median: 17, worst: 50 };

/** Runs in the page: scrolls to the bottom and returns the frame intervals. */
function scrollToBottom(maxFrames) {
  const viewport = document.querySelector('.ag-body-viewport');
  if (!viewport) throw new Error('no .ag-body-viewport');
  const bottom = viewport.scrollHeight - viewport.clientHeight;
  const step = Math.max(viewport.clientHeight, Math.ceil(bottom / maxFrames));
  const frames = [];
  return new Promise((resolve) => {
    let last = null;
    let settle = 3;
    const tick = (now) => {
      if (last !== null) frames.push(now - last);
      last = now;
      if (viewport.scrollTop >= bottom - 1) {
        // A few frames more so the rows of the last step are rendered and measured.
        if (settle-- === 0) {
          const indexes = [...document.querySelectorAll('.ag-center-cols-container .ag-row')].map(
            (r) => Number(r.getAttribute('row-index')),
          );
          resolve({ frames, step, bottom, lastRow: indexes.length ? Math.max(...indexes) : null });
          return;
        }
      } else {
        viewport.scrollTop = Math.min(bottom, viewport.scrollTop + step);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export async function runScroll(env) {
  const context = await env.newProfile();
  try {
    const { page, errors } = await openApp(context, env.baseUrl);
    // Let the load's last tasks finish so they are not counted as scrolling jank.
    await page.waitForTimeout(500);
    const run = await page.evaluate(scrollToBottom, MAX_FRAMES);
    const { frames } = run;
    const value = median(frames);
    const worst = Math.max(...frames);
    const problems = [];
    if (run.lastRow !== env.seed.records - 1)
      problems.push(`last rendered row index ${run.lastRow}, expected ${env.seed.records - 1}`);
    for (const e of errors.slice(0, 3)) problems.push(`page error: ${e}`);
    return {
      scenario: 'scroll',
      value: round(value),
      unit: 'ms',
      worst: round(worst),
      p95: round(percentile(frames, 95)),
      frames: frames.length,
      over50: frames.filter((f) => f > 50).length,
      stepPx: run.step,
      heightPx: run.bottom,
      lastRow: run.lastRow,
      pass: value <= SCROLL_TARGETS.median && worst <= SCROLL_TARGETS.worst,
      target: `median ≤ ${SCROLL_TARGETS.median} ms; worst ≤ ${SCROLL_TARGETS.worst} ms`,
      problems,
    };
  } finally {
    await context.close();
  }
}
