import type { TableRecord } from '../../src/domain/model';
import { LazyRecord, type PackedChunk } from '../../src/domain/packedRecords';
import { readPackedTable, serveTableRead } from '../../src/db/packedReader';
import {
  readTableInWorker,
  TableReadError,
  type PackedReadReply,
  type PackedReadRequest,
  type ReaderPort,
} from '../../src/db/packedLoad';
import { bulkInsertRecords, loadAllRecords } from '../../src/db/repository';
import { compareRecordOrder } from '../../src/domain/records';
import { F_NAME, F_PHONE, F_SPEND, makeRecord, openFreshDb, T1, T2 } from './helpers';

function customers(count: number): TableRecord[] {
  return Array.from({ length: count }, (_, i) =>
    makeRecord(`rec_${(i * 2654435761) % 1_000_003}_${i}`, T1, (i * 7919) % count, {
      [F_NAME]: `客户${i}`,
      [F_PHONE]: i % 3 === 0 ? null : `138${String(i).padStart(8, '0')}`,
      [F_SPEND]: i % 4 === 0 ? i * 1.5 : { invalid: `¥${i}?` },
    }),
  );
}

const inOrder = (records: readonly TableRecord[]) => [...records].sort(compareRecordOrder);

/** A worker that runs the reader in this thread, as the worker would, one message per task. */
class InThreadWorker implements ReaderPort {
  onmessage: ((event: MessageEvent<PackedReadReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  static posted = 0;
  postMessage(message: PackedReadRequest): void {
    InThreadWorker.posted++;
    void serveTableRead(structuredClone(message), (reply, transfer) => {
      const copy = structuredClone(reply, { transfer });
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<PackedReadReply>);
      });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('reading a table packed', () => {
  it('hands every record of the table over once, in chunks of at most the size asked', async () => {
    const db = await openFreshDb();
    const records = customers(3_000);
    await bulkInsertRecords(db, [...records, makeRecord('rec_other', T2, 0, { [F_NAME]: 'x' })]);
    const chunks: PackedChunk[] = [];
    const total = await readPackedTable(db.backendDB(), T1, (c) => chunks.push(c), 500);
    expect(total).toBe(3_000);
    expect(chunks.length).toBeGreaterThanOrEqual(6);
    expect(chunks.every((c) => c.length > 0 && c.length <= 500 && c.tableId === T1)).toBe(true);
    const port = new InThreadWorker();
    const read = await readTableInWorker(db.name, T1, port);
    expect(port.terminated).toBe(true);
    expect(read.every((r) => r instanceof LazyRecord)).toBe(true);
    // Lazy records compare equal to the records stored: ids, orders, times and every value.
    expect(inOrder(read)).toEqual(inOrder(records));
    db.close();
  });

  it('reads a large table in a worker and a small one in the page, with the same records', async () => {
    const db = await openFreshDb();
    const records = customers(3_000);
    await bulkInsertRecords(db, records);
    const inPage = await loadAllRecords(db, T1, { reader: 'page' });
    expect(inPage.some((r) => r instanceof LazyRecord)).toBe(false);
    vi.stubGlobal('Worker', InThreadWorker);
    try {
      // ~3 records per bucket: a table of ~3,000 by its first bucket.
      const small = await loadAllRecords(db, T1, { workerFromRecords: 50_000 });
      expect(small.some((r) => r instanceof LazyRecord)).toBe(false);
      const large = await loadAllRecords(db, T1, { workerFromRecords: 1 });
      expect(large.every((r) => r instanceof LazyRecord)).toBe(true);
      expect(large.map((r) => r.id)).toEqual(inOrder(records).map((r) => r.id));
      expect(large).toEqual(inPage);
      expect(small).toEqual(inPage);
    } finally {
      vi.unstubAllGlobals();
    }
    db.close();
  });

  it('starts a read in a worker only once the page says its start-up is over', async () => {
    const db = await openFreshDb();
    await bulkInsertRecords(db, customers(500));
    vi.stubGlobal('Worker', InThreadWorker);
    try {
      let startUpOver = (): void => undefined;
      const gate = new Promise<void>((resolve) => (startUpOver = resolve));
      const before = InThreadWorker.posted;
      const read = loadAllRecords(db, T1, { reader: 'worker', workerStartsAfter: () => gate });
      await new Promise((r) => setTimeout(r, 50));
      expect(InThreadWorker.posted).toBe(before);
      startUpOver();
      expect(await read).toHaveLength(500);
      expect(InThreadWorker.posted).toBe(before + 1);
    } finally {
      vi.unstubAllGlobals();
    }
    db.close();
  });

  it('fails with the reader’s error, and when the reply misses records', async () => {
    const port = (...replies: PackedReadReply[]): ReaderPort & { terminated: boolean } => {
      const p = {
        onmessage: null as ((event: MessageEvent<PackedReadReply>) => void) | null,
        onerror: null,
        terminated: false,
        postMessage() {
          for (const data of replies) p.onmessage?.({ data } as MessageEvent<PackedReadReply>);
        },
        terminate() {
          p.terminated = true;
        },
      };
      return p;
    };
    const quota = port({ kind: 'failed', name: 'QuotaExceededError', message: 'full' });
    await expect(readTableInWorker('db', T1, quota)).rejects.toMatchObject({
      name: 'QuotaExceededError',
      message: 'full',
    });
    expect(quota.terminated).toBe(true);
    await expect(readTableInWorker('db', T1, port({ kind: 'done', total: 3 }))).rejects.toThrow(
      TableReadError,
    );
    const missing = new InThreadWorker();
    await expect(readTableInWorker('regulars-ws-nowhere', T1, missing)).rejects.toThrow();
  });
});
