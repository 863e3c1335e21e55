/** The template's RFM columns agree with each other (zh-CN), whatever inputs are blank. */
import { describe, expect, it } from 'vitest';
import { allColumnTexts, cell, openTemplate, sharedBrowser } from './app';

const browser = sharedBrowser();

describe('RFM columns', () => {
  it('a customer with purchases but no amount keeps R and F, and every RFM code is R·100 + F·10 + M', async () => {
    const { page, context, errors } = await openTemplate(browser());
    const buyers = await allColumnTexts(page, '消费次数');
    const row = buyers.findIndex((t) => Number(t) > 0);
    await (await cell(page, row, '消费金额')).click();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await allColumnTexts(page, 'M'))[row]).toBe('');
    // One after the other: each reads the column by scrolling the grid.
    const r = await allColumnTexts(page, 'R');
    const f = await allColumnTexts(page, 'F');
    const m = await allColumnTexts(page, 'M');
    const rfm = await allColumnTexts(page, 'RFM');
    expect([r[row] !== '', f[row] !== '', rfm[row]]).toEqual([true, true, '']);
    const wrong = rfm
      .map((code, i) => ({ i, code, digits: `${r[i]}${f[i]}${m[i]}` }))
      .filter(({ i, code, digits }) => i !== row && code !== (m[i] === '' ? '' : digits));
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
