// @vitest-environment node
/**
 * Every customer function through the engine on small tables worked out by hand
 * (as-of date 2025-06-30 unless said otherwise).
 */
import { AS_OF, buildEngine, date, num } from './helpers';

describe('RFM quintile scores', () => {
  it('scores M with ties, leaving customers without purchases out of the population', async () => {
    // Scored: amounts 10, 20, 20, 40, 50 (N = 5); row 2 has count 0, row 6 an empty count.
    const e = await buildEngine(
      [num('amt', [10, 20, 999, 20, 40, 50, 5]), num('cnt', [1, 2, 0, 1, 3, 4, null])],
      { m: '=RFM_M({amt}, {cnt})', f: '=RFM_F({cnt})' },
    );
    // L (strictly less): 10→0, 20→1, 40→3, 50→4 → 1 + floor(5L/5) = 1, 2, 4, 5.
    expect(e.column('m')).toEqual([1, 2, null, 2, 4, 5, null]);
    // counts 1,2,1,3,4 (N=5): 1→L0→1, 2→L2→3, 3→L3→4, 4→L4→5.
    expect(e.column('f')).toEqual([1, 3, null, 1, 4, 5, null]);
  });

  it('scores R by days (fewer is better); one-argument M scores every number', async () => {
    const e = await buildEngine(
      [date('last', ['2025-06-30', '2025-06-20', null, '2025-05-31', '2025-06-20'])],
      { r: '=RFM_R(DAYS_SINCE({last}))', m1: '=RFM_M(DAYS_SINCE({last}))' },
    );
    // days 0, 10, -, 30, 10 (N = 4). G (strictly greater): 0→3, 10→1, 30→0 → 4, 2, 1.
    expect(e.column('r')).toEqual([4, 2, null, 1, 2]);
    // M direction on the same numbers: L: 0→0, 10→1, 30→3 → 1, 2, 4.
    expect(e.column('m1')).toEqual([1, 2, null, 4, 2]);
  });

  it('updates the scores of OTHER rows when one amount changes', async () => {
    const e = await buildEngine([num('amt', [10, 20, 30, 40, 50]), num('cnt', [1, 1, 1, 1, 1])], {
      m: '=RFM_M({amt}, {cnt})',
    });
    expect(e.column('m')).toEqual([1, 2, 3, 4, 5]);
    const changed = e.setValues([{ fieldId: 'amt', row: 0, value: 100 }]);
    expect(e.column('m')).toEqual([5, 1, 2, 3, 4]);
    expect(changed).toEqual([{ fieldId: 'm', rows: [0, 1, 2, 3, 4] }]);
  });

  it('threshold forms use fixed breakpoints', async () => {
    const e = await buildEngine(
      [num('days', [30, 31, 90, 180, 181, null]), num('amt', [99, 100, 500, 2000, 5000, 1])],
      {
        r: '=RFM_R({days}, 30, 60, 90, 180)',
        m: '=RFM_M({amt}, 100, 500, 2000, 5000)',
      },
    );
    expect(e.column('r')).toEqual([5, 4, 3, 2, 1, null]);
    expect(e.column('m')).toEqual([1, 2, 3, 4, 5, 1]);
  });
});

describe('RFM_SCORE and RFM_SEGMENT', () => {
  // Eight customers, one per segment. days: 10 (R high) or 100 (low); counts 5/1; amounts
  // 900/100. Quintiles over 8: each value appears 4 times → low 1, high 1+floor(5·4/8)=3.
  // Means are 2 for R, F and M, so 3 is high and 1 is low.
  const rows = [
    [10, 5, 900, 'Champions'],
    [100, 5, 900, 'Key to retain'],
    [10, 1, 900, 'Key to develop'],
    [100, 1, 900, 'Key to win back'],
    [10, 5, 100, 'Regular value'],
    [100, 5, 100, 'Regular to retain'],
    [10, 1, 100, 'Regular to develop'],
    [100, 1, 100, 'Low value'],
  ] as const;

  it('gives the eight segments and the three-digit code', async () => {
    const e = await buildEngine(
      [
        num('days', [...rows.map((r) => r[0]), 5]),
        num('cnt', [...rows.map((r) => r[1]), 0]),
        num('amt', [...rows.map((r) => r[2]), 9999]),
      ],
      {
        seg: '=RFM_SEGMENT({days}, {cnt}, {amt})',
        code: '=RFM_SCORE({days}, {cnt}, {amt})',
      },
    );
    expect(e.column('seg')).toEqual([...rows.map((r) => r[3]), null]);
    expect(e.column('code')).toEqual([333, 133, 313, 113, 331, 131, 311, 111, null]);
    e.setLanguage('zh-CN');
    expect(e.column('seg').slice(0, 2)).toEqual(['重要价值客户', '重要保持客户']);
    expect(e.column('seg')[7]).toBe('一般挽留客户');
  });
});

describe('life cycle, loyalty, churn and date helpers', () => {
  it('life-cycle stages at exactly 30, 90 and 180 days', async () => {
    const e = await buildEngine(
      [
        date('last', ['2025-05-31', '2025-05-31', '2025-05-30', '2025-04-01', '2025-03-31']),
        num('cnt', [1, 2, 2, 2, 2]),
      ],
      { life: '=LIFECYCLE_STAGE({last}, {cnt})' },
    );
    // days: 30, 30, 31, 90, 91
    expect(e.column('life')).toEqual(['New', 'Active', 'Silent', 'Silent', 'Dormant']);
    const e2 = await buildEngine(
      [date('last', ['2025-01-01', '2025-01-02', null]), num('cnt', [3, 3, 0])],
      {
        life: '=LIFECYCLE_STAGE({last}, {cnt})',
        life2: '=LIFECYCLE_STAGE({last}, {cnt}, 7, 14, 365)',
      },
    );
    // 2025-01-01 → 180 days, 2025-01-02 → 179 days.
    expect(e2.column('life')).toEqual(['Dormant', 'Dormant', 'Prospect']);
    e2.setAsOf('2025-07-01');
    expect(e2.column('life')).toEqual(['Lost', 'Dormant', 'Prospect']);
    expect(e2.column('life2')).toEqual(['Dormant', 'Dormant', 'Prospect']);
  });

  it('loyalty stage and tier', async () => {
    const e = await buildEngine(
      [
        num('cnt', [null, 1, 2, 4, 5, 5]),
        num('ref', [null, 3, null, 9, 0, 1]),
        num('spend', [999, 1000, 4999, 5000, 20000, null]),
      ],
      {
        stage: '=LOYALTY_STAGE({cnt}, {ref})',
        tier: '=LOYALTY_TIER({spend})',
        tier2: '=LOYALTY_TIER({spend}, 10, 20, 30)',
      },
      { language: 'zh-CN' },
    );
    expect(e.column('stage')).toEqual(['潜在', '首购', '复购', '复购', '忠诚', '拥护者']);
    expect(e.column('tier')).toEqual([
      '普通会员',
      '银卡会员',
      '银卡会员',
      '金卡会员',
      '钻石会员',
      null,
    ]);
    expect(e.column('tier2')[0]).toBe('钻石会员');
    e.setLanguage('en');
    expect(e.column('tier').slice(0, 2)).toEqual(['Member', 'Silver']);
  });

  it('churn risk from the customer own rhythm', async () => {
    // first → last spans 60 days over 3 purchases: e = 30. Low ≤ 45, medium ≤ 90, high above.
    const e = await buildEngine(
      [
        date('first', ['2025-03-17', '2025-02-01', '2025-01-01', '2025-01-01']),
        date('last', ['2025-05-16', '2025-04-02', '2025-03-02', '2025-03-02']),
        num('cnt', [3, 3, 3, 1]),
      ],
      { churn: '=CHURN_RISK({first}, {last}, {cnt})' },
    );
    // d = 45, 89, 120, –
    expect(e.column('churn')).toEqual(['Low', 'Medium', 'High', null]);
  });

  it('DAYS_SINCE (future negative) and NEXT_BIRTHDAY_IN with 29 February', async () => {
    const e = await buildEngine(
      [date('d', ['2025-06-01', '2025-07-10', '2000-02-29', '1990-06-30', '1990-07-01'])],
      { since: '=DAYS_SINCE({d})', bday: '=NEXT_BIRTHDAY_IN({d})' },
      { asOf: '2025-02-27' },
    );
    expect(e.column('since')).toEqual([-94, -133, 9130, 12661, 12660]);
    // 2025 is not a leap year: 29 Feb counts as 28 Feb → 1 day.
    expect(e.column('bday')).toEqual([94, 133, 1, 123, 124]);
    e.setAsOf('2028-02-29');
    expect(e.column('bday')[2]).toBe(0);
  });
});

describe('as-of date', () => {
  it('TODAY() follows the as-of date and is typed as a date', async () => {
    const e = await buildEngine([num('x', [1, 2])], { t: '=TODAY()', plus: '=TODAY() + {x}' });
    expect(e.column('t')).toEqual([AS_OF, AS_OF]);
    expect(e.resultType('plus')).toBe('date');
    expect(e.column('plus')).toEqual(['2025-07-01', '2025-07-02']);
    const changed = e.setAsOf('2026-01-01');
    expect(e.column('plus')).toEqual(['2026-01-02', '2026-01-03']);
    expect(changed.find((c) => c.fieldId === 'plus')?.rows).toEqual([0, 1]);
  });
});
