import Dexie from 'dexie';
import type { RecordId, TableId, WorkspaceId } from '../../src/domain/ids';
import { bucketKeyOf, bucketNumberOf } from '../../src/db/buckets';
import { loadAllRecords, loadEveryRecord, loadSchema } from '../../src/db/repository';
import {
  CURRENT_SCHEMA_VERSION,
  getWorkspaceDbName,
  SCHEMA_V1,
  WorkspaceDb,
} from '../../src/db/schema';
import {
  V1_EXPECTED_ORDER,
  V1_FIELDS,
  V1_META,
  V1_RECORDS,
  V1_STORES,
  V1_TABLES,
  V1_VIEWS,
  writeV1Database,
} from '../fixtures/db/workspaceV1';
import { nextWorkspaceId } from './helpers';

async function openMigrated(): Promise<WorkspaceDb> {
  const id: WorkspaceId = nextWorkspaceId();
  await writeV1Database(getWorkspaceDbName(id));
  const db = new WorkspaceDb(id);
  await db.open();
  return db;
}

describe('schema history', () => {
  it('keeps the shipped version 1 definition unchanged', () => {
    expect(SCHEMA_V1).toEqual(V1_STORES);
  });

  it('keeps the stored bucket of a record id unchanged (FNV-1a of the id, modulo 1,024)', () => {
    const ids = ['rec_0', 'rec_bench000001', 'rec_k3j9x0q2m1zz', 'rec_顾客'] as RecordId[];
    expect(ids.map(bucketNumberOf)).toEqual([726, 683, 816, 834]);
  });

  it('the fixture really is a v1 database without order', async () => {
    const name = getWorkspaceDbName(nextWorkspaceId());
    await writeV1Database(name);
    const raw = new Dexie(name);
    await raw.open(); // dynamic mode: opens whatever version is stored
    expect(raw.verno).toBe(1);
    const rows = await raw.table('records').toArray();
    expect(rows).toHaveLength(V1_RECORDS.length);
    expect(rows.every((r: { order?: number }) => r.order === undefined)).toBe(true);
    raw.close();
  });
});

describe('migration v1 → current', () => {
  it('upgrades to the current version: records in buckets, the one-per-record store gone', async () => {
    const db = await openMigrated();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('records');
    const buckets = await db.recordBuckets.toArray();
    for (const bucket of buckets) {
      expect(bucket.records.length).toBeGreaterThan(0);
      for (const r of bucket.records) {
        expect(r.tableId).toBe(bucket.tableId);
        expect(bucket.key).toBe(bucketKeyOf(r.tableId, r.id));
      }
    }
    db.close();
  });

  it('keeps every row of every store', async () => {
    const db = await openMigrated();
    const schema = await loadSchema(db);
    expect(schema.meta).toEqual(V1_META);
    expect(schema.tables).toEqual(V1_TABLES);
    expect(schema.fields).toEqual(expect.arrayContaining(V1_FIELDS));
    expect(schema.fields).toHaveLength(V1_FIELDS.length);
    expect(schema.views).toEqual(V1_VIEWS);
    const records = await loadEveryRecord(db);
    expect(records).toHaveLength(V1_RECORDS.length);
    for (const old of V1_RECORDS) {
      const now = records.find((r) => r.id === old.id);
      expect(now).toEqual({ ...old, order: expect.any(Number) });
    }
    db.close();
  });

  it('backfills order per table by createdAt, ties by id', async () => {
    const db = await openMigrated();
    for (const [tableId, expectedIds] of Object.entries(V1_EXPECTED_ORDER)) {
      const records = await loadAllRecords(db, tableId as TableId);
      expect(records.map((r) => r.id)).toEqual(expectedIds);
      expect(records.map((r) => r.order)).toEqual(expectedIds.map((_, i) => i));
    }
    db.close();
  });

  it('opening an already migrated database again changes nothing', async () => {
    const db = await openMigrated();
    const before = await db.recordBuckets.toArray();
    db.close();
    const again = new WorkspaceDb(db.workspaceId);
    await again.open();
    expect(await again.recordBuckets.toArray()).toEqual(before);
    again.close();
  });
});
