/** The column header menu on the shop template: rename, insert, retype, options, primary column, sort. */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  allColumnTexts,
  cell,
  columnId,
  openApp,
  startWithTemplate,
  sharedBrowser,
  waitLoaded,
} from './app';
import { reloadWhenStored } from './stored';

const browser = sharedBrowser();

/** Opens the ▾ menu of the column called `name`. */
async function openMenu(page: Page, name: string): Promise<Locator> {
  const id = await columnId(page, name);
  await page.getByTestId(`column-menu-${id}`).click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  return menu;
}

async function chooseFromMenu(page: Page, column: string, item: string): Promise<void> {
  const menu = await openMenu(page, column);
  await menu.getByRole('menuitem', { name: item }).click();
}

async function waitDialogClosed(page: Page): Promise<void> {
  await page.getByTestId('field-dialog').waitFor({ state: 'detached' });
}

/** Names of the rendered column headers, left to right (pinned columns first). */
async function headerNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cells = Array.from(document.querySelectorAll<HTMLElement>('.ag-header-cell[col-id]'));
    return cells
      .map((c) => ({
        index: Number(c.getAttribute('aria-colindex')),
        name: c.querySelector('.column-header-name')?.textContent ?? '',
      }))
      .filter((c) => c.name !== '')
      .sort((a, b) => a.index - b.index)
      .map((c) => c.name);
  });
}

/** Scrolls the grid back to its left edge (columnId scrolls right to find columns). */
async function scrollGridLeft(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector('.ag-body-horizontal-scroll-viewport');
    if (el) el.scrollLeft = 0;
  });
  await page.waitForTimeout(100);
}

/** Index of the first of the first 30 rows whose `name` cell is not empty. */
async function firstFilledRow(page: Page, name: string): Promise<number> {
  for (let row = 0; row < 30; row++) {
    const text = (await (await cell(page, row, name)).textContent()) ?? '';
    if (text.trim() !== '') return row;
  }
  throw new Error(`No filled ${name} cell in the first rows`);
}

describe('column menu (shop template)', () => {
  it('zh-CN: renames a column, keeps it after reload, refuses a duplicate name', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const id = await columnId(page, '微信');

    await chooseFromMenu(page, '微信', '编辑列…');
    await page.getByTestId('field-name').fill('微信号');
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);
    await expect
      .poll(() => page.locator(`.ag-header-cell[col-id="${id}"]`).textContent())
      .toContain('微信号');

    await reloadWhenStored(page);
    await waitLoaded(page);
    expect(await columnId(page, '微信号')).toBe(id);
    expect(await headerNames(page)).not.toContain('微信');

    // Another column's name is refused: a message, the dialog stays, nothing changes.
    await chooseFromMenu(page, '微信号', '编辑列…');
    await page.getByTestId('field-name').fill('手机');
    const problem = page.getByTestId('field-name-problem');
    await expect.poll(() => problem.textContent()).toContain('已有同名的列');
    await page.getByTestId('field-save').click();
    expect(await page.getByTestId('field-dialog').isVisible()).toBe(true);
    await page.getByTestId('field-cancel').click();
    await waitDialogClosed(page);
    const names = await headerNames(page);
    expect(names.filter((n) => n === '手机')).toHaveLength(1);
    expect(names).toContain('微信号');

    await reloadWhenStored(page);
    await waitLoaded(page);
    expect(await headerNames(page)).toContain('微信号');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zh-CN: inserts a column left and right of another', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const before = await headerNames(page);
    expect(before.slice(0, 4)).toEqual(['姓名', '手机', '微信', '性别']);

    await chooseFromMenu(page, '微信', '在左侧插入列');
    await page.getByTestId('field-name').fill('左边的列');
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);
    await scrollGridLeft(page);
    await expect
      .poll(async () => (await headerNames(page)).slice(0, 5))
      .toEqual(['姓名', '手机', '左边的列', '微信', '性别']);

    await chooseFromMenu(page, '微信', '在右侧插入列');
    await page.getByTestId('field-name').fill('右边的列');
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);
    await scrollGridLeft(page);
    const expected = ['姓名', '手机', '左边的列', '微信', '右边的列', '性别'];
    await expect.poll(async () => (await headerNames(page)).slice(0, 6)).toEqual(expected);

    await reloadWhenStored(page);
    await waitLoaded(page);
    expect((await headerNames(page)).slice(0, 6)).toEqual(expected);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zh-CN: retypes 备注 to number and back, with preview, flags, undo and redo', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const row = await firstFilledRow(page, '备注');
    const note = await cell(page, row, '备注');
    const original = (await note.textContent()) ?? '';

    await chooseFromMenu(page, '备注', '编辑列…');
    await page.getByTestId('field-type').selectOption('number');
    const preview = await page.getByTestId('retype-preview').textContent();
    const counts =
      /^(\d+) 个值可以转换，(\d+) 个无法转换，将按原文保留并标记，(\d+) 个为空。$/.exec(
        preview ?? '',
      );
    expect(counts, preview ?? '').not.toBeNull();
    const [converted, invalid, empty] = (counts ?? []).slice(1).map(Number) as [
      number,
      number,
      number,
    ];
    expect(converted + invalid + empty).toBe(200);
    expect(invalid).toBeGreaterThan(0);
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);

    // Text that is no number is still shown as typed, and flagged.
    await expect.poll(() => note.getAttribute('class')).toContain('cell-invalid');
    expect(await note.textContent()).toBe(original);

    // Undo restores the long-text column; redo brings the number column back.
    await page.locator('.ag-row[row-index="0"] [col-id]').nth(2).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => note.getAttribute('class')).not.toContain('cell-invalid');
    expect(await note.textContent()).toBe(original);
    await chooseFromMenu(page, '备注', '编辑列…');
    expect(await page.getByTestId('field-type').inputValue()).toBe('longText');
    await page.getByTestId('field-cancel').click();
    await waitDialogClosed(page);
    await note.click();
    await page.keyboard.press('Control+y');
    await expect.poll(() => note.getAttribute('class')).toContain('cell-invalid');

    // Retyping back to long text repairs every kept value.
    await chooseFromMenu(page, '备注', '编辑列…');
    await page.getByTestId('field-type').selectOption('longText');
    await expect
      .poll(() => page.getByTestId('retype-preview').textContent())
      .toMatch(new RegExp(`^${converted + invalid} 个值可以转换，0 个无法转换`));
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);
    await expect.poll(() => note.getAttribute('class')).not.toContain('cell-invalid');
    expect(await note.textContent()).toBe(original);
    expect(await page.locator('.cell-invalid').count()).toBe(0);

    await reloadWhenStored(page);
    await waitLoaded(page);
    const after = await cell(page, row, '备注');
    expect(await after.textContent()).toBe(original);
    expect(await after.getAttribute('class')).not.toContain('cell-invalid');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zh-CN: retypes 会员积分 to text and back; a typed word stays flagged', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const filled = await firstFilledRow(page, '会员积分');
    const points = await cell(page, filled, '会员积分');
    const original = (await points.textContent()) ?? '';
    expect(original).toMatch(/^[\d,]+$/);

    await chooseFromMenu(page, '会员积分', '编辑列…');
    await page.getByTestId('field-type').selectOption('text');
    await expect
      .poll(() => page.getByTestId('retype-preview').textContent())
      .toMatch(/，0 个无法转换/);
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);
    // As text, the word is a fine value.
    const other = await cell(page, filled === 0 ? 1 : 0, '会员积分');
    await other.click();
    await page.keyboard.press('F2');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('lots');
    await page.keyboard.press('Enter');
    await expect.poll(() => other.textContent()).toBe('lots');
    expect(await other.getAttribute('class')).not.toContain('cell-invalid');

    await chooseFromMenu(page, '会员积分', '编辑列…');
    await page.getByTestId('field-type').selectOption('number');
    await expect
      .poll(() => page.getByTestId('retype-preview').textContent())
      .toMatch(/，1 个无法转换/);
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);
    await expect.poll(() => other.getAttribute('class')).toContain('cell-invalid');
    expect(await other.textContent()).toBe('lots');
    expect((await points.textContent())?.replace(/,/g, '')).toBe(original.replace(/,/g, ''));
    expect(await points.getAttribute('class')).not.toContain('cell-invalid');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zh-CN: turning the formula column RFM分群 into text keeps every segment shown; undo makes it a formula again', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await expect.poll(() => allColumnTexts(page, 'RFM分群')).toContain('重要价值客户');
    const segments = await allColumnTexts(page, 'RFM分群');
    const filled = segments.filter((s) => s !== '').length;

    await chooseFromMenu(page, 'RFM分群', '编辑列…');
    await page.getByTestId('field-type').selectOption('text');
    await expect
      .poll(() => page.getByTestId('retype-preview').textContent())
      .toBe(`${filled} 个值可以转换，0 个无法转换，将按原文保留并标记，${200 - filled} 个为空。`);
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);
    expect(await allColumnTexts(page, 'RFM分群')).toEqual(segments);
    // Now a text column: a cell takes typing.
    const first = await cell(page, 0, 'RFM分群');
    await first.click();
    await page.keyboard.press('F2');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('VIP');
    await page.keyboard.press('Enter');
    await expect.poll(() => first.textContent()).toBe('VIP');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => allColumnTexts(page, 'RFM分群')).toEqual(segments);
    await chooseFromMenu(page, 'RFM分群', '编辑列…');
    expect(await page.getByTestId('field-type').inputValue()).toBe('formula');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zh-CN: a new coloured option of 性别 can be chosen in a cell', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await chooseFromMenu(page, '性别', '编辑列…');
    await page.getByTestId('choice-add').click();
    await page.getByLabel('第 3 个选项的名称').fill('保密');
    await page.getByLabel('第 3 个选项的颜色').click();
    await page.getByRole('button', { name: '紫色' }).click();
    await page.getByTestId('field-save').click();
    await waitDialogClosed(page);

    const gender = await cell(page, 0, '性别');
    await gender.dblclick();
    await page.getByRole('option', { name: '保密' }).click();
    await expect.poll(() => gender.textContent()).toBe('保密');
    const chip = gender.locator('.chip');
    expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(236, 226, 251)',
    );

    await reloadWhenStored(page);
    await waitLoaded(page);
    expect(await (await cell(page, 0, '性别')).textContent()).toBe('保密');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zh-CN: the primary column 姓名 cannot be hidden or deleted and stays frozen', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const nameId = await columnId(page, '姓名');
    const menu = await openMenu(page, '姓名');
    expect(await menu.getByRole('menuitem', { name: '隐藏列' }).isDisabled()).toBe(true);
    expect(await menu.getByRole('menuitem', { name: '删除列“姓名”' }).isDisabled()).toBe(true);
    expect(await menu.getByRole('menuitem', { name: '编辑列…' }).isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // A non-primary column offers both.
    const phoneMenu = await openMenu(page, '手机');
    expect(await phoneMenu.getByRole('menuitem', { name: '隐藏列' }).isDisabled()).toBe(false);
    await page.keyboard.press('Escape');

    const nameHeader = page.locator('.ag-header-cell', {
      has: page.getByText('姓名', { exact: true }),
    });
    const phoneHeader = page.locator('.ag-header-cell', {
      has: page.getByText('手机', { exact: true }),
    });
    await scrollGridLeft(page);
    expect(await phoneHeader.isVisible()).toBe(true);
    await page.evaluate(() => {
      const el = document.querySelector('.ag-body-horizontal-scroll-viewport');
      if (el) el.scrollLeft = 2000;
    });
    await expect.poll(() => phoneHeader.count()).toBe(0);
    expect(await nameHeader.isVisible()).toBe(true);
    const box = await nameHeader.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 9999) + (box?.width ?? 0)).toBeLessThan(600);
    // The primary cells stay too: the first customer's name is still on screen.
    const firstName = page.locator(`.ag-row[row-index="0"] [col-id="${nameId}"]`).first();
    expect(await firstName.isVisible()).toBe(true);
    expect((await firstName.textContent())?.trim()).not.toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('en-US: sorts A→Z and Z→A from the menu, blanks last both ways; the sort survives a reload', async () => {
    const { page, context, errors } = await openApp(browser(), 'en-US');
    await startWithTemplate(page);
    const id = await columnId(page, 'Total spent');
    const indicator = page.getByTestId(`column-sort-indicator-${id}`);

    await chooseFromMenu(page, 'Total spent', 'Sort A→Z');
    await expect.poll(() => indicator.textContent()).toBe('↑');
    const asc = await topNumbers(page, id);
    expect(asc.length).toBe(12);
    expect(isSorted(asc, 1)).toBe(true);

    await chooseFromMenu(page, 'Total spent', 'Sort Z→A');
    await expect.poll(() => indicator.textContent()).toBe('↓');
    const desc = await topNumbers(page, id);
    expect(desc.length).toBe(12);
    expect(isSorted(desc, -1)).toBe(true);
    expect(desc[0]).toBeGreaterThan(asc[11] ?? Infinity);

    await reloadWhenStored(page);
    await waitLoaded(page);
    await columnId(page, 'Total spent');
    await expect.poll(() => indicator.textContent()).toBe('↓');
    expect(await topNumbers(page, id)).toEqual(desc);

    // Points is blank for about half the customers: the top rows show points either way.
    const points = await columnId(page, 'Points');
    for (const [item, dir] of [
      ['Sort Z→A', -1],
      ['Sort A→Z', 1],
    ] as const) {
      await chooseFromMenu(page, 'Points', item);
      await expect.poll(() => page.getByTestId(`column-sort-indicator-${points}`).count()).toBe(1);
      const top = await topNumbers(page, points);
      expect(top.length, `${item}: ${top.join(' ')}`).toBe(12);
      expect(isSorted(top, dir)).toBe(true);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Numbers shown in the first 12 rows of a column (blank cells left out). */
async function topNumbers(page: Page, id: string): Promise<number[]> {
  const out: number[] = [];
  for (let row = 0; row < 12; row++) {
    const cellOf = page.locator(`.ag-row[row-index="${row}"] [col-id="${id}"]`).first();
    const text = (await cellOf.textContent()) ?? '';
    if (text.trim() !== '') out.push(Number(text.replace(/[¥,]/g, '')));
  }
  return out;
}

function isSorted(xs: number[], dir: 1 | -1): boolean {
  return xs.every((x, i) => i === 0 || dir * (x - (xs[i - 1] ?? 0)) >= 0);
}
