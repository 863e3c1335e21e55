/**
 * Purchase histories with a realistic 80/20 shape: a Pareto-distributed purchase frequency
 * (drawn by stratified quantiles so every seed gives a similar curve) and a basket size that
 * grows with loyalty, spread over the two years before the as-of date.
 */
import type { Random } from '../random';
import { SHOP_ITEMS } from './content';
import type { ShopItem } from './content';

export interface PlannedOrder {
  customer: number;
  /** Days before asOf (0 = on asOf). */
  daysAgo: number;
  item: ShopItem;
  quantity: number;
  amount: number;
  /** Index into the 'orders.channel' choices. */
  channel: number;
}

const WINDOW_DAYS = 730;
const PARETO_ALPHA = 1.3;
/** Bends the tail so that a third of buyers come once and the best come every few days. */
const FREQUENCY_POWER = 1.1;
const MAX_WEIGHT = 25;
const CHANNEL_WEIGHTS = [60, 20, 5, 15];

/** Excess purchase propensity (0 = buys once), by stratified Pareto quantiles, shuffled. */
function drawPropensities(rnd: Random, buyers: number): number[] {
  const weights = Array.from({ length: buyers }, (_, i) => {
    const u = (i + rnd.next()) / buyers;
    const pareto = Math.min(MAX_WEIGHT, 1 / Math.pow(1 - u, 1 / PARETO_ALPHA));
    return Math.pow(pareto - 1, FREQUENCY_POWER);
  });
  for (let i = weights.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [weights[i], weights[j]] = [weights[j] as number, weights[i] as number];
  }
  return weights;
}

/** Order count per customer: prospects get 0, buyers 1 + a share of the rest, ≈ `total` in all. */
export function drawOrderCounts(
  rnd: Random,
  customers: number,
  prospectShare: number,
  total: number,
): number[] {
  const prospects = new Set<number>();
  const wanted = Math.min(customers - 1, Math.round(customers * prospectShare));
  while (prospects.size < wanted) prospects.add(rnd.int(0, customers - 1));
  const buyers = customers - prospects.size;
  const propensities = drawPropensities(rnd, buyers);
  const sum = propensities.reduce((s, w) => s + w, 0);
  const scale = sum > 0 ? Math.max(0, total - buyers) / sum : 0;
  let next = 0;
  return Array.from({ length: customers }, (_, i) =>
    prospects.has(i) ? 0 : 1 + Math.round(scale * (propensities[next++] as number)),
  );
}

/** Days-ago of each purchase: first at the start of the relationship, last at its end. */
function drawPurchaseDays(rnd: Random, count: number): number[] {
  // A quarter of one-time buyers are recent, so the template shows new customers too.
  if (count === 1) return [rnd.chance(0.25) ? rnd.int(0, 30) : rnd.int(0, WINDOW_DAYS - 1)];
  const start = rnd.int(Math.min(WINDOW_DAYS - 1, Math.max(60, count * 4)), WINDOW_DAYS - 1);
  const stillActive = rnd.chance(0.3 + 0.6 * Math.min(1, count / 25));
  const end = stillActive ? rnd.int(0, Math.min(start, 25)) : rnd.int(Math.min(start, 30), start);
  const days = [start, end];
  for (let k = 2; k < count; k++) days.push(rnd.int(end, start));
  return days.sort((a, b) => b - a);
}

/** Bigger spenders lean to pricier items: weight = popularity · price^taste. */
function drawBasket(rnd: Random, taste: number): { item: ShopItem; quantity: number } {
  const item = rnd.weighted(
    SHOP_ITEMS,
    SHOP_ITEMS.map((it) => it.popularity * Math.pow(it.price, taste)),
  );
  const quantity = item.single ? 1 : rnd.weighted([1, 2, 3, 4], [60, 25, 10, 5]);
  return { item, quantity };
}

export function planOrders(rnd: Random, counts: readonly number[]): PlannedOrder[] {
  const orders: PlannedOrder[] = [];
  counts.forEach((count, customer) => {
    if (count === 0) return;
    const taste = -0.2 + 0.1 * Math.log(count) + 0.25 * rnd.normal();
    const favouriteChannel = rnd.weighted([0, 1, 2, 3], CHANNEL_WEIGHTS);
    for (const daysAgo of drawPurchaseDays(rnd, count)) {
      const { item, quantity } = drawBasket(rnd, taste);
      const channel = rnd.chance(0.7)
        ? favouriteChannel
        : rnd.weighted([0, 1, 2, 3], CHANNEL_WEIGHTS);
      orders.push({ customer, daysAgo, item, quantity, amount: item.price * quantity, channel });
    }
  });
  // Oldest first, like a till roll; ties in customer order keep the result deterministic.
  return orders.sort((a, b) => b.daysAgo - a.daysAgo || a.customer - b.customer);
}
