import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  baseUrl,
  cell,
  openApp,
  recordCount,
  startWithTemplate,
  typeInto,
  sharedBrowser,
  waitLoaded,
} from './app';
import { watchForeignRequests } from './browser';
import { FIRST_SCREEN_STRIKES, WARM_SAMPLE } from '../../src/ui/fontWarmup';

const browser = sharedBrowser();

/** `probe` on the welcome screen, then on the template's workspace once its rows are drawn. */
async function onFirstScreens<T>(page: Page, probe: () => Promise<T>): Promise<[T, T]> {
  await page.getByTestId('start-template').waitFor();
  const welcome = await probe();
  await startWithTemplate(page);
  await page.locator('.ag-row[row-index="10"]').first().waitFor({ state: 'visible' });
  return [welcome, await probe()];
}

describe('first launch', () => {
  it('offers the template, shows 200 customers, keeps an edit across a reload, makes no foreign request', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    const foreign = watchForeignRequests(page, new URL(page.url()).origin);
    await expect(page.getByTestId('welcome').textContent()).resolves.toContain('回头客');
    await startWithTemplate(page);
    expect(await recordCount(page)).toContain('200');
    await expect(
      page.locator('.ag-header-cell-text, .ag-header-cell').first().textContent(),
    ).resolves.toBeDefined();

    const name = await cell(page, 0, '姓名');
    await typeInto(page, name, '测试客户王小明');
    await expect.poll(() => name.textContent()).toBe('测试客户王小明');

    await page.reload();
    await waitLoaded(page);
    const after = await cell(page, 0, '姓名');
    expect(await after.textContent()).toBe('测试客户王小明');
    // The grid draws a short window of rows first and takes its theme a task after it is made;
    // once the first screen is gone it fills its area, styled, with every row that fits.
    await expect.poll(() => page.locator('.first-screen').count()).toBe(0);
    const shape = await page.evaluate(() => ({
      area: document.querySelector('.grid-area')?.getBoundingClientRect().height,
      grid: document.querySelector('[data-testid=grid]')?.getBoundingClientRect().height,
      accent: getComputedStyle(document.querySelector('.ag-root-wrapper')!)
        .getPropertyValue('--ag-accent-color')
        .trim(),
    }));
    expect(shape.grid).toBe(shape.area);
    expect(shape.accent).toBe('#1f6f5c');
    await page.locator('.ag-row[row-index="17"]').first().waitFor({ state: 'visible' });
    // The fonts were loaded by the warm-up worker, which answered (no wait for its time-out);
    // the interface has replaced the splash.
    const start = await page.evaluate(() => ({
      warm: (performance.getEntriesByName('regulars:fonts-warm')[0] as PerformanceMark | undefined)
        ?.detail,
      splashes: document.querySelectorAll('.boot-splash').length,
    }));
    expect(start.warm).toBe('answered');
    expect(start.splashes).toBe(0);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the first screens only in the sizes and weights the font warm-up asks for', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    // Each weight and px size of the visible text, placeholders and CSS-drawn icons.
    const strikes = () =>
      page.evaluate(() => {
        const seen = new Set<string>();
        const add = (el: Element, pseudo?: string) => {
          const style = getComputedStyle(el, pseudo);
          seen.add(`${style.fontWeight} ${style.fontSize}`);
        };
        for (const el of document.querySelectorAll('body *')) {
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.bottom < 0 || box.top > innerHeight) continue;
          const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
          if (text || (el instanceof HTMLInputElement && el.placeholder)) add(el);
          for (const pseudo of ['::before', '::after']) {
            const content = getComputedStyle(el, pseudo).content;
            if (content !== 'none' && content !== 'normal' && content !== '""') add(el, pseudo);
          }
        }
        return [...seen].sort();
      });
    const asked = new Set(FIRST_SCREEN_STRIKES.map(([weight, px]) => `${weight} ${px}px`));
    const [welcome, workspace] = await onFirstScreens(page, strikes);
    expect(welcome.length).toBeGreaterThan(2);
    expect(workspace.length).toBeGreaterThan(2);
    expect([...welcome, ...workspace].filter((s) => !asked.has(s))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws no symbol of the first screens in a fallback font the warm-up did not ask for', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    // Characters of visible elements that Chromium drew in a font other than Noto Sans CJK (the
    // first of the app's fonts on this machine): each was a fallback the page had to ask for.
    const fallbacks = async () => {
      const texts = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of document.querySelectorAll('body *')) {
          el.removeAttribute('data-font-probe');
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.bottom < 0 || box.top > innerHeight) continue;
          const own = [...el.childNodes]
            .filter((n) => n.nodeType === 3)
            .map((n) => n.textContent ?? '')
            .join('')
            .trim();
          if (!own) continue;
          el.setAttribute('data-font-probe', String(out.length));
          out.push(own);
        }
        return out;
      });
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
        nodeId: root.nodeId,
        selector: '[data-font-probe]',
      });
      const found = new Set<string>();
      for (const nodeId of nodeIds) {
        const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
        const index = Number(attributes[attributes.indexOf('data-font-probe') + 1]);
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        if (fonts.every((f) => f.familyName.startsWith('Noto Sans CJK'))) continue;
        for (const ch of texts[index] ?? '')
          if (!/[\p{Script=Han}\p{ASCII}\u3000-\u303f\uff00-\uffef]/u.test(ch)) found.add(ch);
      }
      return [...found];
    };
    const [welcome, workspace] = await onFirstScreens(page, fallbacks);
    expect(workspace.length).toBeGreaterThan(0);
    expect([...welcome, ...workspace].filter((ch) => !WARM_SAMPLE.includes(ch))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the icon, and no text, before any of its script has run', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await expect(page.locator('.boot-splash svg').isVisible()).resolves.toBe(true);
    expect(await page.locator('.boot-splash svg').boundingBox()).toMatchObject({
      width: 64,
      height: 64,
    });
    expect((await page.locator('body').innerText()).trim()).toBe('');
    await context.close();
  });

  it('starts with an empty table in English', async () => {
    const { page, context } = await openApp(browser(), 'en-US');
    await page.getByTestId('start-empty').click();
    await page.locator('[data-testid=app]').waitFor();
    await expect.poll(() => recordCount(page)).toContain('0 records');
    await page.getByTestId('add-record').click();
    await expect.poll(() => recordCount(page)).toMatch(/^1 record$/);
    await context.close();
  });

  it("serves the code that runs at launch with V8's compile hint, so Chromium compiles it while it loads", async () => {
    const { page, context } = await openApp(browser(), 'zh-CN');
    const scripts = new Set<string>();
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.add(req.url());
    });
    await page.reload();
    await startWithTemplate(page);
    const bodies = await Promise.all(
      [...scripts].map(async (url) => (await context.request.get(url)).text()),
    );
    const html = await (await context.request.get(page.url())).text();
    const entry = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const main = await (await context.request.get(new URL(entry!, page.url()).href)).text();
    // Strings the minifier keeps: React DOM's error link, AG Grid's root class.
    const react = bodies.filter((b) => b.includes('react.dev/errors/'));
    const grid = bodies.filter((b) => b.includes('ag-root-wrapper'));
    expect(react.length).toBeGreaterThan(0);
    expect(grid.length).toBeGreaterThan(0);
    for (const body of [main, ...react, ...grid])
      expect(body.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
    await context.close();
  });
});
