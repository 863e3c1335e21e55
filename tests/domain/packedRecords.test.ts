import type { FieldId, RecordId, TableId } from '../../src/domain/ids';
import type { CellValue, TableRecord } from '../../src/domain/model';
import {
  cellOf,
  LazyRecord,
  packRecords,
  transferablesOf,
  unpackRecords,
} from '../../src/domain/packedRecords';
import { createRandom } from '../../src/domain/random';

const T = 'tbl_packed' as TableId;
const f = (name: string) => `fld_${name}` as FieldId;

function rec(i: number, values: Partial<Record<FieldId, CellValue>>): TableRecord {
  return {
    id: `rec_${i}` as RecordId,
    tableId: T,
    order: i / 2,
    values,
    createdAt: 1_736_931_600_000 + i,
    modifiedAt: 1_736_931_700_000 - i,
  };
}

/** Every kind of value a cell can hold, and a few a cell should not but may. */
const awkward: TableRecord[] = [
  rec(0, { [f('a')]: 0, [f('b')]: '', [f('c')]: null, [f('d')]: true }),
  rec(1, { [f('a')]: -0, [f('b')]: '王小明 "引号"', [f('d')]: false, [f('e')]: [] }),
  rec(2, { [f('a')]: 1234.5678, [f('e')]: ['opt_a', 'b,c', '"x"'], [f('f')]: { invalid: 'abc' } }),
  rec(3, { [f('a')]: Number.MAX_SAFE_INTEGER, [f('f')]: { invalid: '' }, [f('g')]: undefined }),
  rec(4, {}),
  rec(5, { [f('b')]: '😀 emoji', [f('a')]: -1e-9, [f('h')]: { other: 1 } as unknown as CellValue }),
  rec(6, { [f('a')]: 'mixed with text', [f('b')]: 7, [f('c')]: ['list', 'in', 'c'] }),
];

function expectSame(got: readonly TableRecord[], want: readonly TableRecord[]): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    const w = want[i] as TableRecord;
    expect(g.id).toBe(w.id);
    expect(g.tableId).toBe(w.tableId);
    expect(g.order).toBe(w.order);
    expect(g.createdAt).toBe(w.createdAt);
    expect(g.modifiedAt).toBe(w.modifiedAt);
    expect(Object.keys(g.values).sort()).toEqual(Object.keys(w.values).sort());
    for (const key of Object.keys(w.values) as FieldId[]) {
      const [a, b] = [g.values[key], w.values[key]];
      if (typeof b === 'number') expect(Object.is(a, b)).toBe(true);
      else expect(a).toEqual(b);
      expect(cellOf(g, key)).toEqual(b);
    }
  });
}

describe('packed records', () => {
  it('give back every record as it was packed, every kind of value included', () => {
    const lazy = unpackRecords(packRecords(T, awkward));
    expect(lazy.every((r) => r instanceof LazyRecord)).toBe(true);
    expectSame(lazy, awkward);
    expect(Object.is(cellOf(lazy[1] as TableRecord, f('a')), -0)).toBe(true);
    expect(cellOf(lazy[4] as TableRecord, f('a'))).toBeUndefined();
    expect(cellOf(lazy[0] as TableRecord, f('nowhere'))).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call((lazy[3] as TableRecord).values, f('g'))).toBe(
      true,
    );
  });

  it('survive being handed to another thread, their buffers moved', () => {
    const chunk = packRecords(T, awkward);
    const transfer = transferablesOf(chunk);
    expect(transfer.length).toBeGreaterThan(5);
    const moved = structuredClone(chunk, { transfer });
    expect(chunk.order.byteLength).toBe(0);
    expectSame(unpackRecords(moved), awkward);
  });

  it('keep their values when a lazy record is spread, cloned or written as JSON', () => {
    const [lazy] = unpackRecords(packRecords(T, [awkward[2] as TableRecord]));
    const record = lazy as TableRecord;
    const spread = { ...record };
    expect(Object.getPrototypeOf(spread)).toBe(Object.prototype);
    expectSame([spread], [awkward[2] as TableRecord]);
    expectSame([structuredClone(record)], [awkward[2] as TableRecord]);
    expectSame([JSON.parse(JSON.stringify(record)) as TableRecord], [awkward[2] as TableRecord]);
    // `values` is made on each read: changing one copy changes nothing stored.
    (record.values as Record<string, CellValue>)[f('a')] = 1;
    expect(cellOf(record, f('a'))).toBe(1234.5678);
    expect(() => ((record as { values: unknown }).values = {})).toThrow(TypeError);
  });

  it('pack repeated and unique texts alike, in chunks of any size (random tables)', () => {
    const random = createRandom(20261124).next;
    const cities = ['上海', '北京', '杭州', '', '成都'];
    for (let round = 0; round < 20; round++) {
      const n = Math.floor(random() * 300);
      const records = Array.from({ length: n }, (_, i) => {
        const values: Partial<Record<FieldId, CellValue>> = {};
        if (random() < 0.9)
          values[f('city')] = cities[Math.floor(random() * cities.length)] as string;
        if (random() < 0.7) values[f('phone')] = `13${Math.floor(random() * 1e9)}`;
        if (random() < 0.5) values[f('spend')] = Math.round(random() * 1e6) / 100;
        if (random() < 0.3) values[f('tags')] = cities.filter(() => random() < 0.4);
        if (random() < 0.1) values[f('spend')] = null;
        return rec(i, values);
      });
      expectSame(unpackRecords(packRecords(T, records)), records);
    }
  });
});
