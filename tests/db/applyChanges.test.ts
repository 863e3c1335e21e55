import { invertCommand, type Change, type Command } from '../../src/domain/changes';
import type { FieldId, RecordId, TableId, WorkspaceId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import { applyChanges } from '../../src/db/applyChanges';
import { BUCKETS_PER_TABLE } from '../../src/db/buckets';
import { StorageQuotaError } from '../../src/db/errors';
import { getRecords, loadAllRecords } from '../../src/db/repository';
import { WorkspaceDb } from '../../src/db/schema';
import {
  dumpDb,
  F_NAME,
  F_PHONE,
  F_SPEND,
  makeField,
  makeMeta,
  makeRecord,
  makeTable,
  makeView,
  openFreshDb,
  T1,
  T2,
} from './helpers';

const NOW = 99_999;
const R1 = makeRecord('rec_1', T1, 0, { [F_NAME]: '李雷', [F_PHONE]: '013800000001' });
const R2 = makeRecord('rec_2', T1, 1, { [F_NAME]: '韩梅梅' });

/** A small workspace: one table, two fields, one view, two records. */
async function seed(db: WorkspaceDb): Promise<void> {
  await applyChanges(db, [
    { kind: 'meta', before: makeMeta(db.workspaceId), after: makeMeta(db.workspaceId) },
    { kind: 'table', id: T1, after: makeTable(T1, 0) },
    { kind: 'field', id: F_NAME, after: makeField(F_NAME, T1) },
    { kind: 'field', id: F_PHONE, after: makeField(F_PHONE, T1) },
    { kind: 'view', id: makeView('viw_1', T1).id, after: makeView('viw_1', T1) },
    { kind: 'record', id: R1.id, after: R1 },
    { kind: 'record', id: R2.id, after: R2 },
  ]);
}

function cell(recordId: RecordId, fieldId: FieldId, before: unknown, after: unknown): Change {
  return { kind: 'cell', tableId: T1, recordId, fieldId, before, after } as Change;
}

const view1 = makeView('viw_1', T1);
/** Meta cases are built before the db exists; the test swaps in the real id. */
const PLACEHOLDER = 'wsp_placeholder' as WorkspaceId;
const wsp = () => PLACEHOLDER;
const cases: { name: string; changes: Change[] }[] = [
  {
    name: 'meta update',
    changes: [
      {
        kind: 'meta',
        before: makeMeta(wsp()),
        after: { ...makeMeta(wsp()), name: '新名字', language: 'en' },
      },
    ],
  },
  { name: 'table create', changes: [{ kind: 'table', id: T2, after: makeTable(T2, 1, '订单') }] },
  {
    name: 'table rename',
    changes: [{ kind: 'table', id: T1, before: makeTable(T1, 0), after: makeTable(T1, 0, '会员') }],
  },
  { name: 'table delete', changes: [{ kind: 'table', id: T1, before: makeTable(T1, 0) }] },
  {
    name: 'field create',
    changes: [{ kind: 'field', id: F_SPEND, after: makeField(F_SPEND, T1) }],
  },
  {
    name: 'field update',
    changes: [
      {
        kind: 'field',
        id: F_PHONE,
        before: makeField(F_PHONE, T1),
        after: { ...makeField(F_PHONE, T1), type: 'phone' },
      },
    ],
  },
  {
    name: 'field delete',
    changes: [{ kind: 'field', id: F_PHONE, before: makeField(F_PHONE, T1) }],
  },
  {
    name: 'view create',
    changes: [{ kind: 'view', id: makeView('viw_2', T1).id, after: makeView('viw_2', T1, 1) }],
  },
  {
    name: 'view update',
    changes: [
      {
        kind: 'view',
        id: view1.id,
        before: view1,
        after: { ...view1, sorts: [{ fieldId: F_NAME, direction: 'desc' }] },
      },
    ],
  },
  { name: 'view delete', changes: [{ kind: 'view', id: view1.id, before: view1 }] },
  {
    name: 'record create',
    changes: [
      {
        kind: 'record',
        id: 'rec_3' as RecordId,
        after: makeRecord('rec_3', T1, 2, { [F_NAME]: '王芳' }),
      },
    ],
  },
  {
    name: 'record update',
    changes: [{ kind: 'record', id: R2.id, before: R2, after: { ...R2, order: 7 } }],
  },
  { name: 'record delete', changes: [{ kind: 'record', id: R1.id, before: R1 }] },
  { name: 'cell change', changes: [cell(R1.id, F_NAME, '李雷', '李磊')] },
  { name: 'cell set where empty', changes: [cell(R2.id, F_PHONE, undefined, '+8613900000000')] },
  { name: 'cell clear', changes: [cell(R1.id, F_PHONE, '013800000001', undefined)] },
  { name: 'cell to null', changes: [cell(R1.id, F_PHONE, '013800000001', null)] },
];

describe('applyChanges: every kind, and its inverse', () => {
  for (const c of cases) {
    it(`${c.name} applies and its inverse restores the previous state`, async () => {
      const db = await openFreshDb();
      await seed(db);
      const before = await dumpDb(db);
      const changes = c.changes.map((ch) =>
        ch.kind === 'meta'
          ? {
              ...ch,
              before: { ...ch.before, id: db.workspaceId },
              after: { ...ch.after, id: db.workspaceId },
            }
          : ch,
      );
      const command: Command = { label: c.name, changes, at: NOW };
      await applyChanges(db, command.changes, NOW);
      const after = await dumpDb(db);
      expect(after).not.toEqual(before);
      expectChangeVisible(after, changes[0]!);

      await applyChanges(db, invertCommand(command).changes, NOW);
      const restored = await dumpDb(db);
      // A cell edit is itself a modification: modifiedAt moves forward, everything else is back.
      expect(stripModifiedAt(restored)).toEqual(stripModifiedAt(before));
      if (changes[0]!.kind !== 'cell') expect(restored).toEqual(before);
      db.close();
    });
  }
});

type Dump = Awaited<ReturnType<typeof dumpDb>>;

function expectChangeVisible(dump: Dump, change: Change): void {
  switch (change.kind) {
    case 'meta':
      expect(dump.meta).toEqual([change.after]);
      return;
    case 'cell': {
      const record = dump.records.find((r) => r.id === change.recordId)!;
      expect(record.modifiedAt).toBe(NOW);
      if (change.after === undefined) expect(change.fieldId in record.values).toBe(false);
      else expect(record.values[change.fieldId]).toEqual(change.after);
      return;
    }
    default: {
      const store = {
        table: dump.tables,
        field: dump.fields,
        view: dump.views,
        record: dump.records,
      }[change.kind];
      const row = (store as { id: string }[]).find((r) => r.id === change.id);
      expect(row).toEqual(change.after);
    }
  }
}

function stripModifiedAt(dump: Dump) {
  return { ...dump, records: dump.records.map(({ modifiedAt: _m, ...rest }) => rest) };
}

describe('applyChanges: folding a command', () => {
  it('ends in the same state as applying the changes one by one', async () => {
    const r3 = makeRecord('rec_3', T1, 2, { [F_NAME]: '王芳' });
    const changes: Change[] = [
      { kind: 'record', id: r3.id, after: r3 },
      cell(r3.id, F_PHONE, undefined, '555'),
      cell(R1.id, F_NAME, '李雷', 'A'),
      cell(R1.id, F_NAME, 'A', 'B'),
      cell(R1.id, F_PHONE, '013800000001', undefined),
      cell(R2.id, F_NAME, '韩梅梅', 'X'),
      { kind: 'record', id: R2.id, before: R2, after: { ...R2, order: 5 } },
      { kind: 'record', id: R1.id, before: R1 },
      cell(R1.id, F_NAME, 'B', 'C'),
      { kind: 'field', id: F_SPEND, after: makeField(F_SPEND, T1) },
      { kind: 'field', id: F_SPEND, before: makeField(F_SPEND, T1) },
    ];
    const folded = await openFreshDb();
    const sequential = await openFreshDb();
    await seed(folded);
    await seed(sequential);
    await applyChanges(folded, changes, NOW);
    for (const change of changes) await applyChanges(sequential, [change], NOW);
    const a = await dumpDb(folded);
    const b = await dumpDb(sequential);
    expect({ ...a, meta: [] }).toEqual({ ...b, meta: [] });
    expect(a.records.map((r) => r.id)).toEqual(['rec_2', 'rec_3']);
    expect(a.records[0]!.values[F_NAME]).toBe('韩梅梅');
    expect(a.records[1]!.values).toEqual({ [F_NAME]: '王芳', [F_PHONE]: '555' });
    expect(a.fields.map((f) => f.id)).toEqual([F_NAME, F_PHONE]);
    folded.close();
    sequential.close();
  });

  it('never mutates the objects in the command (they live on the undo stack)', async () => {
    const db = await openFreshDb();
    await seed(db);
    const r3 = makeRecord('rec_3', T1, 2, { [F_NAME]: '王芳' });
    const copy = structuredClone(r3);
    await applyChanges(
      db,
      [{ kind: 'record', id: r3.id, after: r3 }, cell(r3.id, F_NAME, '王芳', '改')],
      NOW,
    );
    expect(r3).toEqual(copy);
    db.close();
  });
});

describe('applyChanges: two tabs', () => {
  it('keeps both edits when two tabs change different cells of one record', async () => {
    const tabA = await openFreshDb();
    await seed(tabA);
    const tabB = new WorkspaceDb(tabA.workspaceId);
    await tabB.open();
    await Promise.all([
      applyChanges(tabA, [cell(R1.id, F_NAME, '李雷', '李磊')], NOW),
      applyChanges(tabB, [cell(R1.id, F_PHONE, '013800000001', '+8613800000001')], NOW + 1),
    ]);
    for (const db of [tabA, tabB]) {
      const [record] = await getRecords(db, T1, [R1.id]);
      expect(record).toBeDefined();
      expect(record!.values).toEqual({ [F_NAME]: '李磊', [F_PHONE]: '+8613800000001' });
    }
    tabA.close();
    tabB.close();
  });
});

describe('applyChanges: all or nothing', () => {
  it('leaves the database unchanged when a change in the middle fails', async () => {
    const db = await openFreshDb();
    await seed(db);
    const before = await dumpDb(db);
    const broken = { ...makeRecord('x', T1, 9), id: undefined } as unknown as TableRecord;
    const changes: Change[] = [
      { kind: 'table', id: T2, after: makeTable(T2, 1) },
      cell(R1.id, F_NAME, '李雷', '不该写入'),
      { kind: 'record', id: 'rec_ok' as RecordId, after: makeRecord('rec_ok', T1, 3) },
      { kind: 'record', id: 'rec_bad' as RecordId, after: broken },
      { kind: 'field', id: F_SPEND, after: makeField(F_SPEND, T1) },
    ];
    await expect(applyChanges(db, changes, NOW)).rejects.toThrow();
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  it('turns a quota failure into StorageQuotaError and writes nothing', async () => {
    const db = await openFreshDb();
    await seed(db);
    const before = await dumpDb(db);
    const spy = vi
      .spyOn(db.recordBuckets, 'bulkPut')
      .mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));
    const changes: Change[] = [
      { kind: 'table', id: T2, after: makeTable(T2, 1) },
      { kind: 'record', id: 'rec_3' as RecordId, after: makeRecord('rec_3', T1, 2) },
    ];
    await expect(applyChanges(db, changes, NOW)).rejects.toBeInstanceOf(StorageQuotaError);
    spy.mockRestore();
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  it('writes a 20,000-record command in one transaction', async () => {
    const db = await openFreshDb();
    const changes: Change[] = [];
    for (let i = 0; i < 20_000; i++) {
      const r = makeRecord(`rec_${String(i).padStart(6, '0')}`, T2 as TableId, i, {
        [F_NAME]: `n${i}`,
      });
      changes.push({ kind: 'record', id: r.id, after: r });
    }
    const spy = vi.spyOn(db, 'transaction');
    const started = performance.now();
    await applyChanges(db, changes, NOW);
    const elapsed = performance.now() - started;
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await loadAllRecords(db, T2 as TableId)).toHaveLength(20_000);
    expect(await db.recordBuckets.count()).toBe(BUCKETS_PER_TABLE);
    expect(elapsed).toBeLessThan(15_000);
    db.close();
  });
});

describe('applyChanges: records in buckets', () => {
  it('spreads a table over its buckets and removes a bucket when its last record goes', async () => {
    const db = await openFreshDb();
    const records = Array.from({ length: 3_000 }, (_, i) => makeRecord(`rec_${i}`, T1, i));
    await applyChanges(
      db,
      records.map((r): Change => ({ kind: 'record', id: r.id, after: r })),
      NOW,
    );
    const buckets = await db.recordBuckets.toArray();
    expect(buckets.length).toBeGreaterThan(BUCKETS_PER_TABLE * 0.9);
    expect(Math.max(...buckets.map((b) => b.records.length))).toBeLessThan(20);
    const victim = buckets[0]!;
    await applyChanges(
      db,
      victim.records.map((r): Change => ({ kind: 'record', id: r.id, before: r })),
      NOW,
    );
    expect(await db.recordBuckets.get(victim.key)).toBeUndefined();
    expect(await loadAllRecords(db, T1)).toHaveLength(3_000 - victim.records.length);
    db.close();
  });

  it('ignores a cell edit of a record that is not stored, and keeps the other records', async () => {
    const db = await openFreshDb();
    await seed(db);
    const before = await dumpDb(db);
    await applyChanges(db, [cell('rec_gone' as RecordId, F_NAME, undefined, 'x')], NOW);
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  it('rejects a record change whose record carries another id, writing nothing', async () => {
    const db = await openFreshDb();
    await seed(db);
    const before = await dumpDb(db);
    const wrong: Change = { kind: 'record', id: 'rec_9' as RecordId, after: R1 };
    await expect(applyChanges(db, [wrong], NOW)).rejects.toThrow(/carries record rec_1/);
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  it('replaceAll empties every store in the same transaction', async () => {
    const db = await openFreshDb();
    await seed(db);
    const meta = makeMeta(db.workspaceId, '新店');
    const r = makeRecord('rec_new', T2, 0);
    await applyChanges(
      db,
      [
        { kind: 'meta', before: meta, after: meta },
        { kind: 'table', id: T2, after: makeTable(T2, 0) },
        { kind: 'record', id: r.id, after: r },
      ],
      NOW,
      { replaceAll: true },
    );
    const dump = await dumpDb(db);
    expect(dump).toEqual({
      meta: [meta],
      tables: [makeTable(T2, 0)],
      fields: [],
      views: [],
      records: [r],
    });
    db.close();
  });
});
