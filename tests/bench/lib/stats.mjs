/** Small statistics helpers for the bench figures. */

export function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile of `values` (p in 0–100); null for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Rounds to `digits` decimals (figures are printed, not compared to the last bit). */
export function round(value, digits = 1) {
  if (value === null || value === undefined) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
