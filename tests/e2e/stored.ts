/**
 * Looks at what the app has stored in IndexedDB, from inside the page. The screen updates
 * before the write commits, so a test that reloads right away could race the disk.
 */
import type { Page } from 'playwright-core';
import { waitLoaded } from './app';

/**
 * Resolves once every write the app has started is committed: IndexedDB runs read-write
 * transactions on the same stores in creation order, so an empty one of ours waits for them.
 */
export async function waitWritesStored(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    for (const name of names.filter((n) => n.startsWith('regulars-ws-'))) {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Array.from(db.objectStoreNames), 'readwrite');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
  });
}

/** How many records the workspace databases hold, all tables together (records live in buckets). */
export async function storedRecordCount(page: Page): Promise<number> {
  await waitWritesStored(page);
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    let total = 0;
    for (const name of names.filter((n) => n.startsWith('regulars-ws-'))) {
      total += await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('recordBuckets').objectStore('recordBuckets').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const buckets = all.result as { records: unknown[] }[];
            resolve(buckets.reduce((sum, b) => sum + b.records.length, 0));
          };
        };
      });
    }
    return total;
  });
}

/** Waits for stored writes, then reloads the page. */
export async function reloadWhenStored(page: Page): Promise<void> {
  await waitWritesStored(page);
  await page.reload();
}

/** Reloads once pending writes are stored and waits for the grid to show its rows again. */
export async function reloadGrid(page: Page): Promise<void> {
  await reloadWhenStored(page);
  await waitLoaded(page);
}
