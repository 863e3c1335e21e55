import { describe, expect, it } from 'vitest';
import {
  cell,
  openApp,
  recordCount,
  startWithTemplate,
  typeInto,
  sharedBrowser,
  waitLoaded,
} from './app';
import { watchForeignRequests } from './browser';

const browser = sharedBrowser();

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
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
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
});
