// @vitest-environment node
/**
 * Formulas of the direct subset are evaluated in JavaScript; here every one of them must give
 * exactly what HyperFormula gives (the same engine with `direct: false`) on random columns
 * with empty cells, zeros, ties, numeric and other text, booleans and bad dates.
 */
import { createTableEngine } from '../../src/engine';
import type { EngineValue, InputColumn, TableEngine } from '../../src/engine';
import { AS_OF } from './helpers';

/** Seeds of the random columns; more with PARITY_SEEDS=7,8,… */
const SEEDS = (process.env.PARITY_SEEDS ?? '1,2,3,4,5,6').split(',').map(Number);

const FORMULAS: Record<string, string> = {
  div: '={a}/{b}',
  mix: '={a} + {b} * 2 - {c} / 4',
  neg: '=-{a} + 0.1 + 0.2',
  round: '=ROUND({a} * 1.1, 2)',
  vip: '=IF({a} > 10, "VIP", "")',
  pick: '=IF({a}, {b}, {c})',
  pick2: '=IF({a} <= {b}, {c})',
  eq: '={a} = {b}',
  ne: '={a} <> {t}',
  cat: '={t} & "-" & {t}',
  texteq: '=IF({t} = "abc", 1, {t} < {vip})',
  textle: '={t} <= {copycat}',
  catnum: '={t} & {a}',
  textmath: '={t} * 2',
  days: '=DAYS_SINCE({last})',
  bday: '=NEXT_BIRTHDAY_IN({last})',
  life: '=LIFECYCLE_STAGE({last}, {b})',
  life2: '=LIFECYCLE_STAGE({last}, {b}, 7, 14, 365)',
  tier: '=LOYALTY_TIER({a})',
  tier2: '=LOYALTY_TIER({a}, 5, 10, 15)',
  stage: '=LOYALTY_STAGE({b}, {c})',
  churn: '=CHURN_RISK({first}, {last}, {b})',
  r: '=RFM_R(DAYS_SINCE({last}), {b})',
  r1: '=RFM_R(DAYS_SINCE({last}))',
  f: '=RFM_F({b})',
  m: '=RFM_M({a}, {b})',
  m1: '=RFM_M({a} * 2)',
  mt: '=RFM_M({a}, 1, 5, 10, 15)',
  score: '=RFM_SCORE(DAYS_SINCE({last}), {b}, {a})',
  seg: '=RFM_SEGMENT(DAYS_SINCE({last}), {b}, {a})',
  nested: '=IF(RFM_F({b}) >= 3, ROUND({a} / {b}, 1), "low")',
  // Formulas reading formula columns (inlined when those are of the direct kind too).
  chain: '={div} + 1',
  chain2: '=IF({vip} = "VIP", {round}, {chain})',
  deep: '={chain2} & "/" & {days}',
  copy: '={c}',
  copycat: '={copy} & "x"',
  pickcat: '={pick2} & "x"',
  rankf: '=RFM_M({mix})',
  segf: '=IF({seg} = "Champions", 1, {score})',
  lastf: '={last}',
  // The functions of directPlain, with cells and computed values of every kind.
  and: '=IF(AND({a} > 5, {b} > 1), "VIP", "")',
  or: '=OR({a}, {t}, {b} = 0)',
  not: '=NOT({c})',
  abs: '=ABS({c} - 10) + ABS({t})',
  max: '=MAX({a}, {t}, 3)',
  min: '=MIN({a} * 2, {b}, {t} & "")',
  sum: '=SUM({a}, {b}, {c}, {pick}, {vip})',
  sumv: '=SUM({a} > 1, IF({b} > 2, {t}), 0.1, 0.2)',
  maxf: '=MAX({copy}, {div}) - MIN({t})',
  count: '=COUNT({a}, {t}, {copy}, {a} > 1, {t} & "")',
  avg: '=AVERAGE({a}, {b}, {div}) + AVERAGE({t})',
  iferr: '=IFERROR({div}, {t}) & IFERROR({c}, 1)',
  is: '=ISBLANK({c}) & ISBLANK({copy}) & ISNUMBER({t}) & ISTEXT({t}) & ISERROR({div})',
  ints: '=INT({a} - 10.5) + MOD({a}, {b}) * 100',
  mods: '=MOD({t}, 3) & MOD(-{c}, 2.5)',
  rounds: '=ROUNDUP({a} * 1.1, 1) + ROUNDDOWN(-{c} / 3, 2) + TRUNC({a} / 7)',
  texts: '=LEN({t}) & UPPER({t}) & LOWER({vip}) & TRIM("  " & {t} & "  x  ")',
  lr: '=LEFT({t}, {b}) & "|" & RIGHT({t}) & "|" & LEFT({a} / 3, 4)',
  concat: '=CONCATENATE({t}, {a}, {b} > 1, {copy}) & ({a} / 3)',
  dates: '=YEAR({last}) * 10000 + MONTH({last}) * 100 + DAY({first})',
  birthdays: '=IF(MONTH({last}) = MONTH(TODAY()), "本月", MONTH({t}))',
  age: '=YEAR(TODAY()) - YEAR({first})',
  mid: '=MID({t}, {b}, 2) & "|" & REPLACE({t}, 2, {b}, "-") & "|" & REPT({t}, {b})',
  find: '=IFERROR(FIND("b", {t}), -1) + IFERROR(FIND({vip}, {t}, {b}), -2)',
  subst: '=SUBSTITUTE({t}, "b", "X") & SUBSTITUTE({t} & {t}, {t}, "y", 2) & PROPER({t} & " aB")',
  exact: '=EXACT({t}, "abc") & T({t}) & T({a}) & N({a}) & N({t})',
  ifs: '=IFS({a} > 10, "big", {a} > 5, {b}, {t}, "t") & IFNA(IFS({a} < 0, 1), "none")',
  days2: '=DAYS({last}, {first}) + WEEKDAY({last}) * 1000 + WEEKDAY({first}, 2) * 10000',
  weekday3: '=WEEKDAY({last}, {b})',
  datedif: '=IFERROR(DATEDIF({first}, {last}, "Y") & "y" & DATEDIF({first}, {last}, "M"), "x")',
  datedif2: '=IFERROR(DATEDIF({first}, {last}, "MD") + DATEDIF({first}, {last}, "YM") * 100, 0)',
  switch:
    '=SWITCH({t}, "abc", 1, "TRUE", {a}, 12, "twelve", {b}) & SWITCH({b}, 1, "one", 2, "two")',
  datedif3: '=IFERROR(DATEDIF({first}, TODAY(), "D") & DATEDIF({first}, {last}, "YD"), {t})',
  vialast: '=DAYS_SINCE({lastf}) + {chain}',
  // TEXT: HyperFormula's number patterns (no thousands, no ×100 for %), dates, and the formats
  // it prints as durations, currencies or as they are.
  text1: '=TEXT({a}, "0.00") & "|" & TEXT({a} * 1000 - 7, "#") & "|" & TEXT({c}, "000.0#")',
  text2: '=TEXT({last}, "yyyy-mm-dd") & TEXT({first}, "MM/DD/YY") & TEXT({last}, "yyyy年m月d日")',
  text3: '=TEXT({a}, "hh:mm AM/PM") & TEXT({b}, "d") & TEXT({t}, "0.0") & TEXT({a} / 3, "dd mmm")',
  text4:
    '=TEXT({b}, "[hh]:mm") & TEXT({a}, "abc") & TEXT({a}, "\\#0") & TEXT({a}, "$#,##0.00") & TEXT({a}, "[$USD-409] 0.00")',
  text5:
    '=TEXT(TODAY(), "yyyy-mm-dd") & TEXT({a}, {t}) & TEXT({a} - 10, "0.0%") & TEXT({last}, "ss.00 h:mm:ss a/p")',
  text6: '=TEXT({div}, "0.000")',
  text7: '=TEXT({a} * 100000000000000000000, "0") & TEXT(-{c}, "00.##") & TEXT({c}, {b})',
  text8: '=TEXT({first}, "m/d h:mm") & TEXT({b}, "yy-mm") & TEXT({t}, "dd") & TEXT({vip}, "0")',
  isdate: '=ISBLANK({last}) & ISNUMBER({first}) & ISTEXT({last}) & ISERROR({first})',
  bdaytext: '=IF(ISBLANK({last}), "", TEXT({last}, "MM-DD"))',
  // Rankings over date-typed values (HyperFormula hands them over as date numbers).
  rankdate: '=RFM_M({last}) & "|" & RFM_R({first} + {b}, {b})',
  ranktext: '=RFM_M({t} * 1) & "|" & RFM_F({last} - {first})',
  // Dates in arithmetic: a date column where one operand is a date, a number otherwise.
  next: '={last} + 30',
  nextblank: '=IF({last} = "", "", {last} + 30)',
  span: '={last} - {first}',
  back: '=-{first} + 2 * {last}',
  ago: '=TODAY() - {last}',
  due: '=IF({b} > 2, {last} + {b}, {first})',
  half: '={last} / 2 - {a}',
  datecmp: '=IF({last} > {first}, "later", {last} < TODAY())',
  datetxt: '=({last} > {t}) & ({last} = "")',
  datemix: '={last} + {t}',
  datein: '=YEAR({last} + 30) & TEXT({first} + 7, "yyyy-mm-dd") & DAYS_SINCE({first} + 30)',
  pickdate: '=DAYS_SINCE(IF({b} > 2, {last}, {first}))',
  nextf: '={next} + {b}',
  // Functions that give dates (EDATE cuts to 28 February even in 2024, as HyperFormula does).
  edate: '=EDATE({last}, {b} - 13)',
  edate2: '=IFERROR(EDATE({first}, {a}), "bad")',
  // IFERROR and IFNA give a date back as a date.
  ifdate: '=IFERROR(EDATE({last}, {b} - 13), "")',
  ifna: '=IFNA({last} + {a}, 0)',
  iferrdate: '=IFERROR(1 / {b}, {first})',
  ifnest: '=IF({a} > 5, IFERROR({last} - 30, "x"), IFNA({first}, {last}))',
  eomonth: '=EOMONTH({last}, {b} - 2)',
  eomonth2: '=EOMONTH({first} + 20, -{b}) - {last}',
  date1: '=DATE(YEAR(TODAY()), MONTH({last}), DAY({last}))',
  date2: '=DATE(2024, {b} * 5 - 3, {a} * 3 - 20)',
  date3: '=IFERROR(DATE({a} * 500, 13, 1), {t})',
  date4: '=DATE({t}, 2, 29) & "|" & DAYS_SINCE(DATE(2025, {b}, 1))',
};

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
}

function columns(n: number, seed: number): InputColumn[] {
  const rand = random(seed);
  const odd = ['', 'abc', '12', ' 7 ', 'TRUE', '1e3', '-3.5'];
  // Texts HyperFormula compares ignoring case and accents, or as dates.
  const texts = [...odd, 'ABC', 'Àbc', '2025-01-05', '2025/1/5'];
  const value = (): EngineValue => {
    const x = rand();
    if (x < 0.1) return null;
    if (x < 0.15) return odd[Math.floor(rand() * odd.length)] ?? null;
    if (x < 0.18) return rand() < 0.5;
    if (x < 0.25) return 0;
    return Math.round(rand() * 20 * 100) / 100;
  };
  const day = (): EngineValue => {
    const x = rand();
    if (x < 0.1) return null;
    if (x < 0.13) return '2025-02-30';
    const d = new Date(Date.UTC(2025, 5, 30) - Math.floor(rand() * 500) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const col = (fieldId: string, kind: InputColumn['kind'], draw: () => EngineValue) => ({
    fieldId,
    kind,
    values: Array.from({ length: n }, draw),
  });
  return [
    col('a', 'number', value),
    col('b', 'number', () => (rand() < 0.8 ? Math.floor(rand() * 6) : value())),
    col('c', 'number', value),
    col('t', 'text', () =>
      rand() < 0.2 ? null : (texts[Math.floor(rand() * texts.length)] ?? 'x'),
    ),
    col('last', 'date', day),
    col('first', 'date', day),
  ];
}

async function pair(inputs: InputColumn[]): Promise<[TableEngine, TableEngine]> {
  const formulas = Object.entries(FORMULAS).map(([fieldId, formula]) => ({ fieldId, formula }));
  const make = async (direct: boolean) => {
    const e = createTableEngine({ asOf: AS_OF, language: 'en', blockSize: 7, direct });
    await e.build(inputs[0]?.values.length ?? 0, inputs, formulas);
    return e;
  };
  return [await make(true), await make(false)];
}

function expectSame(direct: TableEngine, hf: TableEngine): void {
  for (const id of Object.keys(FORMULAS)) {
    expect({ id, values: direct.column(id) }).toEqual({ id, values: hf.column(id) });
    expect({ id, type: direct.resultType(id) }).toEqual({ id, type: hf.resultType(id) });
  }
}

describe('direct evaluation equals HyperFormula', () => {
  it.each(SEEDS)(
    'on random columns (seed %i), after edits, inserts and removals',
    async (seed) => {
      const [direct, hf] = await pair(columns(60, seed));
      expectSame(direct, hf);
      const edits = [
        { fieldId: 'a', row: 3, value: 99 },
        { fieldId: 'b', row: 5, value: 0 },
        { fieldId: 't', row: 1, value: '5' },
        { fieldId: 'last', row: 2, value: '2025-06-29' },
      ];
      const changedDirect = direct.setValues(edits);
      const changedHf = hf.setValues(edits);
      expect(changedDirect.filter((c) => FORMULAS[c.fieldId])).toEqual(
        expect.arrayContaining(changedHf.filter((c) => FORMULAS[c.fieldId])),
      );
      expectSame(direct, hf);
      for (const e of [direct, hf]) {
        e.insertRows(10, 2, [
          { fieldId: 'a', values: [3, 'x'] },
          { fieldId: 'b', values: [2, 2] },
        ]);
        e.removeRows([0, 30, 31]);
        e.setAsOf('2025-09-01');
        e.setLanguage('zh-CN');
      }
      expectSame(direct, hf);
      // The first seed also compiles HyperFormula's code: 6 s on a busy machine.
    },
    30_000,
  );

  it('reports the rows of other customers whose rank changed, and only those', async () => {
    const e = createTableEngine({ asOf: AS_OF, language: 'en' });
    await e.build(
      5,
      [
        { fieldId: 'amt', kind: 'number', values: [10, 20, 30, 40, 50] },
        { fieldId: 'cnt', kind: 'number', values: [1, 1, 1, 1, 1] },
      ],
      [
        { fieldId: 'm', formula: '=RFM_M({amt}, {cnt})' },
        { fieldId: 'avg', formula: '={amt}/{cnt}' },
      ],
    );
    const changed = e.setValues([{ fieldId: 'amt', row: 0, value: 100 }]);
    expect(changed).toEqual([
      { fieldId: 'm', rows: [0, 1, 2, 3, 4] },
      { fieldId: 'avg', rows: [0] },
    ]);
  });

  it('types arithmetic on texts and dates as HyperFormula does (dates, times, percents)', async () => {
    const formulas = Object.entries({
      num: '={t} * 1',
      plus: '={t} + 1',
      neg: '=-{t}',
      withdate: '={last} + {t}',
      fromdate: '={last} - {t}',
      scaled: '={t} / 2 + {last}',
      pick: '=IF({a} > 5, {t}, {last}) + 0',
      today: '=TODAY() - {t}',
    }).map(([fieldId, formula]) => ({ fieldId, formula }));
    const texts = ['2025-01-05', '2025/1/5', '10:00', '2025-01-05 10:00', '5%', '$5', '12', 'abc'];
    for (const t of texts) {
      const inputs: InputColumn[] = [
        { fieldId: 'a', kind: 'number', values: [1, 9, 3] },
        { fieldId: 't', kind: 'text', values: [t, t, t] },
        { fieldId: 'last', kind: 'date', values: ['2025-03-01', null, '2024-12-31'] },
      ];
      const [direct, hf] = await Promise.all(
        [true, false].map(async (on) => {
          const e = createTableEngine({ asOf: AS_OF, language: 'en', direct: on });
          await e.build(3, inputs, formulas);
          return e;
        }),
      );
      for (const { fieldId: id } of formulas) {
        const of = (e: TableEngine) => ({ t, id, type: e.resultType(id), values: e.column(id) });
        expect(of(direct as TableEngine)).toEqual(of(hf as TableEngine));
      }
    }
  });

  it('a formula reading direct columns is direct too and stays right', async () => {
    const e = createTableEngine({ asOf: AS_OF, language: 'en', blockSize: 2 });
    await e.build(
      3,
      [{ fieldId: 'a', kind: 'number', values: [1, 2, 3] }],
      [{ fieldId: 'x', formula: '={a} * 2' }],
    );
    e.setFormula('y', '={x} + 1');
    expect(e.column('y')).toEqual([3, 5, 7]);
    e.setValues([{ fieldId: 'a', row: 1, value: 10 }]);
    expect(e.column('x')).toEqual([2, 20, 6]);
    expect(e.column('y')).toEqual([3, 21, 7]);
  });
});
