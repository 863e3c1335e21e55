import { convertValue, planRetype } from '../../../src/domain/fields/convert';
import { getFieldType } from '../../../src/domain/fields/index';
import { createSequentialIds, setIdSource } from '../../../src/domain/ids';
import type { CellValue, Field, FieldType } from '../../../src/domain/model';
import { FIELD_TYPES, isEmptyValue, isInvalidValue } from '../../../src/domain/model';
import { choices, makeField, zh } from './helpers';

const createdAt = new Date(2024, 0, 5, 14, 30).getTime();

/** A typical stored value of every type, with the field it lives in. */
const SAMPLES: Record<FieldType, { value: CellValue; field: Field }> = {
  text: { value: 'VIP 客户', field: makeField('text') },
  longText: { value: '第一行\n第二行', field: makeField('longText') },
  number: { value: 1234.5, field: makeField('number') },
  currency: { value: 99.9, field: makeField('currency') },
  percent: { value: 0.25, field: makeField('percent') },
  date: { value: '2024-01-05', field: makeField('date') },
  dateTime: { value: '2024-01-05T14:30', field: makeField('dateTime') },
  singleSelect: { value: 'VIP', field: makeField('singleSelect', choices('VIP', '普通')) },
  multiSelect: {
    value: ['老客', '团购'],
    field: makeField('multiSelect', choices('老客', '团购')),
  },
  checkbox: { value: true, field: makeField('checkbox') },
  phone: { value: '+86 138-0013-8000', field: makeField('phone') },
  email: { value: 'a@b.cn', field: makeField('email') },
  url: { value: 'example.com/shop', field: makeField('url') },
  rating: { value: 3, field: makeField('rating') },
  link: { value: ['rec_a', 'rec_b'], field: makeField('link') },
  lookup: { value: ['张三'], field: makeField('lookup') },
  rollup: { value: 42, field: makeField('rollup') },
  formula: { value: '重要', field: makeField('formula') },
  autoNumber: { value: 7, field: makeField('autoNumber') },
  createdTime: { value: createdAt, field: makeField('createdTime') },
  modifiedTime: { value: createdAt, field: makeField('modifiedTime') },
};

/** The rule: a valid value of the target, the source's text flagged, or null only if allowed. */
function expectNotLost(result: CellValue, value: CellValue, from: Field, to: Field): void {
  const target = getFieldType(to.type);
  if (result === null) {
    expect(isEmptyValue(value) || !target.editable).toBe(true);
  } else if (isInvalidValue(result)) {
    const sourceText = isInvalidValue(value)
      ? value.invalid
      : getFieldType(from.type).toText(value, from, zh);
    expect(result.invalid).toBe(sourceText);
  } else {
    expect(target.editable).toBe(true);
    expect(target.repair(result, to, zh)).toEqual(result);
  }
}

describe('convertValue matrix (every type to every type)', () => {
  const pairs = FIELD_TYPES.flatMap((from) => FIELD_TYPES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s never loses a value silently', (fromType, toType) => {
    const { value, field: from } = SAMPLES[fromType];
    const plain = makeField(toType);
    const planned = planRetype(from, toType, undefined, [value], zh).field;
    for (const to of [plain, planned]) {
      const result = convertValue(value, from, to, zh);
      expectNotLost(result, value, from, to);
      expect(convertValue(null, from, to, zh)).toBeNull();
      expect(convertValue(undefined, from, to, zh)).toBeNull();
      const flagged = { invalid: 'abc' };
      expectNotLost(convertValue(flagged, from, to, zh), flagged, from, to);
    }
  });

  it('keeps most values through retyping to text-like types', () => {
    for (const fromType of FIELD_TYPES) {
      const { value, field } = SAMPLES[fromType];
      const result = convertValue(value, field, makeField('longText'), zh);
      expect(result).toBe(getFieldType(fromType).toText(value, field, zh));
      expect(typeof result).toBe('string');
    }
  });
});

describe('convertValue: important pairs', () => {
  const text = makeField('text');
  const number = makeField('number');
  const percent = makeField('percent');
  const checkbox = makeField('checkbox');

  it('text → number reads typed numbers and flags the rest', () => {
    expect(convertValue('1,234', text, number, zh)).toBe(1234);
    expect(convertValue('¥1,234.50', text, number, zh)).toBe(1234.5);
    expect(convertValue('abc', text, number, zh)).toEqual({ invalid: 'abc' });
  });

  it('number → text uses plain text', () => {
    expect(convertValue(1234.5, number, text, zh)).toBe('1234.5');
    expect(convertValue(0.25, percent, text, zh)).toBe('25%');
    expect(convertValue(1234.5, makeField('currency'), text, zh)).toBe('1234.5');
  });

  it('date → text → date round trip', () => {
    const date = makeField('date', { dateFormat: 'YYYY年M月D日' });
    const asText = convertValue('2024-01-05', date, text, zh);
    expect(asText).toBe('2024-01-05');
    expect(convertValue(asText, text, date, zh)).toBe('2024-01-05');
    expect(convertValue('2024年1月5日', text, date, zh)).toBe('2024-01-05');
  });

  it('percent ↔ number ↔ currency keep the number', () => {
    expect(convertValue(0.25, number, percent, zh)).toBe(0.25);
    expect(convertValue(0.25, percent, number, zh)).toBe(0.25);
    expect(convertValue(0.25, percent, makeField('currency'), zh)).toBe(0.25);
    expect(convertValue(99.9, makeField('currency'), number, zh)).toBe(99.9);
  });

  it('checkbox ↔ number', () => {
    expect(convertValue(true, checkbox, number, zh)).toBe(1);
    expect(convertValue(false, checkbox, number, zh)).toBe(0);
    expect(convertValue(0, number, checkbox, zh)).toBe(false);
    expect(convertValue(5, number, checkbox, zh)).toBe(true);
    expect(convertValue(-0.5, number, checkbox, zh)).toBe(true);
    expect(convertValue(true, checkbox, text, zh)).toBe('是');
    expect(convertValue('否', text, checkbox, zh)).toBe(false);
  });

  it('date ↔ dateTime', () => {
    expect(convertValue('2024-01-05', makeField('date'), makeField('dateTime'), zh)).toBe(
      '2024-01-05T00:00',
    );
    expect(convertValue('2024-01-05T14:30', makeField('dateTime'), makeField('date'), zh)).toBe(
      '2024-01-05',
    );
  });

  it('singleSelect ↔ multiSelect', () => {
    const single = makeField('singleSelect', choices('a', 'b'));
    const multi = makeField('multiSelect', choices('a', 'b'));
    expect(convertValue('a', single, multi, zh)).toEqual(['a']);
    expect(convertValue(['b'], multi, single, zh)).toBe('b');
    expect(convertValue(['a', 'b'], multi, single, zh)).toEqual({ invalid: 'a, b' });
  });

  it('an invalid value retyped back to its original type is repaired', () => {
    const flagged = convertValue('abc', text, number, zh);
    expect(flagged).toEqual({ invalid: 'abc' });
    expect(convertValue(flagged, number, text, zh)).toBe('abc');
    const dateText = convertValue('2024年1月5日', text, number, zh);
    expect(dateText).toEqual({ invalid: '2024年1月5日' });
    expect(convertValue(dateText, number, makeField('date'), zh)).toBe('2024-01-05');
    expect(convertValue({ invalid: '12元' }, text, number, zh)).toBe(12);
  });

  it('computed targets and link hold no typed values', () => {
    for (const to of [
      'formula',
      'lookup',
      'rollup',
      'createdTime',
      'modifiedTime',
      'link',
    ] as const) {
      expect(convertValue('x', text, makeField(to), zh)).toBeNull();
    }
  });
});

describe('planRetype', () => {
  beforeEach(() => setIdSource(createSequentialIds('r')));

  it('counts converted, invalid and empty values on a mixed column', () => {
    const values = ['12', '1,234', 'abc', '', null, undefined, { invalid: '9' }, '  '];
    const plan = planRetype(makeField('text'), 'number', undefined, values, zh);
    expect(plan.values).toEqual([12, 1234, { invalid: 'abc' }, null, null, null, 9, null]);
    expect(plan).toMatchObject({ converted: 3, invalid: 1, empty: 4, cleared: 0 });
    expect(plan.field.type).toBe('number');
  });

  it('text → singleSelect creates the missing choices', () => {
    const plan = planRetype(
      makeField('text'),
      'singleSelect',
      undefined,
      ['VIP', '普通', 'vip', null, 'VIP, 普通'],
      zh,
    );
    const created = plan.field.options.choices ?? [];
    expect(created.map((c) => c.name)).toEqual(['VIP', '普通', 'VIP, 普通']);
    expect(created.map((c) => c.color)).toEqual(['gray', 'red', 'orange']);
    expect(created.every((c) => c.id.startsWith('opt_'))).toBe(true);
    expect(plan.values).toEqual(['VIP', '普通', 'VIP', null, 'VIP, 普通']);
    expect(plan).toMatchObject({ converted: 4, invalid: 0, empty: 1 });
  });

  it('text → multiSelect splits names and creates each choice once', () => {
    const plan = planRetype(
      makeField('text'),
      'multiSelect',
      undefined,
      ['老客, 团购', '团购、新客；老客'],
      zh,
    );
    expect(plan.field.options.choices?.map((c) => c.name)).toEqual(['老客', '团购', '新客']);
    expect(plan.values).toEqual([
      ['老客', '团购'],
      ['团购', '新客', '老客'],
    ]);
  });

  it('keeps existing choices and colours between select types', () => {
    const single = makeField('singleSelect', {
      choices: [{ id: 'opt_1', name: 'a', color: 'green' }],
    });
    const plan = planRetype(single, 'multiSelect', undefined, ['a', null], zh);
    expect(plan.field.options.choices).toEqual([{ id: 'opt_1', name: 'a', color: 'green' }]);
    expect(plan.values).toEqual([['a'], null]);
  });

  it('multi → single creates choices only for one-name values', () => {
    const multi = makeField('multiSelect', choices('a', 'b'));
    const plan = planRetype(multi, 'singleSelect', { choices: [] }, [['a', 'b'], ['b']], zh);
    expect(plan.field.options.choices?.map((c) => c.name)).toEqual(['b']);
    expect(plan.values).toEqual([{ invalid: 'a, b' }, 'b']);
    expect(plan).toMatchObject({ converted: 1, invalid: 1 });
  });

  it('carries compatible options and uses the given options when provided', () => {
    const number = makeField('number', { decimals: 1, thousands: true });
    expect(planRetype(number, 'currency', undefined, [], zh).field.options).toEqual({
      currencySymbol: '¥',
      decimals: 1,
    });
    expect(planRetype(number, 'currency', { currencySymbol: '$' }, [], zh).field.options).toEqual({
      currencySymbol: '$',
    });
  });

  it('autoNumber numbers rows 1..n in the given order and sets nextNumber', () => {
    const plan = planRetype(makeField('text'), 'autoNumber', undefined, ['a', null, 'c'], zh);
    expect(plan.values).toEqual([1, 2, 3]);
    expect(plan.field.options.nextNumber).toBe(4);
    expect(plan).toMatchObject({ empty: 1, cleared: 2 });
  });

  it('computed targets clear values and say how many', () => {
    const plan = planRetype(makeField('number'), 'formula', undefined, [1, 2, null], zh);
    expect(plan.values).toEqual([null, null, null]);
    expect(plan).toMatchObject({ converted: 0, invalid: 0, empty: 1, cleared: 2 });
  });

  it('created time (epoch values) → dateTime and date', () => {
    const from = makeField('createdTime');
    expect(planRetype(from, 'dateTime', undefined, [createdAt], zh).values).toEqual([
      '2024-01-05T14:30',
    ]);
    expect(planRetype(from, 'date', undefined, [createdAt], zh).values).toEqual(['2024-01-05']);
  });
});
