import { quintileScores, thresholdScore } from '../../../src/domain/crm/quintiles';
import type { MaybeNumber, ScoreDirection } from '../../../src/domain/crm/quintiles';
import { createRandom } from '../../../src/domain/random';

const ones = (n: number): number[] => Array.from({ length: n }, () => 1);

describe('quintileScores, F and M (higher is better)', () => {
  it('scores ten distinct values 1,1,2,2,3,3,4,4,5,5 (1 + floor(5·L/10))', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quintileScores(values, ones(10), 'higherIsBetter')).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('gives equal values equal scores (L counts strictly smaller values only)', () => {
    // N = 4; each 5 has L = 1 → 1 + floor(5/4) = 2; the 1 has L = 0 → 1.
    expect(quintileScores([5, 5, 5, 1], ones(4), 'higherIsBetter')).toEqual([2, 2, 2, 1]);
  });

  it('does not depend on the order of the rows', () => {
    expect(quintileScores([10, 1, 7, 3, 5], ones(5), 'higherIsBetter')).toEqual([5, 1, 4, 2, 3]);
  });

  it('leaves customers with empty or zero count unscored and out of the population', () => {
    // Scored: 100 and 200 (N = 2). 200: L = 1 → 1 + floor(5/2) = 3. With 999 counted it would be 2.
    const scores = quintileScores(
      [100, 200, 300, 999, 50],
      [1, 2, 0, null, undefined],
      'higherIsBetter',
    );
    expect(scores).toEqual([1, 3, null, null, null]);
  });

  it('treats negative and non-finite counts as no purchase', () => {
    expect(quintileScores([1, 2], [-1, Number.NaN], 'higherIsBetter')).toEqual([null, null]);
  });

  it('leaves a customer whose own value is empty out, even with purchases', () => {
    // N = 2 (10 and 20): 20 → 1 + floor(5·1/2) = 3.
    expect(quintileScores([10, null, 20, Number.NaN], [1, 3, 1, 2], 'higherIsBetter')).toEqual([
      1,
      null,
      3,
      null,
    ]);
  });

  it('returns an empty column for an empty input and a single customer scores 1', () => {
    expect(quintileScores([], [], 'higherIsBetter')).toEqual([]);
    expect(quintileScores([42], [1], 'higherIsBetter')).toEqual([1]);
  });
});

describe('quintileScores, R (fewer days is better)', () => {
  it('scores by G = customers with strictly more days', () => {
    // N = 5: days 10 → G = 4 → 5; 20 → 4; 30 → 3; 40 → 2; 50 → 1.
    expect(quintileScores([10, 20, 30, 40, 50], ones(5), 'lowerIsBetter')).toEqual([5, 4, 3, 2, 1]);
  });

  it('gives tied days the same score', () => {
    // N = 3: each 7 has G = 1 → 1 + floor(5/3) = 2; 100 has G = 0 → 1.
    expect(quintileScores([7, 7, 100], ones(3), 'lowerIsBetter')).toEqual([2, 2, 1]);
  });

  it('handles zero and negative days (purchase today or a future date)', () => {
    // N = 3: -2 → G = 2 → 1 + floor(10/3) = 4; 0 → G = 1 → 2; 5 → 1.
    expect(quintileScores([-2, 0, 5], ones(3), 'lowerIsBetter')).toEqual([4, 2, 1]);
  });
});

describe('thresholdScore', () => {
  const r = (days: MaybeNumber): number | null => thresholdScore(days, 30, 60, 90, 180, 'recency');
  const m = (amount: MaybeNumber): number | null =>
    thresholdScore(amount, 100, 500, 2000, 5000, 'ascending');

  it('recency: ≤30 → 5, ≤60 → 4, ≤90 → 3, ≤180 → 2, else 1 (inclusive upper bounds)', () => {
    expect([-5, 0, 30, 31, 60, 61, 90, 91, 180, 181, 1000].map(r)).toEqual([
      5, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1,
    ]);
  });

  it('ascending: ≥5000 → 5, ≥2000 → 4, ≥500 → 3, ≥100 → 2, else 1 (inclusive lower bounds)', () => {
    expect([6000, 5000, 4999.99, 2000, 1999, 500, 499, 100, 99.5, 0].map(m)).toEqual([
      5, 5, 4, 4, 3, 3, 2, 2, 1, 1,
    ]);
  });

  it('returns empty for an empty value or an empty breakpoint', () => {
    expect(r(null)).toBeNull();
    expect(m(undefined)).toBeNull();
    expect(thresholdScore(10, 1, null, 3, 4, 'ascending')).toBeNull();
  });
});

/** Reference straight from crm-model.md: count, for each scored customer, the others. */
function referenceScores(
  values: MaybeNumber[],
  counts: MaybeNumber[],
  direction: ScoreDirection,
): (number | null)[] {
  const isScored = (i: number): boolean => {
    const c = counts[i];
    const v = values[i];
    return typeof c === 'number' && c > 0 && typeof v === 'number';
  };
  const n = values.filter((_, i) => isScored(i)).length;
  return values.map((v, i) => {
    if (!isScored(i)) return null;
    let better = 0;
    values.forEach((w, j) => {
      if (!isScored(j)) return;
      if (
        direction === 'higherIsBetter'
          ? (w as number) < (v as number)
          : (w as number) > (v as number)
      ) {
        better += 1;
      }
    });
    return 1 + Math.floor((5 * better) / n);
  });
}

describe('quintileScores property', () => {
  it('equals the O(N²) reference on 200 random columns with ties and unscored rows', () => {
    const rnd = createRandom(20250630);
    for (let run = 0; run < 200; run++) {
      const n = rnd.int(0, 120);
      const distinct = rnd.int(1, 15); // few distinct values → many ties
      const values: MaybeNumber[] = [];
      const counts: MaybeNumber[] = [];
      for (let i = 0; i < n; i++) {
        values.push(rnd.chance(0.05) ? null : rnd.int(0, distinct) * 10);
        counts.push(rnd.weighted([0, null, 1, 3, 8], [1, 1, 4, 3, 2]));
      }
      for (const direction of ['higherIsBetter', 'lowerIsBetter'] as const) {
        expect(quintileScores(values, counts, direction)).toEqual(
          referenceScores(values, counts, direction),
        );
      }
    }
  });
});
