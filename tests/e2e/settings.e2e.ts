/** Settings (zh-CN): how safe the stored data is and how much space it takes; a full disk. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, openApp, startWithTemplate, typeInto, sharedBrowser, waitLoaded } from './app';
import { reloadWhenStored } from './stored';

const browser = sharedBrowser();

const PERSISTENCE_TEXT = {
  granted: '浏览器已承诺保留你的数据，不会自动清理。',
  denied: '浏览器尚未承诺保留你的数据',
};

/**
 * Makes IndexedDB refuse writes the way a full disk does (a QuotaExceededError) while
 * `window.__failWrites` is true. Installed before the app's scripts run.
 */
function failWritesOnFlag(): void {
  const flagged = window as unknown as { __failWrites?: boolean };
  const refuse = (): never => {
    throw new DOMException('Simulated: the disk is full', 'QuotaExceededError');
  };
  const wrap = <T extends object>(proto: T, name: keyof T & string) => {
    const original = proto[name] as unknown as (...args: unknown[]) => unknown;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value(this: unknown, ...args: unknown[]) {
        if (flagged.__failWrites) refuse();
        return original.apply(this, args);
      },
    });
  };
  wrap(IDBObjectStore.prototype, 'put');
  wrap(IDBObjectStore.prototype, 'add');
  wrap(IDBCursor.prototype, 'update');
}

async function setFailWrites(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as { __failWrites?: boolean }).__failWrites = value;
  }, on);
}

describe('settings and storage (zh-CN)', () => {
  it('shows whether the browser keeps the data for good, and how much space is used', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.waitFor();

    const persistence = page.getByTestId('persistence');
    // The app asks on start; the text must end up matching what the browser now says.
    await expect
      .poll(async () => {
        const persisted = await page.evaluate(() => navigator.storage.persisted());
        const text = (await persistence.textContent()) ?? '';
        return text.includes(persisted ? PERSISTENCE_TEXT.granted : PERSISTENCE_TEXT.denied);
      })
      .toBe(true);
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    // "Ask again" is offered only when the browser has not promised anything.
    expect(await persistence.getByRole('button', { name: '重新申请' }).count()).toBe(
      persisted ? 0 : 1,
    );

    const usage = (await dialog.locator('.settings-usage').textContent()) ?? '';
    const match = /已使用 ([\d.,]+) (MB|GB)，可用空间 ([\d.,]+) (MB|GB)/.exec(usage);
    expect(match, usage).not.toBeNull();
    const toBytes = (n: string, unit: string) =>
      Number(n.replace(/,/g, '')) * 1024 ** (unit === 'GB' ? 3 : 2);
    const used = toBytes(match?.[1] ?? '', match?.[2] ?? '');
    const quota = toBytes(match?.[3] ?? '', match?.[4] ?? '');
    const estimate = await page.evaluate(() => navigator.storage.estimate());
    // 200 customers and 2,000 orders take some room; the figures agree with the browser's.
    expect(used).toBeGreaterThan(0);
    expect(Math.abs(quota - (estimate.quota ?? 0))).toBeLessThan((estimate.quota ?? 0) * 0.05);
    const bar = dialog.getByRole('progressbar', { name: '存储用量' });
    expect(Number(await bar.getAttribute('max'))).toBeGreaterThan(0);

    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('rolls an edit back and says the disk is full when the browser refuses to store it', async () => {
    const { page, context } = await openApp(browser(), 'zh-CN');
    await context.addInitScript(failWritesOnFlag);
    await page.reload();
    await startWithTemplate(page);
    const name = await cell(page, 0, '姓名');
    const original = (await name.textContent()) ?? '';
    expect(original).not.toBe('');

    await setFailWrites(page, true);
    await typeInto(page, name, '存不下的名字');
    const alert = page.getByRole('alert').filter({ hasText: '磁盘已满' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('刚才的修改已撤回');
    await expect.poll(() => name.textContent()).toBe(original);

    // Space freed: what is stored is still the old value, and new edits are kept again.
    await setFailWrites(page, false);
    await reloadWhenStored(page);
    await waitLoaded(page);
    const after = await cell(page, 0, '姓名');
    expect(await after.textContent()).toBe(original);
    expect(await page.getByRole('alert').count()).toBe(0);

    await typeInto(page, after, '存得下的名字');
    await expect.poll(() => after.textContent()).toBe('存得下的名字');
    await reloadWhenStored(page);
    await waitLoaded(page);
    expect(await (await cell(page, 0, '姓名')).textContent()).toBe('存得下的名字');
    await context.close();
  });
});
