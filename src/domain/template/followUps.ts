/**
 * Follow-up notes of the last four months, leaning toward the customers who buy most, with
 * next-follow-up dates around the as-of date (a few due on it).
 */
import type { Random } from '../random';

export interface PlannedFollowUp {
  customer: number;
  daysAgo: number;
  /** Index into the 'followUps.channel' choices. */
  channel: number;
  note: number;
  /** Days after asOf (negative: overdue); null when none is planned. */
  nextInDays: number | null;
}

const CHANNEL_WEIGHTS = [30, 45, 10, 15];
const DUE_TODAY = 3;

export function planFollowUps(
  rnd: Random,
  orderCounts: readonly number[],
  total: number,
  noteCount: number,
): PlannedFollowUp[] {
  const customers = orderCounts.map((_, i) => i);
  const weights = orderCounts.map((c) => 1 + Math.sqrt(c));
  const plans: PlannedFollowUp[] = [];
  for (let k = 0; k < total; k++) {
    const daysAgo = Math.min(120, Math.floor(rnd.pareto(1, 1.2)) - 1 + rnd.int(0, 20));
    const next = rnd.chance(0.4) ? Math.max(-7, rnd.int(3, 21) - daysAgo) : null;
    plans.push({
      customer: rnd.weighted(customers, weights),
      daysAgo,
      channel: rnd.weighted([0, 1, 2, 3], CHANNEL_WEIGHTS),
      note: rnd.int(0, noteCount - 1),
      nextInDays: next,
    });
  }
  plans.sort((a, b) => b.daysAgo - a.daysAgo || a.customer - b.customer);
  markDueToday(plans);
  return plans;
}

/** The most recent follow-ups before asOf get a next follow-up due on asOf itself. */
function markDueToday(plans: PlannedFollowUp[]): void {
  let marked = 0;
  for (let i = plans.length - 1; i >= 0 && marked < DUE_TODAY; i--) {
    const plan = plans[i] as PlannedFollowUp;
    if (plan.daysAgo < 1) continue;
    plan.nextInDays = 0;
    marked += 1;
  }
}
