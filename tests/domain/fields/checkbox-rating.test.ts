import { getFieldType } from '../../../src/domain/fields/index';
import { en, makeField, parsed, sorted, zh } from './helpers';

describe('checkbox', () => {
  const field = makeField('checkbox');
  const mod = getFieldType('checkbox');

  it.each(['true', 'TRUE', 'yes', 'Y', '1', '是', '对', '√', '✓', 'x', 'checked', '１'])(
    '%s is ticked',
    (t) => {
      expect(parsed(field, t)).toBe(true);
    },
  );
  it.each(['false', 'No', 'n', '0', '否', '错', '×'])('%s is not ticked', (t) => {
    expect(parsed(field, t)).toBe(false);
  });
  it('rejects other text', () => {
    expect(parsed(field, 'maybe')).toBe('!notBoolean');
    expect(parsed(field, '2')).toBe('!notBoolean');
  });

  it('formats ✓ and copies words of the language that read back', () => {
    expect(mod.format(true, field, zh)).toBe('✓');
    expect(mod.format(false, field, zh)).toBe('');
    expect(mod.toText(true, field, zh)).toBe('是');
    expect(mod.toText(false, field, zh)).toBe('否');
    expect(mod.toText(true, field, en)).toBe('yes');
    expect(mod.toText(false, field, en)).toBe('no');
    for (const v of [true, false]) {
      expect(parsed(field, mod.toText(v, field, zh))).toBe(v);
      expect(parsed(field, mod.toText(v, field, en))).toBe(v);
    }
  });

  it('sorts false before true, empty last', () => {
    expect(sorted(field, [true, null, false, true])).toEqual([false, true, true, null]);
  });

  it('repairs', () => {
    expect(mod.repair('是', field, zh)).toBe(true);
    expect(mod.repair(0, field, zh)).toBe(false);
    expect(mod.repair('也许', field, zh)).toEqual({ invalid: '也许' });
  });
});

describe('rating', () => {
  const field = makeField('rating');
  const mod = getFieldType('rating');

  it('accepts digits, stars and 星', () => {
    expect(field.options.max).toBe(5);
    expect(parsed(field, '3')).toBe(3);
    expect(parsed(field, '★★★')).toBe(3);
    expect(parsed(field, '★★★☆☆')).toBe(3);
    expect(parsed(field, '3星')).toBe(3);
    expect(parsed(field, '4 stars', en)).toBe(4);
    expect(parsed(field, '0')).toBe(0);
  });

  it('rejects fractions, text and values above max', () => {
    expect(parsed(field, '3.5')).toBe('!notNumber');
    expect(parsed(field, 'good')).toBe('!notNumber');
    expect(parsed(field, '6')).toBe('!outOfRange');
    expect(parsed(makeField('rating', { max: 10 }), '8')).toBe(8);
  });

  it('formats stars, copies the digit, sorts numerically', () => {
    expect(mod.format(3, field, zh)).toBe('★★★');
    expect(mod.toText(3, field, zh)).toBe('3');
    expect(sorted(field, [5, null, 1, 3])).toEqual([1, 3, 5, null]);
  });

  it('repairs, flagging out-of-range stored values', () => {
    expect(mod.repair(4, field, zh)).toBe(4);
    expect(mod.repair('2', field, zh)).toBe(2);
    expect(mod.repair(7, field, zh)).toEqual({ invalid: '7' });
    expect(mod.repair(2.5, field, zh)).toEqual({ invalid: '2.5' });
  });
});
