import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cell,
  columnId,
  openApp,
  recordCount,
  startWithTemplate,
  typeOver,
  sharedBrowser,
} from './app';
import { reloadGrid } from './stored';

const browser = sharedBrowser();

async function openTemplate(): Promise<{ page: Page; done: () => Promise<void> }> {
  const { page, context, errors } = await openApp(browser(), 'zh-CN');
  await startWithTemplate(page);
  await expect.poll(() => recordCount(page)).toBe('共 200 条');
  return {
    page,
    done: async () => {
      expect(errors).toEqual([]);
      await context.close();
    },
  };
}

/** Where the grid's keyboard focus is: row index and column id of the focused cell. */
async function focusedCell(page: Page): Promise<{ row: string | null; col: string | null }> {
  return page.evaluate(() => {
    const el = document.querySelector('.ag-cell-focus');
    return {
      row: el?.closest('.ag-row')?.getAttribute('row-index') ?? null,
      col: el?.getAttribute('col-id') ?? null,
    };
  });
}

async function text(page: Page, row: number, column: string): Promise<string> {
  return (await (await cell(page, row, column)).textContent()) ?? '';
}

async function openColumnMenu(page: Page, name: string): Promise<void> {
  const id = await columnId(page, name);
  await page.getByTestId(`column-menu-${id}`).click();
  await page.getByRole('menu').waitFor();
}

describe('editing like a spreadsheet', () => {
  it('edits with the keyboard: type-to-edit, F2, Esc, Enter, Tab, arrows and Delete', async () => {
    const { page, done } = await openTemplate();
    const wechatId = await columnId(page, '微信');
    const genderId = await columnId(page, '性别');
    const phoneId = await columnId(page, '手机');

    // Typing on a focused cell replaces its value; Enter saves and moves down.
    const w0 = await cell(page, 0, '微信');
    await typeOver(page, w0, 'typed_id');
    await expect.poll(() => w0.textContent()).toBe('typed_id');
    expect(await focusedCell(page)).toEqual({ row: '1', col: wechatId });

    // F2 opens the editor on the current value; Esc throws the edit away.
    await page.keyboard.press('ArrowUp');
    expect(await focusedCell(page)).toEqual({ row: '0', col: wechatId });
    await page.keyboard.press('F2');
    const editor = page.locator('.cell-editor');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('typed_id');
    await page.keyboard.press('End');
    await page.keyboard.type('_more');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await w0.textContent()).toBe('typed_id');

    // F2, keep the text, append, Enter saves.
    await page.keyboard.press('F2');
    await editor.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type('_f2');
    await page.keyboard.press('Enter');
    await expect.poll(() => w0.textContent()).toBe('typed_id_f2');

    // Tab moves right, arrows move around.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    expect(await focusedCell(page)).toEqual({ row: '0', col: genderId });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedCell(page)).toEqual({ row: '0', col: phoneId });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await focusedCell(page)).toEqual({ row: '1', col: wechatId });

    // Delete clears the focused cell, and the clearing is saved.
    const phone2 = await cell(page, 2, '手机');
    expect(await phone2.textContent()).not.toBe('');
    await phone2.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => phone2.textContent()).toBe('');
    await reloadGrid(page);
    expect(await text(page, 0, '微信')).toBe('typed_id_f2');
    expect(await text(page, 2, '手机')).toBe('');
    await done();
  });

  it('types Chinese with an input method straight into a selected cell, and undoes it', async () => {
    const { page, done } = await openTemplate();
    const name1 = await cell(page, 1, '姓名');
    const before = (await name1.textContent()) ?? '';
    await name1.click();
    // What an input method does: compose "zhang san" in the focused element, then commit 张三.
    const ime = await page.context().newCDPSession(page);
    await ime.send('Input.imeSetComposition', {
      text: 'zhang',
      selectionStart: 5,
      selectionEnd: 5,
    });
    // While composing, the cell shows what is being composed, not its value.
    await expect.poll(() => name1.innerText()).toContain('zhang');
    expect(await name1.innerText()).not.toContain(before);
    await ime.send('Input.insertText', { text: '张三' });
    const editor = page.locator('input.cell-editor');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('张三');
    // Typing goes on in the editor, after the composed text.
    await page.keyboard.type('丰');
    await page.keyboard.press('Enter');
    await expect.poll(() => name1.textContent()).toBe('张三丰');
    // The grid keeps its keys: the focus moved down, and Ctrl+Z undoes the edit.
    expect((await focusedCell(page)).row).toBe('2');
    await page.keyboard.press('Control+z');
    await expect.poll(() => name1.textContent()).toBe(before);
    // A composition into a cell that cannot be edited (a formula) changes nothing.
    const rfm = await cell(page, 1, 'RFM分群');
    const shown = await rfm.textContent();
    await rfm.click();
    await ime.send('Input.imeSetComposition', { text: 'a', selectionStart: 1, selectionEnd: 1 });
    await ime.send('Input.insertText', { text: '啊' });
    expect(await page.locator('input.cell-editor').count()).toBe(0);
    expect(await rfm.textContent()).toBe(shown);
    await done();
  });

  it('undoes and redoes a cell edit with Ctrl+Z / Ctrl+Y and the toolbar, and stores the undone state', async () => {
    const { page, done } = await openTemplate();
    const target = await cell(page, 3, '微信');
    const before = (await target.textContent()) ?? '';
    await typeOver(page, target, 'changed1');
    await expect.poll(() => target.textContent()).toBe('changed1');

    await page.keyboard.press('Control+z');
    await expect.poll(() => target.textContent()).toBe(before);
    await page.keyboard.press('Control+y');
    await expect.poll(() => target.textContent()).toBe('changed1');

    await page.getByTestId('undo').click();
    await expect.poll(() => target.textContent()).toBe(before);
    await page.getByTestId('redo').click();
    await expect.poll(() => target.textContent()).toBe('changed1');
    await page.getByTestId('undo').click();
    await expect.poll(() => target.textContent()).toBe(before);

    await reloadGrid(page);
    expect(await text(page, 3, '微信')).toBe(before);
    await done();
  });

  it('brings back deleted rows with their values on Ctrl+Z', async () => {
    const { page, done } = await openTemplate();
    const names = [await text(page, 1, '姓名'), await text(page, 2, '姓名')];
    const phones = [await text(page, 1, '手机'), await text(page, 2, '手机')];
    const third = await text(page, 3, '姓名');
    for (const row of [1, 2]) {
      await page.locator(`.ag-row[row-index="${row}"] input.row-select`).first().check();
    }
    await page.getByTestId('delete-selected').click();
    await expect.poll(() => recordCount(page)).toBe('共 198 条');
    await expect.poll(() => text(page, 1, '姓名')).toBe(third);

    await page.keyboard.press('Control+z');
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    // The rows are drawn again a moment after the count (the grid pages them in).
    await expect
      .poll(async () => [await text(page, 1, '姓名'), await text(page, 2, '姓名')])
      .toEqual(names);
    expect([await text(page, 1, '手机'), await text(page, 2, '手机')]).toEqual(phones);
    await reloadGrid(page);
    expect(await recordCount(page)).toBe('共 200 条');
    expect(await text(page, 2, '姓名')).toBe(names[1]);
    await done();
  });

  it('undoes adding a column and deleting a column, values included', async () => {
    const { page, done } = await openTemplate();
    await page.getByTestId('add-column').click();
    await page.getByTestId('field-name').fill('Extra');
    await page.getByTestId('field-save').click();
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    const extra = page.locator('.ag-header-cell', {
      has: page.getByText('Extra', { exact: true }),
    });
    await extra.first().waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => extra.count()).toBe(0);

    const wechat = [await text(page, 2, '微信'), await text(page, 3, '微信')];
    expect(wechat.join('')).not.toBe('');
    const wechatId = await columnId(page, '微信');
    await openColumnMenu(page, '微信');
    await page.getByRole('menuitem', { name: /删除/ }).click();
    await expect.poll(() => page.locator(`.ag-header-cell[col-id="${wechatId}"]`).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await page.locator(`.ag-header-cell[col-id="${wechatId}"]`).waitFor();
    expect([await text(page, 2, '微信'), await text(page, 3, '微信')]).toEqual(wechat);
    await reloadGrid(page);
    expect([await text(page, 2, '微信'), await text(page, 3, '微信')]).toEqual(wechat);
    await done();
  });

  it('adds a record at the end, inserts one above a row, and edits a record in its form', async () => {
    const { page, done } = await openTemplate();
    const nameId = await columnId(page, '姓名');
    await page.getByTestId('add-record').click();
    await expect.poll(() => recordCount(page)).toBe('共 201 条');
    await expect.poll(() => focusedCell(page)).toEqual({ row: '200', col: nameId });
    expect(await text(page, 200, '姓名')).toBe('');

    await page.evaluate(() => {
      const el = document.querySelector('.ag-grid-viewport');
      if (el) el.scrollTop = 0;
    });
    const row3 = await text(page, 3, '姓名');
    await (await cell(page, 3, '姓名')).click({ button: 'right' });
    await page.getByRole('menuitem', { name: '在上方插入记录' }).click();
    await expect.poll(() => recordCount(page)).toBe('共 202 条');
    await expect.poll(() => text(page, 4, '姓名')).toBe(row3);
    expect(await text(page, 3, '姓名')).toBe('');
    expect(await text(page, 3, '手机')).toBe('');

    const name0 = await text(page, 0, '姓名');
    const phone0 = await text(page, 0, '手机');
    await page.locator('.ag-row[row-index="0"] .row-expand').first().click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    expect(await form.textContent()).toContain(name0);
    expect(await form.getByLabel('手机', { exact: true }).inputValue()).toBe(phone0);
    const wechat = form.getByLabel('微信', { exact: true });
    await wechat.fill('from_form');
    await wechat.press('Enter');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => text(page, 0, '微信')).toBe('from_form');
    await done();
  });

  it('filters with the search box and shows how many match', async () => {
    const { page, done } = await openTemplate();
    const name = await text(page, 5, '姓名');
    await page.getByTestId('search').fill(name);
    // The count follows the grid's filtered rows, which settle a moment after typing.
    const matching = async () => {
      const m = /^(\d+) \/ 共 200 条$/.exec(await recordCount(page));
      return m ? Number(m[1]) : NaN;
    };
    await expect.poll(matching).toBeLessThan(200);
    const shown = await matching();
    expect(shown).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.locator('.ag-row').count()).toBe(shown);
    for (let i = 0; i < shown; i++) {
      expect(await page.locator(`.ag-row[row-index="${i}"]`).first().textContent()).toContain(name);
    }
    await page.getByTestId('search').fill('');
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    await expect.poll(() => page.locator('.ag-row').count()).toBeGreaterThan(shown);
    await done();
  });

  it('ticks a run of rows with Shift, every row with the header box, and says when a search finds nothing', async () => {
    const { page, done } = await openTemplate();
    const box = (row: number) =>
      page.locator(`.ag-row[row-index="${row}"] input.row-select`).first();
    await box(2).click();
    await box(5).click({ modifiers: ['Shift'] });
    await expect
      .poll(() => page.getByTestId('delete-selected').textContent())
      .toBe('删除选中的 4 条');
    for (const row of [2, 3, 4, 5]) expect(await box(row).isChecked()).toBe(true);
    expect(await box(1).isChecked()).toBe(false);

    // A search that hides ticked rows unticks them: the toolbar deletes only what is shown.
    const phone = await text(page, 3, '手机');
    await page.getByTestId('search').fill(phone);
    await expect.poll(() => recordCount(page)).toBe('1 / 共 200 条');
    await expect
      .poll(() => page.getByTestId('delete-selected').textContent())
      .toBe('删除选中的 1 条');
    await page.getByTestId('search').fill('');
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    for (const row of [2, 4, 5]) expect(await box(row).isChecked()).toBe(false);
    expect(await box(3).isChecked()).toBe(true);
    expect(await page.getByTestId('delete-selected').textContent()).toBe('删除选中的 1 条');

    const all = page.getByTestId('select-all');
    await all.click();
    await expect
      .poll(() => page.getByTestId('delete-selected').textContent())
      .toBe('删除选中的 200 条');
    expect(await box(0).isChecked()).toBe(true);
    await all.click();
    await expect.poll(() => page.getByTestId('delete-selected').count()).toBe(0);
    expect(await box(3).isChecked()).toBe(false);

    await page.getByTestId('search').fill('没有这个客户zzz');
    await expect.poll(() => page.locator('.grid-empty').textContent()).toBe('没有符合搜索的记录。');
    await page.getByTestId('search').fill('');
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    await done();
  });

  it('sorts by clicking a header and keeps the sort after a reload', async () => {
    const { page, done } = await openTemplate();
    const id = await columnId(page, '消费金额');
    const amounts = async (): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < 8; i++) {
        const raw = await page
          .locator(`.ag-row[row-index="${i}"] [col-id="${id}"]`)
          .first()
          .textContent();
        out.push(Number((raw ?? '').replace(/[^0-9.]/g, '')));
      }
      return out;
    };
    await page.getByTestId(`column-sort-${id}`).click();
    await page.getByTestId(`column-sort-indicator-${id}`).waitFor();
    const asc = await amounts();
    expect([...asc].sort((a, b) => a - b)).toEqual(asc);
    await page.getByTestId(`column-sort-${id}`).click();
    await expect.poll(async () => (await amounts())[0]).toBeGreaterThan(asc[7] ?? 0);
    const desc = await amounts();
    expect([...desc].sort((a, b) => b - a)).toEqual(desc);

    await reloadGrid(page);
    await columnId(page, '消费金额');
    await page.getByTestId(`column-sort-indicator-${id}`).waitFor();
    expect(await amounts()).toEqual(desc);
    await done();
  });

  it('keeps a resized column width and a hidden column across reloads', async () => {
    const { page, done } = await openTemplate();
    const id = await columnId(page, '微信');
    const header = page.locator(`.ag-header-cell[col-id="${id}"]`);
    const width = async () => (await header.boundingBox())?.width ?? 0;
    const before = await width();
    const handle = header.locator('.ag-header-cell-resize');
    const box = await handle.boundingBox();
    if (!box) throw new Error('no resize handle');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y, { steps: 4 });
    await page.mouse.move(x + 90, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(width).toBeGreaterThan(before + 60);
    const after = await width();
    await reloadGrid(page);
    await columnId(page, '微信');
    expect(Math.abs((await width()) - after)).toBeLessThan(2);

    const button = page.getByTestId('hidden-columns-button');
    expect(await button.textContent()).not.toMatch(/\d/);
    await openColumnMenu(page, '性别');
    const genderId = await columnId(page, '性别');
    await page.getByRole('menuitem', { name: /隐藏/ }).click();
    await expect.poll(() => page.locator(`.ag-header-cell[col-id="${genderId}"]`).count()).toBe(0);
    await expect.poll(() => button.textContent()).toMatch(/1/);
    await reloadGrid(page);
    expect(await button.textContent()).toMatch(/1/);
    expect(await page.locator(`.ag-header-cell[col-id="${genderId}"]`).count()).toBe(0);
    await button.click();
    await page.getByTestId(`column-visible-${genderId}`).check();
    await page.locator(`.ag-header-cell[col-id="${genderId}"]`).waitFor();
    await expect.poll(() => button.textContent()).not.toMatch(/\d/);
    await done();
  });
});
