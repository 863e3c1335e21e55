import type { TableRecord } from '../../src/domain/model';
import type { RecordBucket } from '../../src/db/buckets';
import { compareRecordOrder } from '../../src/domain/records';
import {
  BucketReadAbortedError,
  mayIssue,
  nextWaveSize,
  readAllBuckets,
  smoothCost,
  wavesAheadFor,
} from '../../src/db/bucketReader';
import { classifyStorageError } from '../../src/db/errors';
import { BUCKETS_PER_TABLE, bucketNumberOf } from '../../src/db/buckets';
import { bulkInsertRecords, loadAllRecords } from '../../src/db/repository';
import { WorkspaceDb } from '../../src/db/schema';
import { F_NAME, makeRecord, openFreshDb, T1, T2 } from './helpers';

/** A table whose records fill every bucket, with fractional orders and ties on order. */
function awkwardRecords(count: number): TableRecord[] {
  const records: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    // Quarter steps in scrambled order, and every 5th record on an integer another one has.
    const order = i % 5 === 0 ? Math.floor(i / 5) : ((i * 7919) % count) / 4;
    records.push(
      makeRecord(`rec_${(i * 2654435761) % 1_000_003}_${i}`, T1, order, { [F_NAME]: `n${i}` }),
    );
  }
  return records;
}

const idsInTableOrder = (records: readonly TableRecord[]) =>
  [...records].sort(compareRecordOrder).map((r) => r.id);

describe('loadAllRecords in waves', () => {
  it('reads every record exactly once and in table order, whatever the wave size', async () => {
    const db = await openFreshDb();
    const records = awkwardRecords(6_000);
    const other = [0, 1, 2].map((o) => makeRecord(`rec_other${o}`, T2, o));
    expect(new Set(records.map((r) => bucketNumberOf(r.id))).size).toBeGreaterThan(1000);
    expect(new Set(records.map((r) => r.order)).size).toBeLessThan(records.length - 100);
    expect(records.some((r) => !Number.isInteger(r.order))).toBe(true);
    await bulkInsertRecords(db, [...other, ...records]);
    const expected = idsInTableOrder(records);
    for (const maxWave of [1, 7, 300, BUCKETS_PER_TABLE]) {
      const waves: number[] = [];
      const loaded = await loadAllRecords(db, T1, {
        maxWave,
        firstWave: maxWave,
        onWave: (read) => waves.push(read),
      });
      expect(loaded.map((r) => r.id)).toEqual(expected);
      expect(loaded.every((r) => r.tableId === T1)).toBe(true);
      expect(waves.at(-1)).toBe(BUCKETS_PER_TABLE);
      expect(waves.length).toBeGreaterThanOrEqual(Math.ceil(BUCKETS_PER_TABLE / maxWave));
      if (maxWave === 1) expect(waves).toEqual(Array.from({ length: 1024 }, (_, i) => i + 1));
    }
    expect((await loadAllRecords(db, T2, { maxWave: 3 })).map((r) => r.id)).toEqual([
      'rec_other0',
      'rec_other1',
      'rec_other2',
    ]);
    db.close();
  });

  it('grows its waves from the first one when reading is cheap, never beyond maxWave', async () => {
    const db = await openFreshDb();
    await bulkInsertRecords(db, awkwardRecords(2_000));
    const sizes: number[] = [];
    let last = 0;
    const loaded = await readAllBuckets(db, T1, {
      firstWave: 2,
      maxWave: 64,
      waveMs: 1_000,
      onWave: (read) => {
        sizes.push(read - last);
        last = read;
      },
    });
    expect(loaded).toHaveLength(2_000);
    expect(sizes[0]).toBe(2);
    // Each wave is sized when issued, at most twice the largest measured before it.
    sizes.forEach((size, i) =>
      expect(size).toBeLessThanOrEqual(2 * Math.max(2, ...sizes.slice(0, i))),
    );
    expect(Math.max(...sizes)).toBe(64);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(BUCKETS_PER_TABLE);
    db.close();
  });

  it("takes small buckets' results in on background tasks, after the interface's own", async () => {
    const db = await openFreshDb();
    await bulkInsertRecords(db, awkwardRecords(2_000));
    const posted: string[] = [];
    const global = globalThis as { scheduler?: unknown };
    global.scheduler = {
      postTask: (cb: () => void, options: { priority: string }) => {
        posted.push(options.priority);
        return new Promise((resolve) => setTimeout(() => resolve(cb()), 0));
      },
    };
    try {
      let waves = 0;
      const loaded = await readAllBuckets(db, T1, { maxWave: 16, onWave: () => waves++ });
      expect(loaded).toHaveLength(2_000);
      // The first result is taken in as it comes (it tells the buckets' size); the rest wait.
      expect(posted).toEqual(Array.from({ length: waves - 1 }, () => 'background'));
    } finally {
      delete global.scheduler;
      db.close();
    }
  });

  it('sees all or none of a write made by another connection while it reads', async () => {
    const db = await openFreshDb();
    const before = awkwardRecords(3_000);
    await bulkInsertRecords(db, before);
    const writer = new WorkspaceDb(db.workspaceId);
    await writer.open();
    const added = Array.from({ length: 3_000 }, (_, i) =>
      makeRecord(`rec_new${i}`, T1, 10_000 + i),
    );
    let write: Promise<void> | undefined;
    let read = 0;
    let readWhenWritten = -1;
    const loaded = await loadAllRecords(db, T1, {
      maxWave: 1,
      onWave: (n) => {
        read = n;
        if (n !== 5) return;
        // Every bucket gets new records: a load made of several snapshots would see some.
        write = bulkInsertRecords(writer, added).then(() => void (readWhenWritten = read));
      },
    });
    expect(write).toBeDefined();
    await write;
    const seen = loaded.filter((r) => r.id.startsWith('rec_new')).length;
    expect([0, added.length]).toContain(seen);
    expect(loaded).toHaveLength(before.length + seen);
    // The writer waited for the read transaction (IndexedDB orders overlapping transactions).
    expect(seen).toBe(0);
    expect(readWhenWritten).toBe(BUCKETS_PER_TABLE);
    expect(await loadAllRecords(db, T1)).toHaveLength(before.length + added.length);
    writer.close();
    db.close();
  });

  it('lets other tasks run between waves', async () => {
    const db = await openFreshDb();
    await bulkInsertRecords(db, awkwardRecords(2_000));
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks++;
      if (!done) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    await loadAllRecords(db, T1, { maxWave: 4 });
    done = true;
    expect(ticks).toBeGreaterThan(5);
    db.close();
  });

  it('reads an empty table and a database opened lazily', async () => {
    const db = await openFreshDb();
    expect(await loadAllRecords(db, T1)).toEqual([]);
    await bulkInsertRecords(db, [makeRecord('rec_x', T1, 1)]);
    const lazy = new WorkspaceDb(db.workspaceId);
    expect((await loadAllRecords(lazy, T1)).map((r) => r.id)).toEqual(['rec_x']);
    lazy.close();
    db.close();
  });

  it('refuses a closed database like Dexie does (a "blocked" storage error)', async () => {
    const db = await openFreshDb();
    db.close();
    const failure = await loadAllRecords(db, T1).catch((err: unknown) => err);
    expect(classifyStorageError(failure)).toBe('blocked');
  });
});

describe('wave planning', () => {
  const plan = { waveMs: 8, maxWave: BUCKETS_PER_TABLE };

  it('sizes waves from the measured cost: ~2 buckets at 1M rows, ~22 at 100k', () => {
    // ~3 µs per record: ~3 ms per bucket of 1,000 (1M rows) and ~0.35 ms per bucket of 100.
    expect(nextWaveSize({ ...plan, perRecord: 0.003, recordsPerBucket: 1_000, last: 64 })).toBe(2);
    expect(nextWaveSize({ ...plan, perRecord: 0.0035, recordsPerBucket: 100, last: 64 })).toBe(22);
  });

  it('grows by doubling at most, shrinks at once, and stays within 1..maxWave', () => {
    expect(nextWaveSize({ ...plan, perRecord: 0.0001, recordsPerBucket: 100, last: 4 })).toBe(8);
    expect(nextWaveSize({ ...plan, perRecord: 1, recordsPerBucket: 1_000, last: 50 })).toBe(1);
    expect(
      nextWaveSize({ ...plan, perRecord: 0.0001, recordsPerBucket: 10, last: 64, maxWave: 16 }),
    ).toBe(16);
  });

  it('caps a wave at 25,000 records even when the cost measures as nothing', () => {
    expect(nextWaveSize({ ...plan, perRecord: 0, recordsPerBucket: 1_000, last: 512 })).toBe(25);
    expect(nextWaveSize({ ...plan, perRecord: undefined, recordsPerBucket: 0, last: 8 })).toBe(16);
  });

  it('lets one slow wave raise the cost estimate by 60 % at most', () => {
    expect(smoothCost(undefined, 0.004)).toBe(0.004);
    expect(smoothCost(0.002, 0.1)).toBeCloseTo(0.002 * 1.6);
    expect(smoothCost(0.002, 0.001)).toBeCloseTo(0.0017);
  });

  it('keeps what is in flight within `ahead` waves of cost, one request before that is known', () => {
    expect(mayIssue(0, 500, 8, undefined)).toBe(true);
    expect(mayIssue(1, 16, 8, undefined)).toBe(false);
    expect(mayIssue(2, 24, 8, 3)).toBe(true);
    expect(mayIssue(2, 25, 8, 3)).toBe(false);
    expect(mayIssue(5, 64, 8, 8)).toBe(true);
    expect(mayIssue(16, 1, 8, 8)).toBe(false);
  });

  it('reads fewer waves ahead when buckets are large (their results arrive together)', () => {
    const bucket = (n: number, text: string) => ({
      key: `${T1}:0001`,
      tableId: T1,
      records: Array.from({ length: n }, (_, i) =>
        makeRecord(`rec_${i}`, T1, i, { [F_NAME]: text }),
      ),
    });
    expect(wavesAheadFor([])).toBeUndefined();
    expect(wavesAheadFor([bucket(0, '')])).toBeUndefined();
    expect(wavesAheadFor([bucket(0, ''), bucket(100, '王小明')])).toBe(8);
    expect(wavesAheadFor([bucket(1_000, '王小明')])).toBe(3);
    expect(JSON.stringify(bucket(1_000, '王小明')).length).toBeGreaterThan(96_000);
    expect(JSON.stringify(bucket(100, '王小明')).length).toBeLessThan(96_000);
  });

  describe('results that arrive together', () => {
    /**
     * A database whose requests the test answers by hand, several in one go if it likes, with
     * buckets of records whose names are `textLength` characters long.
     */
    function handDb(textLength = 1) {
      const requests: { onsuccess: (() => void) | null; answer: (n: number) => void }[] = [];
      const reads: { request: number; drained: () => boolean }[] = [];
      const tx = {
        oncomplete: null as (() => void) | null,
        onabort: null as (() => void) | null,
        error: null,
        objectStore: () => ({
          getAll: () => {
            const index = requests.length;
            let buckets: RecordBucket[] = [];
            const request = {
              onsuccess: null as (() => void) | null,
              answer: (n: number) => {
                buckets = [
                  {
                    key: `${T1}:x`,
                    tableId: T1,
                    records: Array.from({ length: n }, (_, i) =>
                      makeRecord(`rec_${index}_${i}`, T1, index * 1000 + i, {
                        [F_NAME]: 'x'.repeat(textLength),
                      }),
                    ),
                  },
                ];
                request.onsuccess?.();
              },
              get result() {
                // Microtasks queued here have run once the next task starts.
                let drained = false;
                queueMicrotask(() => void (drained = true));
                reads.push({ request: index, drained: () => drained });
                return buckets;
              },
            };
            requests.push(request);
            return request;
          },
        }),
      };
      const db = {
        hasBeenClosed: () => false,
        isOpen: () => true,
        backendDB: () => ({ transaction: () => tx }),
      } as unknown as WorkspaceDb;
      return { db, tx, requests, reads };
    }

    const settle = () => new Promise((r) => setTimeout(r, 20));

    it('takes small buckets in a task each, in arrival order, and ends once all are in', async () => {
      const { db, tx, requests, reads } = handDb();
      let loaded: TableRecord[] | undefined;
      const waves: number[] = [];
      void readAllBuckets(db, T1, {
        firstWave: 256,
        maxWave: 256,
        waveMs: 1_000,
        onWave: (n) => waves.push(n),
      }).then((r) => (loaded = r));
      expect(requests).toHaveLength(1);
      // The first result is taken in at once (it tells how large buckets are), then the rest
      // of the table is asked for.
      requests[0]!.answer(3);
      expect(reads.map((r) => r.request)).toEqual([0]);
      expect(requests).toHaveLength(4);
      // Three answers delivered together, in one task, and the transaction completes with them.
      requests[1]!.answer(3);
      requests[2]!.answer(3);
      requests[3]!.answer(3);
      tx.oncomplete?.();
      expect(reads).toHaveLength(1);
      expect(loaded).toBeUndefined();
      await settle();
      expect(reads.map((r) => r.request)).toEqual([0, 1, 2, 3]);
      // Each read began after the microtasks of the one before had run: a new task.
      for (const read of reads.slice(0, -1)) expect(read.drained()).toBe(true);
      expect(waves).toEqual([256, 512, 768, 1024]);
      expect(loaded?.map((r) => r.id)).toEqual(
        [0, 1, 2, 3].flatMap((q) => [0, 1, 2].map((i) => `rec_${q}_${i}`)),
      );
    });

    it('takes large buckets in a task each too, fewer waves ahead', async () => {
      const { db, tx, requests, reads } = handDb(100_000);
      const read = readAllBuckets(db, T1, { firstWave: 256, maxWave: 256, waveMs: 1_000 });
      requests[0]!.answer(1);
      // Large buckets: three waves ahead (eight for small ones).
      expect(requests).toHaveLength(4);
      // Results handed over together (as Chromium does once their blobs are read) are not read
      // in the task that delivers them: one task each, so their cost does not add up.
      requests[1]!.answer(1);
      requests[2]!.answer(1);
      requests[3]!.answer(1);
      expect(reads.map((r) => r.request)).toEqual([0]);
      tx.oncomplete?.();
      await settle();
      expect(reads.map((r) => r.request)).toEqual([0, 1, 2, 3]);
      for (const r of reads.slice(0, -1)) expect(r.drained()).toBe(true);
      expect(await read).toHaveLength(4);
    });

    it('drops what is still waiting when the transaction aborts', async () => {
      const { db, tx, requests, reads } = handDb();
      const read = readAllBuckets(db, T1, { firstWave: 512, maxWave: 512, waveMs: 1_000 });
      requests[0]!.answer(2);
      requests[1]!.answer(2);
      tx.onabort?.();
      await expect(read).rejects.toThrow(BucketReadAbortedError);
      await settle();
      expect(reads.map((r) => r.request)).toEqual([0]);
    });
  });
});
