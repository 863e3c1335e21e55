/**
 * Reads every bucket of a table in one read-only transaction and packs its records by column
 * (domain/packedRecords.ts), a chunk of a few thousand records at a time.
 *
 * It runs in a worker (packedReader.worker.ts): the records read back from IndexedDB are made,
 * and die, in the worker's heap, so their collection never pauses the page, and the page gets
 * chunks it takes in at a few milliseconds each. Only plain IndexedDB is used (no Dexie), as the
 * worker has nothing else.
 */
import type { TableId } from '../domain/ids';
import type { TableRecord } from '../domain/model';
import { packRecords, transferablesOf, type PackedChunk } from '../domain/packedRecords';
import { BUCKETS_PER_TABLE, bucketRange, type RecordBucket } from './buckets';
import type { PackedReadReply, PackedReadRequest } from './packedLoad';

/**
 * Buckets one request reads: ~4,000 records at 1M rows. Each result is packed as soon as it is
 * read, so few read records are alive when the worker's collector runs (in Node, 1M records
 * read and packed 16 buckets at a time spent 1.4–1.6 s collecting; one at a time, 0.9–1.0 s).
 * In Chromium at 1M rows, all rows were read in 8.3–8.8 s at 16 buckets a request, 5.9–6.5 at 4.
 */
const BUCKETS_PER_READ = 4;
/** Requests in flight: the database reads the next while the worker packs the last. */
const IN_FLIGHT = 2;
/** Records per chunk handed on, at most: a few ms for the page to take in. */
export const CHUNK_RECORDS = 8192;

/**
 * Calls `onChunk` with the table's records, packed, in bucket order (not table order), and
 * resolves with their count once all were handed on. New requests are issued from success
 * callbacks, so the transaction never commits early and the table is read in one snapshot.
 */
export function readPackedTable(
  idb: IDBDatabase,
  tableId: TableId,
  onChunk: (chunk: PackedChunk) => void,
  chunkRecords = CHUNK_RECORDS,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('recordBuckets', 'readonly');
    const store = tx.objectStore('recordBuckets');
    let total = 0;
    let next = 0;
    const pack = (records: TableRecord[]): void => {
      for (let from = 0; from < records.length; from += chunkRecords) {
        const part =
          records.length <= chunkRecords ? records : records.slice(from, from + chunkRecords);
        total += part.length;
        onChunk(packRecords(tableId, part));
      }
    };
    const issue = (): void => {
      if (next >= BUCKETS_PER_TABLE) return;
      const from = next;
      const to = Math.min(BUCKETS_PER_TABLE, from + BUCKETS_PER_READ);
      next = to;
      const request = store.getAll(bucketRange(tableId, from, to)) as IDBRequest<RecordBucket[]>;
      request.onsuccess = () => {
        issue();
        try {
          const buckets = request.result;
          pack(
            buckets.length === 1
              ? (buckets[0] as RecordBucket).records
              : buckets.flatMap((b) => b.records),
          );
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          tx.abort();
        }
      };
    };
    tx.oncomplete = () => resolve(total);
    tx.onabort = () => reject(tx.error ?? new DOMException('The read was aborted', 'AbortError'));
    for (let i = 0; i < IN_FLIGHT; i++) issue();
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    // The page opened (and upgraded) the database before asking: a missing one is not made here.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Cannot open ${name}`));
    request.onblocked = () => reject(new Error(`Opening ${name} is blocked`));
  });
}

/** The worker's side of one read: opens the database, hands every chunk over, then says done. */
export async function serveTableRead(
  { dbName, tableId }: PackedReadRequest,
  reply: (message: PackedReadReply, transfer: Transferable[]) => void,
): Promise<void> {
  let idb: IDBDatabase | null = null;
  try {
    idb = await openDatabase(dbName);
    // Another tab upgrading the schema waits for this read only, not for the worker to end.
    idb.onversionchange = () => idb?.close();
    const total = await readPackedTable(idb, tableId, (chunk) =>
      reply({ kind: 'chunk', chunk }, transferablesOf(chunk)),
    );
    reply({ kind: 'done', total }, []);
  } catch (err) {
    const e = err instanceof Error || err instanceof DOMException ? err : new Error(String(err));
    reply({ kind: 'failed', name: e.name, message: e.message }, []);
  } finally {
    idb?.close();
  }
}
