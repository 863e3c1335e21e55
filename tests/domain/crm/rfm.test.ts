import { quintileScores } from '../../../src/domain/crm/quintiles';
import { classifySegment, rfmColumns } from '../../../src/domain/crm/rfm';
import { RFM_SEGMENT_KEYS, segmentLabel } from '../../../src/domain/crm/labels';

/*
 * Eight customers built so each lands in a different segment (N = 8, each score's mean 2.75):
 *   days    1  50   2  51   3  52   4  53 → R 5 2 4 2 4 1 3 1 (high: rows 0, 2, 4, 6)
 *   count  10  11   1   2  12  13   3   4 → F 3 4 1 1 4 5 2 2 (high: rows 0, 1, 4, 5)
 *   amount 500 600 700 800 10 20 30 40    → M 3 4 4 5 1 1 2 2 (high: rows 0–3)
 * e.g. days 2: G = 6 → 1 + floor(30/8) = 4; count 10: L = 4 → 1 + floor(20/8) = 3.
 */
const DAYS = [1, 50, 2, 51, 3, 52, 4, 53];
const COUNTS = [10, 11, 1, 2, 12, 13, 3, 4];
const AMOUNTS = [500, 600, 700, 800, 10, 20, 30, 40];

describe('rfmColumns', () => {
  it('scores R, F, M and the three-digit code for each customer', () => {
    const rows = rfmColumns(DAYS, COUNTS, AMOUNTS);
    expect(rows.map((x) => x.r)).toEqual([5, 2, 4, 2, 4, 1, 3, 1]);
    expect(rows.map((x) => x.f)).toEqual([3, 4, 1, 1, 4, 5, 2, 2]);
    expect(rows.map((x) => x.m)).toEqual([3, 4, 4, 5, 1, 1, 2, 2]);
    expect(rows.map((x) => x.score)).toEqual([533, 244, 414, 215, 441, 151, 322, 122]);
  });

  it('puts the eight constructed customers in the eight segments', () => {
    const rows = rfmColumns(DAYS, COUNTS, AMOUNTS);
    expect(rows.map((x) => x.segment)).toEqual([
      'champions',
      'keyRetain',
      'keyDevelop',
      'keyWinBack',
      'regularValue',
      'regularRetain',
      'regularDevelop',
      'lowValue',
    ]);
  });

  it('ranks each score over the customers with purchases that have it, so the code always matches R, F and M', () => {
    // Added: a prospect; count 3 with no days (in F and M, not R); count 2 with no amount (in
    // R and F, not M). N_R = 9, N_F = 10, N_M = 9. Row 0 (days 1, count 10, amount 500):
    //   R: G = 8 days above 1 → 1 + floor(40/9) = 5
    //   F: L = 6 counts below 10 (1, 2, 3, 4, 3, 2) → 1 + floor(30/10) = 4
    //   M: L = 5 amounts below 500 (10, 20, 30, 40, 90) → 1 + floor(25/9) = 3
    const days = [...DAYS, null, null, 5];
    const counts = [...COUNTS, 0, 3, 2];
    const amounts = [...AMOUNTS, 0, 90, null];
    const rows = rfmColumns(days, counts, amounts);
    expect(rows[0]).toMatchObject({ r: 5, f: 4, m: 3, score: 543 });
    for (const row of rows.slice(8)) {
      expect(row).toEqual({ r: null, f: null, m: null, score: null, segment: null });
    }
    // The digits are what RFM_R(days, count), RFM_F(count) and RFM_M(amount, count) give.
    const r = quintileScores(days, counts, 'lowerIsBetter');
    const f = quintileScores(counts, counts, 'higherIsBetter');
    const m = quintileScores(amounts, counts, 'higherIsBetter');
    rows.slice(0, 8).forEach((row, i) => {
      expect(row.score).toBe((r[i] as number) * 100 + (f[i] as number) * 10 + (m[i] as number));
    });
  });

  it('counts a score equal to the mean as high', () => {
    // Two identical customers: every score is 1 and every mean is 1 → all high.
    const rows = rfmColumns([3, 3], [2, 2], [80, 80]);
    expect(rows.map((x) => [x.score, x.segment])).toEqual([
      [111, 'champions'],
      [111, 'champions'],
    ]);
  });

  it('returns nothing for an empty population', () => {
    expect(rfmColumns([], [], [])).toEqual([]);
    expect(rfmColumns([null], [0], [0])[0]?.segment).toBeNull();
  });
});

describe('segments', () => {
  it('classifies every high/low combination as in the crm-model table', () => {
    expect(classifySegment(true, true, true)).toBe('champions');
    expect(classifySegment(false, true, true)).toBe('keyRetain');
    expect(classifySegment(true, false, true)).toBe('keyDevelop');
    expect(classifySegment(false, false, true)).toBe('keyWinBack');
    expect(classifySegment(true, true, false)).toBe('regularValue');
    expect(classifySegment(false, true, false)).toBe('regularRetain');
    expect(classifySegment(true, false, false)).toBe('regularDevelop');
    expect(classifySegment(false, false, false)).toBe('lowValue');
  });

  it('labels the eight segments in zh-CN and en', () => {
    expect(RFM_SEGMENT_KEYS.map((k) => segmentLabel(k, 'zh-CN'))).toEqual([
      '重要价值客户',
      '重要保持客户',
      '重要发展客户',
      '重要挽留客户',
      '一般价值客户',
      '一般保持客户',
      '一般发展客户',
      '一般挽留客户',
    ]);
    expect(RFM_SEGMENT_KEYS.map((k) => segmentLabel(k, 'en'))).toEqual([
      'Champions',
      'Key to retain',
      'Key to develop',
      'Key to win back',
      'Regular value',
      'Regular to retain',
      'Regular to develop',
      'Low value',
    ]);
  });
});
