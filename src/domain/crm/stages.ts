/**
 * Row-level customer functions of crm-model.md: life cycle, loyalty stage and tier, churn
 * risk and the date helpers, all measured against an explicit as-of date.
 */
import { diffDays, isIsoDate, isoFromParts, readIsoDate } from '../dates';
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
  return lifecycleByDays(daysBetween(lastPurchaseIso, asOfIso), count, active, silent, dormant);
}

/**
 * lifecycleStage with d already counted (null: no valid last-purchase date). The formula engine
 * counts days from date serials, without turning each into a date text and back.
 */
export function lifecycleByDays(
  d: number | null,
  count: MaybeNumber,
  active = 30,
  silent = 90,
  dormant = 180,
): LifecycleStageKey | null {
  if (!isScoredCount(count)) return 'prospect';
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
  return churnRiskByDays(daysBetween(firstIso, lastIso), daysBetween(lastIso, asOfIso), count);
}

/** churnRisk with the span (last − first) and d (days since last) already counted. */
export function churnRiskByDays(
  span: number | null,
  d: number | null,
  count: MaybeNumber,
): ChurnRiskKey | null {
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 2) return null;
  if (span === null || d === null || span < 0) return null;
  const e = span / (count - 1);
  if (d <= 1.5 * e) return 'low';
  if (d <= 3 * e) return 'medium';
  return 'high';
}

/** Whole days from the date to asOf (negative for a future date); null when invalid. */
export function daysSince(iso: string | null | undefined, asOfIso: string): number | null {
  return daysBetween(iso, asOfIso);
}

/**
 * Days until the next anniversary of the date's month and day (0 on the day itself).
 * 29 February falls on 28 February in non-leap years.
 */
export function nextBirthdayIn(iso: string | null | undefined, asOfIso: string): number | null {
  const birth = isIsoDate(iso) ? readIsoDate(iso) : null;
  if (!birth || !isIsoDate(asOfIso)) return null;
  const year = Number(asOfIso.slice(0, 4));
  const thisYear = daysBetween(asOfIso, anniversaryIn(year, birth.month, birth.day));
  if (thisYear === null || thisYear >= 0) return thisYear;
  return daysBetween(asOfIso, anniversaryIn(year + 1, birth.month, birth.day));
}

/** The anniversary's date in `year` (29 February → 28 February); null past the year 9999. */
function anniversaryIn(year: number, month: number, day: number): string | null {
  return isoFromParts(year, month, day) ?? isoFromParts(year, month, day - 1);
}

/** Whole days from `from` to `to` (positive when `to` is later); null when either is no ISO date. */
function daysBetween(
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  return isIsoDate(from) && isIsoDate(to) ? diffDays(to, from) : null;
}
