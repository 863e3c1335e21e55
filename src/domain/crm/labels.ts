/**
 * The customer-model vocabularies (segments, life-cycle stages, loyalty, tiers, churn risk)
 * as stable keys with their zh-CN and en labels, exactly as crm-model.md words them.
 */
import type { Language } from '../model';

type Labels<K extends string> = Record<K, Record<Language, string>>;

export const RFM_SEGMENT_KEYS = [
  'champions',
  'keyRetain',
  'keyDevelop',
  'keyWinBack',
  'regularValue',
  'regularRetain',
  'regularDevelop',
  'lowValue',
] as const;
export type RfmSegmentKey = (typeof RFM_SEGMENT_KEYS)[number];

const SEGMENT_LABELS: Labels<RfmSegmentKey> = {
  champions: { 'zh-CN': '重要价值客户', en: 'Champions' },
  keyRetain: { 'zh-CN': '重要保持客户', en: 'Key to retain' },
  keyDevelop: { 'zh-CN': '重要发展客户', en: 'Key to develop' },
  keyWinBack: { 'zh-CN': '重要挽留客户', en: 'Key to win back' },
  regularValue: { 'zh-CN': '一般价值客户', en: 'Regular value' },
  regularRetain: { 'zh-CN': '一般保持客户', en: 'Regular to retain' },
  regularDevelop: { 'zh-CN': '一般发展客户', en: 'Regular to develop' },
  lowValue: { 'zh-CN': '一般挽留客户', en: 'Low value' },
};

export const LIFECYCLE_STAGE_KEYS = [
  'prospect',
  'new',
  'active',
  'silent',
  'dormant',
  'lost',
] as const;
export type LifecycleStageKey = (typeof LIFECYCLE_STAGE_KEYS)[number];

const LIFECYCLE_LABELS: Labels<LifecycleStageKey> = {
  prospect: { 'zh-CN': '潜在客户', en: 'Prospect' },
  new: { 'zh-CN': '新客户', en: 'New' },
  active: { 'zh-CN': '活跃期', en: 'Active' },
  silent: { 'zh-CN': '沉默期', en: 'Silent' },
  dormant: { 'zh-CN': '睡眠期', en: 'Dormant' },
  lost: { 'zh-CN': '流失期', en: 'Lost' },
};

export const LOYALTY_STAGE_KEYS = [
  'prospect',
  'firstPurchase',
  'repeat',
  'loyal',
  'advocate',
] as const;
export type LoyaltyStageKey = (typeof LOYALTY_STAGE_KEYS)[number];

const LOYALTY_STAGE_LABELS: Labels<LoyaltyStageKey> = {
  prospect: { 'zh-CN': '潜在', en: 'Prospect' },
  firstPurchase: { 'zh-CN': '首购', en: 'First purchase' },
  repeat: { 'zh-CN': '复购', en: 'Repeat' },
  loyal: { 'zh-CN': '忠诚', en: 'Loyal' },
  advocate: { 'zh-CN': '拥护者', en: 'Advocate' },
};

export const LOYALTY_TIER_KEYS = ['member', 'silver', 'gold', 'diamond'] as const;
export type LoyaltyTierKey = (typeof LOYALTY_TIER_KEYS)[number];

const LOYALTY_TIER_LABELS: Labels<LoyaltyTierKey> = {
  member: { 'zh-CN': '普通会员', en: 'Member' },
  silver: { 'zh-CN': '银卡会员', en: 'Silver' },
  gold: { 'zh-CN': '金卡会员', en: 'Gold' },
  diamond: { 'zh-CN': '钻石会员', en: 'Diamond' },
};

export const CHURN_RISK_KEYS = ['low', 'medium', 'high'] as const;
export type ChurnRiskKey = (typeof CHURN_RISK_KEYS)[number];

const CHURN_RISK_LABELS: Labels<ChurnRiskKey> = {
  low: { 'zh-CN': '低', en: 'Low' },
  medium: { 'zh-CN': '中', en: 'Medium' },
  high: { 'zh-CN': '高', en: 'High' },
};

export function segmentLabel(key: RfmSegmentKey, language: Language): string {
  return SEGMENT_LABELS[key][language];
}

export function lifecycleLabel(key: LifecycleStageKey, language: Language): string {
  return LIFECYCLE_LABELS[key][language];
}

export function loyaltyStageLabel(key: LoyaltyStageKey, language: Language): string {
  return LOYALTY_STAGE_LABELS[key][language];
}

export function loyaltyTierLabel(key: LoyaltyTierKey, language: Language): string {
  return LOYALTY_TIER_LABELS[key][language];
}

export function churnRiskLabel(key: ChurnRiskKey, language: Language): string {
  return CHURN_RISK_LABELS[key][language];
}

/**
 * Each label's place in its vocabulary, by vocabulary, in both languages ('Prospect' is in two):
 * sorting a column of them follows the model's order (普通会员 → 钻石会员, 新客户 → 流失期,
 * 低 → 高, the segments as crm-model.md lists them) rather than the alphabet.
 */
const LABEL_ORDER = new Map<string, Map<string, number>>();
for (const [vocabulary, labels] of Object.entries({
  segment: SEGMENT_LABELS,
  lifecycle: LIFECYCLE_LABELS,
  loyaltyStage: LOYALTY_STAGE_LABELS,
  tier: LOYALTY_TIER_LABELS,
  churn: CHURN_RISK_LABELS,
})) {
  Object.values<Record<Language, string>>(labels).forEach((byLanguage, rank) => {
    for (const text of Object.values(byLanguage)) {
      let places = LABEL_ORDER.get(text);
      if (!places) LABEL_ORDER.set(text, (places = new Map()));
      places.set(vocabulary, rank);
    }
  });
}

/** Two labels of one vocabulary in the model's order; undefined for any other two texts. */
export function compareModelLabels(a: string, b: string): number | undefined {
  const placesA = LABEL_ORDER.get(a);
  const placesB = placesA && LABEL_ORDER.get(b);
  if (!placesA || !placesB) return undefined;
  for (const [vocabulary, rank] of placesA) {
    const other = placesB.get(vocabulary);
    if (other !== undefined) return rank - other;
  }
  return undefined;
}
