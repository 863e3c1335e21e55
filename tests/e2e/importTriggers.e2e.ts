/**
 * The other two ways in (zh-CN): cells copied from Excel pasted into an empty table, and a
 * file dropped onto the window. Both open the import dialog and end with the rows in the grid.
 */
import { describe, expect, it } from 'vitest';
import { cell, openApp, recordCount, sharedBrowser, startWithTemplate, waitLoaded } from './app';
import { reloadWhenStored } from './stored';

const browser = sharedBrowser();

describe('import triggers (zh-CN)', () => {
  it('pastes copied cells into a new empty table and keeps them after a reload', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await page.getByTestId('new-table').click();
    await expect.poll(() => recordCount(page)).toBe('共 0 条');
    // What Excel or WPS puts on the clipboard: tab-separated cells, one line per row.
    const copied =
      '姓名\t手机\t消费金额\n周杰\t013800001111\t1,200\n吴敏\t+86 139 0000 2222\t88.5\n';
    await page.evaluate((text) => {
      (document.activeElement as HTMLElement | null)?.blur();
      const data = new DataTransfer();
      data.setData('text/plain', text);
      window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, copied);
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    await page
      .getByRole('button', { name: /打开表格|关闭/ })
      .first()
      .click();
    await expect.poll(() => recordCount(page)).toBe('共 2 条');
    await expect.poll(async () => (await cell(page, 0, '手机')).textContent()).toBe('013800001111');
    await expect
      .poll(async () => (await cell(page, 1, '手机')).textContent())
      .toBe('+86 139 0000 2222');

    await reloadWhenStored(page);
    await waitLoaded(page);
    await expect.poll(() => recordCount(page)).toBe('共 2 条');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a file dropped onto the window', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    const csv = '商品,单价\n拿铁,28\n美式,22\n摩卡,32\n';
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], '饮品.csv', { type: 'text/csv' }));
      const init = { dataTransfer: data, bubbles: true, cancelable: true };
      window.dispatchEvent(new DragEvent('dragenter', init));
      window.dispatchEvent(new DragEvent('dragover', init));
      window.dispatchEvent(new DragEvent('drop', init));
    }, csv);
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('饮品.csv');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /打开表格/ }).click();
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toBe('饮品');
    await expect.poll(() => recordCount(page)).toBe('共 3 条');
    await expect.poll(async () => (await cell(page, 2, '商品')).textContent()).toBe('摩卡');
    expect(errors).toEqual([]);
    await context.close();
  });
});
