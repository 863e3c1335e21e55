/**
 * Calendar dates as plain 'YYYY-MM-DD' strings (and 'YYYY-MM-DDTHH:mm' local date-times).
 * All day arithmetic runs on UTC midnights, so daylight-saving shifts can never move a day.
 */
import type { DateFormat } from './model';
import { normaliseWidth } from './numbers';

export class InvalidIsoDateError extends Error {
  override name = 'InvalidIsoDateError';
}

const DAY_MS = 86_400_000;
/** Excel serial 1 is 1900-01-01; serials above 60 count from 1899-12-30 (Excel's fake 1900-02-29). */
const MAX_SERIAL = 2_958_465;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}
export interface TimeParts {
  hour: number;
  minute: number;
}
export interface DateParseOptions {
  /** 'YYYY-MM-DD', for dates typed without a year ("1月5日"). */
  today: string;
  /** For 05/01/2024 when both parts could be a month: true = 5 January. Default true. */
  dayFirst?: boolean;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD' for a real calendar date, or null (2023-02-29 → null). */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!isValidDateParts(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The digits at [from, to) of `s` as a number, or -1 when one is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The date part of 'YYYY-MM-DD…' (formula columns read this per row, so no regex). */
export function readIsoDate(iso: string): DateParts | null {
  if (iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const [year, month, day] = [digitsAt(iso, 0, 4), digitsAt(iso, 5, 7), digitsAt(iso, 8, 10)];
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

const dayNumbers = new Map<string, number | null>();

/**
 * Days since 1970-01-01 of the date part of 'YYYY-MM-DD…', or null when it is no real date.
 * Memoised: a column of 100,000 rows holds a few thousand distinct dates.
 */
export function isoDayNumber(iso: string): number | null {
  const key = iso.length > 10 ? iso.slice(0, 10) : iso;
  let day = dayNumbers.get(key);
  if (day === undefined) {
    const parts = readIsoDate(key);
    // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
    const at = new Date(0);
    if (parts) at.setUTCFullYear(parts.year, parts.month - 1, parts.day);
    day = parts ? at.getTime() / DAY_MS : null;
    if (dayNumbers.size >= 100_000) dayNumbers.clear();
    dayNumbers.set(key, day);
  }
  return day;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && value.length === 10 && isoDayNumber(value) !== null;
}

export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  return !!m && readIsoDate(m[1] ?? '') !== null && Number(m[2]) < 24 && Number(m[3]) < 60;
}

function utcDayOf(iso: string): number {
  const day = isoDayNumber(iso);
  if (day === null) throw new InvalidIsoDateError(`Not an ISO date: ${iso}`);
  return day;
}

function isoFromUtcDay(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The date `n` calendar days after `iso` (n may be negative). */
export function addDays(iso: string, n: number): string {
  return isoFromUtcDay(utcDayOf(iso) + Math.trunc(n));
}

/** Whole calendar days from `earlier` to `later` (later − earlier); date-times use their date. */
export function diffDays(later: string, earlier: string): number {
  return Math.round(utcDayOf(later) - utcDayOf(earlier));
}

/** Today in the computer's time zone, as 'YYYY-MM-DD'. */
export function todayLocal(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Local 'YYYY-MM-DDTHH:mm' of an epoch time. */
export function isoDateTimeFromEpoch(ms: number): string {
  const d = new Date(ms);
  return `${todayLocal(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Days from 1899-12-30, the day formulas count from (serial 0), to 1970-01-01. */
export const SERIAL_EPOCH_DAY = 25_569;
// Formula columns turn the same few thousand dates back and forth for every row.
const isoOfSerial = new Map<number, string | null>();

/**
 * A formula's date (days since 1899-12-30, its whole part) → 'YYYY-MM-DD'; null outside years
 * 1–9999. Unlike Excel's serials it has no 29 February 1900, as HyperFormula counts.
 */
export function isoFromSerialDay(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  let iso = isoOfSerial.get(whole);
  if (iso === undefined) {
    const year = new Date((whole - SERIAL_EPOCH_DAY) * DAY_MS).getUTCFullYear();
    iso = year < 1 || year > 9999 ? null : isoFromUtcDay(whole - SERIAL_EPOCH_DAY);
    if (isoOfSerial.size >= 100_000) isoOfSerial.clear();
    isoOfSerial.set(whole, iso);
  }
  return iso;
}

/** An Excel serial day number → date and time of day; null outside 1..2958465. */
export function readExcelSerial(serial: number): { date: string; time: TimeParts } | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // 1900-02-29 exists only in Excel
  const epochDay = Date.UTC(1899, 11, whole < 60 ? 31 : 30) / DAY_MS;
  const minutes = Math.round((serial - whole) * 1440);
  const dayCarry = minutes >= 1440 ? 1 : 0;
  const m = minutes % 1440;
  const date = isoFromUtcDay(epochDay + whole + dayCarry);
  return { date, time: { hour: Math.floor(m / 60), minute: m % 60 } };
}

export function formatIsoDate(iso: string, format: DateFormat = 'YYYY-MM-DD'): string {
  const p = readIsoDate(iso);
  if (!p) return iso;
  const [y, mm, dd] = [pad(p.year, 4), pad(p.month), pad(p.day)];
  switch (format) {
    case 'YYYY-MM-DD':
      return `${y}-${mm}-${dd}`;
    case 'YYYY/MM/DD':
      return `${y}/${mm}/${dd}`;
    case 'DD/MM/YYYY':
      return `${dd}/${mm}/${y}`;
    case 'MM/DD/YYYY':
      return `${mm}/${dd}/${y}`;
    case 'YYYY年M月D日':
      return `${p.year}年${p.month}月${p.day}日`;
    default:
      return iso;
  }
}

/** 'YYYY-MM-DDTHH:mm' → date in `format`, then ' HH:mm'. */
export function formatIsoDateTime(isoDateTime: string, format: DateFormat = 'YYYY-MM-DD'): string {
  const [date = '', time = '00:00'] = isoDateTime.split('T');
  return `${formatIsoDate(date, format)} ${time.slice(0, 5)}`;
}

export function formatEpochLocal(ms: number, format: DateFormat = 'YYYY-MM-DD'): string {
  return formatIsoDateTime(isoDateTimeFromEpoch(ms), format);
}

// ---- Parsing the forms people type ----

export interface DateTimeReading {
  date: string;
  /** Null when the text held only a date. */
  time: TimeParts | null;
}

const YMD = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})/;
const CJK = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/;
const DMY = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})/;
const TIME =
  /^(上午|下午|am|pm)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|上午|下午)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

function readNumericDate(s: string): DateTimeReading | null {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) {
    const date = isoFromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    if (date) return { date, time: null };
  }
  const serial = readExcelSerial(Number(s));
  if (!serial) return null;
  const hasTime = serial.time.hour !== 0 || serial.time.minute !== 0;
  return { date: serial.date, time: hasTime ? serial.time : null };
}

/** Day/month order for 05/01/2024: a part above 12 decides, otherwise `dayFirst`. */
function orderDayMonth(a: number, b: number, dayFirst: boolean): [month: number, day: number] {
  if (a > 12) return [b, a];
  if (b > 12) return [a, b];
  return dayFirst ? [b, a] : [a, b];
}

function readDatePart(s: string, opts: DateParseOptions): { date: string; rest: string } | null {
  let m = YMD.exec(s);
  let date: string | null = null;
  if (m) date = isoFromParts(Number(m[1]), Number(m[3]), Number(m[4]));
  if (!m && (m = CJK.exec(s))) {
    const year = m[1] ? Number(m[1]) : (readIsoDate(opts.today)?.year ?? new Date().getFullYear());
    date = isoFromParts(year, Number(m[2]), Number(m[3]));
  }
  if (!m && (m = DMY.exec(s))) {
    const [month, day] = orderDayMonth(Number(m[1]), Number(m[3]), opts.dayFirst ?? true);
    date = isoFromParts(Number(m[4]), month, day);
  }
  return m && date ? { date, rest: s.slice(m[0].length) } : null;
}

function readHour(hour: number, marker: string | undefined): number | null {
  if (!marker) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = /^(pm|下午)$/i.test(marker);
  return (hour % 12) + (pm ? 12 : 0);
}

function shiftZone(date: string, time: TimeParts, zone: string): DateTimeReading {
  const p = readIsoDate(date) as DateParts;
  let offset = 0;
  if (zone.toLowerCase() !== 'z') {
    const digits = zone.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    offset = digits.startsWith('-') ? -minutes : minutes;
  }
  const utc = Date.UTC(p.year, p.month - 1, p.day, time.hour, time.minute) - offset * 60_000;
  const [d = date, t = '00:00'] = isoDateTimeFromEpoch(utc).split('T');
  return { date: d, time: { hour: Number(t.slice(0, 2)), minute: Number(t.slice(3, 5)) } };
}

function readTimePart(date: string, rest: string): DateTimeReading | null {
  const trimmed = rest.trim();
  if (trimmed === '') return { date, time: null };
  if (!/^(t|\s)/i.test(rest)) return null;
  const m = TIME.exec(trimmed.replace(/^t/i, ''));
  if (!m || (m[1] && m[5])) return null;
  const hour = readHour(Number(m[2]), m[1] ?? m[5]);
  const minute = Number(m[3]);
  if (hour === null || minute > 59 || Number(m[4] ?? 0) > 59) return null;
  const time = { hour, minute };
  return m[6] ? shiftZone(date, time, m[6]) : { date, time };
}

/** Any typed date or date-time form → its date and (if given) time of day; null if none fits. */
export function readDateTimeText(text: string, opts: DateParseOptions): DateTimeReading | null {
  const s = normaliseWidth(text).trim();
  if (s === '') return null;
  if (/^\d+(\.\d+)?$/.test(s)) return readNumericDate(s);
  const datePart = readDatePart(s, opts);
  return datePart ? readTimePart(datePart.date, datePart.rest) : null;
}

/** Typed text → 'YYYY-MM-DD' (a time of day, if typed, is dropped). */
export function parseDateText(text: string, opts: DateParseOptions): string | null {
  return readDateTimeText(text, opts)?.date ?? null;
}

/** Typed text → 'YYYY-MM-DDTHH:mm' (a date alone means 00:00; seconds are dropped). */
export function parseDateTimeText(text: string, opts: DateParseOptions): string | null {
  const r = readDateTimeText(text, opts);
  if (!r) return null;
  const t = r.time ?? { hour: 0, minute: 0 };
  return `${r.date}T${pad(t.hour)}:${pad(t.minute)}`;
}
