/** Tables from the sidebar (zh-CN): create, rename, duplicate, delete with undo, switch, remove the samples. */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, openApp, recordCount, startWithTemplate, sharedBrowser, waitLoaded } from './app';
import { reloadWhenStored, storedRecordCount } from './stored';

const browser = sharedBrowser();

/** The sidebar entry (name button) of the table called `name`. */
function tableButton(page: Page, name: string): Locator {
  return page.getByTestId('sidebar').getByRole('button', { name, exact: true });
}

async function sidebarNames(page: Page): Promise<string[]> {
  return page.getByTestId('sidebar').locator('.sidebar-item-name').allTextContents();
}

async function headerNames(page: Page): Promise<string[]> {
  return page.locator('.ag-header-cell .column-header-name').allTextContents();
}

async function openTable(page: Page, name: string): Promise<void> {
  await tableButton(page, name).click();
  await expect.poll(() => page.locator('.toolbar-title').textContent()).toBe(name);
  await waitLoaded(page);
}

async function tableMenu(page: Page, name: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `“${name}”的更多操作` }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** Text of the first `n` cells of a column, top to bottom. */
async function columnTexts(page: Page, name: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let row = 0; row < n; row++)
    out.push((await (await cell(page, row, name)).textContent()) ?? '');
  return out;
}

/** Presses Ctrl+Z with the focus on the page body (not in an input, no dialog open). */
async function pressUndo(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
}

describe('tables (zh-CN)', () => {
  it('creates a table, renames it, refuses a duplicate name', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await page.getByTestId('new-table').click();
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toBe('新表');
    await expect.poll(() => recordCount(page)).toBe('共 0 条');
    await expect.poll(() => headerNames(page)).toEqual(['名称']);
    expect(await sidebarNames(page)).toEqual(['客户', '订单', '跟进记录', '新表']);

    await tableButton(page, '新表').dblclick();
    const input = page.getByRole('textbox', { name: '“新表”的新名称' });
    await input.fill('会员卡');
    await input.press('Enter');
    await expect.poll(() => sidebarNames(page)).toEqual(['客户', '订单', '跟进记录', '会员卡']);
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toBe('会员卡');

    // Another table's name: a message, the field stays open, nothing is renamed.
    await tableMenu(page, '会员卡', '重命名');
    const again = page.getByRole('textbox', { name: '“会员卡”的新名称' });
    await again.fill('客户');
    await again.press('Enter');
    await expect
      .poll(() => page.getByTestId('sidebar').getByRole('alert').textContent())
      .toBe('已有同名的表。');
    expect(await again.isVisible()).toBe(true);
    await again.press('Escape');
    await expect.poll(() => sidebarNames(page)).toEqual(['客户', '订单', '跟进记录', '会员卡']);

    await reloadWhenStored(page);
    await page.locator('[data-testid=app][data-loaded=true]').waitFor();
    expect(await sidebarNames(page)).toEqual(['客户', '订单', '跟进记录', '会员卡']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('duplicates 客户 (its formula columns computing the same values), deletes the copy after a confirmation naming it, and undoes the delete', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await expect.poll(() => storedRecordCount(page)).toBeGreaterThan(2000);
    const stored = await storedRecordCount(page);
    const names = await columnTexts(page, '姓名', 5);
    const phones = await columnTexts(page, '手机', 5);
    // The formula columns, once computed: the copy's formulas read the copy's own columns.
    await expect.poll(() => columnTexts(page, 'RFM', 1)).not.toEqual(['']);
    const analysis = ['RFM', 'RFM分群', '会员等级', '流失风险'];
    const computed = await Promise.all(analysis.map((name) => columnTexts(page, name, 5)));
    expect(computed.flat().some((t) => t.startsWith('#'))).toBe(false);

    await tableMenu(page, '客户', '复制');
    const copy = '客户 (副本)';
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toBe(copy);
    await waitLoaded(page);
    expect(await sidebarNames(page)).toEqual(['客户', '订单', '跟进记录', copy]);
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    expect(await columnTexts(page, '姓名', 5)).toEqual(names);
    expect(await columnTexts(page, '手机', 5)).toEqual(phones);
    for (const [i, name] of analysis.entries())
      await expect.poll(() => columnTexts(page, name, 5)).toEqual(computed[i]);

    await tableMenu(page, copy, '删除');
    const dialog = page.getByTestId('confirm-dialog');
    await expect
      .poll(() => dialog.textContent())
      .toContain(`确定删除表“${copy}”及其中的 200 条记录吗？`);
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => sidebarNames(page)).toEqual(['客户', '订单', '跟进记录']);
    expect(await tableButton(page, copy).count()).toBe(0);
    await expect.poll(() => storedRecordCount(page)).toBe(stored);

    await pressUndo(page);
    await expect.poll(() => sidebarNames(page)).toEqual(['客户', '订单', '跟进记录', copy]);
    await openTable(page, copy);
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    expect(await columnTexts(page, '姓名', 5)).toEqual(names);

    await expect.poll(() => storedRecordCount(page)).toBe(stored + 200);
    await reloadWhenStored(page);
    await waitLoaded(page);
    expect(await sidebarNames(page)).toEqual(['客户', '订单', '跟进记录', copy]);
    await openTable(page, copy);
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    await expect.poll(() => columnTexts(page, 'RFM分群', 5)).toEqual(computed[1]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches between tables, each with its own columns and count', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const count = async () => Number((await recordCount(page)).replace(/[^\d]/g, ''));
    expect(await count()).toBe(200);
    expect((await headerNames(page)).slice(0, 3)).toEqual(['姓名', '手机', '微信']);

    await openTable(page, '订单');
    await expect.poll(() => headerNames(page)).toEqual(['客户', '日期', '金额', '商品', '渠道']);
    const orders = await count();
    expect(orders).toBeGreaterThan(1500);
    expect(orders).toBeLessThan(2500);

    await openTable(page, '跟进记录');
    await expect
      .poll(() => headerNames(page))
      .toEqual(['客户', '日期', '方式', '内容', '下次跟进']);
    const followUps = await count();
    expect(followUps).toBeGreaterThan(100);
    expect(followUps).toBeLessThan(200);

    await openTable(page, '客户');
    expect(await count()).toBe(200);
    expect((await headerNames(page)).slice(0, 3)).toEqual(['姓名', '手机', '微信']);

    // The last opened table is the one shown after a reload.
    await openTable(page, '订单');
    await reloadWhenStored(page);
    await waitLoaded(page);
    expect(await page.locator('.toolbar-title').textContent()).toBe('订单');
    expect(await count()).toBe(orders);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('removes the sample data after a confirmation, shows the empty workspace, and undoes it', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await expect.poll(() => storedRecordCount(page)).toBeGreaterThan(2000);
    const stored = await storedRecordCount(page);
    await page.getByTestId('remove-sample').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect.poll(() => dialog.textContent()).toContain('客户、订单、跟进记录');
    await page.getByTestId('confirm-ok').click();

    const empty = page.locator('.empty-workspace');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('这个工作区还没有表。');
    expect(await empty.getByRole('button', { name: '新建表' }).isVisible()).toBe(true);
    expect(await sidebarNames(page)).toEqual([]);
    expect(await page.getByTestId('remove-sample').count()).toBe(0);
    // The removal is on disk before the user changes their mind.
    await expect.poll(() => storedRecordCount(page)).toBe(0);

    // Ctrl+Z (there is no toolbar, so no undo button, in this state) brings everything back.
    await pressUndo(page);
    await expect.poll(() => sidebarNames(page)).toEqual(['客户', '订单', '跟进记录']);
    // The workspace shows a table again, not the empty state.
    await empty.waitFor({ state: 'detached' });
    expect(['客户', '订单', '跟进记录']).toContain(
      await page.locator('.toolbar-title').textContent(),
    );
    await openTable(page, '客户');
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    await openTable(page, '订单');
    expect(Number((await recordCount(page)).replace(/[^\d]/g, ''))).toBeGreaterThan(1500);

    await expect.poll(() => storedRecordCount(page)).toBe(stored);
    await reloadWhenStored(page);
    await waitLoaded(page);
    expect(await sidebarNames(page)).toEqual(['客户', '订单', '跟进记录']);
    await openTable(page, '客户');
    await expect.poll(() => recordCount(page)).toBe('共 200 条');

    // Removed and reloaded: still empty, and the button there starts a new table.
    await page.getByTestId('remove-sample').click();
    await page.getByTestId('confirm-ok').click();
    await empty.waitFor();
    await expect.poll(() => storedRecordCount(page)).toBe(0);
    await reloadWhenStored(page);
    await empty.waitFor();
    expect(await sidebarNames(page)).toEqual([]);
    await empty.getByRole('button', { name: '新建表' }).click();
    await page.locator('[data-testid=app][data-loaded=true]').waitFor();
    await expect.poll(() => sidebarNames(page)).toEqual(['新表']);
    await expect.poll(() => recordCount(page)).toBe('共 0 条');
    expect(errors).toEqual([]);
    await context.close();
  });
});
