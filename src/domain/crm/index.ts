/**
 * Public entry of the customer-model math (crm-model.md); the engine wraps these as
 * formula functions and the template fills its sample columns with them.
 */
export { quintileScores, thresholdScore, isScoredCount } from './quintiles';
export type { MaybeNumber, ScoreDirection, ThresholdKind } from './quintiles';
export { rfmColumns, classifySegment, segmentForScores, UNSCORED } from './rfm';
export type { RfmRow, RfmMeans } from './rfm';
export {
  lifecycleStage,
  lifecycleByDays,
  loyaltyStage,
  loyaltyTier,
  churnRisk,
  churnRiskByDays,
  daysSince,
  nextBirthdayIn,
} from './stages';
export {
  RFM_SEGMENT_KEYS,
  LIFECYCLE_STAGE_KEYS,
  LOYALTY_STAGE_KEYS,
  LOYALTY_TIER_KEYS,
  CHURN_RISK_KEYS,
  segmentLabel,
  lifecycleLabel,
  loyaltyStageLabel,
  loyaltyTierLabel,
  churnRiskLabel,
  compareModelLabels,
} from './labels';
export type {
  RfmSegmentKey,
  LifecycleStageKey,
  LoyaltyStageKey,
  LoyaltyTierKey,
  ChurnRiskKey,
} from './labels';
