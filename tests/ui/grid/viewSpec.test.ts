import { describe, expect, it } from 'vitest';
import {
  CHURN_RISK_KEYS,
  LIFECYCLE_STAGE_KEYS,
  LOYALTY_TIER_KEYS,
  churnRiskLabel,
  lifecycleLabel,
  loyaltyTierLabel,
} from '../../../src/domain/crm/labels';
import { collator } from '../../../src/domain/fields/base';
import { compareFormula } from '../../../src/ui/grid/viewSpec';

const sorted = (values: unknown[]) => [...values].sort(compareFormula);

describe('sorting formula results', () => {
  it('puts the customer model’s labels in the model’s order, in both languages', () => {
    expect(sorted(['金卡会员', '普通会员', '钻石会员', '银卡会员'])).toEqual(
      LOYALTY_TIER_KEYS.map((k) => loyaltyTierLabel(k, 'zh-CN')),
    );
    expect(sorted(['流失期', '新客户', '睡眠期', '活跃期', '潜在客户', '沉默期'])).toEqual(
      LIFECYCLE_STAGE_KEYS.map((k) => lifecycleLabel(k, 'zh-CN')),
    );
    expect(sorted(['高', '低', '中'])).toEqual(
      CHURN_RISK_KEYS.map((k) => churnRiskLabel(k, 'zh-CN')),
    );
    expect(sorted(['Low value', 'Champions', 'Key to win back'])).toEqual([
      'Champions',
      'Key to win back',
      'Low value',
    ]);
    // 'Prospect' belongs to two vocabularies: it comes first in either.
    expect(sorted(['Loyal', 'Prospect', 'Repeat'])).toEqual(['Prospect', 'Repeat', 'Loyal']);
    expect(sorted(['Lost', 'Prospect', 'Active'])).toEqual(['Prospect', 'Active', 'Lost']);
  });

  it('sorts other text by the alphabet, numbers before text and errors last', () => {
    expect(sorted(['b', { error: 'DIV_BY_ZERO' }, 'a', 10, 2])).toEqual([
      2,
      10,
      'a',
      'b',
      { error: 'DIV_BY_ZERO' },
    ]);
    // Labels of different vocabularies, or a label and a word, compare as text.
    expect(compareFormula('高', 'zebra')).toBe(collator.compare('高', 'zebra'));
    expect(compareFormula('高', '普通会员')).toBe(collator.compare('高', '普通会员'));
  });
});
