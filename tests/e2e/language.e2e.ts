import { describe, expect, it } from 'vitest';
import { openApp, recordCount, startWithTemplate, sharedBrowser, waitLoaded } from './app';

const browser = sharedBrowser();

describe('interface language', () => {
  it('follows a Chinese browser(), switches to English in settings and keeps it after a reload', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await expect
      .poll(() => page.getByTestId('welcome').textContent())
      .toContain('使用店铺模板开始');
    await startWithTemplate(page);
    await expect.poll(() => page.getByTestId('add-record').textContent()).toBe('+ 记录');
    await expect.poll(() => recordCount(page)).toBe('共 200 条');

    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.locator('select').selectOption('en');
    await expect.poll(() => page.getByTestId('add-record').textContent()).toBe('+ Record');
    await expect.poll(() => recordCount(page)).toBe('200 records');
    await expect.poll(() => dialog.textContent()).toContain('Settings');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.reload();
    await waitLoaded(page);
    await expect.poll(() => page.getByTestId('add-record').textContent()).toBe('+ Record');
    expect(await recordCount(page)).toBe('200 records');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts in English in an English browser', async () => {
    const { page, context, errors } = await openApp(browser(), 'en-US');
    await expect.poll(() => page.getByTestId('welcome').textContent()).toContain('template');
    expect(await page.getByTestId('welcome').textContent()).not.toMatch(/[\u4e00-\u9fff]{4}/);
    await startWithTemplate(page);
    await expect.poll(() => page.getByTestId('add-record').textContent()).toBe('+ Record');
    await expect.poll(() => recordCount(page)).toBe('200 records');
    await page.locator('.ag-header-cell', { hasText: 'Name' }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
