/**
 * Reads every bucket of a table in one read-only transaction, in waves sized so that each
 * wave's results cost the main thread only a few milliseconds to deserialise and flatten.
 *
 * Why: reading values back (the `.result` of a request) deserialises them on the main thread,
 * and Chromium delivers results that are ready back to back in one task; 1,024 requests issued
 * at once cost ~290 ms in one task at 100k rows. Here only WINDOW requests are outstanding, each
 * over a range of buckets, and the next one is issued from a request's success callback: that
 * is the only time a transaction accepts requests, and with a request always pending it never
 * commits, so the whole table is one snapshot, never a mix of before and after another tab's
 * write. Dexie is bypassed for this one read because its requests cannot be paced like that.
 */
import type { TableId } from '../domain/ids';
import type { TableRecord } from '../domain/model';
import { BUCKETS_PER_TABLE, bucketKey, type RecordBucket } from './buckets';
import type { WorkspaceDb } from './schema';

export interface BucketReadOptions {
  /** Main-thread time one wave's results may take (deserialise and flatten), in ms. */
  waveMs?: number;
  /** The first wave's bucket count, before any cost is measured. */
  firstWave?: number;
  /** The most buckets one wave may read (tests use 1 to force a wave per bucket). */
  maxWave?: number;
  /** After each wave, with the buckets read so far (of BUCKETS_PER_TABLE). */
  onWave?: (bucketsRead: number) => void;
}

const DEFAULT_WAVE_MS = 8;
const FIRST_WAVE = 4;
/** Requests outstanding at once: the database reads the next range while this one is used. */
const WINDOW = 2;
/**
 * Records per wave whatever the measured cost: a browser that deserialises before the success
 * event (so `.result` costs nothing to measure) still gets waves of bounded size.
 */
const MAX_WAVE_RECORDS = 25_000;

/** The table's records in bucket order (not table order), every record's tableId shared. */
export async function readAllBuckets(
  db: WorkspaceDb,
  tableId: TableId,
  options: BucketReadOptions = {},
): Promise<TableRecord[]> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction('recordBuckets', 'readonly');
  const reader = new WaveReader(tx.objectStore('recordBuckets'), tableId, options);
  return new Promise<TableRecord[]>((resolve, reject) => {
    tx.oncomplete = () => resolve(reader.records);
    tx.onabort = () => reject(tx.error ?? new BucketReadAbortedError('The read was aborted'));
    reader.start();
  });
}

export class BucketReadAbortedError extends Error {
  override name = 'BucketReadAbortedError';
}

/** Issues range reads from success callbacks and sizes each from the last one's cost. */
class WaveReader {
  readonly records: TableRecord[] = [];
  private next = 0;
  private read = 0;
  private outstanding = 0;
  private waveSize: number;
  private readonly waveMs: number;
  private readonly maxWave: number;

  constructor(
    private readonly store: IDBObjectStore,
    private readonly tableId: TableId,
    private readonly options: BucketReadOptions,
  ) {
    this.waveMs = options.waveMs ?? DEFAULT_WAVE_MS;
    this.maxWave = Math.max(1, options.maxWave ?? BUCKETS_PER_TABLE);
    this.waveSize = Math.max(1, Math.min(this.maxWave, options.firstWave ?? FIRST_WAVE));
  }

  start(): void {
    this.issue();
  }

  private issue(): void {
    while (this.outstanding < WINDOW && this.next < BUCKETS_PER_TABLE) {
      const from = this.next;
      const to = Math.min(BUCKETS_PER_TABLE, from + this.waveSize);
      const range = IDBKeyRange.bound(
        bucketKey(this.tableId, from),
        bucketKey(this.tableId, to - 1),
      );
      const request = this.store.getAll(range);
      request.onsuccess = () => this.absorb(request, to - from);
      this.next = to;
      this.outstanding++;
    }
  }

  private absorb(request: IDBRequest<RecordBucket[]>, buckets: number): void {
    this.outstanding--;
    const started = performance.now();
    const { records, tableId } = this;
    for (const bucket of request.result)
      for (const record of bucket.records) {
        // Each deserialised record carries its own copy of the id: share one (~32 MB at 1M).
        record.tableId = tableId;
        records.push(record);
      }
    this.read += buckets;
    this.resize(buckets, performance.now() - started);
    this.options.onWave?.(this.read);
    this.issue();
  }

  /** Next waves aim at waveMs from the cost per bucket just measured (at most doubling). */
  private resize(buckets: number, took: number): void {
    const perBucket = took / buckets;
    const fits = perBucket > 0 ? Math.floor(this.waveMs / perBucket) : this.waveSize * 2;
    const recordsPerBucket = this.records.length / this.read;
    const bounded = recordsPerBucket > 0 ? Math.floor(MAX_WAVE_RECORDS / recordsPerBucket) : fits;
    this.waveSize = Math.max(1, Math.min(this.waveSize * 2, fits, bounded, this.maxWave));
  }
}
