import {
  addDays,
  diffDays,
  formatEpochLocal,
  formatIsoDate,
  formatIsoDateTime,
  InvalidIsoDateError,
  isIsoDate,
  isIsoDateTime,
  isoFromParts,
  parseDateText,
  parseDateTimeText,
  readExcelSerial,
  todayLocal,
} from '../../src/domain/dates';

const opts = { today: '2024-03-10' };

describe('parseDateText', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024年01月05号', '2024-01-05'],
    ['  2024 年 1 月 5 日 ', '2024-01-05'],
    ['２０２４－０１－０５', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['2024-01-05 14:30', '2024-01-05'],
  ])('reads %s', (text, iso) => {
    expect(parseDateText(text, opts)).toBe(iso);
  });

  it('takes the year of "1月5日" from today', () => {
    expect(parseDateText('1月5日', opts)).toBe('2024-01-05');
    expect(parseDateText('12月31日', { today: '2025-06-01' })).toBe('2025-12-31');
  });

  it('detects day/month order, defaulting to day first', () => {
    expect(parseDateText('05/01/2024', opts)).toBe('2024-01-05');
    expect(parseDateText('5/1/2024', opts)).toBe('2024-01-05');
    expect(parseDateText('5/1/2024', { ...opts, dayFirst: false })).toBe('2024-05-01');
    expect(parseDateText('25/12/2024', { ...opts, dayFirst: false })).toBe('2024-12-25');
    expect(parseDateText('12/25/2024', opts)).toBe('2024-12-25');
    expect(parseDateText('13/13/2024', opts)).toBeNull();
  });

  it('reads Excel serial numbers only in range and only as plain numbers', () => {
    expect(parseDateText('45296', opts)).toBe('2024-01-05');
    expect(parseDateText('45296.75', opts)).toBe('2024-01-05');
    expect(parseDateText('1', opts)).toBe('1900-01-01');
    expect(parseDateText('59', opts)).toBe('1900-02-28');
    expect(parseDateText('61', opts)).toBe('1900-03-01');
    expect(parseDateText('60', opts)).toBeNull();
    expect(parseDateText('0', opts)).toBeNull();
    expect(parseDateText('2958465', opts)).toBe('9999-12-31');
    expect(parseDateText('2958466', opts)).toBeNull();
    expect(parseDateText('45,296', opts)).toBeNull();
    expect(parseDateText('-45296', opts)).toBeNull();
    // As in Excel, a bare integer is a serial, even one that looks like a year.
    expect(parseDateText('2024', opts)).toBe('1905-07-16');
  });

  it('rejects dates that are not on the calendar', () => {
    expect(parseDateText('2023-02-29', opts)).toBeNull();
    expect(parseDateText('2024-02-29', opts)).toBe('2024-02-29');
    expect(parseDateText('2024-04-31', opts)).toBeNull();
    expect(parseDateText('2024-13-01', opts)).toBeNull();
    expect(parseDateText('2月30日', opts)).toBeNull();
    expect(parseDateText('31/02/2024', opts)).toBeNull();
  });

  it('rejects text that is not a date', () => {
    for (const text of [
      '',
      'abc',
      '2024.5.',
      '2024-01',
      '2024-01-05x',
      '2024-1/5',
      '明天',
      '2024-01-05 25:00',
    ]) {
      expect(parseDateText(text, opts)).toBeNull();
    }
  });
});

describe('parseDateTimeText', () => {
  it.each([
    ['2024-01-05 14:30', '2024-01-05T14:30'],
    ['2024/1/5 14:30:15', '2024-01-05T14:30'],
    ['2024-01-05T14:30', '2024-01-05T14:30'],
    ['2024-01-05T09:05:59.123', '2024-01-05T09:05'],
    ['2024-01-05', '2024-01-05T00:00'],
    ['2024年1月5日 8:05', '2024-01-05T08:05'],
    ['2024-01-05 2:30 PM', '2024-01-05T14:30'],
    ['2024-01-05 12:00 am', '2024-01-05T00:00'],
    ['2024-01-05 下午3:00', '2024-01-05T15:00'],
    ['05/01/2024 14:30', '2024-01-05T14:30'],
    ['45296.5', '2024-01-05T12:00'],
  ])('reads %s', (text, iso) => {
    expect(parseDateTimeText(text, opts)).toBe(iso);
  });

  it('converts an explicit time zone to local time', () => {
    const expected = new Date(Date.UTC(2024, 0, 5, 14, 30));
    const local = `${todayLocal(expected)}T${String(expected.getHours()).padStart(2, '0')}:30`;
    expect(parseDateTimeText('2024-01-05T14:30:00Z', opts)).toBe(local);
  });

  it('rejects impossible times', () => {
    expect(parseDateTimeText('2024-01-05 24:00', opts)).toBeNull();
    expect(parseDateTimeText('2024-01-05 10:60', opts)).toBeNull();
    expect(parseDateTimeText('2024-01-05 13:00 PM', opts)).toBeNull();
    expect(parseDateTimeText('2024-01-05 nonsense', opts)).toBeNull();
  });
});

describe('calendar helpers', () => {
  it('isoFromParts validates real dates', () => {
    expect(isoFromParts(2024, 1, 5)).toBe('2024-01-05');
    expect(isoFromParts(2023, 2, 29)).toBeNull();
    expect(isoFromParts(2000, 2, 29)).toBe('2000-02-29');
    expect(isoFromParts(1900, 2, 29)).toBeNull();
    expect(isoFromParts(2024, 0, 1)).toBeNull();
    expect(isoFromParts(2024, 1, 1.5)).toBeNull();
  });

  it('isIsoDate / isIsoDateTime', () => {
    expect(isIsoDate('2024-01-05')).toBe(true);
    expect(isIsoDate('2024-1-5')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDateTime('2024-01-05T14:30')).toBe(true);
    expect(isIsoDateTime('2024-01-05T24:30')).toBe(false);
    expect(isIsoDateTime('2024-01-05')).toBe(false);
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-03-09', 2)).toBe('2024-03-11');
  });

  it('diffDays counts whole calendar days, unaffected by DST changes', () => {
    expect(diffDays('2024-03-11', '2024-03-09')).toBe(2); // US DST starts 2024-03-10
    expect(diffDays('2024-03-31', '2024-03-30')).toBe(1); // EU DST starts 2024-03-31
    expect(diffDays('2024-11-04', '2024-11-02')).toBe(2);
    expect(diffDays('2024-03-01', '2024-02-28')).toBe(2);
    expect(diffDays('2023-03-01', '2023-02-28')).toBe(1);
    expect(diffDays('2025-01-01', '2024-01-01')).toBe(366);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(-366);
    expect(diffDays('2024-01-05T23:59', '2024-01-05T00:00')).toBe(0);
  });

  it('throws a named error for non-dates in arithmetic', () => {
    expect(() => diffDays('soon', '2024-01-01')).toThrow(InvalidIsoDateError);
    expect(() => addDays('2023-02-29', 1)).toThrow(InvalidIsoDateError);
  });

  it('todayLocal uses local calendar parts', () => {
    expect(todayLocal(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(todayLocal(new Date(2024, 0, 6, 0, 1))).toBe('2024-01-06');
  });

  it('readExcelSerial gives date and time of day', () => {
    expect(readExcelSerial(45296.25)).toEqual({ date: '2024-01-05', time: { hour: 6, minute: 0 } });
    expect(readExcelSerial(0.5)).toBeNull();
  });

  it('formats in every DateFormat', () => {
    expect(formatIsoDate('2024-01-05')).toBe('2024-01-05');
    expect(formatIsoDate('2024-01-05', 'YYYY/MM/DD')).toBe('2024/01/05');
    expect(formatIsoDate('2024-01-05', 'DD/MM/YYYY')).toBe('05/01/2024');
    expect(formatIsoDate('2024-01-05', 'MM/DD/YYYY')).toBe('01/05/2024');
    expect(formatIsoDate('2024-01-05', 'YYYY年M月D日')).toBe('2024年1月5日');
    expect(formatIsoDateTime('2024-01-05T14:30', 'YYYY年M月D日')).toBe('2024年1月5日 14:30');
    expect(formatEpochLocal(new Date(2024, 0, 5, 9, 7).getTime())).toBe('2024-01-05 09:07');
  });

  it('every formatted date parses back to the same date', () => {
    const formats = ['YYYY-MM-DD', 'YYYY/MM/DD', 'DD/MM/YYYY', 'YYYY年M月D日'] as const;
    for (const f of formats)
      expect(parseDateText(formatIsoDate('2024-01-05', f), opts)).toBe('2024-01-05');
    const us = formatIsoDate('2024-01-05', 'MM/DD/YYYY');
    expect(parseDateText(us, { ...opts, dayFirst: false })).toBe('2024-01-05');
  });
});
