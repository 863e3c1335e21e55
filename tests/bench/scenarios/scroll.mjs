/**
 * scroll: drives the grid's body viewport from top to bottom, one step per animation frame,
 * and records the time between frames (a frame that overruns 16.7 ms delays the next one).
 * `wheel…` figures: 120 px per frame for 240 frames, as a mouse wheel or trackpad scrolls.
 */
import { openApp } from '../lib/app.mjs';
import { median, percentile, round } from '../lib/stats.mjs';

/** Caps the run (≈ 5 s at 60 Hz); each step still replaces every visible row. */
const MAX_FRAMES = 300;
const IDLE_FRAMES = 60;
export const SCROLL_TARGETS = { median: 17, worst: 50 };

/** Runs in the page: frame intervals while nothing happens (what this machine can do at best). */
function idleFrames(count) {
  const frames = [];
  return new Promise((resolve) => {
    let last = null;
    const tick = (now) => {
      if (last !== null) frames.push(now - last);
      last = now;
      if (frames.length >= count) resolve(frames);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Runs in the page: the highest row index rendered once the grid has caught up. */
async function lastRenderedRow(expected) {
  const highest = () =>
    Math.max(
      -1,
      ...[...document.querySelectorAll('.ag-row[row-index]')].map((r) =>
        Number(r.getAttribute('row-index')),
      ),
    );
  for (let i = 0; i < 20 && highest() < expected; i++) await new Promise((r) => setTimeout(r, 50));
  return highest();
}

/** Runs in the page: scrolls to the bottom and returns the frame intervals. */
function scrollToBottom(maxFrames) {
  // AG Grid 36 scrolls rows in .ag-grid-viewport; earlier versions in .ag-body-viewport.
  const viewport = [...document.querySelectorAll('.ag-grid-viewport, .ag-body-viewport')].find(
    (el) => el.scrollHeight > el.clientHeight,
  );
  if (!viewport) throw new Error('no scrollable grid viewport');
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
          resolve({ frames, step, bottom });
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

/** Runs in the page: wheel-like scrolling, `px` per frame for `count` frames (rows are reused). */
function wheelScroll({ px, count }) {
  const viewport = [...document.querySelectorAll('.ag-grid-viewport, .ag-body-viewport')].find(
    (el) => el.scrollHeight > el.clientHeight,
  );
  if (!viewport) throw new Error('no scrollable grid viewport');
  viewport.scrollTop = 0;
  const frames = [];
  return new Promise((resolve) => {
    let last = null;
    const tick = (now) => {
      if (last !== null) frames.push(now - last);
      last = now;
      if (frames.length >= count) return resolve(frames);
      viewport.scrollTop += px;
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
    const idle = await page.evaluate(idleFrames, IDLE_FRAMES);
    const run = await page.evaluate(scrollToBottom, MAX_FRAMES);
    const lastRow = await page.evaluate(lastRenderedRow, env.seed.records - 1);
    const wheel = await page.evaluate(wheelScroll, { px: 120, count: 240 });
    const { frames } = run;
    const value = median(frames);
    const worst = Math.max(...frames);
    const problems = [];
    if (lastRow !== env.seed.records - 1)
      problems.push(`last rendered row index ${lastRow}, expected ${env.seed.records - 1}`);
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
      lastRow,
      idleMedian: round(median(idle)),
      wheelMedian: round(median(wheel)),
      wheelWorst: round(Math.max(...wheel)),
      pass: value <= SCROLL_TARGETS.median && worst <= SCROLL_TARGETS.worst,
      target: `median ≤ ${SCROLL_TARGETS.median} ms; worst ≤ ${SCROLL_TARGETS.worst} ms`,
      problems,
    };
  } finally {
    await context.close();
  }
}
