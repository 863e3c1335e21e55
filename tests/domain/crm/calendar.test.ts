import {
  addIsoDays,
  dayNumberToIso,
  diffIsoDays,
  isoToDayNumber,
  parseIsoDay,
  InvalidIsoDateError,
} from '../../../src/domain/crm/calendar';

describe('calendar', () => {
  it('parses real days only', () => {
    expect(parseIsoDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDay('2023-02-29')).toBeNull();
    expect(parseIsoDay('2100-02-29')).toBeNull();
    expect(parseIsoDay('2000-02-29')).not.toBeNull();
    expect(parseIsoDay('2025-04-31')).toBeNull();
    expect(parseIsoDay('2025-4-1')).toBeNull();
    expect(parseIsoDay('2025-01-01T00:00')).toBeNull();
  });

  it('round-trips day numbers and adds days across month and year ends', () => {
    expect(isoToDayNumber('1970-01-02')).toBe(1);
    expect(dayNumberToIso(0)).toBe('1970-01-01');
    expect(addIsoDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addIsoDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addIsoDays('2025-06-30', -730)).toBe('2023-07-01');
    expect(diffIsoDays('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('throws a named error when adding to an invalid date', () => {
    expect(() => addIsoDays('nope', 1)).toThrow(InvalidIsoDateError);
  });
});
