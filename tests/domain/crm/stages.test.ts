import {
  churnRisk,
  daysSince,
  lifecycleStage,
  loyaltyStage,
  loyaltyTier,
  nextBirthdayIn,
} from '../../../src/domain/crm/stages';
import {
  CHURN_RISK_KEYS,
  LIFECYCLE_STAGE_KEYS,
  LOYALTY_STAGE_KEYS,
  LOYALTY_TIER_KEYS,
  churnRiskLabel,
  lifecycleLabel,
  loyaltyStageLabel,
  loyaltyTierLabel,
} from '../../../src/domain/crm/labels';

const AS_OF = '2025-06-30';

describe('lifecycleStage (defaults 30 / 90 / 180, as of 2025-06-30)', () => {
  it('is prospect without purchases', () => {
    expect(lifecycleStage(null, 0, AS_OF)).toBe('prospect');
    expect(lifecycleStage('2025-06-01', null, AS_OF)).toBe('prospect');
    expect(lifecycleStage(undefined, undefined, AS_OF)).toBe('prospect');
  });

  it('is new for a single purchase within 30 days, active for more', () => {
    expect(lifecycleStage('2025-05-31', 1, AS_OF)).toBe('new'); // d = 30
    expect(lifecycleStage('2025-05-31', 2, AS_OF)).toBe('active');
    expect(lifecycleStage('2025-06-30', 7, AS_OF)).toBe('active'); // d = 0
  });

  it('switches exactly after 30, 90 and 180 days', () => {
    expect(lifecycleStage('2025-05-30', 1, AS_OF)).toBe('silent'); // d = 31
    expect(lifecycleStage('2025-04-01', 3, AS_OF)).toBe('silent'); // d = 90
    expect(lifecycleStage('2025-03-31', 3, AS_OF)).toBe('dormant'); // d = 91
    expect(lifecycleStage('2025-01-01', 3, AS_OF)).toBe('dormant'); // d = 180
    expect(lifecycleStage('2024-12-31', 3, AS_OF)).toBe('lost'); // d = 181
  });

  it('treats a future last purchase as recent (negative days)', () => {
    expect(lifecycleStage('2025-07-15', 1, AS_OF)).toBe('new');
    expect(lifecycleStage('2025-07-15', 4, AS_OF)).toBe('active');
  });

  it('accepts custom thresholds', () => {
    expect(lifecycleStage('2025-06-23', 2, AS_OF, 7, 14, 28)).toBe('active'); // d = 7
    expect(lifecycleStage('2025-06-16', 2, AS_OF, 7, 14, 28)).toBe('silent'); // d = 14
    expect(lifecycleStage('2025-06-02', 2, AS_OF, 7, 14, 28)).toBe('dormant'); // d = 28
    expect(lifecycleStage('2025-06-01', 2, AS_OF, 7, 14, 28)).toBe('lost'); // d = 29
  });

  it('is empty when a buying customer has no valid last-purchase date', () => {
    expect(lifecycleStage(null, 2, AS_OF)).toBeNull();
    expect(lifecycleStage('2025-02-30', 2, AS_OF)).toBeNull();
  });
});

describe('loyaltyStage', () => {
  it('follows the purchase count', () => {
    expect(loyaltyStage(null)).toBe('prospect');
    expect(loyaltyStage(0)).toBe('prospect');
    expect(loyaltyStage(1)).toBe('firstPurchase');
    expect(loyaltyStage(2)).toBe('repeat');
    expect(loyaltyStage(4)).toBe('repeat');
    expect(loyaltyStage(5)).toBe('loyal');
    expect(loyaltyStage(40)).toBe('loyal');
  });

  it('makes a loyal customer who referred someone an advocate', () => {
    expect(loyaltyStage(5, 0)).toBe('loyal');
    expect(loyaltyStage(5, null)).toBe('loyal');
    expect(loyaltyStage(5, 1)).toBe('advocate');
    expect(loyaltyStage(4, 3)).toBe('repeat');
    expect(loyaltyStage(0, 3)).toBe('prospect');
  });
});

describe('loyaltyTier', () => {
  it('uses inclusive default thresholds 1000 / 5000 / 20000', () => {
    expect(loyaltyTier(0)).toBe('member');
    expect(loyaltyTier(999.99)).toBe('member');
    expect(loyaltyTier(1000)).toBe('silver');
    expect(loyaltyTier(4999)).toBe('silver');
    expect(loyaltyTier(5000)).toBe('gold');
    expect(loyaltyTier(19999.5)).toBe('gold');
    expect(loyaltyTier(20000)).toBe('diamond');
  });

  it('accepts custom thresholds and gives empty for an empty value', () => {
    expect(loyaltyTier(100, 100, 200, 300)).toBe('silver');
    expect(loyaltyTier(300, 100, 200, 300)).toBe('diamond');
    expect(loyaltyTier(null)).toBeNull();
  });
});

describe('churnRisk', () => {
  // 2025-01-01 → 2025-03-02 is 60 days; 3 purchases → e = 30: low ≤ 45, medium ≤ 90.
  const risk = (asOf: string): string | null => churnRisk('2025-01-01', '2025-03-02', 3, asOf);

  it('compares days since the last purchase with the expected interval', () => {
    expect(risk('2025-03-02')).toBe('low'); // d = 0
    expect(risk('2025-04-16')).toBe('low'); // d = 45 = 1.5e
    expect(risk('2025-04-17')).toBe('medium'); // d = 46
    expect(risk('2025-05-31')).toBe('medium'); // d = 90 = 3e
    expect(risk('2025-06-01')).toBe('high'); // d = 91
  });

  it('is empty with fewer than two purchases or invalid dates', () => {
    expect(churnRisk('2025-01-01', '2025-01-01', 1, AS_OF)).toBeNull();
    expect(churnRisk('2025-01-01', '2025-03-01', null, AS_OF)).toBeNull();
    expect(churnRisk(null, '2025-03-01', 3, AS_OF)).toBeNull();
    expect(churnRisk('2025-03-01', '2025-01-01', 3, AS_OF)).toBeNull(); // last before first
  });

  it('with e = 0 (all purchases on one day) is low on that day and high after it', () => {
    expect(churnRisk('2025-03-02', '2025-03-02', 4, '2025-03-02')).toBe('low');
    expect(churnRisk('2025-03-02', '2025-03-02', 4, '2025-03-03')).toBe('high');
  });

  it('is low for a last purchase in the future', () => {
    expect(churnRisk('2025-01-01', '2025-08-01', 2, AS_OF)).toBe('low');
  });
});

describe('daysSince', () => {
  it('counts whole days, across leap days, negative for the future', () => {
    expect(daysSince('2025-06-30', AS_OF)).toBe(0);
    expect(daysSince('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysSince('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysSince('2024-06-30', AS_OF)).toBe(365);
    expect(daysSince('2025-07-03', AS_OF)).toBe(-3);
  });

  it('is empty for an invalid date', () => {
    expect(daysSince('', AS_OF)).toBeNull();
    expect(daysSince('2025-13-01', AS_OF)).toBeNull();
    expect(daysSince(null, AS_OF)).toBeNull();
  });
});

describe('nextBirthdayIn', () => {
  it('is 0 on the day and counts forward, wrapping into next year', () => {
    expect(nextBirthdayIn('1990-06-30', AS_OF)).toBe(0);
    expect(nextBirthdayIn('1990-07-01', AS_OF)).toBe(1);
    expect(nextBirthdayIn('1985-12-31', '2025-01-01')).toBe(364);
    expect(nextBirthdayIn('1985-01-01', '2025-12-31')).toBe(1);
  });

  it('moves 29 February to 28 February in non-leap years', () => {
    expect(nextBirthdayIn('1992-02-29', '2025-02-28')).toBe(0);
    expect(nextBirthdayIn('1992-02-29', '2025-02-27')).toBe(1);
    expect(nextBirthdayIn('1992-02-29', '2025-03-01')).toBe(364); // → 2026-02-28
  });

  it('keeps 29 February in leap years', () => {
    expect(nextBirthdayIn('1992-02-29', '2024-02-28')).toBe(1);
    expect(nextBirthdayIn('1992-02-29', '2024-02-29')).toBe(0);
    expect(nextBirthdayIn('1992-02-29', '2023-03-01')).toBe(365); // → 2024-02-29
  });

  it('uses the month and day of a date in the future too, and is empty when invalid', () => {
    expect(nextBirthdayIn('2030-07-10', AS_OF)).toBe(10);
    expect(nextBirthdayIn('1990-02-30', AS_OF)).toBeNull();
    expect(nextBirthdayIn(undefined, AS_OF)).toBeNull();
  });
});

describe('stage labels', () => {
  it('match crm-model.md in both languages', () => {
    expect(LIFECYCLE_STAGE_KEYS.map((k) => lifecycleLabel(k, 'zh-CN'))).toEqual([
      '潜在客户',
      '新客户',
      '活跃期',
      '沉默期',
      '睡眠期',
      '流失期',
    ]);
    expect(LIFECYCLE_STAGE_KEYS.map((k) => lifecycleLabel(k, 'en'))).toEqual([
      'Prospect',
      'New',
      'Active',
      'Silent',
      'Dormant',
      'Lost',
    ]);
    expect(LOYALTY_STAGE_KEYS.map((k) => loyaltyStageLabel(k, 'zh-CN'))).toEqual([
      '潜在',
      '首购',
      '复购',
      '忠诚',
      '拥护者',
    ]);
    expect(LOYALTY_STAGE_KEYS.map((k) => loyaltyStageLabel(k, 'en'))).toEqual([
      'Prospect',
      'First purchase',
      'Repeat',
      'Loyal',
      'Advocate',
    ]);
    expect(LOYALTY_TIER_KEYS.map((k) => loyaltyTierLabel(k, 'zh-CN'))).toEqual([
      '普通会员',
      '银卡会员',
      '金卡会员',
      '钻石会员',
    ]);
    expect(LOYALTY_TIER_KEYS.map((k) => loyaltyTierLabel(k, 'en'))).toEqual([
      'Member',
      'Silver',
      'Gold',
      'Diamond',
    ]);
    expect(CHURN_RISK_KEYS.map((k) => churnRiskLabel(k, 'zh-CN'))).toEqual(['低', '中', '高']);
    expect(CHURN_RISK_KEYS.map((k) => churnRiskLabel(k, 'en'))).toEqual(['Low', 'Medium', 'High']);
  });
});
