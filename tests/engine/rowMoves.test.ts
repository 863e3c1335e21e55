// @vitest-environment node
/**
 * Rows coming and going keep rankings in place when no row that moved takes part in them (a
 * blank customer added, one without purchases deleted), and re-rank when one does: after every
 * step the engine equals a fresh one built over the same rows.
 */
import type { EngineValue, InputColumn, TableEngine } from '../../src/engine';
import { isScoredRow, scoreRows } from '../../src/engine/rowScores';
import type * as RowScoresModule from '../../src/engine/rowScores';
import type { Num } from '../../src/engine/rankCache';

// Counts the rankings computed: a row that takes part in none must not cause one.
vi.mock('../../src/engine/rowScores', async (original) => {
  const actual = await original<typeof RowScoresModule>();
  return { ...actual, scoreRows: vi.fn(actual.scoreRows) };
});
const rankings = (): number => vi.mocked(scoreRows).mock.calls.length;
import { buildEngine, date, num } from './helpers';

const FORMULAS = {
  r: '=RFM_R(DAYS_SINCE({last}), {cnt})',
  f: '=RFM_F({cnt})',
  m: '=RFM_M({amt}, {cnt})',
  m1: '=RFM_M({amt})',
  rfm: '=RFM_SCORE(DAYS_SINCE({last}), {cnt}, {amt})',
  seg: '=RFM_SEGMENT(DAYS_SINCE({last}), {cnt}, {amt})',
  stage: '=LIFECYCLE_STAGE({last}, {cnt})',
  avg: '=IF({cnt} > 0, ROUND({amt} / {cnt}, 2), "")',
};

type Row = { last: string | null; cnt: number | null; amt: number | null };

function randomRow(rnd: () => number): Row {
  if (rnd() < 0.3) return { last: null, cnt: null, amt: null };
  const cnt = rnd() < 0.2 ? 0 : 1 + Math.floor(rnd() * 6);
  const day = 1 + Math.floor(rnd() * 28);
  return {
    last: `2025-0${1 + Math.floor(rnd() * 6)}-${String(day).padStart(2, '0')}`,
    cnt,
    amt: rnd() < 0.1 ? null : Math.floor(rnd() * 10) * 100,
  };
}

const columnsOf = (rows: Row[]): InputColumn[] => [
  date(
    'last',
    rows.map((r) => r.last),
  ),
  num(
    'cnt',
    rows.map((r) => r.cnt),
  ),
  num(
    'amt',
    rows.map((r) => r.amt),
  ),
];

async function expectFresh(e: TableEngine, rows: Row[]): Promise<void> {
  const fresh = await buildEngine(columnsOf(rows), FORMULAS);
  for (const id of Object.keys(FORMULAS))
    expect({ id, v: e.column(id) }).toEqual({ id, v: fresh.column(id) });
  fresh.destroy();
}

const valuesOf = (added: Row[]): { fieldId: string; values: EngineValue[] }[] => [
  { fieldId: 'last', values: added.map((r) => r.last) },
  { fieldId: 'cnt', values: added.map((r) => r.cnt) },
  { fieldId: 'amt', values: added.map((r) => r.amt) },
];

describe('rows inserted and removed', () => {
  it('a blank row changes only itself; a scored one re-ranks the others', async () => {
    const rows: Row[] = [
      { last: '2025-06-01', cnt: 2, amt: 100 },
      { last: '2025-05-01', cnt: 4, amt: 300 },
      { last: '2025-03-01', cnt: 1, amt: 50 },
    ];
    const e = await buildEngine(columnsOf(rows), FORMULAS);
    const blank = { last: null, cnt: null, amt: null };
    const before = rankings();
    const changed = e.insertRows(1, 1, valuesOf([blank]));
    rows.splice(1, 0, blank);
    expect(rankings()).toBe(before);
    // Only the new row's cells (an empty result is no change for a row that was never there).
    expect(changed.flatMap((c) => c.rows).every((r) => r === 1)).toBe(true);
    await expectFresh(e, rows);
    const scored = { last: '2025-06-20', cnt: 9, amt: 900 };
    const after = e.insertRows(0, 1, valuesOf([scored]));
    rows.splice(0, 0, scored);
    expect(rankings()).toBeGreaterThan(before);
    // The 300 of row 3 now ranks below a 900.
    expect(after.find((c) => c.fieldId === 'm')?.rows).toEqual([0, 3]);
    await expectFresh(e, rows);
    const kept = rankings();
    e.removeRows([2]);
    rows.splice(2, 1);
    expect(rankings()).toBe(kept);
    await expectFresh(e, rows);
    e.removeRows([0]);
    rows.splice(0, 1);
    expect(rankings()).toBeGreaterThan(kept);
    await expectFresh(e, rows);
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'random inserts and removals equal a fresh build (seed %i)',
    async (seed) => {
      let s = seed;
      const rnd = (): number => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
      const rows = Array.from({ length: 30 }, () => randomRow(rnd));
      const e = await buildEngine(columnsOf(rows), FORMULAS);
      for (let step = 0; step < 12; step++) {
        if (rnd() < 0.5) {
          const at = Math.floor(rnd() * (rows.length + 1));
          const added = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => randomRow(rnd));
          e.insertRows(at, added.length, valuesOf(added));
          rows.splice(at, 0, ...added);
        } else {
          const gone = [...new Set([0, 1, 2].map(() => Math.floor(rnd() * rows.length)))];
          e.removeRows(gone);
          for (const r of [...gone].sort((a, b) => b - a)) rows.splice(r, 1);
        }
        await expectFresh(e, rows);
      }
    },
  );
});

describe('isScoredRow', () => {
  it('says whether scoreRows ranks a row, for every population kind', () => {
    const values = [null, 0, 1, 3, -2, 2.5, NaN];
    for (const kind of ['R', 'F', 'M', 'R2', 'F2', 'M2', 'RFM'])
      for (const a of values)
        for (const b of values)
          for (const c of values) {
            const first = (k: string, cols: Num[][]): boolean => {
              const scores = scoreRows(k, cols);
              return scores?.kind === 'single' && scores.scores[0] !== null;
            };
            // RFM ranks R, F and M each over its own population (see rfmColumns): a row takes
            // part when any of the three ranks it, even if it has no complete code.
            const scored =
              kind === 'RFM'
                ? first('R2', [
                    [a, 5],
                    [b, 1],
                  ]) ||
                  first('F', [[b, 1]]) ||
                  first('M2', [
                    [c, 5],
                    [b, 1],
                  ])
                : first(kind, [
                    [a, 5],
                    [b, 1],
                    [c, 5],
                  ]);
            expect({ kind, a, b, c, scored: isScoredRow(kind, [a, b, c]) }).toEqual({
              kind,
              a,
              b,
              c,
              scored,
            });
          }
  });
});
