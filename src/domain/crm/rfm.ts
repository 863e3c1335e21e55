/**
 * Whole-column RFM: R, F, M quintile scores, the three-digit code and the eight segments,
 * where each score is "high" when at or above its mean over the scored population.
 */
import type { RfmSegmentKey } from './labels';
import { quintileScores } from './quintiles';
import type { MaybeNumber } from './quintiles';

export interface RfmRow {
  r: number | null;
  f: number | null;
  m: number | null;
  /** R·100 + F·10 + M, e.g. 545. */
  score: number | null;
  segment: RfmSegmentKey | null;
}

export interface RfmMeans {
  r: number;
  f: number;
  m: number;
}

/** The row of a customer left out of the RFM population. */
export const UNSCORED: RfmRow = { r: null, f: null, m: null, score: null, segment: null };

/** Segment from whether each of R, F, M is high (table order of crm-model.md). */
export function classifySegment(rHigh: boolean, fHigh: boolean, mHigh: boolean): RfmSegmentKey {
  if (mHigh) {
    if (fHigh) return rHigh ? 'champions' : 'keyRetain';
    return rHigh ? 'keyDevelop' : 'keyWinBack';
  }
  if (fHigh) return rHigh ? 'regularValue' : 'regularRetain';
  return rHigh ? 'regularDevelop' : 'lowValue';
}

/** Segment of one customer given the population means of R, F and M. */
export function segmentForScores(r: number, f: number, m: number, means: RfmMeans): RfmSegmentKey {
  return classifySegment(r >= means.r, f >= means.f, m >= means.m);
}

/**
 * RFM of every row. Each score ranks the customers with purchases (count > 0) that have a
 * number for it, exactly as RFM_R(days, count), RFM_F(count) and RFM_M(amount, count) do, so
 * the code's digits are always the R, F and M columns beside it: a customer with purchases but
 * no amount still counts among the F and R populations (and has no M, code or segment).
 * Sharing one population of complete rows instead made R and RFM disagree on other customers
 * as soon as one amount or date was blank. The means are over the customers with all three.
 */
export function rfmColumns(
  days: readonly MaybeNumber[],
  counts: readonly MaybeNumber[],
  amounts: readonly MaybeNumber[],
): RfmRow[] {
  const r = quintileScores(days, counts, 'lowerIsBetter');
  const f = quintileScores(counts, counts, 'higherIsBetter');
  const m = quintileScores(amounts, counts, 'higherIsBetter');
  const means = computeMeans(r, f, m);
  return r.map((ri, i) => {
    const fi = f[i];
    const mi = m[i];
    if (ri === null || fi === null || fi === undefined || mi === null || mi === undefined) {
      return UNSCORED;
    }
    return {
      r: ri,
      f: fi,
      m: mi,
      score: ri * 100 + fi * 10 + mi,
      segment: segmentForScores(ri, fi, mi, means),
    };
  });
}

function computeMeans(
  r: readonly (number | null)[],
  f: readonly (number | null)[],
  m: readonly (number | null)[],
): RfmMeans {
  let n = 0;
  const sum = { r: 0, f: 0, m: 0 };
  r.forEach((ri, i) => {
    const fi = f[i];
    const mi = m[i];
    if (ri === null || fi === null || fi === undefined || mi === null || mi === undefined) return;
    n += 1;
    sum.r += ri;
    sum.f += fi;
    sum.m += mi;
  });
  return n === 0 ? { r: 0, f: 0, m: 0 } : { r: sum.r / n, f: sum.f / n, m: sum.m / n };
}
