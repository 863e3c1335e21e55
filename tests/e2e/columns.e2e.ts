import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, openApp, recordCount, typeInto, sharedBrowser } from './app';

const browser = sharedBrowser();

async function addColumn(
  page: Page,
  name: string,
  type: string,
  choices: string[] = [],
): Promise<void> {
  await page.getByTestId('add-column').click();
  const name$ = page.getByTestId('field-name');
  await name$.fill(name);
  await page.getByTestId('field-type').selectOption(type);
  for (const [i, choice] of choices.entries()) {
    await page.getByTestId('choice-add').click();
    await page.getByLabel(`Option ${i + 1} name`).fill(choice);
  }
  await page.getByTestId('field-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await page
    .locator('.ag-header-cell', { has: page.getByText(name, { exact: true }) })
    .first()
    .waitFor();
}

/** Typed text → what the cell shows, per type (en locale). */
const TYPED: [string, string, string][] = [
  ['text', 'hello world', 'hello world'],
  ['longText', 'a longer note', 'a longer note'],
  ['number', '1,234.5', '1234.5'],
  ['currency', '￥88', '¥88.00'],
  ['percent', '25%', '25%'],
  ['date', '2024/1/5', '2024-01-05'],
  ['dateTime', '2024-01-05 14:30', '2024-01-05 14:30'],
  ['phone', '+86 138-0013-8000', '+86 138-0013-8000'],
  ['email', 'amy@example.com', 'amy@example.com'],
  ['url', 'example.com/shop', 'example.com/shop'],
];

describe('columns of every type', () => {
  it('adds a column of each type through the dialog and takes a typed value', async () => {
    const { page, context, errors } = await openApp(browser(), 'en-US');
    await page.getByTestId('start-empty').click();
    await page.getByTestId('add-record').click();
    await expect.poll(() => recordCount(page)).toMatch(/^1 record$/);

    for (const [type, typed, shown] of TYPED) {
      const name = `C ${type}`;
      await addColumn(page, name, type);
      const target = await cell(page, 0, name);
      await typeInto(page, target, typed);
      await expect
        .poll(async () => (await target.textContent())?.replace(/,/g, ''))
        .toBe(shown.replace(/,/g, ''));
    }

    // A value that does not fit is kept as typed and flagged.
    const num = await cell(page, 0, 'C number');
    await typeInto(page, num, 'about ten');
    await expect.poll(() => num.textContent()).toBe('about ten');
    await expect.poll(() => num.getAttribute('class')).toContain('cell-invalid');

    await addColumn(page, 'C single', 'singleSelect', ['VIP', 'Regular']);
    const single = await cell(page, 0, 'C single');
    await single.dblclick();
    await page.getByRole('option', { name: 'Regular' }).click();
    await expect.poll(() => single.textContent()).toBe('Regular');

    await addColumn(page, 'C tags', 'multiSelect', ['Sweet tooth', 'Coffee']);
    const tags = await cell(page, 0, 'C tags');
    await tags.click();
    await page.keyboard.press('F2');
    await page.getByRole('option', { name: 'Sweet tooth' }).click();
    await page.getByRole('option', { name: 'Coffee' }).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => tags.textContent()).toBe('Sweet toothCoffee');

    await addColumn(page, 'C check', 'checkbox');
    const check = await cell(page, 0, 'C check');
    await check.locator('.cell-checkbox').click();
    await expect
      .poll(() => check.locator('[role=checkbox]').getAttribute('aria-checked'))
      .toBe('true');

    await addColumn(page, 'C rating', 'rating');
    const rating = await cell(page, 0, 'C rating');
    await rating.locator('.star').nth(2).click();
    await expect.poll(() => rating.locator('.star.on').count()).toBe(3);
    await page.keyboard.press('4');
    await expect.poll(() => rating.locator('.star.on').count()).toBe(4);

    await addColumn(page, 'C number2', 'autoNumber');
    expect(await (await cell(page, 0, 'C number2')).textContent()).toBe('1');
    await addColumn(page, 'C created', 'createdTime');
    expect(await (await cell(page, 0, 'C created')).textContent()).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    await addColumn(page, 'C modified', 'modifiedTime');
    expect(await (await cell(page, 0, 'C modified')).textContent()).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d$/,
    );

    // Everything is still there after a reload.
    await page.reload();
    await page.locator('.ag-row[row-index="0"] .rownum').first().waitFor();
    expect(await (await cell(page, 0, 'C currency')).textContent()).toBe('¥88.00');
    expect(await (await cell(page, 0, 'C tags')).textContent()).toBe('Sweet toothCoffee');
    expect(await (await cell(page, 0, 'C number')).textContent()).toBe('about ten');
    expect(errors).toEqual([]);
    await context.close();
  });
});
