// @vitest-environment node
/** Arithmetic, text and date formulas, errors, validation and row inserts/removals. */
import { HyperFormula } from 'hyperformula';
import { createTableEngine } from '../../src/engine';
import { DirectEvaluator } from '../../src/engine/directEval';
import { AS_OF, buildEngine, date, num, text } from './helpers';

describe('formulas', () => {
  it('arithmetic, IF, ROUND, TEXT and result types', async () => {
    const e = await buildEngine(
      [num('amt', [1500, 200, 333]), num('cnt', [3, 0, 7]), text('name', ['A', '0012', 'C'])],
      {
        avg: '=ROUND({amt}/{cnt}, 2)',
        vip: '=IF({amt} > 1000, "VIP", "")',
        label: '={name} & " {x}"',
        txt: '=TEXT({amt}, "0.0")',
        big: '={amt} > 300',
      },
    );
    expect(e.column('avg')).toEqual([
      500,
      { error: 'DIV_BY_ZERO', message: expect.any(String) },
      47.57,
    ]);
    expect(e.column('vip')).toEqual(['VIP', '', '']);
    expect(e.column('label')).toEqual(['A {x}', '0012 {x}', 'C {x}']);
    expect(e.column('txt')).toEqual(['1500.0', '200.0', '333.0']);
    expect(e.resultType('avg')).toBe('number');
    expect(e.resultType('vip')).toBe('text');
    expect(e.resultType('big')).toBe('boolean');
  });

  it('an edit that gives a column a value of another kind changes its result type', async () => {
    const e = await buildEngine([num('amt', [5, 7])], {
      shown: '=IF({amt} > 0, {amt}, "none")',
      sum: '={amt} + 1',
    });
    expect([e.resultType('shown'), e.resultType('sum')]).toEqual(['number', 'number']);
    e.setValues([{ fieldId: 'amt', row: 1, value: -3 }]);
    expect(e.column('shown')).toEqual([5, 'none']);
    expect([e.resultType('shown'), e.resultType('sum')]).toEqual(['mixed', 'number']);
    e.setValues([{ fieldId: 'amt', row: 1, value: null }]);
    expect(e.resultType('sum')).toBe('number');
  });

  it('date arithmetic on a date input is a date column', async () => {
    const e = await buildEngine([date('first', ['2024-02-28', '2024-12-31'])], {
      later: '={first} + 2',
      made: '=DATE(2025, 1, 31)',
    });
    expect(e.resultType('later')).toBe('date');
    expect(e.column('later')).toEqual(['2024-03-01', '2025-01-02']);
    expect(e.column('made')).toEqual(['2025-01-31', '2025-01-31']);
  });

  it('MAX or MIN of dates, WORKDAY and the like are date columns; days between dates are numbers', async () => {
    for (const direct of [true, false]) {
      const e = await buildEngine(
        [date('last', ['2025-03-01', '2025-01-10']), date('first', ['2024-12-31', '2025-02-01'])],
        {
          later: '=MAX({last}, {first})',
          sooner: '=MIN({last}, TODAY())',
          due: '=WORKDAY({last}, 3)',
          after: '=IFERROR(MAX({last}, {first}) + 7, "")',
          days: '={last} - {first}',
          most: '=MAX({last}, 5)',
        },
        { direct },
      );
      const types = ['later', 'sooner', 'due', 'after', 'days', 'most'].map((id) =>
        e.resultType(id),
      );
      expect([direct, types]).toEqual([
        direct,
        ['date', 'date', 'date', 'date', 'number', 'number'],
      ]);
      expect(e.column('later')).toEqual(['2025-03-01', '2025-02-01']);
      expect(e.column('due')).toEqual(['2025-03-05', '2025-01-15']);
    }
  });

  it('reads TRUE and FALSE written without brackets as the logical values', async () => {
    for (const direct of [true, false]) {
      const e = await buildEngine(
        [num('amt', [5, 0])],
        {
          vip: '=IF({amt} > 1, TRUE, false)',
          both: '=AND({amt} > 1, TRUE)',
          yes: '=TRUE',
        },
        { direct },
      );
      expect([direct, e.column('vip'), e.column('both'), e.column('yes')]).toEqual([
        direct,
        [true, false],
        [true, false],
        [true, true],
      ]);
      expect(e.resultType('vip')).toBe('boolean');
    }
  });

  it('dates and words together are a date column whose words stay words; numbers and words stay mixed', async () => {
    for (const direct of [true, false]) {
      const e = await buildEngine(
        [date('last', ['2024-02-28', null, '2024-12-31']), num('cnt', [2, 0, 4])],
        {
          next: '=IF({cnt} > 0, {last} + 30, "未消费")',
          some: '=IF({cnt} > 0, {cnt} * 2, "未消费")',
        },
        { direct },
      );
      expect([direct, e.resultType('next')]).toEqual([direct, 'date']);
      expect(e.column('next')).toEqual(['2024-03-29', '未消费', '2025-01-30']);
      expect([direct, e.resultType('some')]).toEqual([direct, 'mixed']);
      expect(e.column('some')).toEqual([4, '未消费', 8]);
    }
  });

  it('empty text from IF does not make a date or number column mixed, before or after edits', async () => {
    const e = await buildEngine(
      [date('last', ['2024-02-28', null, '2024-12-31']), num('cnt', [2, 0, 4])],
      {
        next: '=IF({last} = "", "", {last} + 30)',
        avg: '=IF({cnt} = 0, "", 100 / {cnt})',
        note: '=IF({cnt} = 0, "", "buyer")',
      },
    );
    expect(e.resultType('next')).toBe('date');
    expect(e.column('next')).toEqual(['2024-03-29', '', '2025-01-30']);
    expect(e.resultType('avg')).toBe('number');
    expect(e.column('avg')).toEqual([50, '', 25]);
    expect(e.resultType('note')).toBe('text');
    // An edit that blanks a row, or fills the blank one, keeps the types.
    e.setValues([
      { fieldId: 'last', row: 0, value: null },
      { fieldId: 'last', row: 1, value: '2025-01-01' },
      { fieldId: 'cnt', row: 2, value: 0 },
    ]);
    expect(e.resultType('next')).toBe('date');
    expect(e.column('next')).toEqual(['', '2025-01-31', '2025-01-30']);
    expect(e.resultType('avg')).toBe('number');
    expect(e.column('avg')).toEqual([50, '', '']);
  });

  it('errors: #NAME?, #REF! for a missing field, cycles between two formula columns', async () => {
    const e = await buildEngine([num('a', [1, 2])], {
      unknown: '=FOO({a})',
      missing: '={gone} + 1',
      x: '={y} + 1',
      y: '={x} + 1',
    });
    expect(e.column('unknown')[0]).toMatchObject({ error: 'NAME' });
    expect(e.column('missing')[1]).toMatchObject({ error: 'REF' });
    expect(e.column('x')[0]).toMatchObject({ error: 'CYCLE' });
    expect(e.column('y')[1]).toMatchObject({ error: 'CYCLE' });
  });

  it('a zero times a negative number shows as 0, not -0', async () => {
    const e = await buildEngine([num('a', [0, 2])], { neg: '={a} * -1', hf: '=PRODUCT({a}, -1)' });
    for (const id of ['neg', 'hf']) {
      expect(Object.is(e.column(id)[0], 0)).toBe(true);
      expect(Object.is(e.cells(id, [0])[0], 0)).toBe(true);
    }
  });

  it('validate() rejects invalid formulas with the position of the problem', async () => {
    const e = await buildEngine([num('a', [1])], {});
    expect(e.validate('={a} * 2')).toEqual({ ok: true });
    expect(e.validate('=RFM_M({a})')).toEqual({ ok: true });
    expect(e.validate('=({a} + 1')).toMatchObject({ ok: false, position: 1 });
    expect(e.validate('="abc')).toMatchObject({ ok: false, position: 1 });
    expect(e.validate('=ROUND({a}, 2))')).toMatchObject({ ok: false, position: 14 });
    expect(e.validate('=FOO({a})')).toMatchObject({ ok: false, position: 1 });
    expect(e.validate('={a} +')).toMatchObject({ ok: false, position: 5 });
    expect(e.validate('={b} + 1')).toMatchObject({ ok: false, position: 1 });
  });
});

/** Amounts (each bought once) with a row-local column (doubled) and a ranked one (RFM_M). */
function doubledAndRanked(amounts: number[]) {
  return buildEngine(
    [
      num('amt', amounts),
      num(
        'cnt',
        amounts.map(() => 1),
      ),
    ],
    {
      dbl: '={amt} * 2',
      m: '=RFM_M({amt}, {cnt})',
    },
  );
}

describe('incremental changes', () => {
  it('insertRows and removeRows keep results aligned, across block boundaries', async () => {
    const amounts = [10, 20, 30, 40, 50, 60, 70];
    const e = await doubledAndRanked(amounts);
    e.insertRows(2, 3, [
      { fieldId: 'amt', values: [1, 2, 3] },
      { fieldId: 'cnt', values: [1, 1, 1] },
    ]);
    expect(e.rowCount).toBe(10);
    expect(e.column('dbl')).toEqual([20, 40, 2, 4, 6, 60, 80, 100, 120, 140]);
    // 10 scored: 1,2,3,10..70 → rank L → 1+floor(L/2)
    expect(e.column('m')).toEqual([2, 3, 1, 1, 2, 3, 4, 4, 5, 5]);
    e.removeRows([0, 3, 9]);
    expect(e.column('dbl')).toEqual([40, 2, 6, 60, 80, 100, 120]);
    e.insertRows(7, 1, [{ fieldId: 'amt', values: [5] }]);
    expect(e.column('dbl')).toEqual([40, 2, 6, 60, 80, 100, 120, 10]);
    e.setValues([{ fieldId: 'amt', row: 7, value: 6 }]);
    expect(e.column('dbl')[7]).toBe(12);
    // the new row has no count: unscored
    expect(e.column('m')[7]).toBeNull();
  });

  it('an insert evaluates only the new rows of a row-local column; a removal none', async () => {
    const amounts = Array.from({ length: 500 }, (_, i) => i + 1);
    const e = await doubledAndRanked(amounts);
    const evaluate = vi.spyOn(DirectEvaluator.prototype, 'evaluate');
    const ranked = vi.spyOn(DirectEvaluator.prototype, 'rankedRange');
    e.insertRows(100, 2, [
      { fieldId: 'amt', values: [7, 1000] },
      { fieldId: 'cnt', values: [1, 1] },
    ]);
    // dbl: the two new rows; m: its ranking saw two new members, so the whole column again.
    expect(evaluate).toHaveBeenCalledTimes(2);
    expect(ranked).toHaveBeenCalledTimes(1);
    expect(e.column('dbl').slice(99, 103)).toEqual([200, 14, 2000, 202]);
    expect(e.column('m')[101]).toBe(5);
    evaluate.mockClear();
    e.removeRows([0, 1]);
    expect(evaluate).not.toHaveBeenCalled();
    expect(e.column('dbl').slice(0, 2)).toEqual([6, 8]);
    vi.restoreAllMocks();
  });

  it('setFormula, removeFormula, addInput and removeInput', async () => {
    const e = await buildEngine([num('a', [1, 2, 3])], { f: '={a} + 1', g: '={f} * 10' });
    expect(e.column('g')).toEqual([20, 30, 40]);
    const changed = e.setFormula('f', '={a} + 2');
    expect(e.column('f')).toEqual([3, 4, 5]);
    expect(changed).toContainEqual({ fieldId: 'g', rows: [0, 1, 2] });
    e.setFormula('h', '={b} * {a}');
    expect(e.column('h')[0]).toMatchObject({ error: 'REF' });
    e.addInput({ fieldId: 'b', kind: 'number', values: [5, 6, 7] });
    expect(e.column('h')).toEqual([5, 12, 21]);
    e.removeInput('b');
    expect(e.column('h')[0]).toMatchObject({ error: 'REF' });
    e.removeFormula('f');
    expect(e.column('g')[0]).toMatchObject({ error: 'REF' });
    expect(() => e.column('f')).toThrow();
  });

  it('formulas reading formula columns stay in JavaScript and follow those columns', async () => {
    const e = await buildEngine([num('a', [1, 2, 3, 4, 5])], {
      x: '={a} * 2',
      y: '={x} + 1',
      z: '=RFM_M({y})',
    });
    expect(e.column('y')).toEqual([3, 5, 7, 9, 11]);
    expect(e.column('z')).toEqual([1, 2, 3, 4, 5]);
    const written = vi.spyOn(HyperFormula.prototype, 'setCellContents');
    const changed = e.setValues([{ fieldId: 'a', row: 0, value: 10 }]);
    // HyperFormula holds none of these columns: an edit never writes to it.
    expect(written).not.toHaveBeenCalled();
    expect(e.column('y')[0]).toBe(21);
    expect(e.column('z')).toEqual([5, 1, 2, 3, 4]);
    expect(changed).toEqual([
      { fieldId: 'x', rows: [0] },
      { fieldId: 'y', rows: [0] },
      { fieldId: 'z', rows: [0, 1, 2, 3, 4] },
    ]);
    // x's own formula changes: the formulas built on it follow.
    const replaced = e.setFormula('x', '={a} * 3');
    expect(written).not.toHaveBeenCalled();
    expect(e.column('y')).toEqual([31, 7, 10, 13, 16]);
    expect(replaced).toContainEqual({ fieldId: 'y', rows: [0, 1, 2, 3, 4] });
    // A formula only HyperFormula evaluates reads y: y (and x under it) move there, z stays.
    e.setFormula('s', '=SUM({y}, 1)');
    expect(e.column('s')).toEqual([32, 8, 11, 14, 17]);
    e.setValues([{ fieldId: 'a', row: 1, value: 0 }]);
    expect(e.column('s')[1]).toBe(2);
    expect(e.column('z')).toEqual([5, 1, 2, 3, 4]);
    // x goes: everything reading it, directly or through y, is #REF!.
    e.removeFormula('x');
    for (const id of ['y', 'z', 's']) expect(e.column(id)[0]).toMatchObject({ error: 'REF' });
    vi.restoreAllMocks();
  });

  it('a text comparison asks HyperFormula once per pair of texts, not once per row', async () => {
    const written = vi.spyOn(HyperFormula.prototype, 'setCellContents');
    const tiers = Array.from({ length: 300 }, (_, i) => ['VIP', 'vip', '普通'][i % 3] ?? null);
    const e = await buildEngine([text('t', tiers)], { vip: '=IF({t} = "VIP", 1, 0)' });
    expect(e.column('vip').slice(0, 6)).toEqual([1, 1, 0, 1, 1, 0]);
    // The as-of date and language, then at most one question per pair of texts.
    expect(written.mock.calls.length).toBeLessThanOrEqual(1 + 3);
    vi.restoreAllMocks();
  });

  it('date arithmetic runs in JavaScript and stays a date column: follow-ups, days between', async () => {
    const written = vi.spyOn(HyperFormula.prototype, 'setCellContents');
    const dates = Array.from({ length: 300 }, (_, i) =>
      i % 3 ? `2025-0${1 + (i % 6)}-1${i % 10}` : null,
    );
    const e = await buildEngine(
      [
        date('last', dates),
        date(
          'first',
          dates.map(() => '2024-12-31'),
        ),
      ],
      {
        next: '=IF({last} = "", "", {last} + 30)',
        soon: '=IF(AND({last} <> "", {last} + 30 < TODAY()), "overdue", "")',
        gap: '={last} - {first}',
        back: '=TODAY() - 7',
      },
    );
    expect(e.column('next').slice(0, 3)).toEqual(['', '2025-03-13', '2025-04-11']);
    expect(e.resultType('next')).toBe('date');
    expect(e.column('soon').slice(0, 3)).toEqual(['', 'overdue', 'overdue']);
    expect(e.column('gap').slice(1, 3)).toEqual([42, 71]);
    expect(e.resultType('gap')).toBe('number');
    expect(e.column('back')[0]).toBe('2025-06-23');
    // Besides the as-of date and language and three questions (how an empty date and a number
    // compare with ""), HyperFormula holds nothing of these 300 rows, before or after an edit.
    expect(written.mock.calls.length).toBeLessThanOrEqual(4);
    e.setValues([{ fieldId: 'last', row: 0, value: '2025-06-20' }]);
    expect(e.column('next')[0]).toBe('2025-07-20');
    expect(e.column('soon')[0]).toBe('');
    expect(written.mock.calls.length).toBeLessThanOrEqual(4);
    vi.restoreAllMocks();
  });

  it('DATE, EDATE and EOMONTH run in JavaScript with HyperFormula’s results, as date columns', async () => {
    const written = vi.spyOn(HyperFormula.prototype, 'setCellContents');
    const e = await buildEngine(
      [date('first', ['2023-01-31', '2024-02-29', '2025-12-15']), num('months', [1, 12, 2])],
      {
        // EDATE cuts to 28 February even in a leap year, as HyperFormula does.
        edate: '=EDATE({first}, {months})',
        eom: '=EOMONTH({first}, {months})',
        // This year's birthday (the as-of date is 2025-06-30); 29 February moves to 1 March.
        birthday: '=DATE(YEAR(TODAY()), MONTH({first}), DAY({first}))',
        // Months past 12 move the year; day 0 is the last day of the month before.
        over: '=DATE(2024, {months} + 12, 0)',
      },
    );
    expect(e.column('edate')).toEqual(['2023-02-28', '2025-02-28', '2026-02-15']);
    expect(e.column('eom')).toEqual(['2023-02-28', '2025-02-28', '2026-02-28']);
    expect(e.column('birthday')).toEqual(['2025-01-31', '2025-03-01', '2025-12-15']);
    expect(e.column('over')).toEqual(['2024-12-31', '2025-11-30', '2025-01-31']);
    for (const id of ['edate', 'eom', 'birthday', 'over']) expect(e.resultType(id)).toBe('date');
    // Besides the as-of date and language, HyperFormula holds nothing of these columns.
    expect(written.mock.calls.length).toBeLessThanOrEqual(1);
    vi.restoreAllMocks();
  });

  it('IFERROR and IFNA give dates back as dates, in JavaScript', async () => {
    const written = vi.spyOn(HyperFormula.prototype, 'setCellContents');
    const e = await buildEngine(
      [date('first', ['2024-01-31', null, '2025-03-01']), num('cnt', [2, 0, 4])],
      {
        // 24 months over the purchases later, blank where there were none (#DIV/0!).
        anniversary: '=IFERROR(EDATE({first}, 24 / {cnt}), "")',
        // A date, or the first purchase where there is no count to divide by.
        either: '=IFERROR(1 / {cnt}, {first})',
        na: '=IFNA({first} + 30, "")',
      },
    );
    expect(e.column('anniversary')).toEqual(['2025-01-31', '', '2025-09-01']);
    expect(e.resultType('anniversary')).toBe('date');
    expect(e.column('na')).toEqual(['2024-03-01', '1900-01-29', '2025-03-31']);
    expect(e.resultType('na')).toBe('date');
    expect(e.column('either')).toEqual([0.5, null, 0.25]);
    // Besides the as-of date and language, HyperFormula holds nothing of these columns.
    expect(written.mock.calls.length).toBeLessThanOrEqual(1);
    vi.restoreAllMocks();
  });

  it('TEXT prints numbers and dates in JavaScript; durations and currencies ask HyperFormula', async () => {
    const written = vi.spyOn(HyperFormula.prototype, 'setCellContents');
    const e = await buildEngine(
      [num('amt', [1234.5, 0.005, null]), date('bday', ['1990-02-28', '2000-12-01', null])],
      {
        money: '=TEXT({amt}, "0.00")',
        day: '=TEXT({bday}, "yyyy年m月d日")',
        md: '=TEXT({bday}, "MM-DD") & " " & TEXT(TODAY(), "yyyy/mm/dd")',
        // A date read by ISBLANK stays in JavaScript too.
        safe: '=IF(ISBLANK({bday}), "", TEXT({bday}, "MM-DD"))',
      },
    );
    expect(e.column('money')).toEqual(['1234.50', '0.01', '0.00']);
    expect(e.column('day')).toEqual(['1990年2月28日', '2000年12月1日', '1899年12月30日']);
    expect(e.column('md')).toEqual(['02-28 2025/06/30', '12-01 2025/06/30', '12-30 2025/06/30']);
    expect(e.column('safe')).toEqual(['02-28', '12-01', '']);
    // Besides the as-of date and language, HyperFormula holds nothing of these columns.
    expect(written.mock.calls.length).toBeLessThanOrEqual(1);
    e.setValues([{ fieldId: 'amt', row: 1, value: 7 }]);
    expect(e.column('money')[1]).toBe('7.00');
    expect(written.mock.calls.length).toBeLessThanOrEqual(1);
    // A duration format is HyperFormula's to print (currencies too: see directParity).
    e.setFormula('hours', '=TEXT({amt} / 24, "[hh]:mm")');
    expect(e.column('hours')).toEqual(['1234:30', '07:00', '00:00']);
    vi.restoreAllMocks();
  });

  it('an input added after the formula columns is read from its own column by HyperFormula', async () => {
    // Every formula here is JavaScript's: HyperFormula gets the inputs only with the first
    // formula of its own, after `b` was added behind the formula columns.
    const e = await buildEngine([num('a', [1, 2, 3])], { x: '={a} * 2', y: '={a} + 1' });
    e.addInput(num('b', [10, 20, 30]));
    e.setFormula('z', '=PRODUCT({b}, {a})');
    expect(e.column('z')).toEqual([10, 40, 90]);
    expect(e.column('x')).toEqual([2, 4, 6]);
    expect(e.column('y')).toEqual([2, 3, 4]);
    e.setValues([{ fieldId: 'a', row: 0, value: 5 }]);
    expect(e.column('x')).toEqual([10, 4, 6]);
    expect(e.column('y')).toEqual([6, 3, 4]);
    expect(e.column('z')).toEqual([50, 40, 90]);
  });

  it('a formula column set and removed again and again (the previews) reuses its sheet column', async () => {
    const e = await buildEngine([num('a', [1, 2, 3])], { x: '=PRODUCT({a}, 2)' });
    // HyperFormula's sheet takes 1,000 columns: more previews than that still work.
    for (let i = 0; i < 1_100; i++) {
      e.setFormula('preview', `=PRODUCT({a}, ${i})`);
      e.removeFormula('preview');
    }
    e.setFormula('y', '=PRODUCT({x}, 10)');
    expect(e.column('y')).toEqual([20, 40, 60]);
  });

  it('a ranking over dates scores them as their day numbers on both paths', async () => {
    for (const direct of [true, false]) {
      const e = createTableEngine({ asOf: AS_OF, language: 'en', direct });
      const days = ['2025-01-01', '2025-02-01', null, '2025-03-05'];
      await e.build(4, [date('d', days)], [{ fieldId: 'm', formula: '=RFM_M({d})' }]);
      // HyperFormula hands the dates to the plugin as date numbers: they were left unscored.
      expect({ direct, m: e.column('m') }).toEqual({ direct, m: [1, 2, null, 4] });
      e.destroy();
    }
  });

  it('a loop through formula columns is #CYCLE! until a formula breaks it', async () => {
    const e = await buildEngine([num('a', [1, 2])], { p: '={q} + {a}', q: '={p} * 2' });
    for (const id of ['p', 'q']) expect(e.column(id)[1]).toMatchObject({ error: 'CYCLE' });
    e.setFormula('q', '={a} * 2');
    expect(e.column('p')).toEqual([3, 6]);
    expect(e.column('q')).toEqual([2, 4]);
  });

  it('deleting a column under a chain of HyperFormula columns makes each #REF! in every row', async () => {
    const e = await buildEngine([num('a', [1, 2, 3, 4, 5])], {
      x: '={a} * 2',
      y: '=SUM({x}, 1)',
      z: '=RFM_M({y})',
      w: '=IF({a} > 2, 1, {x})',
    });
    expect(e.column('z')).toEqual([1, 2, 3, 4, 5]);
    const changed = e.removeFormula('x');
    for (const id of ['y', 'z', 'w']) {
      expect(e.column(id)).toEqual(Array(5).fill({ error: 'REF', message: '#REF!' }));
      expect(changed).toContainEqual({ fieldId: id, rows: [0, 1, 2, 3, 4] });
    }
    e.setValues([{ fieldId: 'a', row: 0, value: 9 }]);
    expect(e.column('y')[0]).toMatchObject({ error: 'REF' });
  });

  it('an inserted row of a per-cell formula shows its value, also one its row had before', async () => {
    const e = await buildEngine([num('a', [null, 5, null, 7])], { avg: '=AVERAGE({a}, 3)' });
    expect(e.column('avg')).toEqual([3, 4, 3, 5]);
    const changed = e.insertRows(0, 1, [{ fieldId: 'a', values: [3] }]);
    expect(e.column('avg')).toEqual([3, 3, 4, 3, 5]);
    expect(changed).toContainEqual({ fieldId: 'avg', rows: [0] });
  });

  it('a formula that aggregates falls back to one formula per cell and stays per row', async () => {
    const e = await buildEngine([num('a', [1, 2, 3, 4, 5])], { s: '=SUM({a}, 10)' });
    expect(e.column('s')).toEqual([11, 12, 13, 14, 15]);
  });

  it('a formula folding ranges with a row value around it still reads its own row only', async () => {
    const e = await buildEngine([num('a', [1, 2, 3, 4, 5]), num('b', [10, 20, 30, 40, 50])], {
      p: '=PRODUCT({a}, 2) + {b}',
      m: '=MEDIAN({a}, {b}, 0) & "/" & {a}',
    });
    expect(e.column('p')).toEqual([12, 24, 36, 48, 60]);
    expect(e.column('m')).toEqual(['1/1', '2/2', '3/3', '4/4', '5/5']);
    e.insertRows(5, 1, [
      { fieldId: 'a', values: [6] },
      { fieldId: 'b', values: [60] },
    ]);
    expect(e.column('p')[5]).toBe(72);
  });

  it('build yields and reports progress', async () => {
    const e = createTableEngine({ asOf: '2025-01-01', language: 'en', blockSize: 10 });
    const seen: number[] = [];
    await e.build(
      100,
      [
        num(
          'a',
          Array.from({ length: 100 }, (_, i) => i),
        ),
      ],
      [{ fieldId: 'f', formula: '={a} * 3' }],
      (p) => seen.push(p.done),
    );
    expect(seen.length).toBeGreaterThan(1);
    expect(e.column('f')[99]).toBe(297);
  });
});
