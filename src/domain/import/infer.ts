/**
 * Type inference for an imported column: looks at the column's values and picks the field type
 * and options under which parseCell accepts (nearly) all of them. Pure; runs in the worker.
 */
import { parseDateTimeText, readDateTimeText } from '../dates';
import type { DateFormat, FieldOptions, SelectOption } from '../model';
import { parseNumberText } from '../numbers';
import { addMissingChoices } from '../fields/choices';
import { readBooleanText } from '../fields/checkbox.field';
import { isEmailText } from '../fields/email.field';
import { isUrlText } from '../fields/url.field';
import type { InferredType, RawCell } from './types';

/** Share of non-empty values allowed not to fit a column's type (they are kept and flagged). */
const MISS_SHARE = 0.05;
/** Values looked at per column: enough to see a day above 12 or the set of choices. */
export const INFER_SAMPLE = 5000;
const MAX_CHOICES = 12;
const LONG_TEXT = 100;
/** Excel serials of 1954..2119: a date-like header plus such numbers means dates. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;
const DATE_HEADER = /日期|生日|时间|日子|date|birthday|birth|time|day|created|updated|dob/i;

const BARE_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const DMY_PARTS = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*\d{4}/;
const CURRENCY_MARK = /^[-+]?\s*(?:[¥$€£]|rmb|cny|usd|eur)|元\s*$/i;
const DATE_SHAPE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\D|$)|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/;
const PHONE_CHARS = /^\+?[\d\s\-()（）.]+$/;

/** What a spreadsheet column's number formats say its numbers are (25% is stored as 0.25). */
export type NumberFormatHint =
  { kind: 'percent'; decimals: number } | { kind: 'currency'; symbol: string; decimals: number };

/** Today for dates typed without a year ("1月5日"). */
export interface InferContext {
  today: string;
}

function textOf(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  return String(cell);
}

/** Non-empty values of the column as text, plus whether spreadsheet numbers/booleans occur. */
function sampleOf(values: readonly RawCell[]): { texts: string[]; numbers: number; bools: number } {
  const texts: string[] = [];
  let numbers = 0;
  let bools = 0;
  for (let i = 0; i < values.length && texts.length < INFER_SAMPLE; i++) {
    const v = values[i] ?? null;
    if (typeof v === 'number') numbers++;
    else if (typeof v === 'boolean') bools++;
    const t = textOf(v);
    if (t !== '') texts.push(t);
  }
  return { texts, numbers, bools };
}

/** Nearly all fit: up to 5 % misses, or one miss among four or more values (a typo, "n/a"). */
function fits(texts: readonly string[], test: (t: string) => boolean): boolean {
  let misses = 0;
  for (const t of texts) if (!test(t)) misses++;
  const allowed = Math.max(texts.length * MISS_SHARE, texts.length >= 4 ? 1 : 0);
  return misses <= allowed;
}

function inferCheckbox(texts: readonly string[], bools: number): InferredType | null {
  // "1"/"0" alone are a number column; a real word (是, yes, ✓) or a boolean cell decides.
  const words =
    bools > 0 || texts.some((t) => !/^[01]$/.test(t) && readBooleanText(t) !== undefined);
  if (!words || !fits(texts, (t) => readBooleanText(t) !== undefined)) return null;
  return { type: 'checkbox', options: {} };
}

/** Day/month order of 05/01/2024-style values: a part above 12 decides; ambiguous → DD/MM. */
function dayMonthOrder(texts: readonly string[]): DateFormat | null {
  let seen = false;
  let firstOver12 = false;
  let secondOver12 = false;
  for (const t of texts) {
    const m = DMY_PARTS.exec(t);
    if (!m) continue;
    seen = true;
    if (Number(m[1]) > 12) firstOver12 = true;
    if (Number(m[2]) > 12) secondOver12 = true;
  }
  if (!seen) return null;
  return secondOver12 && !firstOver12 ? 'MM/DD/YYYY' : 'DD/MM/YYYY';
}

/** The display format matching how most values were written. */
function displayFormat(texts: readonly string[]): DateFormat {
  const dmy = dayMonthOrder(texts);
  let slash = 0;
  let cjk = 0;
  for (const t of texts) {
    if (/^\d{4}\/\d/.test(t)) slash++;
    else if (/月/.test(t)) cjk++;
  }
  if (dmy && texts.filter((t) => DMY_PARTS.test(t)).length * 2 >= texts.length) return dmy;
  if (cjk * 2 > texts.length) return 'YYYY年M月D日';
  if (slash * 2 > texts.length) return 'YYYY/MM/DD';
  return dmy ?? 'YYYY-MM-DD';
}

function inferDate(texts: readonly string[], ctx: InferContext): InferredType | null {
  // Bare numbers are only dates as Excel serials under a date header (see inferSerial).
  if (texts.every((t) => BARE_NUMBER.test(t))) return null;
  const dmy = dayMonthOrder(texts);
  const opts = { today: ctx.today, dayFirst: dmy !== 'MM/DD/YYYY' };
  let withTime = 0;
  const ok = fits(texts, (t) => {
    if (BARE_NUMBER.test(t)) return false;
    const r = readDateTimeText(t, opts);
    if (r?.time) withTime++;
    return r !== null;
  });
  if (!ok) return null;
  const dateFormat = displayFormat(texts);
  return { type: withTime > 0 ? 'dateTime' : 'date', options: { dateFormat } };
}

function inferSerial(header: string, texts: readonly string[]): InferredType | null {
  if (!DATE_HEADER.test(header)) return null;
  let fraction = false;
  const ok = fits(texts, (t) => {
    if (!BARE_NUMBER.test(t)) return false;
    const n = Number(t);
    if (!Number.isInteger(n)) fraction = true;
    return n >= SERIAL_MIN && n <= SERIAL_MAX;
  });
  if (!ok) return null;
  const probe = parseDateTimeText(texts[0] ?? '', { today: '2000-01-01' });
  if (!probe) return null;
  return { type: fraction ? 'dateTime' : 'date', options: { dateFormat: 'YYYY-MM-DD' } };
}

/** 7–15 digits with an optional +; separators allowed. */
function isPhoneLike(t: string): boolean {
  if (!PHONE_CHARS.test(t)) return false;
  const digits = t.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** Marks that only phone numbers carry: +, a leading 0, separators, a Chinese mobile number. */
function hasPhoneMark(t: string): boolean {
  return /^\+|^0|\d[\s\-()（）.]\d|^\(/.test(t) || /^1[3-9]\d{9}$/.test(t);
}

/** A header that names phone numbers lets plain 8-digit landlines count as phones too. */
const PHONE_HEADER = /电话|手机|联系方式|座机|phone|mobile|tel/i;

function inferPhone(header: string, texts: readonly string[]): InferredType | null {
  if (!PHONE_HEADER.test(header) && !texts.some(hasPhoneMark)) return null;
  // 1990-05-17 and 05.01.2024 have digits and dashes too.
  if (texts.some((t) => DATE_SHAPE.test(t))) return null;
  // A decimal point followed by 1-2 digits is a price, not a phone number.
  if (texts.some((t) => /^\d+\.\d{1,2}$/.test(t))) return null;
  return fits(texts, isPhoneLike) ? { type: 'phone', options: {} } : null;
}

function decimalsOf(t: string): number {
  const m = /\.(\d+)/.exec(t.replace(/[^\d.]/g, ''));
  return m ? Math.min(m[1]?.length ?? 0, 4) : 0;
}

function currencySymbol(texts: readonly string[]): string {
  for (const t of texts) {
    const s = t.normalize('NFKC');
    if (s.includes('$')) return '$';
    if (s.includes('€')) return '€';
    if (s.includes('£')) return '£';
    if (s.includes('¥') || s.includes('元')) return '¥';
  }
  return '¥';
}

/** Digits a number would lose: leading zeros (000123, zip codes) or more than 15 of them (ID numbers). */
function losesDigits(t: string): boolean {
  return /^0\d/.test(t) || /\d{16,}/.test(t.replace(/[,\s]/g, ''));
}

function inferNumber(texts: readonly string[]): InferredType | null {
  if (texts.some(losesDigits)) return null;
  let percent = 0;
  let currency = 0;
  let decimals = 0;
  let thousands = false;
  const ok = fits(texts, (t) => {
    const parsed = parseNumberText(t);
    if (!parsed) return false;
    if (parsed.percent) percent++;
    if (CURRENCY_MARK.test(t.normalize('NFKC'))) currency++;
    if (/\d,\d{3}/.test(t)) thousands = true;
    decimals = Math.max(decimals, decimalsOf(t));
    return true;
  });
  if (!ok) return null;
  if (percent * 2 > texts.length) return { type: 'percent', options: {} };
  if (currency * 2 > texts.length) {
    return { type: 'currency', options: { currencySymbol: currencySymbol(texts), decimals } };
  }
  const options: FieldOptions = {};
  if (decimals > 0) options.decimals = decimals;
  if (thousands) options.thousands = true;
  return { type: 'number', options };
}

function inferSelect(texts: readonly string[], rows: number): InferredType | null {
  const distinct = new Map<string, string>();
  for (const t of texts) {
    if (t.length > 40) return null;
    const key = t.toLocaleLowerCase();
    if (!distinct.has(key)) distinct.set(key, t);
    if (distinct.size > MAX_CHOICES) return null;
  }
  const repeated = texts.length > distinct.size;
  if (!repeated || (rows < 20 && distinct.size * 2 > texts.length)) return null;
  const choices: SelectOption[] = addMissingChoices([], distinct.values());
  return { type: 'singleSelect', options: { choices } };
}

function typeFromHint(hint: NumberFormatHint): InferredType {
  if (hint.kind === 'percent') return { type: 'percent', options: { decimals: hint.decimals } };
  return { type: 'currency', options: { currencySymbol: hint.symbol, decimals: hint.decimals } };
}

/**
 * The type and options a new field for this column should get. `hint` is what a spreadsheet
 * column's number formats say; it decides when (nearly) all values are number cells.
 */
export function inferColumnType(
  header: string,
  values: readonly RawCell[],
  ctx: InferContext,
  hint?: NumberFormatHint,
): InferredType {
  const { texts, numbers, bools } = sampleOf(values);
  if (texts.length === 0) return { type: 'text', options: {} };
  if (hint && numbers >= texts.length * (1 - MISS_SHARE)) return typeFromHint(hint);
  return (
    inferCheckbox(texts, bools) ??
    inferSerial(header, texts) ??
    inferPhone(header, texts) ??
    inferNumber(texts) ??
    inferDate(texts, ctx) ??
    (fits(texts, isEmailText) ? { type: 'email', options: {} } : null) ??
    (fits(texts, isUrlText) ? { type: 'url', options: {} } : null) ??
    inferSelect(texts, values.length) ?? {
      type: texts.some((t) => t.length > LONG_TEXT || t.includes('\n')) ? 'longText' : 'text',
      options: {},
    }
  );
}
