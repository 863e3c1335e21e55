/** Two tabs of one browser profile on the same workspace, and choosing a backup to restore. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, openApp, recordCount, startWithTemplate, trackErrors, waitLoaded } from './app';

export interface Tabs {
  a: Page;
  b: Page;
  context: BrowserContext;
  /** Page errors of both tabs. */
  errors: () => string[];
}

/** Tab A starts the template; tab B opens the same workspace in the same browser profile. */
export async function openTwoTabs(browser: Browser): Promise<Tabs> {
  const { page: a, context, errors } = await openApp(browser, 'zh-CN');
  await startWithTemplate(a);
  const b = await context.newPage();
  const errorsB = trackErrors(b);
  await b.goto(baseUrl());
  await waitLoaded(b);
  await expect.poll(() => recordCount(b)).toBe('共 200 条');
  return { a, b, context, errors: () => [...errors, ...errorsB] };
}

/** Chooses a backup file in the open Settings and waits for the restore dialog's summary. */
export async function chooseBackup(page: Page, backup: { name: string; bytes: Buffer }) {
  await page.getByTestId('restore-file').setInputFiles({
    name: backup.name,
    mimeType: 'application/gzip',
    buffer: backup.bytes,
  });
  const restore = page.getByTestId('restore-dialog');
  await expect
    .poll(() => restore.getByTestId('restore-summary').textContent())
    .toContain('共 3 张表');
  return restore;
}
