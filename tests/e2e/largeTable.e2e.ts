/**
 * A table large enough to be read in a worker and held as lazy records (src/db/packedReader.ts):
 * imported, reloaded (read back from the database), searched, edited, reloaded again.
 */
import { describe, expect, it } from 'vitest';
import { cell, openApp, recordCount, sharedBrowser, startWithTemplate, typeOver } from './app';
import { openImported, upload } from './importing';
import { reloadGrid } from './stored';

const browser = sharedBrowser();
const ROWS = 220_000;
const LEVELS = ['普通', '银卡', '金卡'];

function csv(): Buffer {
  const lines = ['姓名,手机,消费金额,会员,最近消费'];
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `客户${i},138${String(i).padStart(8, '0')},${i % 1000}.5,${LEVELS[i % 3]},2024-03-${day}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

const text = async (page: Parameters<typeof cell>[0], row: number, name: string) =>
  (await (await cell(page, row, name)).textContent()) ?? '';

describe('a large table', () => {
  it('is read back after a reload with every value, searched, edited and kept', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await upload(page, { name: '大客户表.csv', mimeType: 'text/csv', buffer: csv() });
    await page.getByTestId('import-preview').getByText('客户1', { exact: true }).waitFor();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    await openImported(page, '大客户表');
    await expect.poll(() => recordCount(page)).toBe('共 220,000 条');

    // Read back from the database: the rows come from the worker's packed chunks.
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await reloadGrid(page);
    expect(workers.some((url) => url.includes('packedReader'))).toBe(true);
    await expect.poll(() => recordCount(page), { timeout: 60_000 }).toBe('共 220,000 条');
    expect(await text(page, 0, '姓名')).toBe('客户0');
    expect(await text(page, 1, '手机')).toContain('138');
    expect(await text(page, 2, '会员')).toBe('金卡');
    expect(await text(page, 3, '最近消费')).toContain('2024');

    await page.getByTestId('search').fill('客户219998');
    await expect.poll(() => recordCount(page), { timeout: 30_000 }).toBe('1 / 共 220,000 条');
    expect(await text(page, 0, '会员')).toBe(LEVELS[219_998 % 3]);
    expect(await text(page, 0, '消费金额')).toContain('998.5');
    await typeOver(page, await cell(page, 0, '消费金额'), '4321');
    await expect.poll(() => text(page, 0, '消费金额')).toContain('4321');
    await page.getByTestId('search').fill('');

    await reloadGrid(page);
    await page.getByTestId('search').fill('客户219998');
    await expect.poll(() => recordCount(page), { timeout: 30_000 }).toBe('1 / 共 220,000 条');
    expect(await text(page, 0, '消费金额')).toContain('4321');
    expect(await text(page, 0, '手机')).toContain('13800219998');
    expect(errors).toEqual([]);
    await context.close();
  });
});
