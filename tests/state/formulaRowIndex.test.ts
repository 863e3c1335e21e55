import { describe, expect, it } from 'vitest';
import type { RecordId } from '../../src/domain/ids';
import type { RowShift } from '../../src/state/formulaMirror';
import { RowIndex, RowTable, rowAfter, tableOfRows } from '../../src/state/formulaRowIndex';

/** A small deterministic random generator (tests inject their seeds). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const indexOf = (ids: readonly RecordId[]) => new Map(ids.map((id, i) => [id, i]));

describe('the table of rows by id', () => {
  const ids = Array.from({ length: 5000 }, (_, i) => `rec_${i.toString(36)}x${i % 7}` as RecordId);

  it('finds every id at its row, and nothing for an id it does not hold', () => {
    const table = new RowTable(ids);
    ids.forEach((_, i) => table.add(i));
    expect(table.size).toBe(5000);
    expect(ids.every((id, i) => table.get(id) === i)).toBe(true);
    // The same text made anew (not the very string entered) is found too.
    expect(table.get(`rec_${(4321).toString(36)}x${4321 % 7}` as RecordId)).toBe(4321);
    expect(table.get('rec_missing' as RecordId)).toBeUndefined();
    expect(table.get('' as RecordId)).toBeUndefined();
  });

  it('finds a repeated id at its first row', () => {
    const list = ['rec_a', 'rec_b', 'rec_a', 'rec_c'] as RecordId[];
    const table = new RowTable(list);
    list.forEach((_, i) => table.add(i));
    expect(['rec_a', 'rec_b', 'rec_c'].map((id) => table.get(id as RecordId))).toEqual([0, 1, 3]);
  });

  it('is filled in slices by tableOfRows', async () => {
    const table = await tableOfRows(ids);
    expect(ids.every((id, i) => table.get(id) === i)).toBe(true);
  });
});

describe('the row index after inserts and removals', () => {
  it('moves a row past inserts and drops removed rows', () => {
    expect(rowAfter({ kind: 'insert', at: 3, count: 2 }, 2)).toBe(2);
    expect(rowAfter({ kind: 'insert', at: 3, count: 2 }, 3)).toBe(5);
    const remove: RowShift = { kind: 'remove', rows: [1, 4, 5] };
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => rowAfter(remove, r))).toEqual([
      0,
      undefined,
      1,
      2,
      undefined,
      undefined,
      3,
    ]);
  });

  it(
    'finds every record where it is, through many changes and background rebuilds',
    { timeout: 30_000 },
    async () => {
      const next = random(7);
      let serial = 0;
      const fresh = (n: number) => Array.from({ length: n }, () => `rec_${serial++}` as RecordId);
      let rows = fresh(300);
      const index = new RowIndex(indexOf(rows));
      const gone: RecordId[] = [];
      for (let step = 0; step < 120; step++) {
        if (next() < 0.5) {
          const at = Math.floor(next() * (rows.length + 1));
          // Now and then a removed record comes back (undo of a delete).
          const ids =
            gone.length > 0 && next() < 0.3 ? [gone.pop()!] : fresh(1 + Math.floor(next() * 4));
          rows = [...rows.slice(0, at), ...ids, ...rows.slice(at)];
          index.shift({ kind: 'insert', at, count: ids.length }, ids, () => rows);
        } else {
          const picked = new Set(
            Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
              Math.floor(next() * rows.length),
            ),
          );
          const removed = [...picked].sort((a, b) => a - b);
          for (const r of removed) gone.push(rows[r]!);
          rows = rows.filter((_, i) => !picked.has(i));
          index.shift({ kind: 'remove', rows: removed }, [], () => rows);
        }
        // Sometimes the background rebuild gets to run, sometimes it does not.
        if (next() < 0.3) await new Promise((r) => setTimeout(r, 0));
        if (step % 10 === 0 || step === 119) {
          rows.forEach((id, i) => expect(index.get(id)).toBe(i));
          for (const id of gone) if (!rows.includes(id)) expect(index.get(id)).toBeUndefined();
        }
      }
      // Once the rebuilds have run, lookups walk few shifts.
      await expect.poll(() => index.shiftCount).toBeLessThan(8);
      rows.forEach((id, i) => expect(index.get(id)).toBe(i));
    },
  );
});
