/**
 * A view sorted or searched by a formula column follows the formula's values (zh-CN, shop
 * template): an edited input moves its row, a search on a formula result drops and regains it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  allColumnTexts,
  readColumns,
  cancelFieldDialog,
  cell,
  columnId,
  expectSaveRefused,
  openApp,
  openTemplate,
  recordCount,
  startWithTemplate,
  typeOver,
  sharedBrowser,
} from './app';
import { reloadGrid } from './stored';

const browser = sharedBrowser();

/** '¥1,234.50' → 1234.5 */
const numberIn = (shown: string): number => Number(shown.replace(/[¥,\s]/g, ''));

/** M scores as shown, ascending, with the unscored (empty) rows last. */
function isAscendingBlanksLast(scores: string[]): boolean {
  const rank = (s: string) => (s === '' ? 99 : Number(s));
  return scores.every((s, i) => i === 0 || rank(scores[i - 1] ?? '') <= rank(s));
}

async function sortAscending(page: Page, name: string): Promise<void> {
  const id = await columnId(page, name);
  await page.getByTestId(`column-sort-${id}`).click();
  await page.getByTestId(`column-sort-indicator-${id}`).waitFor();
}

describe('formula columns in sorted and searched views', () => {
  it('moves an edited row to its place in a view sorted by M, and back on undo', async () => {
    const { page, context, errors } = await openTemplate(browser());
    await sortAscending(page, 'M');
    await expect.poll(async () => (await cell(page, 0, 'M')).textContent()).toBe('1');
    const before = await readColumns(page, ['M', '消费金额']);
    expect(before).toHaveLength(200);
    expect(isAscendingBlanksLast(before.map((r) => r[0] ?? ''))).toBe(true);

    // The lowest spender of row 0 becomes the biggest: M 1 → 5, and the row leaves the top.
    await typeOver(page, await cell(page, 0, '消费金额'), '999999');
    const moved = async () =>
      (await readColumns(page, ['M', '消费金额'])).findIndex(
        (r) => numberIn(r[1] ?? '') === 999999,
      );
    await expect.poll(moved, { timeout: 10_000 }).toBeGreaterThan(0);
    const after = await readColumns(page, ['M', '消费金额']);
    expect(after).toHaveLength(200);
    expect(isAscendingBlanksLast(after.map((r) => r[0] ?? ''))).toBe(true);
    expect(after[await moved()]?.[0]).toBe('5');
    expect(numberIn((await (await cell(page, 0, '消费金额')).textContent()) ?? '')).not.toBe(
      999999,
    );

    // Undo: the amount and its M go back, and so does the row.
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(async () => await readColumns(page, ['M', '消费金额'])).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sorts 生命周期 and 会员等级 in the customer model’s order, not the alphabet', async () => {
    const { page, context, errors } = await openTemplate(browser());
    const inOrder = (texts: string[], order: string[]) =>
      texts.every((t, i) => i === 0 || order.indexOf(texts[i - 1] ?? '') <= order.indexOf(t));
    const stages = ['潜在客户', '新客户', '活跃期', '沉默期', '睡眠期', '流失期', ''];
    await sortAscending(page, '生命周期');
    await expect
      .poll(async () => inOrder(await allColumnTexts(page, '生命周期'), stages))
      .toBe(true);
    // The template has several stages, so the order is really the model's (活跃期 before 沉默期).
    expect(new Set(await allColumnTexts(page, '生命周期')).size).toBeGreaterThan(3);
    const tiers = ['普通会员', '银卡会员', '金卡会员', '钻石会员', ''];
    await sortAscending(page, '会员等级');
    await expect
      .poll(async () => inOrder(await allColumnTexts(page, '会员等级'), tiers))
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a view sorted by a formula column in order once the results arrive after a load', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await sortAscending(page, 'M');
    await expect.poll(async () => (await cell(page, 0, 'M')).textContent()).toBe('1');
    // The next launch shows rows before the engine worker has answered.
    await reloadGrid(page);
    await page.getByTestId(`column-sort-indicator-${await columnId(page, 'M')}`).waitFor();
    await expect
      .poll(async () =>
        isAscendingBlanksLast((await readColumns(page, ['M'])).map((r) => r[0] ?? '')),
      )
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drops a row from a search on a formula result when its input changes, and brings it back', async () => {
    const { page, context, errors } = await openTemplate(browser());
    await page.getByTestId('search').fill('金卡会员');
    const shownCount = async () => Number((await recordCount(page)).split(' ')[0]);
    // Also when the search came before the formula results: it matches once they arrive.
    await expect.poll(shownCount).toBeGreaterThan(1);
    const shown = await shownCount();
    const tiers = await readColumns(page, ['会员等级']);
    expect(tiers.map((r) => r[0])).toEqual(new Array(shown).fill('金卡会员'));

    // Spending nothing makes an ordinary member: the row no longer matches the search.
    await typeOver(page, await cell(page, 0, '消费金额'), '0');
    await expect.poll(() => recordCount(page)).toBe(`${shown - 1} / 共 200 条`);
    expect((await readColumns(page, ['会员等级'])).map((r) => r[0])).toEqual(
      new Array(shown - 1).fill('金卡会员'),
    );

    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => recordCount(page)).toBe(`${shown} / 共 200 条`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('en-US: names an unreadable formula in English, at the token to blame, and does not save it', async () => {
    const { page, context, errors } = await openApp(browser(), 'en-US');
    await startWithTemplate(page);
    await page.getByTestId('add-column').click();
    await page.getByTestId('field-name').fill('Broken');
    const type = page.getByTestId('field-type');
    await expect.poll(() => type.locator('option[value=formula]').count()).toBe(1);
    await type.selectOption('formula');
    await page.getByTestId('formula-input').click();
    await page.keyboard.type('=1 +* 2');
    const problem = page.getByTestId('formula-problem');
    await expect
      .poll(() => problem.textContent())
      .toBe('At character 5: a value or a field is missing before “*”');
    await expectSaveRefused(page);
    await cancelFieldDialog(page);
    expect(await page.locator('.column-header-name', { hasText: 'Broken' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a formula of money as money in the automatic format: ¥ and 2 decimals, in the preview too', async () => {
    const { page, context, errors } = await openTemplate(browser());
    await page.getByTestId('add-column').click();
    await page.getByTestId('field-name').fill('返现');
    const type = page.getByTestId('field-type');
    await expect.poll(() => type.locator('option[value=formula]').count()).toBe(1);
    await type.selectOption('formula');
    await page.getByTestId('formula-input').click();
    await page.keyboard.type('=ROUND({');
    await page.keyboard.insertText('消费金额');
    await page.keyboard.type('}*0.05, 2)');
    const preview = page.getByTestId('formula-preview').locator('tbody tr');
    await expect.poll(() => preview.count()).toBeGreaterThan(0);
    await expect.poll(() => preview.first().textContent()).toMatch(/¥[\d,]+\.\d{2}$/);
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-dialog').waitFor({ state: 'detached', timeout: 20_000 });

    await expect.poll(async () => (await allColumnTexts(page, '返现')).length).toBe(200);
    const cashback = (await allColumnTexts(page, '返现')).slice(0, 10);
    const amounts = (await allColumnTexts(page, '消费金额')).slice(0, 10).map(numberIn);
    expect(amounts.every((a) => a > 0)).toBe(true);
    cashback.forEach((shown, row) => {
      expect(shown).toMatch(/^¥[\d,]+\.\d{2}$/);
      expect(numberIn(shown)).toBeCloseTo(Math.round((amounts[row] ?? NaN) * 5) / 100, 2);
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
