/**
 * Row-level customer functions of crm-model.md: life cycle, loyalty stage and tier, churn
 * risk and the date helpers, all measured against an explicit as-of date.
 */
import { diffIsoDays, isLeapYear, parseIsoDay, toDayNumber } from './calendar';
import type { ChurnRiskKey, LifecycleStageKey, LoyaltyStageKey, LoyaltyTierKey } from './labels';
import { isScoredCount } from './quintiles';
import type { MaybeNumber } from './quintiles';

/**
 * Life-cycle stage with d = days from the last purchase to asOf. No purchase → prospect; a
 * missing or invalid last-purchase date on a buying customer → null (nothing to measure).
 */
export function lifecycleStage(
  lastPurchaseIso: string | null | undefined,
  count: MaybeNumber,
  asOfIso: string,
  active = 30,
  silent = 90,
  dormant = 180,
): LifecycleStageKey | null {
  if (!isScoredCount(count)) return 'prospect';
  const d = diffIsoDays(lastPurchaseIso, asOfIso);
  if (d === null) return null;
  if (d <= active) return count === 1 ? 'new' : 'active';
  if (d <= silent) return 'silent';
  if (d <= dormant) return 'dormant';
  return 'lost';
}

/** Loyalty stage from the purchase count and, optionally, how many people the customer referred. */
export function loyaltyStage(count: MaybeNumber, referrals?: MaybeNumber): LoyaltyStageKey {
  if (!isScoredCount(count)) return 'prospect';
  const c = count as number;
  if (c < 2) return 'firstPurchase';
  if (c < 5) return 'repeat';
  return isScoredCount(referrals) ? 'advocate' : 'loyal';
}

/** Tier by spend or points; each threshold is inclusive. An empty value → null. */
export function loyaltyTier(
  value: MaybeNumber,
  silver = 1000,
  gold = 5000,
  diamond = 20000,
): LoyaltyTierKey | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (value >= diamond) return 'diamond';
  if (value >= gold) return 'gold';
  if (value >= silver) return 'silver';
  return 'member';
}

/**
 * Churn risk: e = (last − first) / (count − 1) days, d = days since last. Low when d ≤ 1.5e,
 * medium when d ≤ 3e, else high. With e = 0 (every purchase on one day) the rule itself gives
 * low for d ≤ 0 and high afterwards: no rhythm is known, so any silence counts as a break.
 * count < 2, invalid dates, or last before first (inconsistent input) → null.
 */
export function churnRisk(
  firstIso: string | null | undefined,
  lastIso: string | null | undefined,
  count: MaybeNumber,
  asOfIso: string,
): ChurnRiskKey | null {
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 2) return null;
  const span = diffIsoDays(firstIso, lastIso);
  const d = diffIsoDays(lastIso, asOfIso);
  if (span === null || d === null || span < 0) return null;
  const e = span / (count - 1);
  if (d <= 1.5 * e) return 'low';
  if (d <= 3 * e) return 'medium';
  return 'high';
}

/** Whole days from the date to asOf (negative for a future date); null when invalid. */
export function daysSince(iso: string | null | undefined, asOfIso: string): number | null {
  return diffIsoDays(iso, asOfIso);
}

/**
 * Days until the next anniversary of the date's month and day (0 on the day itself).
 * 29 February falls on 28 February in non-leap years.
 */
export function nextBirthdayIn(iso: string | null | undefined, asOfIso: string): number | null {
  const birth = parseIsoDay(iso);
  const asOf = parseIsoDay(asOfIso);
  if (!birth || !asOf) return null;
  const today = toDayNumber(asOf);
  const thisYear = anniversaryDay(birth.month, birth.day, asOf.year);
  if (thisYear >= today) return thisYear - today;
  return anniversaryDay(birth.month, birth.day, asOf.year + 1) - today;
}

function anniversaryDay(month: number, day: number, year: number): number {
  const d = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
  return toDayNumber({ year, month, day: d });
}
