/**
 * Shared helpers for end-to-end tests and benchmarks: serve the production build and
 * drive Debian's Chromium through playwright-core (no browser downloads on this machine).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { preview } from 'vite';
import chromiumSettings from '../chromium.json';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? chromiumSettings.defaultPath;
const ARGS = chromiumSettings.args;

/** Serves a production build (dist/, or E2E_DIST when set, so parallel runs do not clash). */
export async function startServer(
  port = 4173,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    build: { outDir: process.env.E2E_DIST ?? 'dist' },
    preview: { port, strictPort: false, host: '127.0.0.1' },
    logLevel: 'error',
  });
  const address = server.httpServer.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS, ...extraArgs],
  });
}

export async function newContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({
    locale,
    viewport: { width: 1360, height: 820 },
    acceptDownloads: true,
  });
}

/** Collects requests to anything but the app's own origin (there must be none). */
export function watchForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  return foreign;
}
