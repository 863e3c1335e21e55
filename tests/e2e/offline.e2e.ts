import { describe, expect, it } from 'vitest';
import {
  cell,
  openApp,
  recordCount,
  startWithTemplate,
  typeOver,
  sharedBrowser,
  waitLoaded,
} from './app';
import { reloadGrid } from './stored';
import { watchForeignRequests } from './browser';

const browser = sharedBrowser();

describe('offline', () => {
  it('loads from the service worker without a network, shows the data and keeps taking edits', async () => {
    const { page, context, errors } = await openApp(browser(), 'zh-CN');
    const origin = new URL(page.url()).origin;
    const foreign = watchForeignRequests(page, origin);
    // The service worker's own fetches show up on the context, not the page.
    context.on('request', (req) => {
      if (!req.url().startsWith(origin)) foreign.push(req.url());
    });
    await startWithTemplate(page);

    // Wait for the service worker to install, then reload once so it controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await waitLoaded(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    const wechat = await cell(page, 0, '微信');
    await typeOver(page, wechat, 'online-edit');
    await expect.poll(() => wechat.textContent()).toBe('online-edit');

    await context.setOffline(true);
    await reloadGrid(page);
    expect(await recordCount(page)).toBe('共 200 条');
    const after = await cell(page, 0, '微信');
    expect(await after.textContent()).toBe('online-edit');
    expect(await (await cell(page, 1, '姓名')).textContent()).not.toBe('');

    const second = await cell(page, 1, '微信');
    await typeOver(page, second, 'offline-edit');
    await expect.poll(() => second.textContent()).toBe('offline-edit');
    await reloadGrid(page);
    expect(await (await cell(page, 1, '微信')).textContent()).toBe('offline-edit');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.setOffline(false);
    await context.close();
  });
});
