/**
 * RFM scores 1–5 per crm-model.md: quintile scores by rank within the scored population,
 * computed for a whole column at once (one sort, then four comparisons per row: O(N log N)),
 * and threshold scores.
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
  // Typed arrays and plain loops: this runs over whole columns on every recalculation.
  const total = values.length;
  const taking = new Uint8Array(total);
  const buffer = new Float64Array(total);
  let n = 0;
  for (let i = 0; i < total; i++) {
    const v = values[i];
    if (isScoredCount(counts[i]) && isFiniteNumber(v)) {
      taking[i] = 1;
      buffer[n++] = v;
    }
  }
  const sorted = buffer.subarray(0, n).sort();
  // score = 1 + floor(5·B/n) steps up where B (rows ranked below) reaches q_k = ceil(k·n/5), so
  // each row needs 4 comparisons with the values at those ranks instead of a binary search.
  const higher = direction === 'higherIsBetter';
  const cuts = [1, 2, 3, 4].map((k) => {
    const q = Math.ceil((k * n) / 5);
    return (higher ? sorted[q - 1] : sorted[n - q]) as number;
  });
  const [c1, c2, c3, c4] = cuts as [number, number, number, number];
  const out = new Array<number | null>(total);
  for (let i = 0; i < total; i++) {
    if (taking[i] === 0) {
      out[i] = null;
      continue;
    }
    const v = values[i] as number;
    out[i] = higher
      ? 1 + +(c1 < v) + +(c2 < v) + +(c3 < v) + +(c4 < v)
      : 1 + +(c1 > v) + +(c2 > v) + +(c3 > v) + +(c4 > v);
  }
  return out;
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
