import { mkdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp, recordCount, startWithTemplate, sharedBrowser } from './app';

const browser = sharedBrowser();

const FILE = 'docs/screenshot.png';

describe('screenshot for the docs', () => {
  it('captures the main screen with the shop template in Chinese', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    await page.locator('.ag-header-cell', { hasText: '姓名' }).first().waitFor();
    expect(await page.locator('.ag-row').count()).toBeGreaterThan(10);
    // Fonts and the grid's first paint settle before the picture is taken.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // Park the pointer on empty toolbar space so no row shows a hover highlight.
    await page.mouse.move(700, 30);
    await page.waitForTimeout(300);
    mkdirSync('docs', { recursive: true });
    await page.screenshot({ path: FILE });
    expect(statSync(FILE).size).toBeGreaterThan(30_000);
    expect(errors).toEqual([]);
    await context.close();
  });
});
