/**
 * Export and backup in Chromium (zh-CN): export the searched and sorted view as CSV and XLSX
 * and read the downloads back; back up, wipe the workspace, restore, and see the same cells.
 */
import { readFile } from 'node:fs/promises';
import { read, utils } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cell,
  columnId,
  openApp,
  recordCount,
  sharedBrowser,
  startWithTemplate,
  typeInto,
  waitLoaded,
} from './app';
import { storedRecordCount, waitWritesStored } from './stored';
import { chooseBackup } from './tabs';
import { openImported, runImport, upload } from './importing';

const browser = sharedBrowser();

/** The number of rows shown: the first number of the record count ("12 / 共 200 条"). */
async function shownCount(page: Page): Promise<number> {
  const text = (await recordCount(page)).replace(/,/g, '');
  return Number(/\d+/.exec(text)?.[0]);
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

async function exportAs(page: Page, format: 'csv' | 'xlsx') {
  await page.getByTestId('export-button').click();
  return download(page, `export-${format}`);
}

async function cellTexts(page: Page, rows: number, names: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const name of names)
    for (let row = 0; row < rows; row++)
      out.push(((await (await cell(page, row, name)).textContent()) ?? '').trim());
  return out;
}

describe('export and backup (zh-CN)', () => {
  it('exports the searched, sorted view as CSV and XLSX', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await page.getByTestId('search').fill('王');
    await expect.poll(() => recordCount(page)).toMatch(/^\d+ \/ 共 200 条$/);
    const shown = await shownCount(page);
    expect(shown).toBeGreaterThan(2);
    expect(shown).toBeLessThan(200);
    const spent = await columnId(page, '消费金额');
    await page.getByTestId(`column-sort-${spent}`).click();
    await page.getByTestId(`column-sort-${spent}`).click();
    await page.getByTestId(`column-sort-indicator-${spent}`).waitFor();
    expect(await page.getByTestId(`column-sort-indicator-${spent}`).textContent()).toBe('↓');
    const [firstName, secondName] = await cellTexts(page, 2, ['姓名']);

    const csv = await exportAs(page, 'csv');
    expect(csv.name).toMatch(/^客户 - 全部 - \d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    const csvRows = utils.sheet_to_json<string[]>(
      read(text, { type: 'string', raw: true }).Sheets.Sheet1 ?? {},
      { header: 1, defval: '', raw: false },
    );
    expect(csvRows[0]?.slice(0, 3)).toEqual(['姓名', '手机', '微信']);
    expect(csvRows).toHaveLength(shown + 1);
    expect(csvRows[1]?.[0]).toBe(firstName);
    expect(csvRows[2]?.[0]).toBe(secondName);
    expect(
      csvRows.slice(1).every((r) => String(r[0]).includes('王') || r.join().includes('王')),
    ).toBe(true);

    const xlsx = await exportAs(page, 'xlsx');
    expect(xlsx.name).toMatch(/^客户 - 全部 - \d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = read(xlsx.bytes, { cellDates: true });
    const sheet = book.Sheets['客户'];
    if (!sheet) throw new Error('no sheet 客户');
    const rows = utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, raw: true });
    expect(rows[0]).toEqual(csvRows[0]);
    expect(rows).toHaveLength(shown + 1);
    expect(rows[1]?.[0]).toBe(firstName);
    const spentAt = (rows[0] as string[]).indexOf('消费金额');
    const amounts = rows.slice(1).map((r) => r[spentAt]);
    expect(amounts.every((v) => typeof v === 'number')).toBe(true);
    // Sorted largest first, as the grid shows.
    expect(amounts).toEqual([...(amounts as number[])].sort((a, b) => b - a));
    const lastAt = (rows[0] as string[]).indexOf('最近消费日期');
    expect(rows.slice(1).some((r) => r[lastAt] instanceof Date)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports its own CSV back with the same text: the apostrophes it added for Excel go again', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await typeInto(page, await cell(page, 0, '手机'), '+86 138 0000 0000');
    await typeInto(page, await cell(page, 0, '姓名'), "'=小王");
    await expect.poll(async () => (await cell(page, 0, '姓名')).textContent()).toBe("'=小王");
    const csv = await exportAs(page, 'csv');
    const firstRow = csv.bytes.toString('utf8').split('\r\n')[1] ?? '';
    // In the file, Excel sees text, not formulas.
    expect(firstRow.startsWith("''=小王,'+86 138 0000 0000,")).toBe(true);

    await upload(page, { name: '导出的客户.csv', mimeType: 'text/csv', buffer: csv.bytes });
    await page.getByTestId('import-dialog').getByTestId('import-preview').waitFor();
    await runImport(page);
    await openImported(page, '导出的客户');
    await expect.poll(() => recordCount(page)).toBe('共 200 条');
    expect(await (await cell(page, 0, '手机')).textContent()).toBe('+86 138 0000 0000');
    expect(await (await cell(page, 0, '姓名')).textContent()).toBe("'=小王");
    expect(errors).toEqual([]);
    await context.close();
  });

  it('backs up, wipes the workspace, restores over it and shows the same cells', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await typeInto(page, await cell(page, 0, '姓名'), '备份前改的名字');
    await expect
      .poll(async () => (await cell(page, 0, '姓名')).textContent())
      .toBe('备份前改的名字');
    await waitWritesStored(page);
    const before = await cellTexts(page, 5, ['姓名', '手机', '消费金额']);
    const count = await recordCount(page);
    const stored = await storedRecordCount(page);

    await page.getByTestId('open-settings').click();
    const settings = page.getByTestId('settings-dialog');
    expect(await settings.getByTestId('last-backup').textContent()).toBe(
      '这个工作区还没有备份过。',
    );
    const backup = await download(page, 'backup-now');
    expect(backup.name).toMatch(/\.regulars$/);
    expect([backup.bytes[0], backup.bytes[1]]).toEqual([0x1f, 0x8b]);
    await expect
      .poll(() => settings.getByTestId('last-backup').textContent())
      .toMatch(/^上次备份：/);
    await settings.getByRole('button', { name: '关闭' }).click();

    // Wipe: remove every table with its records.
    await page.getByTestId('remove-sample').click();
    await page.getByTestId('confirm-ok').click();
    const empty = page.locator('.empty-workspace');
    await empty.waitFor();
    await expect.poll(() => storedRecordCount(page)).toBe(0);

    await empty.getByRole('button', { name: '设置' }).click();
    const restore = await chooseBackup(page, backup);
    await restore.getByTestId('restore-replace').click();
    await page.getByTestId('confirm-ok').click();
    await waitLoaded(page);
    await expect.poll(() => recordCount(page)).toBe(count);
    expect(await cellTexts(page, 5, ['姓名', '手机', '消费金额'])).toEqual(before);
    expect(await storedRecordCount(page)).toBe(stored);

    // And it is on disk: a reload shows the same.
    await page.reload();
    await waitLoaded(page);
    expect(await cellTexts(page, 5, ['姓名', '手机', '消费金额'])).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});
