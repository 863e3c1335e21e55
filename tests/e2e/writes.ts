/** Waiting for the app's database writes, so a reload in a test cannot race an edit's commit. */
import type { Page } from 'playwright-core';
import { waitLoaded } from './app';

/** Waits until no new write has committed (performance mark `regulars:committed`) for a moment. */
export async function waitSaved(page: Page): Promise<void> {
  const commits = () =>
    page.evaluate(() => performance.getEntriesByName('regulars:committed').length);
  let last = -1;
  for (let now = await commits(); now !== last; now = await commits()) {
    last = now;
    await page.waitForTimeout(250);
  }
}

/** Reloads once pending writes are stored and waits for the grid to show its rows again. */
export async function reloadGrid(page: Page): Promise<void> {
  await waitSaved(page);
  await page.reload();
  await waitLoaded(page);
}
