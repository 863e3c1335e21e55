/**
 * Reads every bucket of a table in one read-only transaction, in waves sized so that the
 * results of the waves in flight cost the main thread only a few milliseconds each.
 *
 * Why: reading values back (the `.result` of a request) deserialises them on the main thread,
 * and Chromium hands over results that are ready together in one task (large values, stored as
 * blobs, often are: ~1,000 records per bucket at 1M rows, ~3 ms each); issue 3's profile had
 * ~290 ms of it in one task at 100k rows. Here each request reads a range of buckets sized from
 * the measured cost per record, and requests are issued only while the estimated cost of all
 * those in flight fits a few waves. Every result after the first (which tells how large the
 * buckets are) is taken in (read and flattened) in a task of its own, not in its success
 * callback: Chromium delivers the replies that arrived while the page was busy, or that waited
 * for their blobs, in one task, one success event after the other (traced at 100k rows: four
 * waves, 51 ms; at 1M rows, success callbacks made tasks of 51–68 ms). Those tasks have
 * background priority where the browser has one (yieldInBackground), so the interface starting
 * beside the read goes first: on reopening 100k rows the first rows were painted at a median
 * 415 ms instead of 487 (6 runs each), all rows at 1,338 instead of 1,294. At 1M rows (7 cold
 * runs each, alternated) taking large buckets in as they came had a task over 50 ms while
 * reading in 4 runs of 7; one per task, in none, and all rows were read sooner (median 5,226 ms
 * instead of 5,762). Large buckets keep fewer waves in flight (WAVES_IN_FLIGHT).
 * A new request is issued from a success callback: that is the only time a transaction accepts
 * requests, and with a request always pending it never commits, so the table is read in one
 * snapshot, never a mix of before and after another tab's write. Dexie is bypassed for this one
 * read because its requests cannot be paced like that.
 */
import Dexie from 'dexie';
import type { TableId } from '../domain/ids';
import { yieldInBackground } from '../domain/pause';
import type { TableRecord } from '../domain/model';
import { BUCKETS_PER_TABLE, bucketRange, type RecordBucket } from './buckets';
import type { WorkspaceDb } from './schema';
import { ValueInterner } from './valueInterner';

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
/**
 * Waves' worth of estimated cost in flight at once. Chromium stores values over 64 KB as blobs,
 * and results that waited for their blobs are handed over together, in one task: with buckets
 * that large (~1,000 records at 1M rows) only a few waves may be in flight; smaller values come
 * back one result at a time (or together after the page was busy, then taken in a task each),
 * and reading further ahead keeps the database busy (100k rows read ~30 % slower with 3 waves in
 * flight than with 8 on a loaded machine).
 */
const WAVES_IN_FLIGHT = { large: 3, small: 8 } as const;
/**
 * A bucket's JSON length from which it counts as large. Calibrated on the bench's records:
 * buckets of ~67,000 JSON characters (100k rows) came back one per task, buckets of ~550,000
 * (1M rows) together; V8's serialisation is more compact than JSON, so 64 KB is reached later.
 */
const LARGE_BUCKET_CHARS = 96_000;
/** Records whose JSON length estimates their bucket's. */
const SIZE_SAMPLE = 16;
/** One bucket, read alone: nothing else is in flight until the cost per record is measured. */
const FIRST_WAVE = 1;
/** Requests in flight at most, however cheap. */
const MAX_IN_FLIGHT = 16;
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
  // Like Dexie: a database closed on purpose stays closed; one never opened opens now.
  if (db.hasBeenClosed()) throw new Dexie.DatabaseClosedError('The workspace database is closed');
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction('recordBuckets', 'readonly');
  return new Promise<TableRecord[]>((resolve, reject) => {
    const reader = new WaveReader(tx.objectStore('recordBuckets'), tableId, options, resolve);
    tx.oncomplete = () => reader.complete();
    tx.onabort = () => {
      reader.stop();
      reject(tx.error ?? new BucketReadAbortedError('The read was aborted'));
    };
    reader.start();
  });
}

export class BucketReadAbortedError extends Error {
  override name = 'BucketReadAbortedError';
}

interface Received {
  request: IDBRequest<RecordBucket[]>;
  buckets: number;
  cost: number;
}

/**
 * Issues range reads from success callbacks and sizes each from the cost measured so far; takes
 * results in one per task (all but the first), in the order they arrived, and resolves once the
 * transaction has completed and every result is in.
 */
class WaveReader {
  readonly records: TableRecord[] = [];
  private readonly interner = new ValueInterner();
  private next = 0;
  private read = 0;
  /** Requests the database has not answered yet. */
  private inFlight = 0;
  /** Estimated main-thread ms of the results in flight or received and not yet taken in. */
  private inFlightMs = 0;
  private readonly received: Received[] = [];
  private takingIn = false;
  private completed = false;
  private stopped = false;
  private waveSize: number;
  private readonly waveMs: number;
  private readonly maxWave: number;
  /** Measured main-thread ms per record of a wave (smoothed); unknown before the first. */
  private perRecord: number | undefined;
  /** Waves' worth of cost that may be in flight, once a bucket's size was seen. */
  private ahead: number | undefined;

  constructor(
    private readonly store: IDBObjectStore,
    private readonly tableId: TableId,
    private readonly options: BucketReadOptions,
    private readonly done: (records: TableRecord[]) => void,
  ) {
    this.waveMs = options.waveMs ?? DEFAULT_WAVE_MS;
    this.maxWave = Math.max(1, options.maxWave ?? BUCKETS_PER_TABLE);
    this.waveSize = Math.max(1, Math.min(this.maxWave, options.firstWave ?? FIRST_WAVE));
  }

  start(): void {
    this.issue();
  }

  /** The transaction completed: every request was answered. */
  complete(): void {
    this.completed = true;
    this.finishIfDone();
  }

  /** The transaction failed: results still waiting are dropped. */
  stop(): void {
    this.stopped = true;
    this.received.length = 0;
  }

  private issue(): void {
    while (this.next < BUCKETS_PER_TABLE) {
      const from = this.next;
      const to = Math.min(BUCKETS_PER_TABLE, from + this.waveSize);
      const cost = this.estimate(to - from);
      if (!mayIssue(this.inFlight, this.inFlightMs + cost, this.waveMs, this.ahead)) return;
      const request = this.store.getAll(bucketRange(this.tableId, from, to));
      request.onsuccess = () => this.receive({ request, buckets: to - from, cost });
      this.next = to;
      this.inFlight++;
      this.inFlightMs += cost;
    }
  }

  /** Main-thread ms a wave of `buckets` should cost; before any measure, one wave's target. */
  private estimate(buckets: number): number {
    if (this.perRecord === undefined) return this.waveMs;
    return this.perRecord * buckets * (this.records.length / this.read);
  }

  /** A success callback: the only moment more requests can be issued. */
  private receive(result: Received): void {
    this.inFlight--;
    if (this.ahead !== undefined) {
      this.received.push(result);
      this.scheduleTakeIn();
    } else {
      // The first result (which tells how large buckets are): taken in right away.
      this.absorb(result);
    }
    this.issue();
  }

  private scheduleTakeIn(): void {
    if (this.takingIn || this.received.length === 0) return;
    this.takingIn = true;
    void yieldInBackground().then(() => {
      this.takingIn = false;
      const next = this.received.shift();
      if (this.stopped || !next) return;
      this.absorb(next);
      this.scheduleTakeIn();
      this.finishIfDone();
    });
  }

  /** Once every request was answered and every result taken in (none waits in `received`). */
  private finishIfDone(): void {
    if (this.completed && !this.stopped && this.received.length === 0) this.done(this.records);
  }

  private absorb({ request, buckets, cost }: Received): void {
    this.inFlightMs -= cost;
    const started = performance.now();
    const { records, tableId, interner } = this;
    const before = records.length;
    // Read once: each read of `.result` may deserialise the value again.
    const result = request.result;
    for (const bucket of result)
      for (const record of bucket.records) {
        // Each deserialised record carries its own copy of the id: share one (~32 MB at 1M).
        record.tableId = tableId;
        interner.internValues(record.values);
        records.push(record);
      }
    this.read += buckets;
    this.resize(records.length - before, performance.now() - started);
    this.ahead ??= wavesAheadFor(result);
    this.options.onWave?.(this.read);
  }

  private resize(records: number, took: number): void {
    if (records > 0) this.perRecord = smoothCost(this.perRecord, took / records);
    this.waveSize = nextWaveSize({
      perRecord: this.perRecord,
      recordsPerBucket: this.records.length / this.read,
      waveMs: this.waveMs,
      last: this.waveSize,
      maxWave: this.maxWave,
    });
  }
}

/**
 * Whether one more request may go out: always when none is in flight; else only once the
 * buckets' size is known (`ahead`), within MAX_IN_FLIGHT, and while all in flight (`inFlightMs`
 * counting the new one) fit `ahead` waves' time.
 */
export function mayIssue(
  inFlight: number,
  inFlightMs: number,
  waveMs: number,
  ahead: number | undefined,
): boolean {
  if (inFlight === 0) return true;
  if (ahead === undefined) return false;
  return inFlight < MAX_IN_FLIGHT && inFlightMs <= waveMs * ahead;
}

/** WAVES_IN_FLIGHT for the first non-empty bucket of a result; undefined while all are empty. */
export function wavesAheadFor(buckets: readonly RecordBucket[]): number | undefined {
  const sample = buckets.find((b) => b.records.length > 0);
  if (!sample) return undefined;
  // From its first records, in the first success callback: a whole bucket of 1M rows is ~550,000
  // characters of JSON (in Node, 3.4–4.3 ms to make; 16 records, 0.06 ms).
  const first = sample.records.slice(0, SIZE_SAMPLE);
  const chars = (JSON.stringify(first).length * sample.records.length) / first.length;
  return chars > LARGE_BUCKET_CHARS ? WAVES_IN_FLIGHT.large : WAVES_IN_FLIGHT.small;
}

/**
 * The cost per record after a wave's `sample`, smoothed: one slow wave (the machine busy
 * elsewhere, a garbage collection) raises it by at most 60 %, so waves do not shrink to nothing.
 */
export function smoothCost(was: number | undefined, sample: number): number {
  if (was === undefined) return sample;
  return Math.min(sample, was * 3) * 0.3 + was * 0.7;
}

export interface WavePlan {
  /** Smoothed ms per record; undefined before any record was read. */
  perRecord: number | undefined;
  recordsPerBucket: number;
  waveMs: number;
  /** The size of the last wave issued. */
  last: number;
  maxWave: number;
}

/**
 * Buckets in the next wave: as many as fit `waveMs` at the measured cost, at most
 * MAX_WAVE_RECORDS records, at most twice the last wave, at least one, at most `maxWave`.
 */
export function nextWaveSize(plan: WavePlan): number {
  const perRecord = plan.perRecord ?? 0;
  const records = Math.min(perRecord > 0 ? plan.waveMs / perRecord : Infinity, MAX_WAVE_RECORDS);
  const fits = Math.floor(records / Math.max(1, plan.recordsPerBucket));
  return Math.max(1, Math.min(plan.last * 2, fits, plan.maxWave));
}
