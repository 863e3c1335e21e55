/**
 * A backup restored over the workspace while its table is on screen: the restoring tab's grid
 * shows the restored cells, and so does another open tab without a reload, its undo history
 * (steps on data that is gone) emptied.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, recordCount, sharedBrowser, typeOver, waitLoaded } from './app';
import { waitWritesStored } from './stored';
import { chooseBackup, openTwoTabs } from './tabs';

const browser = sharedBrowser();
const WAIT = { timeout: 10_000 };

async function text(page: Page, row: number, column: string): Promise<string> {
  return ((await (await cell(page, row, column)).textContent()) ?? '').trim();
}

async function backupNow(page: Page): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('backup-now').click(),
  ]);
  const bytes = await readFile(await file.path());
  await settings.getByRole('button', { name: '关闭' }).click();
  return { name: file.suggestedFilename(), bytes };
}

describe('restoring a backup with two tabs open', () => {
  it('shows the restored cells in the other tab and clears its undo', async () => {
    const { a, b, context, errors } = await openTwoTabs(browser());
    const original = await text(a, 2, '微信');
    await waitWritesStored(a);
    const backup = await backupNow(a);

    // After the backup, tab B edits a cell; tab A sees it.
    await b.bringToFront();
    await typeOver(b, await cell(b, 2, '微信'), 'after_backup');
    await a.bringToFront();
    await expect.poll(() => text(a, 2, '微信'), WAIT).toBe('after_backup');
    await waitWritesStored(b);

    // Tab A restores the backup over the workspace.
    await a.getByTestId('open-settings').click();
    const restore = await chooseBackup(a, backup);
    await restore.getByTestId('restore-replace').click();
    await a.getByTestId('confirm-ok').click();
    await waitLoaded(a);
    await expect.poll(() => text(a, 2, '微信'), WAIT).toBe(original);

    // Tab B follows without a reload, and has nothing left to undo.
    await b.bringToFront();
    await expect.poll(() => text(b, 2, '微信'), WAIT).toBe(original);
    await expect.poll(() => recordCount(b)).toBe('共 200 条');
    await expect.poll(() => b.getByTestId('undo').isDisabled()).toBe(true);
    expect(errors()).toEqual([]);
    await context.close();
  });
});
