import { getFieldType } from '../../../src/domain/fields/index';
import { formatNumber, parseNumberText } from '../../../src/domain/numbers';
import { en, makeField, parsed, sorted, zh } from './helpers';

describe('parseNumberText', () => {
  it.each([
    ['1234', 1234],
    ['1,234.5', 1234.5],
    ['1，234', 1234],
    ['¥1,234.50', 1234.5],
    ['￥88', 88],
    ['$12.30', 12.3],
    ['€ 5', 5],
    ['1,234元', 1234],
    ['RMB 100', 100],
    ['１２３', 123],
    ['  +42  ', 42],
    ['-¥15', -15],
    ['¥-15', -15],
    ['−3', -3],
    ['.5', 0.5],
    ['1 234 567', 1234567],
    ['1.5万', 15000],
    ['2亿', 200000000],
    ['1.2E+3', 1200],
  ])('reads %s', (text, value) => {
    expect(parseNumberText(text)?.value).toBe(value);
  });

  it('flags a percent sign', () => {
    expect(parseNumberText('２５%')).toEqual({ value: 25, percent: true });
    expect(parseNumberText('25')).toEqual({ value: 25, percent: false });
  });

  it.each(['', 'abc', '1,2,3', '12,34', '1.2.3', '--1', '¥', '12abc', '1 2', '+-1', 'e5'])(
    'rejects %s',
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    },
  );
});

describe('formatNumber', () => {
  it('shows up to 10 significant digits when decimals are not set', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 / 3)).toBe('0.3333333333');
    expect(formatNumber(123456789012.4)).toBe('123456789012');
    expect(formatNumber(1234567890123)).toBe('1234567890123');
  });
  it('fixes decimals and groups thousands on request', () => {
    expect(formatNumber(1234.5, { decimals: 2, thousands: true })).toBe('1,234.50');
    expect(formatNumber(-1234567, { thousands: true })).toBe('-1,234,567');
    expect(formatNumber(-0.001, { decimals: 2 })).toBe('0.00');
  });
});

describe('number field', () => {
  const field = makeField('number');
  const mod = getFieldType('number');

  it('parses Chinese and English input, % meaning hundredths', () => {
    expect(parsed(field, '¥1,234.50')).toBe(1234.5);
    expect(parsed(field, '1,234元')).toBe(1234);
    expect(parsed(field, '２５%')).toBe(0.25);
    expect(parsed(field, '')).toBeNull();
    expect(parsed(field, '   ')).toBeNull();
    expect(parsed(field, 'abc')).toBe('!notNumber');
    expect(parsed(field, '十二')).toBe('!notNumber');
  });

  it('formats with options and copies plain text that reads back', () => {
    expect(mod.format(1234.5, field, zh)).toBe('1234.5');
    expect(mod.format(1234.5, makeField('number', { thousands: true, decimals: 2 }), zh)).toBe(
      '1,234.50',
    );
    expect(mod.format({ invalid: 'abc' }, field, zh)).toBe('abc');
    expect(mod.format(null, field, zh)).toBe('');
    expect(mod.toText(0.1 + 0.2, field, en)).toBe('0.3');
    const text = mod.toText(1234567.891, makeField('number', { thousands: true }), en);
    expect(parsed(field, text)).toBe(1234567.891);
  });

  it('sorts numerically, invalid after valid, empty last', () => {
    expect(sorted(field, [null, 10, { invalid: 'x' }, 2, undefined, -1, { invalid: 'a' }])).toEqual(
      [-1, 2, 10, { invalid: 'a' }, { invalid: 'x' }, null, undefined],
    );
  });

  it('repairs values of unknown shape', () => {
    expect(mod.repair('12', field, zh)).toBe(12);
    expect(mod.repair(12, field, zh)).toBe(12);
    expect(mod.repair({ invalid: 'x' }, field, zh)).toEqual({ invalid: 'x' });
    expect(mod.repair({ a: 1 }, field, zh)).toEqual({ invalid: '{"a":1}' });
    expect(mod.repair(Number.NaN, field, zh)).toEqual({ invalid: 'NaN' });
    expect(mod.repair('', field, zh)).toBeNull();
    expect(mod.repair(undefined, field, zh)).toBeNull();
    expect(mod.repair('abc', field, zh)).toEqual({ invalid: 'abc' });
  });
});

describe('currency field', () => {
  const field = makeField('currency');
  const mod = getFieldType('currency');

  it('defaults to ¥ and 2 decimals', () => {
    expect(field.options).toEqual({ currencySymbol: '¥', decimals: 2 });
    expect(mod.format(1234.5, field, zh)).toBe('¥1,234.50');
    expect(mod.format(-1234.5, field, zh)).toBe('-¥1,234.50');
    expect(mod.format(-0.001, field, zh)).toBe('¥0.00');
    const usd = makeField('currency', { currencySymbol: '$', decimals: 0 });
    expect(mod.format(1234.5, usd, en)).toBe('$1,235');
  });

  it('parses what it shows and copies a plain number', () => {
    expect(parsed(field, '¥1,234.50')).toBe(1234.5);
    expect(parsed(field, '1,234元')).toBe(1234);
    expect(parsed(field, mod.format(98765.4, field, zh))).toBe(98765.4);
    expect(mod.toText(1234.5, field, zh)).toBe('1234.5');
    expect(parsed(field, '一百')).toBe('!notNumber');
  });

  it('sorts numerically and repairs strings', () => {
    expect(sorted(field, [5, null, -2, { invalid: '?' }])).toEqual([-2, 5, { invalid: '?' }, null]);
    expect(mod.repair('¥1,000', field, zh)).toBe(1000);
  });
});

describe('percent field', () => {
  const field = makeField('percent');
  const mod = getFieldType('percent');

  it('reads what users type as percent: 25% and 25 both store 0.25', () => {
    expect(parsed(field, '25%')).toBe(0.25);
    expect(parsed(field, '２５%')).toBe(0.25);
    expect(parsed(field, '25')).toBe(0.25);
    expect(parsed(field, '0.25')).toBe(0.0025);
    expect(parsed(field, '33.3%')).toBe(0.333);
    expect(parsed(field, '七成')).toBe('!notNumber');
  });

  it('formats as percent, up to 2 decimals unless decimals are set', () => {
    expect(mod.format(0.25, field, zh)).toBe('25%');
    expect(mod.format(0.125, field, zh)).toBe('12.5%');
    expect(mod.format(0.07, field, zh)).toBe('7%');
    expect(mod.format(0.123456, field, zh)).toBe('12.35%');
    expect(mod.format(0.25, makeField('percent', { decimals: 1 }), zh)).toBe('25.0%');
  });

  it('copies text that reads back exactly', () => {
    expect(mod.toText(0.25, field, en)).toBe('25%');
    expect(mod.toText(0.123456, field, en)).toBe('12.3456%');
    expect(parsed(field, mod.toText(0.123456, field, en))).toBe(0.123456);
  });

  it('sorts and repairs', () => {
    expect(sorted(field, [0.5, undefined, 0.25])).toEqual([0.25, 0.5, undefined]);
    expect(mod.repair('50%', field, zh)).toBe(0.5);
    expect(mod.repair(0.5, field, zh)).toBe(0.5);
  });
});
