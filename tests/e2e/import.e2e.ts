/**
 * Importing files end to end (zh-CN): a GBK CSV and an XLSX into new tables, an empty file,
 * update-or-insert by phone, undo of an import, and cancelling a large import midway.
 */
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, openApp, recordCount, sharedBrowser, startWithTemplate } from './app';
import { openImported, runImport, upload } from './importing';
import type { Upload } from './importing';
import { storedRecordCount } from './stored';

const browser = sharedBrowser();

async function sidebarNames(page: Page): Promise<string[]> {
  return page.getByTestId('sidebar').locator('.sidebar-item-name').allTextContents();
}

async function headerNames(page: Page): Promise<string[]> {
  return page.locator('.ag-header-cell .column-header-name').allTextContents();
}

async function summaryCount(page: Page, key: string): Promise<string> {
  return (await page.getByTestId(`import-${key}`).locator('dd').textContent()) ?? '';
}

/** A GBK CSV as Chinese Excel saves it, with a title row above the header. */
function gbkCsv(): Upload {
  const text = [
    '2024年会员名单,,',
    '姓名,电话,消费金额',
    '张三,0755-12345678,"1,280.50"',
    '李四,+86 139 1234 5678,99',
    '王五,13800138000,0',
    '赵六,020-88886666,待定',
  ].join('\r\n');
  return { name: '会员名单.csv', mimeType: 'text/csv', buffer: iconv.encode(text, 'gbk') };
}

function xlsxFile(): Upload {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['商品', '单价', '上架日期'],
    ['拿铁', 28, new Date(Date.UTC(2024, 0, 5))],
    ['美式', 22, new Date(Date.UTC(2024, 1, 10))],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '商品');
  const buffer = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  return {
    name: '商品.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  };
}

describe('import (zh-CN)', () => {
  it('imports a GBK CSV into a new table, undoes it, and refuses an empty file', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const tablesBefore = await sidebarNames(page);
    const storedBefore = await storedRecordCount(page);

    await upload(page, gbkCsv());
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-preview').getByText('张三').waitFor();
    expect(await page.getByTestId('import-encoding').inputValue()).toBe('gb18030');
    expect(
      await page.getByTestId('import-encoding').locator('option:checked').textContent(),
    ).toContain('GB18030/GBK');
    // The title row above the header is recognised: the header is the second row.
    expect(await page.getByTestId('import-header-row').inputValue()).toBe('1');
    expect(await page.getByTestId('import-column-1').textContent()).toContain('电话');
    expect(await page.getByTestId('import-table-name').inputValue()).toBe('会员名单');
    await page.getByTestId('import-name-2').fill('消费');
    // "待定" makes the column look like text; as numbers it is kept as text and flagged.
    await page.getByTestId('import-type-2').selectOption('number');
    await runImport(page);
    expect(await summaryCount(page, 'added')).toBe('4');
    expect(await summaryCount(page, 'flagged')).toBe('1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-report').click(),
    ]);
    expect(download.suggestedFilename()).toBe('会员名单 导入问题.csv');
    const report = await readFile((await download.path())!);
    expect([...report.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(report.toString('utf8')).toContain('6,消费金额,待定,不是数字');
    await openImported(page, '会员名单');
    await expect.poll(() => recordCount(page)).toBe('共 4 条');
    expect(await headerNames(page)).toEqual(['姓名', '电话', '消费']);
    expect(await (await cell(page, 0, '电话')).textContent()).toBe('0755-12345678');
    expect(await (await cell(page, 1, '姓名')).textContent()).toBe('李四');
    expect(await storedRecordCount(page)).toBe(storedBefore + 4);
    expect(await (await cell(page, 3, '消费')).textContent()).toBe('待定');

    // One undo step removes the whole import: the table and its rows.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(() => sidebarNames(page)).toEqual(tablesBefore);
    await expect.poll(() => storedRecordCount(page)).toBe(storedBefore);

    await upload(page, { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    const problem = page.getByTestId('import-problem-message');
    await expect.poll(() => problem.textContent()).toContain('“empty.csv”是空文件');
    await page.getByTestId('import-problem').getByRole('button', { name: '确定' }).click();
    expect(await sidebarNames(page)).toEqual(tablesBefore);
    expect(await storedRecordCount(page)).toBe(storedBefore);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('updates a customer by phone and imports an XLSX workbook', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const name = (await (await cell(page, 0, '姓名')).textContent()) ?? '';
    const phone = (await (await cell(page, 0, '手机')).textContent()) ?? '';
    expect(phone).toMatch(/\d{7}/);
    const before = await recordCount(page);

    const csv = ['手机,备注', `${phone},导入测试备注`, '13999990000,新客户'].join('\n');
    await upload(page, { name: '更新.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-preview').getByText('导入测试备注').waitFor();
    await page.getByTestId('import-mode-upsert').check();
    expect(await page.getByTestId('import-table').locator('option:checked').textContent()).toBe(
      '客户',
    );
    expect(await page.getByTestId('import-key').inputValue()).toBe('0');
    expect(await page.getByTestId('import-map-1').locator('option:checked').textContent()).toBe(
      '备注',
    );
    await runImport(page);
    expect(await summaryCount(page, 'updated')).toBe('1');
    expect(await summaryCount(page, 'added')).toBe('1');
    await page.getByTestId('import-close').click();
    await expect.poll(() => recordCount(page)).not.toBe(before);

    await page.getByTestId('search').fill(name);
    await expect.poll(async () => (await cell(page, 0, '备注')).textContent()).toBe('导入测试备注');
    await page.getByTestId('search').fill('');

    await upload(page, xlsxFile());
    await page.getByTestId('import-preview').getByText('拿铁').waitFor();
    expect(await page.getByTestId('import-column-1').textContent()).toContain('数字');
    await runImport(page);
    expect(await summaryCount(page, 'added')).toBe('2');
    await openImported(page, '商品');
    await expect.poll(() => recordCount(page)).toBe('共 2 条');
    expect(await (await cell(page, 1, '商品')).textContent()).toBe('美式');
    expect(await (await cell(page, 0, '上架日期')).textContent()).toContain('2024');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancels a large import midway and changes nothing', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const tablesBefore = await sidebarNames(page);
    const storedBefore = await storedRecordCount(page);

    const lines = ['姓名,手机,金额,日期'];
    for (let i = 0; i < 300_000; i++)
      lines.push(`客户${i},138${String(i).padStart(8, '0')},${i % 1000}.5,2024-01-${(i % 28) + 1}`);
    await upload(page, {
      name: '大文件.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByTestId('import-preview').getByText('客户1', { exact: true }).waitFor();
    await page.getByTestId('import-start').click();
    const bar = page.getByRole('progressbar');
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('import-progress').textContent()).toMatch(/300,000 行 · \d+%/);
    await page.getByTestId('import-cancel').click();
    await expect
      .poll(() => page.getByTestId('import-message').textContent(), { timeout: 30_000 })
      .toBe('已取消导入，数据没有任何改动。');
    await page.getByRole('button', { name: '关闭' }).click();
    expect(await sidebarNames(page)).toEqual(tablesBefore);
    expect(await storedRecordCount(page)).toBe(storedBefore);
    await expect.poll(() => recordCount(page)).toContain('200');
    expect(errors).toEqual([]);
    await context.close();
  });
});
