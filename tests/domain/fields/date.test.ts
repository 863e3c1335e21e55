import { getFieldType } from '../../../src/domain/fields/index';
import { en, makeField, parsed, sorted, zh } from './helpers';

describe('date field', () => {
  const field = makeField('date');
  const mod = getFieldType('date');

  it('parses the forms people type', () => {
    expect(parsed(field, '2024年1月5日')).toBe('2024-01-05');
    expect(parsed(field, '2024/1/5')).toBe('2024-01-05');
    expect(parsed(field, '1月5日')).toBe('2024-01-05');
    expect(parsed(field, '05/01/2024')).toBe('2024-01-05');
    expect(parsed(field, '45296')).toBe('2024-01-05');
    expect(parsed(field, '2024-01-05 14:30')).toBe('2024-01-05');
    expect(parsed(field, '2023-02-29')).toBe('!notDate');
    expect(parsed(field, 'next week')).toBe('!notDate');
  });

  it('reads ambiguous dates in the order the field displays', () => {
    const us = makeField('date', { dateFormat: 'MM/DD/YYYY' });
    expect(parsed(us, '05/01/2024', en)).toBe('2024-05-01');
    expect(parsed(field, '05/01/2024', en)).toBe('2024-01-05');
  });

  it('formats per dateFormat and copies ISO', () => {
    expect(mod.format('2024-01-05', field, zh)).toBe('2024-01-05');
    expect(mod.format('2024-01-05', makeField('date', { dateFormat: 'YYYY年M月D日' }), zh)).toBe(
      '2024年1月5日',
    );
    expect(mod.toText('2024-01-05', makeField('date', { dateFormat: 'DD/MM/YYYY' }), en)).toBe(
      '2024-01-05',
    );
    expect(mod.format({ invalid: '上周' }, field, zh)).toBe('上周');
  });

  it('sorts chronologically, invalid then empty last', () => {
    expect(
      sorted(field, ['2024-03-01', null, { invalid: 'x' }, '2023-12-31', '2024-01-05']),
    ).toEqual(['2023-12-31', '2024-01-05', '2024-03-01', { invalid: 'x' }, null]);
  });

  it('repairs strings, serials and Date objects; bad stored dates become invalid', () => {
    expect(mod.repair('2024/1/5', field, zh)).toBe('2024-01-05');
    expect(mod.repair(45296, field, zh)).toBe('2024-01-05');
    expect(mod.repair('2023-02-29', field, zh)).toEqual({ invalid: '2023-02-29' });
    expect(mod.repair(new Date(Date.UTC(2024, 0, 5, 12)), field, zh)).toBe('2024-01-05');
  });
});

describe('dateTime field', () => {
  const field = makeField('dateTime');
  const mod = getFieldType('dateTime');

  it('parses date-times, a bare date meaning midnight', () => {
    expect(parsed(field, '2024-01-05 14:30')).toBe('2024-01-05T14:30');
    expect(parsed(field, '2024/1/5 14:30:15')).toBe('2024-01-05T14:30');
    expect(parsed(field, '2024-01-05T14:30')).toBe('2024-01-05T14:30');
    expect(parsed(field, '2024年1月5日')).toBe('2024-01-05T00:00');
    expect(parsed(field, '2024-01-05 25:00')).toBe('!notDateTime');
  });

  it('formats and copies text that reads back', () => {
    expect(mod.format('2024-01-05T14:30', field, zh)).toBe('2024-01-05 14:30');
    const dm = makeField('dateTime', { dateFormat: 'DD/MM/YYYY' });
    expect(mod.format('2024-01-05T14:30', dm, en)).toBe('05/01/2024 14:30');
    expect(mod.toText('2024-01-05T14:30', dm, en)).toBe('2024-01-05 14:30');
    expect(parsed(field, mod.toText('2024-01-05T14:30', field, en))).toBe('2024-01-05T14:30');
  });

  it('sorts and repairs', () => {
    expect(sorted(field, ['2024-01-05T14:30', undefined, '2024-01-05T09:00'])).toEqual([
      '2024-01-05T09:00',
      '2024-01-05T14:30',
      undefined,
    ]);
    expect(mod.repair('2024-01-05 8:00', field, zh)).toBe('2024-01-05T08:00');
    expect(mod.repair('2024-01-05T99:00', field, zh)).toEqual({ invalid: '2024-01-05T99:00' });
  });
});
