/** Page helpers shared by the end-to-end tests: start the app, find cells, type like a user. */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';
import { launchBrowser, newContext } from './browser';

export const baseUrl = (): string => inject('baseUrl');

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openApp(browser: Browser, locale = 'zh-CN'): Promise<Session> {
  const context = await newContext(browser, locale);
  const page = await context.newPage();
  const errors = trackErrors(page);
  onTestFailed(async ({ task }) => {
    const file = `test-results/${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`;
    await page.screenshot({ path: file }).catch(() => undefined);
  });
  await page.goto(baseUrl());
  return { browser, context, page, errors };
}

export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

export { launchBrowser };

/** One Chromium for the test file: launched before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not running yet.');
    return browser;
  };
}

/** First launch → shop template → all customers loaded. */
/** Opens the app in Chinese on the shop template, its 200 customers loaded. */
export async function openTemplate(browser: Browser): Promise<Session> {
  const session = await openApp(browser, 'zh-CN');
  await startWithTemplate(session.page);
  await expect.poll(() => recordCount(session.page)).toBe('共 200 条');
  return session;
}

export async function startWithTemplate(page: Page): Promise<void> {
  await page.getByTestId('start-template').click();
  await waitLoaded(page);
}

export async function waitLoaded(page: Page): Promise<void> {
  await page.locator('[data-testid=app][data-loaded=true]').waitFor({ timeout: 30_000 });
  // The grid pages rows in from our view: a row's number shows once its data is there.
  await page.locator('.ag-row[row-index="0"] .rownum').first().waitFor();
  // The first screen covers the grid until the grid has drawn its full height (a few rows at a
  // time, a frame or two apart): only then does a user see and use the grid.
  await page.locator('.first-screen').waitFor({ state: 'detached', timeout: 30_000 });
}

/** The column id (field id) of the header whose text is `name`. */
export async function columnId(page: Page, name: string): Promise<string> {
  const header = page
    .locator('.ag-header-cell', { has: page.getByText(name, { exact: true }) })
    .first();
  // Columns are virtualised: scroll right from the left edge until the header is rendered.
  for (let step = 0; step < 40 && (await header.count()) === 0; step++) {
    // Wait for the grid to render the scrolled columns (a few frames; a hidden tab has none).
    await page.evaluate(async (i) => {
      // Both the scrollbar and the viewport it drives: after a column is removed they can
      // disagree, and setting the scrollbar to the value it already has fires no event.
      for (const sel of ['.ag-body-horizontal-scroll-viewport', '.ag-grid-viewport']) {
        const el = document.querySelector(sel);
        if (el) el.scrollLeft = i * 400;
      }
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const frames = frame().then(frame).then(frame);
      await Promise.race([frames, new Promise((done) => setTimeout(done, 250))]);
    }, step);
    await page.waitForTimeout(50);
  }
  const id = await header.getAttribute('col-id', { timeout: 5000 });
  if (!id) throw new Error(`No column named ${name}`);
  return id;
}

/** The cell of the row at `rowIndex` (display order) in the column called `name`. */
export async function cell(page: Page, rowIndex: number, name: string): Promise<Locator> {
  const id = await columnId(page, name);
  return page.locator(`.ag-row[row-index="${rowIndex}"] [col-id="${id}"]`).first();
}

/**
 * Clicks a cell, opens it with F2 and types text followed by Enter. (Chinese text arrives
 * as an IME commit without key events, so it is typed into an open editor, as users do.)
 */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.press('F2');
  // Keys typed before the editor has focus would go to the grid: wait for it.
  await page.locator('.cell-editor:focus, .cell-editor-long:focus').first().waitFor();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Type-to-edit: focus the cell and just start typing (ASCII keys start the editor). */
export async function typeOver(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export async function recordCount(page: Page): Promise<string> {
  return (await page.getByTestId('record-count').textContent()) ?? '';
}

/** Cancels the column dialog and waits until it has gone. */
export async function cancelFieldDialog(page: Page): Promise<void> {
  await page.getByTestId('field-cancel').click();
  await page.getByTestId('field-dialog').waitFor({ state: 'detached' });
}

/** Clicks the column dialog's save and sees it refused: the dialog stays open. */
export async function expectSaveRefused(page: Page): Promise<void> {
  await page.getByTestId('field-save').click();
  await page.waitForTimeout(300);
  expect(await page.getByTestId('field-dialog').isVisible()).toBe(true);
}

/** Every shown row's text in the named columns, top to bottom (rows are virtualised). */
export async function readColumns(page: Page, names: string[]): Promise<string[][]> {
  const ids: string[] = [];
  for (const name of names) ids.push(await columnId(page, name));
  const out: string[][] = [];
  for (let step = 0; step < 80; step++) {
    const { rows, end } = await page.evaluate(
      async ({ colIds, top }) => {
        const viewport = document.querySelector('.ag-grid-viewport') as HTMLElement;
        viewport.scrollTop = top;
        const bar = document.querySelector('.ag-body-vertical-scroll-viewport');
        if (bar) bar.scrollTop = top;
        const frame = () => new Promise((done) => requestAnimationFrame(done));
        await frame().then(frame).then(frame);
        const found: [number, string[]][] = [];
        for (const first of Array.from(
          document.querySelectorAll(`.ag-row [col-id="${colIds[0]}"]`),
        )) {
          const index = Number(first.closest('.ag-row')?.getAttribute('row-index'));
          const texts = colIds.map(
            (id) =>
              document.querySelector(`.ag-row[row-index="${index}"] [col-id="${id}"]`)
                ?.textContent ?? '',
          );
          found.push([index, texts]);
        }
        const max = viewport.scrollHeight - viewport.clientHeight;
        return { rows: found, end: viewport.scrollTop >= max - 1 };
      },
      { colIds: ids, top: step * 400 },
    );
    for (const [row, texts] of rows) out[row] = texts;
    if (end) break;
  }
  await page.evaluate(() => {
    for (const sel of ['.ag-grid-viewport', '.ag-body-vertical-scroll-viewport']) {
      const el = document.querySelector(sel);
      if (el) el.scrollTop = 0;
    }
  });
  await page.waitForTimeout(100);
  return out;
}

/** Every row's text in the column `name` (see readColumns). */
export async function allColumnTexts(page: Page, name: string): Promise<string[]> {
  return (await readColumns(page, [name])).map((row) => row[0] ?? '');
}
