/**
 * Minimal private day arithmetic on ISO 'YYYY-MM-DD' strings, counted in whole UTC days so
 * that time zones and daylight saving never shift a difference by one.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** 'YYYY-MM-DD' → its parts, or null when the text is not a real calendar day. */
export function parseIsoDay(iso: string | null | undefined): CalendarDay | null {
  if (typeof iso !== 'string') return null;
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Days since 1970-01-01 for a calendar day. */
export function toDayNumber(d: CalendarDay): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

/** 'YYYY-MM-DD' → days since 1970-01-01, or null when invalid. */
export function isoToDayNumber(iso: string | null | undefined): number | null {
  const d = parseIsoDay(iso);
  return d ? toDayNumber(d) : null;
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function dayNumberToIso(n: number): string {
  const date = new Date(n * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (positive when `to` is later); null when either is invalid. */
export function diffIsoDays(
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  const a = isoToDayNumber(from);
  const b = isoToDayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** `iso` shifted by `n` days. Throws on an invalid date: callers pass dates they made. */
export function addIsoDays(iso: string, n: number): string {
  const d = isoToDayNumber(iso);
  if (d === null) throw new InvalidIsoDateError(iso);
  return dayNumberToIso(d + n);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export class InvalidIsoDateError extends Error {
  constructor(value: string) {
    super(`Not an ISO calendar date (YYYY-MM-DD): ${value}`);
    this.name = 'InvalidIsoDateError';
  }
}
