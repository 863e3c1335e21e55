// @vitest-environment node
/** Property: the engine's quintile scores equal a direct O(N²) reading of crm-model.md. */
import { buildEngine, num } from './helpers';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Straight from the spec: 1 + floor(5·L/N) over customers with count > 0. */
function referenceScores(
  values: (number | null)[],
  counts: (number | null)[],
  lowerIsBetter: boolean,
) {
  const scored = values.map((v, i) => v !== null && (counts[i] ?? 0) > 0);
  const n = scored.filter(Boolean).length;
  return values.map((v, i) => {
    if (!scored[i] || v === null) return null;
    let better = 0;
    values.forEach((w, j) => {
      if (scored[j] && w !== null && (lowerIsBetter ? w > v : w < v)) better += 1;
    });
    return 1 + Math.floor((5 * better) / n);
  });
}

it.each([1, 2, 3, 4, 5, 6])('random column with many ties (seed %i)', async (seed) => {
  const rand = seeded(seed);
  const n = 20 + Math.floor(rand() * 150);
  const values = Array.from({ length: n }, () =>
    rand() < 0.1 ? null : Math.floor(rand() * 8) * 5,
  );
  const counts = Array.from({ length: n }, () =>
    rand() < 0.15 ? (rand() < 0.5 ? 0 : null) : 1 + Math.floor(rand() * 4),
  );
  const e = await buildEngine(
    [num('v', values), num('c', counts)],
    {
      m: '=RFM_M({v}, {c})',
      r: '=RFM_R({v}, {c})',
    },
    { blockSize: 16 },
  );
  expect(e.column('m')).toEqual(referenceScores(values, counts, false));
  expect(e.column('r')).toEqual(referenceScores(values, counts, true));
  // After an edit the ranking is recomputed, not served stale from the cache.
  e.setValues([{ fieldId: 'v', row: 0, value: 1000 }]);
  values[0] = 1000;
  expect(e.column('m')).toEqual(referenceScores(values, counts, false));
});
