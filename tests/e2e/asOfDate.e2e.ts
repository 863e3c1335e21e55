import { describe, expect, it } from 'vitest';
import { cell, openApp, startWithTemplate, sharedBrowser, waitLoaded } from './app';

const browser = sharedBrowser();

describe('as-of date', () => {
  it('pinning a date recalculates life cycle for every customer, and it is kept', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const stages = async () => {
      const out: string[] = [];
      for (let i = 0; i < 12; i++)
        out.push(((await (await cell(page, i, '生命周期')).textContent()) ?? '').trim());
      return out;
    };
    await expect
      .poll(async () => (await stages()).every((s) => s !== ''), { timeout: 15_000 })
      .toBe(true);
    // Today some of the first customers are still active, silent or dormant.
    expect((await stages()).some((s) => !['流失期', '潜在客户'].includes(s))).toBe(true);

    await page.getByTestId('open-settings').click();
    await page.getByRole('radio', { name: '固定日期' }).check();
    await page.getByLabel('固定日期', { exact: true }).last().fill('2035-01-01');
    await page.getByRole('button', { name: '关闭' }).click();
    // Ten years after the last order every customer who bought is lost; prospects stay prospects.
    const lifecycle = await cell(page, 0, '生命周期');
    await expect
      .poll(() => lifecycle.textContent(), { timeout: 15_000 })
      .toMatch(/^(流失期|潜在客户)$/);

    await page.reload();
    await waitLoaded(page);
    const after = await cell(page, 0, '生命周期');
    await expect
      .poll(() => after.textContent(), { timeout: 15_000 })
      .toMatch(/^(流失期|潜在客户)$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
