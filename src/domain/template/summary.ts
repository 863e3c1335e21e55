/**
 * The customers' roll-up and customer-model columns, computed from their orders with the crm
 * functions, exactly as the roll-ups and formulas will compute them once they are live.
 */
import { addDays } from '../dates';
import { rfmColumns } from '../crm/rfm';
import type { RfmRow } from '../crm/rfm';
import {
  churnRiskLabel,
  lifecycleLabel,
  loyaltyStageLabel,
  loyaltyTierLabel,
  segmentLabel,
} from '../crm/labels';
import { churnRisk, daysSince, lifecycleStage, loyaltyStage, loyaltyTier } from '../crm/stages';
import type { Language } from '../model';
import type { PlannedOrder } from './orders';

export interface CustomerSummary {
  lastPurchase: string | null;
  firstPurchase: string | null;
  purchases: number;
  totalSpent: number;
  rfm: RfmRow;
  rfmSegment: string | null;
  lifecycle: string | null;
  tier: string | null;
  loyalty: string;
  churnRisk: string | null;
}

interface Rollup {
  first: number | null;
  last: number | null;
  count: number;
  sum: number;
}

function rollUp(customers: number, orders: readonly PlannedOrder[]): Rollup[] {
  const rows: Rollup[] = Array.from({ length: customers }, () => ({
    first: null,
    last: null,
    count: 0,
    sum: 0,
  }));
  for (const o of orders) {
    const row = rows[o.customer] as Rollup;
    row.count += 1;
    row.sum += o.amount;
    row.first = row.first === null ? o.daysAgo : Math.max(row.first, o.daysAgo);
    row.last = row.last === null ? o.daysAgo : Math.min(row.last, o.daysAgo);
  }
  return rows;
}

export function summariseCustomers(
  customers: number,
  orders: readonly PlannedOrder[],
  asOf: string,
  language: Language,
): CustomerSummary[] {
  const rollups = rollUp(customers, orders);
  const toIso = (daysAgo: number | null): string | null =>
    daysAgo === null ? null : addDays(asOf, -daysAgo);
  const lasts = rollups.map((r) => toIso(r.last));
  const rfm = rfmColumns(
    lasts.map((d) => daysSince(d, asOf)),
    rollups.map((r) => r.count),
    rollups.map((r) => r.sum),
  );
  return rollups.map((r, i) => {
    const last = lasts[i] ?? null;
    const first = toIso(r.first);
    const row = rfm[i] as RfmRow;
    const stage = lifecycleStage(last, r.count, asOf);
    const tier = loyaltyTier(r.sum);
    const risk = churnRisk(first, last, r.count, asOf);
    return {
      lastPurchase: last,
      firstPurchase: first,
      purchases: r.count,
      totalSpent: r.sum,
      rfm: row,
      rfmSegment: row.segment ? segmentLabel(row.segment, language) : null,
      lifecycle: stage ? lifecycleLabel(stage, language) : null,
      tier: tier ? loyaltyTierLabel(tier, language) : null,
      loyalty: loyaltyStageLabel(loyaltyStage(r.count), language),
      churnRisk: risk ? churnRiskLabel(risk, language) : null,
    };
  });
}
