import { getFieldType, isEditableType, parseCell } from '../../../src/domain/fields/index';
import type { FieldType } from '../../../src/domain/model';
import { en, makeField, sorted, zh } from './helpers';

const COMPUTED: FieldType[] = [
  'formula',
  'lookup',
  'rollup',
  'autoNumber',
  'createdTime',
  'modifiedTime',
  'link',
];

describe('computed types and link', () => {
  it.each(COMPUTED)('%s is read-only', (type) => {
    const field = makeField(type);
    expect(isEditableType(type)).toBe(false);
    expect(getFieldType(type).parse('12', field, zh)).toEqual({ ok: false, reason: 'readOnly' });
    expect(parseCell(field, '12', zh)).toBeNull();
  });

  it('formula shows whatever it holds', () => {
    const field = makeField('formula', { decimals: 2 });
    const mod = getFieldType('formula');
    expect(mod.format(1234.5, field, zh)).toBe('1234.50');
    expect(mod.toText(1234.5, field, zh)).toBe('1234.5');
    expect(mod.format('重要客户', field, zh)).toBe('重要客户');
    expect(mod.format(true, field, zh)).toBe('TRUE');
    expect(mod.format(['a', 'b'], field, zh)).toBe('a, b');
    expect(mod.format('2024-01-05T14:30', field, zh)).toBe('2024-01-05 14:30');
    expect(mod.format({ invalid: '#DIV/0!' }, field, zh)).toBe('#DIV/0!');
  });

  it('lookup and rollup format lists and numbers', () => {
    expect(
      getFieldType('lookup').format(['2024-01-05', '2024-02-01'], makeField('lookup'), zh),
    ).toBe('2024-01-05, 2024-02-01');
    expect(getFieldType('rollup').format(0.1 + 0.2, makeField('rollup'), zh)).toBe('0.3');
  });

  it('autoNumber shows the integer', () => {
    expect(getFieldType('autoNumber').format(42, makeField('autoNumber'), zh)).toBe('42');
    expect(makeField('autoNumber').options.nextNumber).toBe(1);
  });

  it('created/modified time format epoch ms as local date-time', () => {
    const ms = new Date(2024, 0, 5, 14, 30).getTime();
    expect(getFieldType('createdTime').format(ms, makeField('createdTime'), zh)).toBe(
      '2024-01-05 14:30',
    );
    const cn = makeField('modifiedTime', { dateFormat: 'YYYY年M月D日' });
    expect(getFieldType('modifiedTime').format(ms, cn, zh)).toBe('2024年1月5日 14:30');
    expect(getFieldType('modifiedTime').toText(ms, cn, zh)).toBe('2024-01-05 14:30');
  });

  it('link joins record ids', () => {
    const mod = getFieldType('link');
    expect(mod.format(['rec_a', 'rec_b'], makeField('link'), en)).toBe('rec_a, rec_b');
    expect(mod.repair(['rec_a', 3], makeField('link'), en)).toEqual({ invalid: 'rec_a, 3' });
    expect(mod.repair(['rec_a'], makeField('link'), en)).toEqual(['rec_a']);
  });

  it('computed values sort numbers, then text, then booleans; empty last', () => {
    expect(sorted(makeField('formula'), ['b', 10, null, true, 2, 'a', false])).toEqual([
      2,
      10,
      'a',
      'b',
      false,
      true,
      null,
    ]);
  });

  it('repair keeps computed values and flags objects', () => {
    const mod = getFieldType('formula');
    const field = makeField('formula');
    expect(mod.repair(3, field, zh)).toBe(3);
    expect(mod.repair('x', field, zh)).toBe('x');
    expect(mod.repair({ a: 1 }, field, zh)).toEqual({ invalid: '{"a":1}' });
    expect(mod.repair(null, field, zh)).toBeNull();
  });
});
