import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, columnId, recordCount, typeOver, sharedBrowser } from './app';
import { reloadGrid } from './stored';
import { openTwoTabs } from './tabs';

const browser = sharedBrowser();

async function text(page: Page, row: number, column: string): Promise<string> {
  return (await (await cell(page, row, column)).textContent()) ?? '';
}

const SYNC_WAIT = { timeout: 5000 };

describe('two tabs on one workspace', () => {
  it('shows an edit made in one tab in the other without a reload', async () => {
    const { a, b, context, errors } = await openTwoTabs(browser());
    const before = await text(b, 4, '微信');
    await a.bringToFront();
    await typeOver(a, await cell(a, 4, '微信'), 'from_tab_a');
    await b.bringToFront();
    await expect.poll(() => text(b, 4, '微信'), SYNC_WAIT).toBe('from_tab_a');
    expect(before).not.toBe('from_tab_a');
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('keeps both edits when two tabs edit different cells of one record at once', async () => {
    const { a, b, context, errors } = await openTwoTabs(browser());
    // Both editors open (each tab in front while the user works in it), then both commit
    // as close together as the two tabs allow.
    await b.bringToFront();
    await (await cell(b, 0, '会员积分')).click();
    await b.keyboard.type('4321');
    await a.bringToFront();
    await (await cell(a, 0, '微信')).click();
    await a.keyboard.type('both_kept');
    await Promise.all([a.keyboard.press('Enter'), b.keyboard.press('Enter')]);
    await expect.poll(() => text(a, 0, '会员积分'), SYNC_WAIT).toBe('4321');
    expect(await text(a, 0, '微信')).toBe('both_kept');
    await b.bringToFront();
    await expect.poll(() => text(b, 0, '微信'), SYNC_WAIT).toBe('both_kept');
    expect(await text(b, 0, '会员积分')).toBe('4321');
    await reloadGrid(a);
    await reloadGrid(b);
    for (const page of [a, b]) {
      await page.bringToFront();
      expect(await text(page, 0, '微信')).toBe('both_kept');
      expect(await text(page, 0, '会员积分')).toBe('4321');
    }
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('shows a record added in one tab in the other tab count', async () => {
    const { a, b, context, errors } = await openTwoTabs(browser());
    await a.bringToFront();
    await a.getByTestId('add-record').click();
    await expect.poll(() => recordCount(a)).toBe('共 201 条');
    await b.bringToFront();
    await expect.poll(() => recordCount(b), SYNC_WAIT).toBe('共 201 条');
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('shows a column added in one tab as a header in the other', async () => {
    const { a, b, context, errors } = await openTwoTabs(browser());
    await a.bringToFront();
    await a.getByTestId('add-column').click();
    await a.getByTestId('field-name').fill('SyncCol');
    await a.getByTestId('field-save').click();
    await a.locator('dialog[open]').waitFor({ state: 'detached' });
    const id = await columnId(a, 'SyncCol');
    await typeOver(a, await cell(a, 1, 'SyncCol'), 'v1');
    // The user switches to tab B: the new column and its value are there.
    await b.bringToFront();
    await expect
      .poll(() => b.locator(`.ag-header-cell[col-id="${id}"]`).count(), SYNC_WAIT)
      .toBe(1);
    expect(await columnId(b, 'SyncCol')).toBe(id);
    await expect.poll(() => text(b, 1, 'SyncCol'), SYNC_WAIT).toBe('v1');
    expect(errors()).toEqual([]);
    await context.close();
  });
});
