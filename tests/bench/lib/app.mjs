/**
 * Opening the app under measurement. An init script notes, in the page's own clock (ms since
 * navigation start), when the first row with text appears and when the app reports all rows.
 */
import { relayConsole } from './browser.mjs';

const LOAD_TIMEOUT = Number(process.env.BENCH_LOAD_TIMEOUT ?? 60_000);

/** Runs in the page before any app script. Keep it self-contained (it is serialised). */
function installProbes() {
  const probe = { firstRow: null, firstRowPainted: null, loaded: null };
  window.__benchProbe = probe;
  const afterPaint = () => {
    // rAF runs just before the frame is painted; a posted message runs right after it.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (probe.firstRowPainted = performance.now());
      channel.port2.postMessage(null);
    });
  };
  const check = () => {
    if (probe.firstRow === null) {
      // Field cells only (field ids start with fld_), in the grid or in the first screen the app
      // draws from the first page of records before the grid is ready.
      const cells = document.querySelectorAll(
        '.ag-row .ag-cell[col-id^="fld_"], .first-screen [data-col-id^="fld_"]',
      );
      for (const cell of cells) {
        if (cell.textContent.trim() === '') continue;
        probe.firstRow = performance.now();
        afterPaint();
        break;
      }
    }
    if (probe.loaded === null && document.querySelector('[data-testid=app][data-loaded=true]'))
      probe.loaded = performance.now();
    if (probe.firstRow !== null && probe.loaded !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-loaded'],
  });
}

const probesInstalled = new WeakSet();

/**
 * Navigates a new tab to the app and waits until every row is loaded and shown.
 * Returns the tab and the timings (ms since navigation start).
 */
export async function openApp(context, baseUrl) {
  if (!probesInstalled.has(context)) {
    await context.addInitScript(installProbes);
    probesInstalled.add(context);
  }
  const page = await context.newPage();
  const errors = relayConsole(page);
  await page.goto(baseUrl);
  try {
    await page.waitForFunction(
      () =>
        window.__benchProbe?.loaded != null &&
        window.__benchProbe?.firstRowPainted != null &&
        performance.getEntriesByName('regulars:all-rows').length > 0,
      null,
      { timeout: LOAD_TIMEOUT, polling: 50 },
    );
  } catch (err) {
    throw new AppNotReadyError(
      `${err.message.split('\n')[0]}; page state: ${await describe(page)}`,
    );
  }
  const timings = await page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const probe = window.__benchProbe;
    return {
      firstRowsMark: mark('regulars:first-rows'),
      allRows: mark('regulars:all-rows'),
      recordsRead: mark('regulars:records-read'),
      fontsWarm: mark('regulars:fonts-warm'),
      firstRow: probe.firstRow,
      firstRowPainted: probe.firstRowPainted,
      loaded: probe.loaded,
      recordCount: document.querySelector('[data-testid=record-count]')?.textContent ?? '',
    };
  });
  return { page, errors, timings };
}

export class AppNotReadyError extends Error {
  name = 'AppNotReadyError';
}

/** What the page shows, for the error message when the app never becomes ready. */
async function describe(page) {
  return page
    .evaluate(() =>
      JSON.stringify({
        probe: window.__benchProbe,
        marks: performance
          .getEntriesByType('mark')
          .map((m) => `${m.name}@${Math.round(m.startTime)}`),
        app: document.querySelector('[data-testid=app]')?.getAttribute('data-loaded') ?? 'absent',
        rows: document.querySelectorAll('.ag-row').length,
        text: document.body.innerText.slice(0, 200),
      }),
    )
    .catch((e) => `unavailable (${e.message})`);
}

/**
 * The cell of `fieldId` in the row at `rowIndex` (display order). No container class: AG Grid
 * 36 renders each row once (`.ag-grid-scrolling-container`), older versions once per pinned part.
 */
export function cellSelector(rowIndex, fieldId) {
  return `.ag-row[row-index="${rowIndex}"] [col-id="${fieldId}"]`;
}

/** Clicks a cell and checks that the grid gave it keyboard focus (the grid accepts input). */
export async function checkCellFocusable(page, fieldId) {
  const cell = page.locator(cellSelector(0, fieldId));
  await cell.click();
  return page.evaluate(
    () => document.activeElement?.closest('.ag-cell')?.classList.contains('ag-cell-focus') ?? false,
  );
}

/** Digits of the record-count label ("100,000 条记录" → 100000). */
export function parseCount(text) {
  const digits = text.replace(/[^0-9]/g, '');
  return digits === '' ? null : Number(digits);
}
