/** The import dialog, as the end-to-end tests drive it: choose a file, import, open the table. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitLoaded } from './app';

export interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Chooses `file` in the toolbar's import button (the dialog opens with its preview). */
export async function upload(page: Page, file: Upload): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
}

/** Starts the import shown in the dialog and waits for its summary. */
export async function runImport(page: Page): Promise<void> {
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
}

/** Closes the summary and waits until the imported table `title` is open and loaded. */
export async function openImported(page: Page, title: string): Promise<void> {
  await page.getByTestId('import-close').click();
  await expect.poll(() => page.locator('.toolbar-title').textContent()).toBe(title);
  await waitLoaded(page);
}
