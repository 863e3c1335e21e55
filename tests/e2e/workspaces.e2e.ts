/**
 * A backup restored "as a new workspace" opens beside the current one, and the current one
 * stays reachable: Settings lists both and opens the earlier one with its own cells.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, openApp, sharedBrowser, startWithTemplate, typeInto, waitLoaded } from './app';
import { waitWritesStored } from './stored';
import { chooseBackup } from './tabs';

const browser = sharedBrowser();

async function text(page: Page, row: number, column: string): Promise<string> {
  return ((await (await cell(page, row, column)).textContent()) ?? '').trim();
}

describe('workspaces', () => {
  it('keeps the current workspace reachable after a restore as a new one', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await page.getByTestId('open-settings').click();
    const settings = page.getByTestId('settings-dialog');
    expect(await settings.getByTestId('workspace-list').count()).toBe(0); // only one so far
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-now').click(),
    ]);
    const bytes = await readFile(await file.path());
    await settings.getByRole('button', { name: '关闭' }).click();

    // After the backup the current workspace gets a name the backup does not have.
    await typeInto(page, await cell(page, 0, '姓名'), '只在原工作区');
    await expect.poll(() => text(page, 0, '姓名')).toBe('只在原工作区');
    await waitWritesStored(page);

    await page.getByTestId('open-settings').click();
    const restore = await chooseBackup(page, { name: file.suggestedFilename(), bytes });
    await restore.getByTestId('restore-new').click();
    await expect.poll(() => text(page, 0, '姓名')).not.toBe('只在原工作区');

    await page.getByTestId('open-settings').click();
    const list = page.getByTestId('workspace-list');
    await expect.poll(() => list.locator('li').count()).toBe(2);
    expect(await list.getByText('当前打开').count()).toBe(1);
    // The restored one has a name of its own: the backup's name and day.
    const names = await list.locator('.workspace-name').allTextContents();
    expect(names[0]).toBe('我的店');
    expect(names[1]).toMatch(/^我的店（\d{4}年\d{1,2}月\d{1,2}日的备份）$/);
    await list.getByRole('button', { name: '打开' }).click();
    await waitLoaded(page);
    await expect.poll(() => text(page, 0, '姓名')).toBe('只在原工作区');

    // And the choice is remembered: a reload opens the same workspace.
    await page.reload();
    await waitLoaded(page);
    await expect.poll(() => text(page, 0, '姓名')).toBe('只在原工作区');
    expect(errors).toEqual([]);
    await context.close();
  });
});
