// @vitest-environment node
/**
 * Measurements (run with BENCH_ENGINE=1): the shop template's 9 formula columns over 100,000
 * rows, edits, and 1,000,000 rows × 3 row-local formulas, each beside plain-JS loops (the floor).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createTableEngine } from '../../src/engine';
import type { InputColumn } from '../../src/engine';
import {
  churnRisk,
  daysSince,
  lifecycleStage,
  loyaltyStage,
  loyaltyTier,
  rfmColumns,
} from '../../src/domain/crm';
import { addDays } from '../../src/domain/dates';

const AS_OF = '2025-06-30';
const TEMPLATE: Record<string, string> = {
  R: '=RFM_R(DAYS_SINCE({last}), {cnt})',
  F: '=RFM_F({cnt})',
  M: '=RFM_M({amt}, {cnt})',
  RFM: '=RFM_SCORE(DAYS_SINCE({last}), {cnt}, {amt})',
  RFM分群: '=RFM_SEGMENT(DAYS_SINCE({last}), {cnt}, {amt})',
  生命周期: '=LIFECYCLE_STAGE({last}, {cnt})',
  会员等级: '=LOYALTY_TIER({amt})',
  忠诚阶段: '=LOYALTY_STAGE({cnt})',
  流失风险: '=CHURN_RISK({first}, {last}, {cnt})',
};

function customers(n: number): InputColumn[] {
  let s = 42;
  const rand = (): number => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
  const cnt = Array.from({ length: n }, () => (rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 20)));
  const last = cnt.map((c) => (c ? addDays(AS_OF, -Math.floor(rand() * 400)) : null));
  const first = last.map((l) => (l ? addDays(l, -Math.floor(rand() * 700)) : null));
  const amt = cnt.map((c) => Math.round(c * rand() * 500 * 100) / 100);
  return [
    { fieldId: 'last', kind: 'date', values: last },
    { fieldId: 'first', kind: 'date', values: first },
    { fieldId: 'cnt', kind: 'number', values: cnt },
    { fieldId: 'amt', kind: 'number', values: amt },
  ];
}

const mb = (): number => Math.round(process.memoryUsage().heapUsed / 1e6);
const ms = (t0: number): number => Math.round(performance.now() - t0);

function templateFloor(inputs: InputColumn[]): number {
  const [last, first, cnt, amt] = inputs.map((c) => c.values) as [
    (string | null)[],
    (string | null)[],
    number[],
    number[],
  ];
  const t0 = performance.now();
  const days = last.map((d) => daysSince(d, AS_OF));
  rfmColumns(days, cnt, amt);
  for (let i = 0; i < cnt.length; i++) {
    lifecycleStage(last[i], cnt[i], AS_OF);
    loyaltyTier(amt[i]);
    loyaltyStage(cnt[i]);
    churnRisk(first[i], last[i], cnt[i], AS_OF);
  }
  return ms(t0);
}

describe.skipIf(!process.env.BENCH_ENGINE)('engine measurements', () => {
  it('100,000 rows × the template 9 formula columns', async () => {
    const n = 100_000;
    const inputs = customers(n);
    const floor = templateFloor(inputs);
    const heap0 = mb();
    const engine = createTableEngine({ asOf: AS_OF, language: 'zh-CN' });
    const formulas = Object.entries(TEMPLATE).map(([fieldId, formula]) => ({ fieldId, formula }));
    // The longest time the event loop could not run anything (one synchronous slice).
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const t0 = performance.now();
    await engine.build(n, inputs, formulas);
    const build = ms(t0);
    delay.disable();
    const longest = delay.max / 1e6;
    const t1 = performance.now();
    const changed = engine.setValues([{ fieldId: 'amt', row: 123, value: 99_999 }]);
    const edit = ms(t1);
    const t2 = performance.now();
    engine.setValues([{ fieldId: 'first', row: 456, value: '2020-01-01' }]);
    const local = ms(t2);
    const t3 = performance.now();
    engine.insertRows(n, 1, [{ fieldId: 'amt', values: [5] }]);
    const append = ms(t3);
    console.log(
      JSON.stringify({
        scenario: 'template-100k',
        buildMs: build,
        longestSliceMs: Math.round(longest),
        amountEditMs: edit,
        changedCells: changed.reduce((s, c) => s + c.rows.length, 0),
        rowLocalEditMs: local,
        appendRowMs: append,
        heapMB: mb() - heap0,
        floorMs: floor,
        ratio: Math.round(build / Math.max(1, floor)),
      }),
    );
    expect(engine.column('M')[123]).toBe(5);
  }, 600_000);

  it('100,000 rows × the template and 2 formulas reading its formula columns', async () => {
    const n = 100_000;
    const inputs = customers(n);
    const engine = createTableEngine({ asOf: AS_OF, language: 'zh-CN' });
    const formulas = Object.entries({
      ...TEMPLATE,
      返现: '=IF({RFM分群} = "重要价值客户", ROUND({amt} * 0.05, 2), 0)',
      总分: '={R} + {F} + {M}',
    }).map(([fieldId, formula]) => ({ fieldId, formula }));
    const t0 = performance.now();
    await engine.build(n, inputs, formulas);
    const build = ms(t0);
    const t1 = performance.now();
    engine.setValues([{ fieldId: 'amt', row: 123, value: 99_999 }]);
    const edit = ms(t1);
    const t2 = performance.now();
    engine.setFormula('预览', '={总分} * 2');
    engine.removeFormula('预览');
    const preview = ms(t2);
    console.log(
      JSON.stringify({
        scenario: 'over-formulas-100k',
        buildMs: build,
        amountEditMs: edit,
        previewMs: preview,
      }),
    );
    expect(engine.column('总分')[123]).toBe(Number(engine.column('R')[123]) + 5 + 5);
  }, 600_000);

  it('1,000,000 rows × 3 row-local formulas', async () => {
    const n = 1_000_000;
    const amt = Array.from({ length: n }, (_, i) => (i * 37) % 5000);
    const cnt = Array.from({ length: n }, (_, i) => (i % 7) + 1);
    const t0f = performance.now();
    for (let i = 0; i < n; i++) {
      void (amt[i]! / cnt[i]!);
      void (Math.round(amt[i]! * 1.1 * 100) / 100);
      void (amt[i]! > 1000 ? 'VIP' : '');
    }
    const floor = ms(t0f);
    const heap0 = mb();
    const engine = createTableEngine({ asOf: AS_OF, language: 'en' });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const t0 = performance.now();
    await engine.build(
      n,
      [
        { fieldId: 'amt', kind: 'number', values: amt },
        { fieldId: 'cnt', kind: 'number', values: cnt },
      ],
      [
        { fieldId: 'avg', formula: '={amt}/{cnt}' },
        { fieldId: 'net', formula: '=ROUND({amt}*1.1, 2)' },
        { fieldId: 'vip', formula: '=IF({amt} > 1000, "VIP", "")' },
      ],
    );
    const build = ms(t0);
    delay.disable();
    const t1 = performance.now();
    engine.setValues([{ fieldId: 'amt', row: 500_000, value: 7 }]);
    const edit = ms(t1);
    const t2 = performance.now();
    engine.insertRows(n, 1, [{ fieldId: 'amt', values: [5] }]);
    const append = ms(t2);
    console.log(
      JSON.stringify({
        scenario: 'local-1m',
        buildMs: build,
        longestSliceMs: Math.round(delay.max / 1e6),
        editMs: edit,
        appendRowMs: append,
        heapMB: mb() - heap0,
        floorMs: floor,
      }),
    );
    expect(engine.column('avg')[500_000]).toBe(7 / cnt[500_000]!);
  }, 1_200_000);
});
