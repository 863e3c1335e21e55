/**
 * Row-indexed rankings for the direct evaluator: a ranked call's scores for every row, computed
 * once per recalculation (typed-array sort, O(N log N)) and then read by row index, so a column
 * of N rows does no per-row hashing. The HyperFormula plugin keeps the value-keyed rankCache.
 */
import { isScoredCount, quintileScores, rfmColumns } from '../domain/crm';
import type { RfmRow, ScoreDirection } from '../domain/crm';
import type { Num } from './rankCache';

export type RowScores =
  { kind: 'single'; scores: (number | null)[] } | { kind: 'rfm'; rows: RfmRow[] };

const isNumber = (v: Num | undefined): boolean => typeof v === 'number' && Number.isFinite(v);

/**
 * Scores of a population kind: R, F, M (one column), R2/F2/M2 (value, count), RFM (days, count,
 * amount) — the same populations as rankCache's rankSingle/rankRfm.
 */
export function scoreRows(kind: string, cols: readonly Num[][]): RowScores | null {
  const [a = [], b = [], c = []] = cols;
  if (kind === 'RFM') return { kind: 'rfm', rows: rfmColumns(a, b, c) };
  const base = kind.replace('2', '');
  if (!['R', 'F', 'M'].includes(base)) return null;
  const direction: ScoreDirection = base === 'R' ? 'lowerIsBetter' : 'higherIsBetter';
  // quintileScores scores a row when its "count" is > 0 and its value a number.
  const counts = a.map((v, i) => countOf(kind, v, b[i] ?? null));
  return { kind: 'single', scores: quintileScores(a, counts, direction) };
}

/** The "count" quintileScores weighs a row of a single-column kind by (see scoreRows). */
function countOf(kind: string, value: Num, count: Num): Num {
  if (kind.endsWith('2')) return count;
  if (kind === 'F') return value;
  return isNumber(value) ? 1 : null;
}

/**
 * Whether a row with these argument values takes part in the population of `kind`, as
 * scoreRows decides: a row that does not changes no other row's score by coming or going.
 */
export function isScoredRow(kind: string, [a = null, b = null]: readonly Num[]): boolean {
  // Every customer with purchases is among F's population (see rfmColumns).
  if (kind === 'RFM') return isScoredCount(b);
  if (!['R', 'F', 'M'].includes(kind.replace('2', ''))) return true;
  return isScoredCount(countOf(kind, a, b)) && isNumber(a);
}
