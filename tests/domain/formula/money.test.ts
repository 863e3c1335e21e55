import type { FieldId, TableId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';
import { moneyFieldOf } from '../../../src/domain/formula/money';

const tableId = 'tbl_customers' as TableId;
const make = (id: string, type: Field['type'], options: Field['options'] = {}): Field => ({
  id: id as FieldId,
  tableId,
  name: id,
  type,
  options,
});
const AMOUNT = make('fld_amount', 'currency', { currencySymbol: '¥', decimals: 2 });
const DOLLARS = make('fld_usd', 'currency', { currencySymbol: '$', decimals: 0 });
const COUNT = make('fld_count', 'number');
const NAME = make('fld_name', 'text');
const formula = (id: string, stored: string): Field => make(id, 'formula', { formula: stored });
const BONUS = formula('fld_bonus', '=ROUND({fld_amount}*0.05,2)');
const BONUS_TWICE = formula('fld_bonus2', '={fld_bonus}*2');
const AVG = formula('fld_avg', '={fld_amount}/{fld_count}');
const SHARE = formula('fld_share', '={fld_amount}/{fld_amount}');
const LOOP_A = formula('fld_loop_a', '={fld_loop_b}+{fld_amount}');
const LOOP_B = formula('fld_loop_b', '={fld_loop_a}*2');
const SELF = formula('fld_self', '={fld_self}');
const FIELDS = new Map(
  [AMOUNT, DOLLARS, COUNT, NAME, BONUS, BONUS_TWICE, AVG, SHARE, LOOP_A, LOOP_B, SELF].map((f) => [
    f.id,
    f,
  ]),
);
const money = (stored: string): string | undefined => moneyFieldOf(stored, FIELDS)?.id;

describe('moneyFieldOf', () => {
  it('follows a reference to a currency field, and only to one', () => {
    expect(money('={fld_amount}')).toBe('fld_amount');
    expect(money('= ( {fld_usd} ) ')).toBe('fld_usd');
    expect(money('={fld_count}')).toBeUndefined();
    expect(money('={fld_name}')).toBeUndefined();
    expect(money('={fld_gone}')).toBeUndefined();
    expect(money('=1220')).toBeUndefined();
  });

  it('keeps money through rounding, ABS and aggregates of money only', () => {
    expect(money('=ROUND({fld_amount}*0.05, 2)')).toBe('fld_amount');
    expect(money('=roundup({fld_amount},0)')).toBe('fld_amount');
    expect(money('=ROUNDDOWN({fld_amount})')).toBe('fld_amount');
    expect(money('=ABS(-{fld_amount})')).toBe('fld_amount');
    expect(money('=SUM({fld_amount}, {fld_amount}*2)')).toBe('fld_amount');
    expect(money('=MAX({fld_amount}, {fld_bonus})')).toBe('fld_amount');
    expect(money('=MIN({fld_amount})')).toBe('fld_amount');
    expect(money('=AVERAGE({fld_amount}, {fld_amount})')).toBe('fld_amount');
    expect(money('=ROUND({fld_count}, 2)')).toBeUndefined();
    expect(money('=ROUND({fld_amount}/{fld_amount}, 2)')).toBeUndefined();
    expect(money('=SUM({fld_amount}, 10)')).toBeUndefined();
    expect(money('=MAX({fld_amount}, {fld_count})')).toBeUndefined();
    expect(money('=ABS({fld_amount}, 1)')).toBeUndefined();
  });

  it('keeps money through IF, IFERROR and IFNA when every numeric branch is money', () => {
    expect(money('=IF({fld_count} > 3, {fld_amount}, "")')).toBe('fld_amount');
    expect(money('=IF({fld_count} > 3, {fld_amount}*0.9, {fld_amount})')).toBe('fld_amount');
    expect(money('=IFERROR({fld_amount}/{fld_count}, "")')).toBe('fld_amount');
    expect(money('=IFNA({fld_amount}, {fld_amount})')).toBe('fld_amount');
    expect(money('=IF({fld_count} > 3, {fld_amount}, 0)')).toBeUndefined();
    expect(money('=IF({fld_count} > 3, "a", "b")')).toBeUndefined();
    expect(money('=IFERROR({fld_amount}/{fld_amount}, 0)')).toBeUndefined();
  });

  it('reads sums, differences and scaling of money, not ratios or products of it', () => {
    expect(money('={fld_amount}+{fld_amount}')).toBe('fld_amount');
    expect(money('={fld_amount}-{fld_bonus}')).toBe('fld_amount');
    expect(money('={fld_amount}*10')).toBe('fld_amount');
    expect(money('=10*{fld_amount}')).toBe('fld_amount');
    expect(money('={fld_count}*{fld_amount}')).toBe('fld_amount');
    expect(money('={fld_amount}/{fld_count}')).toBe('fld_amount');
    expect(money('={fld_amount}*5%')).toBe('fld_amount');
    expect(money('=-{fld_amount}')).toBe('fld_amount');
    expect(money('={fld_amount}/{fld_amount}')).toBeUndefined();
    expect(money('={fld_amount}*{fld_amount}')).toBeUndefined();
    expect(money('=10/{fld_amount}')).toBeUndefined();
    expect(money('={fld_amount}+1')).toBeUndefined();
    expect(money('={fld_amount}^2')).toBeUndefined();
  });

  it('respects precedence and nesting', () => {
    expect(money('=({fld_amount}-{fld_amount}*0.1)*2')).toBe('fld_amount');
    expect(money('=ROUND(ABS(SUM({fld_amount},-{fld_amount}))/3, 2)')).toBe('fld_amount');
    expect(money('={fld_amount}*{fld_amount}/{fld_amount}')).toBeUndefined();
    expect(money('={fld_amount}/({fld_amount}/{fld_count})')).toBeUndefined();
  });

  it('is not money for counts, comparisons, text and unknown functions', () => {
    // Money scaled by a number is money; scaled by a score or a count, it is not.
    expect(money('={fld_amount}*2')).toBe('fld_amount');
    expect(money('=COUNT({fld_amount})')).toBeUndefined();
    expect(money('={fld_amount} > 1000')).toBeUndefined();
    expect(money('={fld_amount} & "元"')).toBeUndefined();
    expect(money('=RFM_M({fld_amount})')).toBeUndefined();
    expect(money('=RFM_SCORE({fld_amount})*{fld_amount}')).toBeUndefined();
    expect(money('=FOO({fld_amount})')).toBeUndefined();
    expect(money('={fld_amount}*TRUE')).toBeUndefined();
    expect(money('={fld_amount} +')).toBeUndefined();
    expect(money('=ROUND({fld_amount}')).toBeUndefined();
  });

  it('follows formula columns that give money, and not those that do not', () => {
    expect(money('={fld_bonus}')).toBe('fld_amount');
    expect(money('={fld_bonus2}+{fld_amount}')).toBe('fld_amount');
    expect(money('={fld_avg}')).toBe('fld_amount');
    expect(money('={fld_share}')).toBeUndefined();
    expect(money('={fld_amount}*{fld_share}')).toBe('fld_amount');
    expect(money('={fld_bonus}/{fld_amount}')).toBeUndefined();
  });

  it('ends on cycles of formula columns', () => {
    expect(money('={fld_loop_a}')).toBeUndefined();
    expect(money('={fld_loop_b}')).toBeUndefined();
    expect(money('={fld_self}')).toBeUndefined();
    expect(money('={fld_self}+{fld_amount}')).toBeUndefined();
    // Reading one column twice is no loop.
    expect(money('={fld_bonus}+{fld_bonus2}-{fld_bonus}')).toBe('fld_amount');
  });

  it('follows the result format a formula column was given by hand', () => {
    const PRICE = make('fld_price', 'formula', {
      formula: '={fld_count}*10',
      formulaFormat: 'currency',
      currencySymbol: '$',
      decimals: 0,
    });
    const PLAIN = make('fld_plain', 'formula', {
      formula: '={fld_amount}',
      formulaFormat: 'number',
    });
    const RATE = make('fld_rate', 'formula', { formula: '=0.1', formulaFormat: 'percent' });
    const DAY = make('fld_day', 'formula', { formula: '={fld_amount}', formulaFormat: 'date' });
    const fields = new Map([
      ...FIELDS,
      ...[PRICE, PLAIN, RATE, DAY].map((f) => [f.id, f] as const),
    ]);
    const of = (stored: string) => moneyFieldOf(stored, fields);
    // Set to 货币 by hand: money of its own currency, though its formula counts.
    expect(of('={fld_price}*2')?.id).toBe('fld_price');
    expect(of('=ROUND({fld_price}*1.1,0)')?.options.currencySymbol).toBe('$');
    // Set to a number or a percentage: a plain number, though its formula reads money.
    expect(of('={fld_plain}*2')).toBeNull();
    expect(of('={fld_amount}*{fld_plain}')?.id).toBe('fld_amount');
    expect(of('={fld_amount}*{fld_rate}')?.id).toBe('fld_amount');
    // Set to a date: neither.
    expect(of('={fld_day}+1')).toBeNull();
  });

  it('takes fields as a record too', () => {
    expect(moneyFieldOf('={fld_bonus}', Object.fromEntries(FIELDS))?.options.currencySymbol).toBe(
      '¥',
    );
  });
});
