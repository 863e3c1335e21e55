/**
 * The floor of the formula scenarios' `block` figure that comes from IndexedDB and V8: reading
 * every bucket of the table in one transaction, one request at a time (so one result per task,
 * the smallest tasks IndexedDB allows), every value kept as the app keeps its records. What is
 * left over 50 ms is the browser's own deserialising and V8's collections of what it made.
 */
import type { TableId, WorkspaceId } from '../../../src/domain/ids';
import { openWorkspaceDb } from '../../../src/db';
import { BUCKETS_PER_TABLE, bucketKey } from '../../../src/db/buckets';
import { watchLongTasks } from './longTasks';

export async function bucketReadFloor(workspaceId: WorkspaceId, tableId: TableId): Promise<number> {
  const db = await openWorkspaceDb(workspaceId);
  try {
    if (!db.isOpen()) await db.open();
    const longTasks = watchLongTasks();
    const kept: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction('recordBuckets', 'readonly');
      const store = tx.objectStore('recordBuckets');
      const read = (bucket: number) => {
        const request = store.get(bucketKey(tableId, bucket));
        request.onsuccess = () => {
          kept.push(request.result);
          if (bucket + 1 < BUCKETS_PER_TABLE) read(bucket + 1);
        };
      };
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('read aborted'));
      read(0);
    });
    const longest = await longTasks.stop();
    if (kept.length !== BUCKETS_PER_TABLE)
      throw new Error(`read ${kept.length} of ${BUCKETS_PER_TABLE} buckets`);
    return longest;
  } finally {
    db.close();
  }
}
