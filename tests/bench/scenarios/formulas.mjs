/**
 * formula-build, formula-edit, formula-1m: formula columns computed by the app's engine in a
 * workspace seeded for them (the template's 9 analysis formulas at 100k rows; 3 row-local
 * formulas at 1M rows), against plain JavaScript loops (the floor) in the same page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellSelector, openApp } from '../lib/app.mjs';
import { copyProfile, launchProfile, openBenchTab, relayConsole } from '../lib/browser.mjs';
import { profileWhile } from '../lib/cpuProfile.mjs';
import { traceWhile } from '../lib/trace.mjs';
import { median, round } from '../lib/stats.mjs';

const TIMEOUT = Number(process.env.BENCH_FORMULA_TIMEOUT ?? 600_000);
/** BENCH_PROFILE=1: a CPU profile of the page's main thread while the app opens. */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** BENCH_TRACE=1: a DevTools trace of the page while the app opens, its long tasks summarised. */
const TRACE = process.env.BENCH_TRACE === '1';
/**
 * BENCH_REOPEN=1: the seeded profile has had the app open twice, as a returning user's has, so
 * the measured opening starts from the last session's first screen and the browser's code cache.
 */
const REOPEN = process.env.BENCH_REOPEN === '1';
export const FORMULA_TARGETS = {
  build: 3000,
  block: 50,
  edit: 250,
  local: 50,
  build1m: 15_000,
  heap: 800,
};
const MB = 1024 * 1024;

/**
 * Runs in the page before any app script: keeps every long task (> 50 ms) of the main thread,
 * and the long animation frames (Chromium's attribution of a frame's time to the scripts it ran,
 * with their style and layout), which name a long task's parts without the cost of a trace.
 */
function installLongTasks() {
  window.__benchLongTasks = [];
  window.__benchLongFrames = [];
  // What the long animation frames overlapping a task ran: scripts in frame order, then style.
  window.__benchFramePartsAt = (start, duration) => {
    const parts = [];
    for (const f of window.__benchLongFrames)
      if (f.start <= start + duration && f.end >= start) {
        for (const s of f.scripts)
          if (s.ms >= 2)
            parts.push(
              `${Math.round(s.ms)} ${s.what}${s.layout >= 2 ? ` (layout ${Math.round(s.layout)})` : ''}`,
            );
        if (f.style >= 2) parts.push(`${Math.round(f.style)} style and layout`);
      }
    return parts;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__benchLongFrames.push({
        start: e.startTime,
        end: e.startTime + e.duration,
        style: e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
        scripts: e.scripts.map((s) => ({
          ms: s.duration,
          layout: s.forcedStyleAndLayoutDuration,
          what: `${s.invokerType} ${s.invoker} ${(s.sourceURL ?? '').split('/').pop()}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ''}`,
        })),
      });
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/**
 * Opens the app as the bench does, until its formulas are computed too: closing the tab saves
 * the first screen with their values. The pause lets Chromium store the code cache.
 */
async function openAsBefore(context, baseUrl) {
  const { page } = await openApp(context, baseUrl);
  await page.waitForFunction(
    () => performance.getEntriesByName('regulars:formulas-ready').length > 0,
    null,
    { timeout: TIMEOUT },
  );
  await page.waitForTimeout(2000);
  await page.close();
}

/** One seeded profile per (customers, set), made once per run and copied for each scenario. */
async function formulaProfile(env, customers, set) {
  env.formulaSeeds ??= new Map();
  const key = `${customers}-${set}`;
  if (!env.formulaSeeds.has(key)) {
    const dir = join(env.scratchDir, `formula-${key}`);
    const context = await launchProfile(dir);
    try {
      const page = await openBenchTab(context, env.baseUrl);
      await page.evaluate(() => window.bench.clearAll());
      console.log(`  seeding ${customers.toLocaleString('en')} customers with ${set} formulas …`);
      const seed = await page.evaluate(({ n, s }) => window.bench.seedFormulaWorkspace(n, s), {
        n: customers,
        s: set,
      });
      console.log(`  seeded in ${(seed.ms / 1000).toFixed(1)} s`);
      if (REOPEN) {
        await openAsBefore(context, env.baseUrl);
        await openAsBefore(context, env.baseUrl);
        console.log('  app opened twice before (first screen and code cache kept)');
      }
      env.formulaSeeds.set(key, { dir, seed });
    } finally {
      await context.close();
    }
  }
  const { dir, seed } = env.formulaSeeds.get(key);
  const context = await launchProfile(
    copyProfile(dir, join(env.scratchDir, `run-${key}-${Date.now()}`)),
  );
  await context.addInitScript(installLongTasks);
  return { context, seed };
}

/**
 * Opens the app and waits until the formula columns' first values are computed and every row
 * is in the grid (the grid takes a large table in parts): `ready` is the later of the two.
 */
async function openUntilFormulas(context, baseUrl, name) {
  const page = await context.newPage();
  const errors = relayConsole(page);
  const open = async () => {
    await page.goto(baseUrl);
    // Waits in the page's own world: Playwright's waitForFunction first injects its ~300 kB
    // helper script into the page, a 35–50 ms task the app did not cause.
    await page.evaluate(
      (timeout) =>
        new Promise((resolve, reject) => {
          const until = performance.now() + timeout;
          const done = () =>
            performance.getEntriesByName('regulars:formulas-ready').length > 0 &&
            performance.getEntriesByName('regulars:all-rows').length > 0;
          const poll = () => {
            if (done()) resolve(true);
            else if (performance.now() > until) reject(new Error('formulas not ready in time'));
            else setTimeout(poll, 100);
          };
          poll();
        }),
      TIMEOUT,
    );
  };
  await profileWhile(
    PROFILE,
    context,
    page,
    () => traceWhile(TRACE, context, page, open, name),
    name,
  );
  const t = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const rows = mark('regulars:all-rows');
    const ready = Math.max(mark('regulars:formulas-ready'), rows);
    const tasks = window.__benchLongTasks.filter((e) => e.start <= ready);
    const longest = (list) => list.reduce((m, e) => Math.max(m, e.duration), 0);
    // For reading a profile: the longest tasks, each with what its long animation frames ran.
    const top = [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 8);
    const label = (e) => `${Math.round(e.duration)} ms at ${Math.round(e.start)}`;
    return {
      ready,
      allRows: rows,
      block: longest(tasks),
      blockAfterRows: longest(tasks.filter((e) => rows !== null && e.start >= rows)),
      longTasks: tasks.length,
      longest: top.map(label),
      frames: top.map(
        (e) =>
          `${label(e)}: ${window.__benchFramePartsAt(e.start, e.duration).join(' | ') || '(no frame)'}`,
      ),
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('regulars:'))
        .map((m) => `${m.name.slice(9)} ${Math.round(m.startTime)}`),
    };
  });
  console.log(`  longest tasks: ${t.longest.join(', ')}\n  marks: ${t.marks.join(', ')}`);
  for (const f of t.frames) console.log(`    ${f}`);
  return { page, errors, t };
}

/** The template's formulas as plain JS over the same records, in the bench page of this browser. */
async function measureFloor(context, env, seed) {
  const bench = await openBenchTab(context, env.baseUrl);
  const today = new Date().toISOString().slice(0, 10);
  const runs = [];
  for (let i = 0; i < 3; i++)
    runs.push(
      await bench.evaluate(
        ({ ws, table, ids, asOf }) => window.bench.formulaFloor(ws, table, ids, asOf),
        { ws: seed.workspaceId, table: seed.tableId, ids: seed.fieldIds, asOf: today },
      ),
    );
  await bench.close();
  return median(runs);
}

/** The app's font list, as its base style sheet gives it. */
const APP_FONTS = /font-family:\s*([^;]+);/
  .exec(readFileSync(new URL('../../../src/ui/styles/base.css', import.meta.url), 'utf8'))[1]
  .replace(/\s+/g, ' ');

/**
 * The browser's part of `block`: its longest task showing two lines of Chinese (regular and
 * bold) in the app's font list, in a fresh browser. A first use of a CJK font file copies it
 * (~20 MB per weight on Linux, see README): `warm` does what the app does (src/ui/fontWarmup),
 * a worker measuring the text first so the copies happen there; `cold` lays the lines out
 * straight away, the copies falling into the page's task (shown for comparison).
 */
async function fontFloor(env, i, warm) {
  const fresh = await launchProfile(join(env.scratchDir, `font-floor-${Date.now()}-${i}`));
  try {
    const page = await fresh.newPage();
    await page.addInitScript(installLongTasks);
    await page.goto('about:blank');
    return await page.evaluate(
      async ({ fonts, warm }) => {
        if (warm) {
          const source = `onmessage = (e) => { const c = new OffscreenCanvas(1, 1).getContext('2d');
            for (const w of [400, 600]) { c.font = w + ' 14px ' + e.data; c.measureText('客Aa'); }
            postMessage(null); };`;
          const worker = new Worker(URL.createObjectURL(new Blob([source])));
          await new Promise((resolve) => {
            worker.onmessage = resolve;
            worker.postMessage(fonts);
          });
          worker.terminate();
        }
        const text = document.createElement('div');
        text.style.fontFamily = fonts;
        text.append('客户 姓名 手机 生日', document.createElement('b'));
        text.lastElementChild.textContent = '数据表 最近消费日期';
        document.body.append(text);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return window.__benchLongTasks.reduce((m, e) => Math.max(m, e.duration), 0);
      },
      { fonts: APP_FONTS, warm },
    );
  } finally {
    await fresh.close();
  }
}

/**
 * The floor of `block`: the longest tasks the browser and the libraries alone cause doing the
 * launch's work — the browser showing Chinese for the first time, its fonts loaded by a worker
 * as the app does (fontFloor); AG Grid creating
 * a bare grid of the table's columns (plus the checkbox and row-number ones) in a fresh
 * browser, its caches as cold as the app's; and IndexedDB reading the table one bucket per task
 * in the seeded profile (see tests/bench/page/{grid,read}Floor). Medians of three runs each; 0
 * means no task over 50 ms. The app's page is closed first.
 */
async function measureBlockFloor(context, env, seed) {
  const fonts = [];
  const colds = [];
  for (let i = 0; i < 3; i++) {
    fonts.push(await fontFloor(env, i, true));
    colds.push(await fontFloor(env, i, false));
  }
  const columns = Object.keys(seed.fieldIds).length + 2;
  const grids = [];
  for (let i = 0; i < 3; i++) {
    const fresh = await launchProfile(join(env.scratchDir, `grid-floor-${Date.now()}-${i}`));
    try {
      const page = await openBenchTab(fresh, env.baseUrl);
      grids.push(await page.evaluate((n) => window.bench.gridFloor(n), columns));
    } finally {
      await fresh.close();
    }
  }
  const bench = await openBenchTab(context, env.baseUrl);
  const reads = [];
  for (let i = 0; i < 3; i++)
    reads.push(
      await bench.evaluate(({ ws, table }) => window.bench.bucketReadFloor(ws, table), {
        ws: seed.workspaceId,
        table: seed.tableId,
      }),
    );
  await bench.close();
  const font = Math.round(median(fonts));
  const grid = Math.round(median(grids));
  const read = Math.round(median(reads));
  const runs = (list) => list.map(Math.round).join('/');
  console.log(
    `  block floor: font ${runs(fonts)} ms (without a worker first ${runs(colds)} ms), grid ${runs(grids)} ms, read ${runs(reads)} ms`,
  );
  const fontCold = Math.round(median(colds));
  return { font, fontCold, grid, read, floor: Math.max(font, grid, read) };
}

/** The block figure's fields: the app's longest task beside its floor. */
function blockFields(t, blockFloor) {
  return {
    block: Math.round(t.block),
    blockFloor: blockFloor.floor,
    blockRatio: blockFloor.floor ? round(t.block / blockFloor.floor, 2) : null,
    fontFloor: blockFloor.font,
    fontColdFloor: blockFloor.fontCold,
    gridFloor: blockFloor.grid,
    readFloor: blockFloor.read,
    blockAfterRows: Math.round(t.blockAfterRows),
  };
}

export async function runFormulaBuild(env) {
  const { context, seed } = await formulaProfile(env, env.formulaCustomers ?? 100_000, 'template');
  try {
    const { page, errors, t } = await openUntilFormulas(context, env.baseUrl, 'formula-build');
    await page.close();
    const floor = await measureFloor(context, env, seed);
    const blockFloor = await measureBlockFloor(context, env, seed);
    const pass = t.ready <= FORMULA_TARGETS.build && t.block <= FORMULA_TARGETS.block;
    return {
      scenario: 'formula-build',
      value: Math.round(t.ready),
      unit: 'ms',
      floor: floor === null ? null : round(floor),
      ratio: floor ? round(t.ready / floor, 1) : null,
      ...blockFields(t, blockFloor),
      allRows: Math.round(t.allRows ?? -1),
      longTasks: t.longTasks,
      pass,
      target: `≤ ${FORMULA_TARGETS.build} ms, block ≤ ${FORMULA_TARGETS.block} ms`,
      problems: errors.slice(0, 3).map((e) => `page error: ${e}`),
    };
  } finally {
    await context.close();
  }
}

/** Types `value` into a cell and resolves with the ms from Enter to the formulas-updated mark. */
async function editUntilUpdated(page, rowIndex, fieldId, value, seed) {
  // Columns right of the viewport are not rendered: walk there with the keyboard.
  await page.locator(cellSelector(rowIndex, seed.fieldIds.name)).click();
  for (let i = 0; i < 30; i++) {
    const focused = await page.evaluate(
      () => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id') ?? null,
    );
    if (focused === fieldId) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.type(value.slice(0, 1));
  await page.locator('input.cell-editor').waitFor();
  await page.keyboard.type(value.slice(1));
  await page.waitForFunction(
    (v) => document.querySelector('input.cell-editor')?.value === v,
    value,
  );
  await page.evaluate(() => {
    window.__benchFormulaEdit = new Promise((resolve) => {
      let keydown = null;
      const onKey = (e) => {
        if (e.key !== 'Enter') return;
        window.removeEventListener('keydown', onKey, true);
        keydown = Math.min(e.timeStamp, performance.now());
      };
      window.addEventListener('keydown', onKey, true);
      new PerformanceObserver((list, observer) => {
        for (const m of list.getEntries()) {
          if (m.name !== 'regulars:formulas-updated' || keydown === null || m.startTime < keydown)
            continue;
          observer.disconnect();
          // The grid redraws changed cells in the same task; wait for the next frame too.
          requestAnimationFrame(() => resolve(performance.now() - keydown));
          return;
        }
      }).observe({ type: 'mark' });
    });
  });
  await page.keyboard.press('Enter');
  return page.evaluate(() => window.__benchFormulaEdit);
}

export async function runFormulaEdit(env) {
  const { context, seed } = await formulaProfile(env, env.formulaCustomers ?? 100_000, 'template');
  try {
    const { page, errors } = await openUntilFormulas(context, env.baseUrl, 'formula-edit');
    await page.waitForTimeout(500);
    const amounts = [];
    const locals = [];
    for (let i = 0; i < 3; i++) {
      amounts.push(
        await editUntilUpdated(page, i + 1, seed.fieldIds.totalSpent, String(90_000 + i), seed),
      );
      await page.waitForTimeout(300);
      locals.push(
        await editUntilUpdated(page, i + 1, seed.fieldIds.points, String(4_000 + i), seed),
      );
      await page.waitForTimeout(300);
    }
    const value = median(amounts);
    const local = median(locals);
    return {
      scenario: 'formula-edit',
      value: round(value),
      unit: 'ms',
      local: round(local),
      runs: amounts.map((r) => round(r)),
      localRuns: locals.map((r) => round(r)),
      pass: value <= FORMULA_TARGETS.edit && local <= FORMULA_TARGETS.local,
      target: `≤ ${FORMULA_TARGETS.edit} ms, local ≤ ${FORMULA_TARGETS.local} ms`,
      problems: errors.slice(0, 3).map((e) => `page error: ${e}`),
    };
  } finally {
    await context.close();
  }
}

export async function runFormula1m(env) {
  const { context, seed } = await formulaProfile(env, env.formula1mCustomers ?? 1_000_000, 'local');
  try {
    const { page, errors, t } = await openUntilFormulas(context, env.baseUrl, 'formula-1m');
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / MB;
    await page.close();
    const blockFloor = await measureBlockFloor(context, env, seed);
    const pass =
      t.ready <= FORMULA_TARGETS.build1m &&
      t.block <= FORMULA_TARGETS.block &&
      heap <= FORMULA_TARGETS.heap;
    return {
      scenario: 'formula-1m',
      value: Math.round(t.ready),
      unit: 'ms',
      heap: round(heap),
      ...blockFields(t, blockFloor),
      allRows: Math.round(t.allRows ?? -1),
      longTasks: t.longTasks,
      pass,
      target: `≤ ${FORMULA_TARGETS.build1m} ms, block ≤ ${FORMULA_TARGETS.block} ms, heap ≤ ${FORMULA_TARGETS.heap} MB`,
      problems: errors.slice(0, 3).map((e) => `page error: ${e}`),
    };
  } finally {
    await context.close();
  }
}
