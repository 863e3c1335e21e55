/**
 * RFM scores 1–5 per crm-model.md: quintile scores by rank within the scored population,
 * computed for a whole column at once (sort + binary search, O(N log N)), and threshold scores.
 */

export type MaybeNumber = number | null | undefined;
export type ScoreDirection = 'higherIsBetter' | 'lowerIsBetter';
export type ThresholdKind = 'recency' | 'ascending';

/** A customer is scored when it has bought at least once (count > 0). */
export function isScoredCount(count: MaybeNumber): boolean {
  return typeof count === 'number' && Number.isFinite(count) && count > 0;
}

function isFiniteNumber(v: MaybeNumber): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Index of the first element ≥ v (= how many are strictly less than v). */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > v (= how many are less than or equal to v). */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Quintile score of every row. F/M (higherIsBetter): 1 + floor(5·L/N), L = scored rows with a
 * strictly smaller value; R (lowerIsBetter): 1 + floor(5·G/N), G = scored rows with strictly more
 * days. Rows whose count is empty/0, or whose own value is not a number, get null and are left
 * out of N (a value we cannot rank cannot take part in the ranking).
 */
export function quintileScores(
  values: readonly MaybeNumber[],
  counts: readonly MaybeNumber[],
  direction: ScoreDirection,
): (number | null)[] {
  const scored: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isScoredCount(counts[i]) && isFiniteNumber(v)) scored.push(v);
  }
  const sorted = Float64Array.from(scored).sort();
  const n = sorted.length;
  return values.map((v, i) => {
    if (!isScoredCount(counts[i]) || !isFiniteNumber(v)) return null;
    const better =
      direction === 'higherIsBetter' ? lowerBound(sorted, v) : n - upperBound(sorted, v);
    return 1 + Math.floor((5 * better) / n);
  });
}

/**
 * Fixed-rule score. 'recency' (days, fewer is better): ≤b1 → 5, ≤b2 → 4, ≤b3 → 3, ≤b4 → 2,
 * else 1. 'ascending' (count, amount; breakpoints are lower bounds): ≥b4 → 5, ≥b3 → 4,
 * ≥b2 → 3, ≥b1 → 2, else 1. An empty value or breakpoint gives null.
 */
export function thresholdScore(
  value: MaybeNumber,
  b1: MaybeNumber,
  b2: MaybeNumber,
  b3: MaybeNumber,
  b4: MaybeNumber,
  kind: ThresholdKind,
): number | null {
  if (!isFiniteNumber(value)) return null;
  if (!isFiniteNumber(b1) || !isFiniteNumber(b2) || !isFiniteNumber(b3) || !isFiniteNumber(b4)) {
    return null;
  }
  if (kind === 'recency') {
    if (value <= b1) return 5;
    if (value <= b2) return 4;
    if (value <= b3) return 3;
    if (value <= b4) return 2;
    return 1;
  }
  if (value >= b4) return 5;
  if (value >= b3) return 4;
  if (value >= b2) return 3;
  if (value >= b1) return 2;
  return 1;
}
