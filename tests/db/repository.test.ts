import type { RecordId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import { applyChanges } from '../../src/db/applyChanges';
import {
  bulkInsertRecords,
  DuplicateRecordError,
  deleteTableData,
  getRecords,
  loadAllRecords,
  loadSchema,
} from '../../src/db/repository';
import {
  F_NAME,
  makeField,
  makeMeta,
  makeRecord,
  makeTable,
  makeView,
  openFreshDb,
  T1,
  T2,
} from './helpers';

/** Records of two tables, inserted in scrambled order. */
function scrambledRecords(): TableRecord[] {
  const orders = [5, 2, 9, 0, 7, 1, 3, 8, 6, 4];
  const t1 = orders.map((o) => makeRecord(`rec_a${o}`, T1, o, { [F_NAME]: `a${o}` }));
  const t2 = [2, 0, 1].map((o) => makeRecord(`rec_b${o}`, T2, o));
  return [...t1.slice(0, 4), ...t2, ...t1.slice(4)];
}

describe('record reads', () => {
  it('loadAllRecords returns one table in order', async () => {
    const db = await openFreshDb();
    await bulkInsertRecords(db, scrambledRecords());
    const all = await loadAllRecords(db, T1);
    expect(all.map((r) => r.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.every((r) => r.tableId === T1)).toBe(true);
    expect((await loadAllRecords(db, T2)).map((r) => r.id)).toEqual(['rec_b0', 'rec_b1', 'rec_b2']);
    db.close();
  });

  it('loadAllRecords orders gaps, fractional positions and ties (by id) like the old index', async () => {
    const cases: [string, number[]][] = [
      ['gaps', [40, 3, 17, 0, 9]],
      ['fractions', [2, 0.5, 1, -1, 1.25]],
      ['ties', [1, 0, 1, 1, 0]],
      ['wide', [1_000_000, 0, 5]],
    ];
    for (const [name, orders] of cases) {
      const db = await openFreshDb();
      const records = orders.map((o, i) => makeRecord(`rec_${name}_${4 - i}`, T1, o));
      await bulkInsertRecords(db, records);
      const expected = [...records]
        .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
        .map((r) => r.id);
      expect((await loadAllRecords(db, T1)).map((r) => r.id)).toEqual(expected);
      db.close();
    }
  });

  it('getRecords returns the records that exist, in the order asked', async () => {
    const db = await openFreshDb();
    await bulkInsertRecords(db, scrambledRecords());
    const ids = ['rec_a7', 'rec_missing', 'rec_b1'] as RecordId[];
    expect((await getRecords(db, T1, ids)).map((r) => r.id)).toEqual(['rec_a7']);
    expect((await getRecords(db, T2, ids)).map((r) => r.id)).toEqual(['rec_b1']);
    const reversed = ['rec_a9', 'rec_a2', 'rec_a5'] as RecordId[];
    expect((await getRecords(db, T1, reversed)).map((r) => r.id)).toEqual(reversed);
    expect(await getRecords(db, T1, [])).toEqual([]);
    db.close();
  });
});

describe('bulkInsertRecords', () => {
  it('inserts 10,000 records in one go, readable in order', async () => {
    const db = await openFreshDb();
    const records = Array.from({ length: 10_000 }, (_, i) =>
      makeRecord(`rec_${String(9_999 - i).padStart(5, '0')}`, T1, 9_999 - i, {
        [F_NAME]: `客户${i}`,
      }),
    );
    await bulkInsertRecords(db, records);
    const all = await loadAllRecords(db, T1);
    expect(all).toHaveLength(10_000);
    expect(all[0]!.id).toBe('rec_00000');
    expect(all[9_999]!.values[F_NAME]).toBe('客户0');
    expect(all.every((r, i) => r.order === i)).toBe(true);
    db.close();
  });

  it('inserts nothing when one record of the batch fails', async () => {
    const db = await openFreshDb();
    await bulkInsertRecords(db, [makeRecord('rec_dup', T1, 0)]);
    const batch = [
      makeRecord('rec_new1', T1, 1),
      makeRecord('rec_dup', T1, 2),
      makeRecord('rec_new2', T1, 3),
    ];
    await expect(bulkInsertRecords(db, batch)).rejects.toBeInstanceOf(DuplicateRecordError);
    expect((await loadAllRecords(db, T1)).map((r) => r.id)).toEqual(['rec_dup']);
    const twice = [makeRecord('rec_x', T1, 4), makeRecord('rec_x', T1, 5)];
    await expect(bulkInsertRecords(db, twice)).rejects.toBeInstanceOf(DuplicateRecordError);
    expect(await loadAllRecords(db, T1)).toHaveLength(1);
    db.close();
  });
});

describe('schema reads', () => {
  it('loadSchema returns meta, and tables and views sorted by order', async () => {
    const db = await openFreshDb();
    expect(await loadSchema(db)).toEqual({ meta: undefined, tables: [], fields: [], views: [] });
    const meta = makeMeta(db.workspaceId);
    await applyChanges(db, [
      { kind: 'meta', before: meta, after: meta },
      { kind: 'table', id: T2, after: makeTable(T2, 1, '订单') },
      { kind: 'table', id: T1, after: makeTable(T1, 0) },
      { kind: 'field', id: F_NAME, after: makeField(F_NAME, T1) },
      { kind: 'view', id: makeView('viw_b', T1).id, after: makeView('viw_b', T1, 1) },
      { kind: 'view', id: makeView('viw_a', T1).id, after: makeView('viw_a', T1, 0) },
    ]);
    const schema = await loadSchema(db);
    expect(schema.meta).toEqual(meta);
    expect(schema.tables.map((t) => t.id)).toEqual([T1, T2]);
    expect(schema.fields).toEqual([makeField(F_NAME, T1)]);
    expect(schema.views.map((v) => v.id)).toEqual(['viw_a', 'viw_b']);
    db.close();
  });

  it('deleteTableData removes the table with its fields, views and records only', async () => {
    const db = await openFreshDb();
    await applyChanges(db, [
      { kind: 'table', id: T1, after: makeTable(T1, 0) },
      { kind: 'table', id: T2, after: makeTable(T2, 1) },
      { kind: 'field', id: F_NAME, after: makeField(F_NAME, T1) },
      { kind: 'view', id: makeView('viw_a', T1).id, after: makeView('viw_a', T1) },
      { kind: 'view', id: makeView('viw_b', T2).id, after: makeView('viw_b', T2) },
    ]);
    await bulkInsertRecords(db, scrambledRecords());
    await deleteTableData(db, T1);
    const schema = await loadSchema(db);
    expect(schema.tables.map((t) => t.id)).toEqual([T2]);
    expect(schema.fields).toEqual([]);
    expect(schema.views.map((v) => v.id)).toEqual(['viw_b']);
    expect(await loadAllRecords(db, T1)).toEqual([]);
    expect(await loadAllRecords(db, T2)).toHaveLength(3);
    db.close();
  });
});
