import { describe, expect, it } from 'vitest';
import type { FieldId, RecordId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import type { FormulaTable, RowShift } from '../../src/state/formulaMirror';
import {
  dropRows,
  indexRecords,
  insertAt,
  rowBefore,
  shiftResults,
  shownValue,
  withoutRows,
} from '../../src/state/formulaMirror';
import { ResultColumn } from '../../src/engine/resultColumn';
import { RowIndex } from '../../src/state/formulaRowIndex';
import { runSlicedLoop } from '../../src/state/formulaValues';

const F = 'fld_f' as FieldId;
const ids = (n: number, prefix = 'rec_'): RecordId[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}` as RecordId);

function tableOf(rowIds: RecordId[], results: number[]): FormulaTable {
  return {
    rowIds,
    rowIndex: new RowIndex(new Map(rowIds.map((id, i) => [id, i]))),
    inputs: new Map(),
    formulas: new Map(),
    values: new Map(),
    lent: new Set(),
    shownIds: rowIds,
    pending: [],
    results: new Map([[F, ResultColumn.of(results)]]),
    types: new Map(),
    replies: Promise.resolve(),
    unsubscribe: () => undefined,
  };
}

/** Applies a row shift to a list the way the engine moves its rows. */
function shifted<T>(list: readonly T[], shift: RowShift, inserted: T[]): T[] {
  if (shift.kind === 'insert')
    return [...list.slice(0, shift.at), ...inserted, ...list.slice(shift.at)];
  return list.filter((_, i) => !shift.rows.includes(i));
}

describe('the row index', () => {
  it('is built in slices that let other tasks run between them', async () => {
    const records = ids(20_000).map((id) => ({ id }) as TableRecord);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const slow = (): void => {
      const until = performance.now() + 0.002;
      while (performance.now() < until);
    };
    // Each step made slow enough that 20,000 steps take ~40 ms: several 8 ms slices.
    await runSlicedLoop(records.length, slow, 8);
    const { ids: rowIds, index } = await indexRecords(records);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(1);
    expect(rowIds).toEqual(records.map((r) => r.id));
    expect(index.size).toBe(20_000);
    expect(index.get('rec_12345' as RecordId)).toBe(12345);
  });
});

describe('a sliced loop', () => {
  /** Steps per uninterrupted stretch: a microtask runs only when the loop yields. */
  async function stretches(checkEvery?: number): Promise<number[]> {
    const sizes: number[] = [];
    let open = false;
    const step = (i: number): void => {
      if (!open) {
        open = true;
        sizes.push(0);
        queueMicrotask(() => (open = false));
      }
      sizes[sizes.length - 1]! += 1;
      // Steps 0–15 are slow (a rehash, say): 3 ms each.
      if (i < 16) {
        const until = performance.now() + 3;
        while (performance.now() < until);
      }
    };
    await runSlicedLoop(64, step, 8, checkEvery);
    return sizes;
  }

  it('reads the clock every checkEvery steps, so slow steps cannot pile up in one slice', async () => {
    expect(await stretches()).toEqual([64]);
    const sizes = await stretches(4);
    expect(sizes.slice(0, 4)).toEqual([4, 4, 4, 4]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(64);
  });
});

describe('shown values while row changes are on their way', () => {
  it('map each current row back through the pending shifts to the rows shown', () => {
    // Shown: ten rows. Then, before any reply: insert 2 at 3, remove rows 0, 5 and 6, insert 1 at 7.
    const shown = ids(10);
    const t = tableOf(
      shown,
      shown.map((_, i) => i * 10),
    );
    const shifts: [RowShift, RecordId[]][] = [
      [{ kind: 'insert', at: 3, count: 2 }, ['rec_a', 'rec_b'] as RecordId[]],
      [{ kind: 'remove', rows: [0, 5, 6] }, []],
      [{ kind: 'insert', at: 7, count: 1 }, ['rec_c'] as RecordId[]],
    ];
    let current: RecordId[] = shown;
    for (const [shift, added] of shifts) {
      current = shifted(current, shift, added);
      t.pending.push(shift);
    }
    t.rowIds = current;
    t.rowIndex = new RowIndex(new Map(current.map((id, i) => [id, i])));
    for (const id of current) {
      const before = shown.indexOf(id);
      expect(shownValue(t, F, id)).toBe(before < 0 ? undefined : before * 10);
    }
    // rec_0 and the rows at 5 and 6 after the first insert (rec_3, rec_4) are gone.
    expect(current).not.toContain('rec_3');
    expect(shownValue(t, F, 'rec_3' as RecordId)).toBeUndefined();
  });

  it('undo a removal of many rows by binary search', () => {
    const rows = [0, 1, 4, 7, 8, 9, 15];
    const before = Array.from({ length: 20 }, (_, i) => i);
    const after = before.filter((r) => !rows.includes(r));
    after.forEach((b, a) => expect(rowBefore({ kind: 'remove', rows }, a)).toBe(b));
  });

  it('move the shown results with the rows, for small and large inserts', () => {
    const t = tableOf(ids(5), [0, 1, 2, 3, 4]);
    shiftResults(t, { kind: 'insert', at: 2, count: 2 });
    expect(t.results.get(F)?.toArray()).toEqual([0, 1, null, null, 2, 3, 4]);
    shiftResults(t, { kind: 'remove', rows: [0, 3, 6] });
    expect(t.results.get(F)?.toArray()).toEqual([1, null, 2, 3]);
    shiftResults(t, { kind: 'insert', at: 1, count: 5000 });
    const column = t.results.get(F)?.toArray() ?? [];
    expect(column).toHaveLength(5004);
    expect([column[0], column[1], column[5000], column[5001], column[5002], column[5003]]).toEqual([
      1,
      null,
      null,
      null,
      2,
      3,
    ]);
  });

  it('insert and remove without spreading arguments', () => {
    const big = Array.from({ length: 300_000 }, (_, i) => i);
    const out = insertAt([1, 2, 3], 1, big);
    expect(out).toHaveLength(300_003);
    expect([out[0], out[1], out[300_000], out[300_001]]).toEqual([1, 0, 299_999, 2]);
    expect(withoutRows([0, 1, 2, 3, 4, 5], [0, 2, 5])).toEqual([1, 3, 4]);
    expect(withoutRows([0, 1, 2], [])).toEqual([0, 1, 2]);
    const source = Array.from({ length: 100 }, (_, i) => i);
    const many = Array.from({ length: 30 }, (_, i) => i * 3);
    const kept = source.filter((i) => i % 3 !== 0 || i >= 90);
    expect(withoutRows(source, many)).toEqual(kept);
    expect(source).toHaveLength(100);
    expect(dropRows(source.slice(), many)).toEqual(kept);
    const few = source.slice();
    expect(dropRows(few, [1, 50, 99])).toBe(few);
    expect(few).toEqual(source.filter((i) => i !== 1 && i !== 50 && i !== 99));
  });
});
