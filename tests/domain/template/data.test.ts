import { createSequentialIds } from '../../../src/domain/ids';
import type { TableRecord } from '../../../src/domain/model';
import { createShopTemplate } from '../../../src/domain/template';
import { readTemplate } from './helpers';

const AS_OF = '2025-06-30';
const TWO_YEARS_BEFORE = '2023-07-01'; // 730 days before AS_OF, inclusive window start
const make = (seed?: number) =>
  createShopTemplate({
    language: 'zh-CN',
    asOf: AS_OF,
    seed,
    ids: createSequentialIds(),
    now: 1234,
  });

interface Rollup {
  first: string | null;
  last: string | null;
  count: number;
  sum: number;
}

/** Straight recomputation of the roll-ups from the order records. */
function recomputeRollups(t: ReturnType<typeof make>): Map<string, Rollup> {
  const read = readTemplate(t);
  const rollups = new Map<string, Rollup>();
  for (const c of read.records('客户'))
    rollups.set(c.id, { first: null, last: null, count: 0, sum: 0 });
  for (const o of read.records('订单')) {
    const link = read.value(o, '订单', '客户') as string[];
    const date = read.value(o, '订单', '日期') as string;
    const r = rollups.get(link[0] as string) as Rollup;
    r.count += 1;
    r.sum += read.value(o, '订单', '金额') as number;
    if (r.first === null || date < r.first) r.first = date;
    if (r.last === null || date > r.last) r.last = date;
  }
  return rollups;
}

describe('shop template data', () => {
  const t = make();
  const read = readTemplate(t);
  const customers = read.records('客户');
  const orders = read.records('订单');
  const followUps = read.records('跟进记录');
  const v = (r: TableRecord, table: string, field: string) => read.value(r, table, field);

  it('has about 200 customers, 2,000 orders and 150 follow-ups', () => {
    expect(customers.length).toBeGreaterThanOrEqual(180);
    expect(customers.length).toBeLessThanOrEqual(220);
    expect(orders.length).toBeGreaterThanOrEqual(1800);
    expect(orders.length).toBeLessThanOrEqual(2200);
    expect(followUps.length).toBeGreaterThanOrEqual(120);
    expect(followUps.length).toBeLessThanOrEqual(180);
  });

  it('numbers records 0..n-1 per table with the injected timestamp and unique ids', () => {
    for (const rows of [customers, orders, followUps]) {
      expect(rows.map((r) => r.order)).toEqual(rows.map((_, i) => i));
      for (const r of rows) expect([r.createdAt, r.modifiedAt]).toEqual([1234, 1234]);
    }
    expect(new Set(t.records.map((r) => r.id)).size).toBe(t.records.length);
  });

  it('links every order and follow-up to exactly one existing customer', () => {
    const ids = new Set<string>(customers.map((c) => c.id));
    for (const r of orders)
      expect(ids.has((v(r, '订单', '客户') as string[])[0] as string)).toBe(true);
    for (const r of followUps) {
      const link = v(r, '跟进记录', '客户') as string[];
      expect(link).toHaveLength(1);
      expect(ids.has(link[0] as string)).toBe(true);
    }
  });

  it('dates orders within the two years up to asOf, with item prices of ¥15–300', () => {
    for (const r of orders) {
      const date = v(r, '订单', '日期') as string;
      expect(date >= TWO_YEARS_BEFORE && date <= AS_OF).toBe(true);
      const amount = v(r, '订单', '金额') as number;
      const qty = /×(\d)$/.exec(v(r, '订单', '商品') as string)?.[1] ?? '1';
      expect(amount / Number(qty)).toBeGreaterThanOrEqual(15);
      expect(amount / Number(qty)).toBeLessThanOrEqual(300);
    }
  });

  it('fills the roll-up columns exactly as a recomputation from the orders', () => {
    const rollups = recomputeRollups(t);
    for (const c of customers) {
      const r = rollups.get(c.id) as Rollup;
      expect(v(c, '客户', '最近消费日期') ?? null).toBe(r.last);
      expect(v(c, '客户', '首次消费日期') ?? null).toBe(r.first);
      expect(v(c, '客户', '消费次数')).toBe(r.count);
      expect(v(c, '客户', '消费金额')).toBe(r.sum);
    }
  });

  it.each([undefined, 1, 2, 3, 99])('has an 80/20 revenue curve (seed %s)', (seed) => {
    const read2 = readTemplate(make(seed));
    const spent = read2
      .records('客户')
      .map((c) => read2.value(c, '客户', '消费金额') as number)
      .sort((a, b) => b - a);
    const total = spent.reduce((s, x) => s + x, 0);
    const top = spent.slice(0, Math.round(spent.length * 0.2)).reduce((s, x) => s + x, 0);
    expect(top / total).toBeGreaterThanOrEqual(0.7);
    expect(top / total).toBeLessThanOrEqual(0.85);
  });

  it('gives customers unique names and mainland mobile numbers, ages 18–65', () => {
    expect(new Set(customers.map((c) => v(c, '客户', '姓名'))).size).toBe(customers.length);
    const phones = customers.map((c) => v(c, '客户', '手机') as string);
    for (const p of phones) expect(p).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(phones).size).toBe(phones.length);
    const birthdays = customers.map((c) => v(c, '客户', '生日')).filter((b) => b);
    expect(birthdays.length).toBeGreaterThan(customers.length * 0.7);
    expect(birthdays.length).toBeLessThan(customers.length);
    for (const b of birthdays as string[]) {
      const age = 2025 - Number(b.slice(0, 4)) - (b.slice(5) > AS_OF.slice(5) ? 1 : 0);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(65);
    }
  });

  it('keeps tags consistent with the data (regulars buy often, referrals came from friends)', () => {
    for (const c of customers) {
      const tags = (v(c, '客户', '标签') as string[] | null) ?? [];
      expect(tags.includes('老客')).toBe((v(c, '客户', '消费次数') as number) >= 8);
      if (v(c, '客户', '来源') === '朋友介绍') expect(tags).toContain('朋友介绍');
      if (tags.includes('会员'))
        expect(v(c, '客户', '会员积分')).toBe(Math.floor(v(c, '客户', '消费金额') as number));
    }
  });

  it('has follow-ups up to asOf, some with a next date and a few due today', () => {
    const dates = followUps.map((r) => v(r, '跟进记录', '日期') as string);
    for (const d of dates) expect(d <= AS_OF).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    const next = followUps.map((r) => v(r, '跟进记录', '下次跟进')).filter((x) => x);
    expect(next.length).toBeGreaterThan(20);
    const dueToday = next.filter((x) => x === AS_OF).length;
    expect(dueToday).toBeGreaterThanOrEqual(3);
    expect(dueToday).toBeLessThanOrEqual(10);
    for (const r of followUps) {
      const n = v(r, '跟进记录', '下次跟进') as string | null;
      if (n) expect(n > (v(r, '跟进记录', '日期') as string)).toBe(true);
      expect((v(r, '跟进记录', '内容') as string).length).toBeGreaterThan(4);
    }
  });
});

describe('shop template generation', () => {
  it('is deterministic for the same seed, asOf and ids, and varies with the seed', () => {
    const a = make(5);
    const b = make(5);
    expect(b).toEqual(a);
    expect(JSON.stringify(make(6).records)).not.toBe(JSON.stringify(a.records));
  });

  it('writes English names and items in English mode', () => {
    const t = createShopTemplate({
      language: 'en',
      asOf: AS_OF,
      ids: createSequentialIds(),
      now: 1,
    });
    const read = readTemplate(t);
    const names = read
      .records('Customers')
      .map((c) => read.value(c, 'Customers', 'Name') as string);
    for (const n of names) expect(n).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const items = read.records('Orders').map((o) => read.value(o, 'Orders', 'Item') as string);
    for (const i of items) expect(i).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('scales with the customers option', () => {
    const t = createShopTemplate({
      language: 'zh-CN',
      asOf: AS_OF,
      ids: createSequentialIds(),
      now: 1,
      customers: 50,
    });
    const read = readTemplate(t);
    expect(read.records('客户')).toHaveLength(50);
    expect(read.records('订单').length).toBeGreaterThan(400);
    expect(read.records('订单').length).toBeLessThan(600);
  });

  it('generates 200 customers in under 200 ms', () => {
    make(11); // warm-up: the first call includes module JIT
    const start = performance.now();
    make(12);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
