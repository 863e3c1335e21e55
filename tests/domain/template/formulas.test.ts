/**
 * The template's analysis columns are formulas: evaluated by the real engine over the generated
 * customers, they must agree with a plain recomputation from the orders via the crm functions.
 */
import { rfmColumns } from '../../../src/domain/crm/rfm';
import {
  churnRiskLabel,
  lifecycleLabel,
  loyaltyStageLabel,
  loyaltyTierLabel,
  segmentLabel,
} from '../../../src/domain/crm/labels';
import {
  churnRisk,
  daysSince,
  lifecycleStage,
  loyaltyStage,
  loyaltyTier,
} from '../../../src/domain/crm/stages';
import { createSequentialIds } from '../../../src/domain/ids';
import type { Language, TableRecord } from '../../../src/domain/model';
import { createShopTemplate } from '../../../src/domain/template';
import type { ShopTemplate } from '../../../src/domain/template';
import type { FormulaResult } from '../../../src/engine';
import { computeFormulas, formulaColumn } from './engine';
import type { FormulaColumns } from './engine';
import { readTemplate } from './helpers';

const AS_OF = '2025-06-30';

/** The names a user sees, per language. */
const NAMES = {
  'zh-CN': {
    customers: '客户',
    orders: '订单',
    customer: '客户',
    date: '日期',
    amount: '金额',
    count: '消费次数',
    segment: 'RFM分群',
    lifecycle: '生命周期',
    tier: '会员等级',
    loyalty: '忠诚阶段',
    churn: '流失风险',
  },
  en: {
    customers: 'Customers',
    orders: 'Orders',
    customer: 'Customer',
    date: 'Date',
    amount: 'Amount',
    count: 'Purchases',
    segment: 'RFM segment',
    lifecycle: 'Life cycle',
    tier: 'Tier',
    loyalty: 'Loyalty',
    churn: 'Churn risk',
  },
} as const;

interface Rollup {
  first: string | null;
  last: string | null;
  count: number;
  sum: number;
}

/** Straight recomputation of each customer's roll-ups from the order records, in row order. */
function recomputeRollups(t: ShopTemplate, language: Language): Rollup[] {
  const n = NAMES[language];
  const read = readTemplate(t);
  const byId = new Map<string, Rollup>();
  const customers = read.records(n.customers);
  for (const c of customers) byId.set(c.id, { first: null, last: null, count: 0, sum: 0 });
  for (const o of read.records(n.orders)) {
    const link = read.value(o, n.orders, n.customer) as string[];
    const date = read.value(o, n.orders, n.date) as string;
    const r = byId.get(link[0] as string) as Rollup;
    r.count += 1;
    r.sum += read.value(o, n.orders, n.amount) as number;
    if (r.first === null || date < r.first) r.first = date;
    if (r.last === null || date > r.last) r.last = date;
  }
  return customers.map((c) => byId.get(c.id) as Rollup);
}

const labels = (column: readonly FormulaResult[]) => new Set(column.filter((v) => v !== null));

describe.each(['zh-CN', 'en'] as const)('shop template formula columns (%s)', (language) => {
  const n = NAMES[language];
  const t = createShopTemplate({ language, asOf: AS_OF, ids: createSequentialIds(), now: 1 });
  const read = readTemplate(t);
  const customers: TableRecord[] = read.records(n.customers);
  const rollups = recomputeRollups(t, language);
  let columns: FormulaColumns;

  beforeAll(async () => {
    columns = await computeFormulas(t, read.tableId(n.customers), { asOf: AS_OF, language });
  });

  it('stores no value for a formula column in the records', () => {
    const formulaIds = t.fields.filter((f) => f.type === 'formula').map((f) => f.id);
    expect(formulaIds).toHaveLength(9);
    for (const c of customers) for (const id of formulaIds) expect(c.values[id]).toBeUndefined();
  });

  it('computes R, F, M, RFM and the segment as rfmColumns on the roll-ups', () => {
    const rfm = rfmColumns(
      rollups.map((r) => daysSince(r.last, AS_OF)),
      rollups.map((r) => r.count),
      rollups.map((r) => r.sum),
    );
    const expected = {
      R: rfm.map((row) => row.r),
      F: rfm.map((row) => row.f),
      M: rfm.map((row) => row.m),
      RFM: rfm.map((row) => row.score),
      [n.segment]: rfm.map((row) => row.segment && segmentLabel(row.segment, language)),
    };
    for (const [name, column] of Object.entries(expected)) {
      expect(formulaColumn(columns, name), name).toEqual(column);
    }
  });

  it('computes life cycle, tier, loyalty and churn risk as the crm functions do', () => {
    const expected = {
      [n.lifecycle]: rollups.map((r) => {
        const stage = lifecycleStage(r.last, r.count, AS_OF);
        return stage && lifecycleLabel(stage, language);
      }),
      [n.tier]: rollups.map((r) => {
        const tier = loyaltyTier(r.sum);
        return tier && loyaltyTierLabel(tier, language);
      }),
      [n.loyalty]: rollups.map((r) => loyaltyStageLabel(loyaltyStage(r.count), language)),
      [n.churn]: rollups.map((r) => {
        const risk = churnRisk(r.first, r.last, r.count, AS_OF);
        return risk && churnRiskLabel(risk, language);
      }),
    };
    for (const [name, column] of Object.entries(expected)) {
      expect(formulaColumn(columns, name), name).toEqual(column);
    }
  });

  it('shows a spread of segments and stages, and 5–10% unscored prospects', () => {
    expect(labels(formulaColumn(columns, n.segment)).size).toBeGreaterThanOrEqual(7);
    expect(labels(formulaColumn(columns, n.lifecycle)).size).toBe(6);
    expect(labels(formulaColumn(columns, n.loyalty)).size).toBe(4);
    expect(labels(formulaColumn(columns, n.segment))).toContain(
      segmentLabel('champions', language),
    );
    const prospects = customers
      .map((c, i) => (read.value(c, n.customers, n.count) === 0 ? i : -1))
      .filter((i) => i >= 0);
    expect(prospects.length / customers.length).toBeGreaterThanOrEqual(0.05);
    expect(prospects.length / customers.length).toBeLessThanOrEqual(0.1);
    for (const i of prospects) {
      for (const name of ['R', 'F', 'M', 'RFM', n.segment, n.churn]) {
        expect(formulaColumn(columns, name)[i], name).toBeNull();
      }
      expect(formulaColumn(columns, n.lifecycle)[i]).toBe(lifecycleLabel('prospect', language));
    }
    const scored = formulaColumn(columns, 'RFM').filter((v) => v !== null);
    expect(scored).toHaveLength(customers.length - prospects.length);
  });
});
