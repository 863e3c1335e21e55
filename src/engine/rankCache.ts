/**
 * Whole-column rankings for the RFM functions, computed once per column per recalculation
 * with the tested domain math and then looked up per row by value (O(N log N) per column).
 */
import { isScoredCount, quintileScores, rfmColumns, segmentForScores } from '../domain/crm';
import type { RfmMeans, RfmSegmentKey, ScoreDirection } from '../domain/crm';

export type Num = number | null;

/** Value → score over one population; `scored` says whether a row takes part. */
export interface SingleRanking {
  score(value: Num, count: Num): number | null;
}

export interface RfmRanking {
  scores(days: Num, count: Num, amount: Num): { r: number; f: number; m: number } | null;
  segment(days: Num, count: Num, amount: Num): RfmSegmentKey | null;
}

const isNumber = (v: Num): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Quintile ranking of one column. With `counts`, a row is scored when its count > 0 and its
 * value is a number; without, F scores rows whose own value (a count) is > 0 and R/M score
 * every row with a number (an empty value is unscored).
 */
export function rankSingle(
  values: readonly Num[],
  counts: readonly Num[] | null,
  direction: ScoreDirection,
  selfCounted: boolean,
): SingleRanking {
  const scoredIf = (value: Num, count: Num | undefined): boolean => {
    if (counts) return isScoredCount(count) && isNumber(value);
    return selfCounted ? isScoredCount(value) : isNumber(value);
  };
  const population = values.map((v, i) => (scoredIf(v, counts?.[i]) ? 1 : null));
  const scores = quintileScores(values, population, direction);
  const byValue = new Map<number, number>();
  scores.forEach((s, i) => {
    if (s !== null) byValue.set(values[i] as number, s);
  });
  return {
    score: (value, count) =>
      scoredIf(value, count) ? (byValue.get(value as number) ?? null) : null,
  };
}

/** R, F, M as rfmColumns scores them (each over the customers with purchases that have it). */
export function rankRfm(
  days: readonly Num[],
  counts: readonly Num[],
  amounts: readonly Num[],
): RfmRanking {
  const rows = rfmColumns(days, counts, amounts);
  const maps = {
    r: new Map<number, number>(),
    f: new Map<number, number>(),
    m: new Map<number, number>(),
  };
  const sum = { r: 0, f: 0, m: 0, n: 0 };
  rows.forEach((row, i) => {
    if (row.r === null || row.f === null || row.m === null) return;
    maps.r.set(days[i] as number, row.r);
    maps.f.set(counts[i] as number, row.f);
    maps.m.set(amounts[i] as number, row.m);
    sum.r += row.r;
    sum.f += row.f;
    sum.m += row.m;
    sum.n += 1;
  });
  const means: RfmMeans =
    sum.n === 0 ? { r: 0, f: 0, m: 0 } : { r: sum.r / sum.n, f: sum.f / sum.n, m: sum.m / sum.n };
  const scores = (d: Num, c: Num, a: Num): { r: number; f: number; m: number } | null => {
    if (!isScoredCount(c) || !isNumber(d) || !isNumber(a)) return null;
    const [r, f, m] = [maps.r.get(d), maps.f.get(c as number), maps.m.get(a)];
    return r === undefined || f === undefined || m === undefined ? null : { r, f, m };
  };
  return {
    scores,
    segment: (d, c, a) => {
      const s = scores(d, c, a);
      return s ? segmentForScores(s.r, s.f, s.m, means) : null;
    },
  };
}
