/**
 * The spreadsheet functions shop owners put around their columns most, evaluated per row with
 * HyperFormula 3.5's semantics (its plugins' code read and followed: argument coercion, the
 * first error in argument order, epsilon sums): numbers, booleans, texts and empty values here,
 * the rarer coercions (a text read as a number or a date) by HyperFormula itself (`fallback`,
 * cached). Evaluated by HyperFormula instead, a column costs its inputs loaded into a sheet and,
 * for the functions that aggregate, one formula per cell.
 */
import { CellError, ErrorType } from 'hyperformula';
import type { Fallback, RowValue } from './directEval';
import { formatText } from './directText';

/** HyperFormula's texts for the errors these functions give (its ErrorMessage is internal). */
const MESSAGES = {
  LessThanOne: 'Argument cannot be less than 1.',
  NegativeLength: 'Length cannot be negative.',
  NegativeCount: 'Count cannot be negative.',
  IndexBounds: 'Index out of bounds.',
  PatternNotFound: 'Pattern not found.',
  StartEndDate: 'Start date needs to be earlier than end date.',
  BadMode: 'Mode not recognized.',
  NoConditionMet: 'None of the conditions were met.',
  WrongArgNumber: 'Wrong number of arguments.',
};
const fail = (type: ErrorType, message: keyof typeof MESSAGES): CellError =>
  new CellError(type, MESSAGES[message]);

type Run = (values: readonly RowValue[], referenced: readonly boolean[], fb: Fallback) => RowValue;

/** HyperFormula's precisionEpsilon. */
export const EPS = 1e-13;
const DAY_MS = 86_400_000;
/** Serial 0 (1899-12-30) and the last date HyperFormula takes (9999-12-31). */
const EPOCH = Date.UTC(1899, 11, 30);
const LAST_SERIAL = 2_958_465;

/** A value given directly (not a referenced cell) as a number, or its error. */
function number(v: RowValue, fb: Fallback): number | CellError {
  if (v instanceof CellError || typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return fb('=A1*1', [v]) as number | CellError;
}

/** A value as a boolean (empty is FALSE), or the error HyperFormula gives for it. */
function truth(v: RowValue, fb: Fallback): boolean | CellError {
  if (v instanceof CellError || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  return fb('=AND(A1)', [v]) as boolean | CellError;
}

/** A value as text, as `&` and the text functions see it. */
export function text(v: RowValue): string | CellError {
  if (v instanceof CellError || typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'number') return v.toString();
  return v ? 'TRUE' : 'FALSE';
}

/** HyperFormula's + (and sum step): a result negligible next to the left operand is 0. */
export function addWithEpsilon(left: number, right: number): number {
  const sum = left + right;
  return Math.abs(sum) < EPS * Math.abs(left) ? 0 : sum;
}

/** Coerces every argument with `as`; the first error in order is the result. */
function each<T>(values: readonly RowValue[], as: (v: RowValue) => T | CellError): T[] | CellError {
  const out: T[] = [];
  for (const v of values) {
    const c = as(v);
    if (c instanceof CellError) return c;
    out.push(c);
  }
  return out;
}

/** A function of numbers (missing optional arguments take `defaults`). */
function numeric(defaults: number[], f: (...n: number[]) => RowValue): Run {
  return (values, _, fb) => {
    const n = each([...values, ...defaults.slice(values.length - 1)], (v) => number(v, fb));
    return n instanceof CellError ? n : f(...n);
  };
}

/**
 * A function of `texts` texts and then numbers, coerced in argument order; missing numbers take
 * `defaults` (by their place among the numbers) or stay missing.
 */
function textual(
  texts: number,
  defaults: number[],
  f: (t: string[], n: number[]) => RowValue,
): Run {
  return (values, _, fb) => {
    const t = each(values.slice(0, texts), text);
    if (t instanceof CellError) return t;
    const n = each(values.slice(texts), (v) => number(v, fb));
    return n instanceof CellError ? n : f(t, [...n, ...defaults.slice(n.length)]);
  };
}

/** MID's and REPLACE's check of the characters they take. */
function badSpan(start: number, count: number): CellError | null {
  if (start < 1) return fail(ErrorType.VALUE, 'LessThanOne');
  return count < 0 ? fail(ErrorType.VALUE, 'NegativeLength') : null;
}

/**
 * MAX, MIN, SUM, COUNT, AVERAGE: a referenced cell counts only when it holds a number (an error
 * in it stops all but COUNT); any other argument is coerced to a number (COUNT counts it if that
 * works, the others stop at the error).
 */
function aggregate(name: string): Run {
  return (values, referenced, fb) => {
    const numbers: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? null;
      const n = referenced[i]
        ? v instanceof CellError || typeof v === 'number'
          ? v
          : null
        : number(v, fb);
      if (n === null || (n instanceof CellError && name === 'COUNT')) continue;
      if (n instanceof CellError) return n;
      numbers.push(n);
    }
    if (name === 'COUNT') return numbers.length;
    if (name === 'SUM' || name === 'AVERAGE') {
      const sum = numbers.reduce(name === 'SUM' ? addWithEpsilon : (s, n) => s + n, 0);
      if (name === 'SUM') return sum;
      return numbers.length > 0 ? sum / numbers.length : new CellError(ErrorType.DIV_BY_ZERO);
    }
    if (numbers.length === 0) return 0;
    return name === 'MAX' ? Math.max(...numbers) : Math.min(...numbers);
  };
}

/** The day of a serial number within HyperFormula's range, else null. */
const dayOf = (n: number): Date | null =>
  n < 0 || n > LAST_SERIAL ? null : new Date(EPOCH + Math.floor(n) * DAY_MS);

/** Dates of serial numbers within HyperFormula's range; null sends the call to HyperFormula. */
function dates(values: readonly number[]): Date[] | null {
  const out = values.map(dayOf);
  return out.every((d) => d !== null) ? (out as Date[]) : null;
}

/**
 * A function of dates (serials) and optional numbers: texts and booleans among the arguments,
 * or dates out of range, go to HyperFormula (as `=NAME(A1,B1,…)`), as does an undefined result.
 */
function dated(
  name: string,
  count: number,
  defaults: RowValue[],
  f: (d: Date[], n: number[], rest: RowValue[]) => RowValue | undefined,
): Run {
  return (given, _, fb) => {
    const values = [...given, ...defaults.slice(given.length - count)];
    const error = values.find((v) => v instanceof CellError);
    if (error) return error;
    const serials = values.slice(0, count).map((v) => (v === null ? 0 : v));
    const numbers = serials.filter((v): v is number => typeof v === 'number');
    const d = numbers.length === count ? dates(numbers) : null;
    const result = d ? f(d, numbers, values.slice(count)) : undefined;
    if (result !== undefined) return result;
    const cells = values.map((_, i) => `${String.fromCharCode(65 + i)}1`).join(',');
    return fb(`=${name}(${cells})`, values);
  };
}

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Month lengths as HyperFormula's EDATE cuts a day to them (February has 28 days, even in 2024). */
const EDATE_MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The serial of a date from 1900 on; undefined beyond HyperFormula's range. */
function serialOf(year: number, month: number, day: number): number | undefined {
  if (year < 1900) return undefined;
  const serial = (Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS;
  return serial >= 0 && serial <= LAST_SERIAL ? serial : undefined;
}

/**
 * EDATE and EOMONTH: the date `months` whole months after the first argument (EDATE keeps its
 * day, cut to EDATE_MONTH_DAYS; EOMONTH takes the month's last day). A fractional or missing
 * month count, and a result out of range, are HyperFormula's.
 */
function monthsLater(endOfMonth: boolean) {
  return ([d]: Date[], _: number[], [months]: RowValue[]): number | undefined => {
    if (!d || typeof months !== 'number' || !Number.isInteger(months)) return undefined;
    const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
    const [year, month] = [Math.floor(total / 12), (total % 12) + 1];
    const day = endOfMonth
      ? daysInMonth(year, month)
      : Math.min(d.getUTCDate(), EDATE_MONTH_DAYS[month - 1] ?? 31);
    return serialOf(year, month, day);
  };
}

/**
 * DATE(year, month, day): months past 12 or below 1 move the year, days past the month's end
 * move on into the next ones. Years before 1900 (which it reads as 1900 + year) and results
 * out of range are HyperFormula's.
 */
const date: Run = (values, _, fb) => {
  const n = each(values, (v) => number(v, fb));
  if (n instanceof CellError) return n;
  const [y = 0, m = 0, d = 0] = n.map(Math.trunc);
  const shift = Math.floor((m - 1) / 12);
  const first = serialOf(y + shift, m - shift * 12, 1);
  const serial = first === undefined ? undefined : first + d - 1;
  return serial !== undefined && serial >= 0 && serial <= LAST_SERIAL
    ? serial
    : fb('=DATE(A1,B1,C1)', n);
};

/** DATEDIF's units but YD (which HyperFormula computes its own way) as they count. */
function dateDif([start, end]: Date[], [from = 0, to = 0]: number[], [unit]: RowValue[]) {
  if (!start || !end || typeof unit !== 'string') return undefined;
  if (from > to) return fail(ErrorType.NUM, 'StartEndDate');
  const [sy, sm, sd] = [start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()];
  const [ey, em, ed] = [end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate()];
  const short = ed < sd ? 1 : 0;
  switch (unit) {
    case 'D':
      return Math.floor(to) - Math.floor(from);
    case 'M':
      return (ey - sy) * 12 + (em - sm) - short;
    case 'YM':
      return (12 + (em - sm) - short) % 12;
    case 'Y':
      return em > sm || (em === sm && ed >= sd) ? ey - sy : ey - sy - 1;
    case 'MD':
      if (ed >= sd) return ed - sd;
      return daysInMonth(em === 1 ? ey - 1 : ey, em === 1 ? 12 : em - 1) + ed - sd;
    default:
      return unit === 'YD' ? undefined : fail(ErrorType.NUM, 'BadMode');
  }
}

/** ROUNDUP (away from zero) or ROUNDDOWN (towards it) to `places` decimals. */
function roundToPlaces(up: boolean): (x: number, places: number) => number {
  return (x, places) => {
    const m = Math.pow(10, places);
    const r = up ? Math.ceil : Math.floor;
    return x < 0 ? -r(-x * m) / m : r(x * m) / m;
  };
}

function logical(all: boolean): Run {
  return (values, _, fb) => {
    const t = each(values, (v) => truth(v, fb));
    if (t instanceof CellError) return t;
    return all ? t.every(Boolean) : t.some(Boolean);
  };
}

const noError = (f: (v: RowValue) => boolean): Run => {
  return ([v = null]) => f(v);
};

/** Each function by the argument counts it takes here and how it runs. */
const FUNCTIONS: Record<string, { min: number; max: number; run: Run }> = {
  AND: { min: 1, max: 30, run: logical(true) },
  OR: { min: 1, max: 30, run: logical(false) },
  NOT: {
    min: 1,
    max: 1,
    run: ([v = null], _, fb) => {
      const t = truth(v, fb);
      return t instanceof CellError ? t : !t;
    },
  },
  IFERROR: { min: 2, max: 2, run: ([v = null, alt = null]) => (v instanceof CellError ? alt : v) },
  ISBLANK: { min: 1, max: 1, run: noError((v) => v === null) },
  ISNUMBER: { min: 1, max: 1, run: noError((v) => typeof v === 'number') },
  ISTEXT: { min: 1, max: 1, run: noError((v) => typeof v === 'string') },
  ISERROR: { min: 1, max: 1, run: noError((v) => v instanceof CellError) },
  ABS: { min: 1, max: 1, run: numeric([], (x) => Math.abs(x)) },
  INT: { min: 1, max: 1, run: numeric([], (x) => (x < 0 ? -Math.floor(-x) : Math.floor(x))) },
  MOD: {
    min: 2,
    max: 2,
    run: numeric([], (a, b) => {
      if (b === 0) return new CellError(ErrorType.DIV_BY_ZERO);
      const r = a % b;
      return r === 0 || r < 0 === b < 0 ? r : r + b;
    }),
  },
  ROUNDUP: { min: 1, max: 2, run: numeric([0], roundToPlaces(true)) },
  ROUNDDOWN: { min: 1, max: 2, run: numeric([0], roundToPlaces(false)) },
  TRUNC: { min: 1, max: 2, run: numeric([0], roundToPlaces(false)) },
  MAX: { min: 1, max: 30, run: aggregate('MAX') },
  MIN: { min: 1, max: 30, run: aggregate('MIN') },
  SUM: { min: 1, max: 30, run: aggregate('SUM') },
  COUNT: { min: 1, max: 30, run: aggregate('COUNT') },
  AVERAGE: { min: 1, max: 30, run: aggregate('AVERAGE') },
  LEN: { min: 1, max: 1, run: textual(1, [], ([t = '']) => t.length) },
  UPPER: { min: 1, max: 1, run: textual(1, [], ([t = '']) => t.toUpperCase()) },
  LOWER: { min: 1, max: 1, run: textual(1, [], ([t = '']) => t.toLowerCase()) },
  TRIM: {
    min: 1,
    max: 1,
    run: textual(1, [], ([t = '']) =>
      t.replace(/^ +/g, '').replace(/ +$/g, '').replace(/ +/g, ' '),
    ),
  },
  LEFT: {
    min: 1,
    max: 2,
    run: textual(1, [1], ([t = ''], [n = 1]) =>
      n < 0 ? fail(ErrorType.VALUE, 'NegativeLength') : t.slice(0, n),
    ),
  },
  RIGHT: {
    min: 1,
    max: 2,
    run: textual(1, [1], ([t = ''], [n = 1]) => {
      if (n < 0) return fail(ErrorType.VALUE, 'NegativeLength');
      return n === 0 ? '' : t.slice(-n);
    }),
  },
  CONCATENATE: {
    min: 1,
    max: 30,
    run: (values) => {
      const parts = each(values, text);
      return parts instanceof CellError ? parts : parts.join('');
    },
  },
  MID: {
    min: 3,
    max: 3,
    run: textual(1, [], ([t = ''], [start = 1, count = 0]) => {
      return badSpan(start, count) ?? t.substring(start - 1, start + count - 1);
    }),
  },
  REPLACE: {
    min: 4,
    max: 4,
    run: ([old = null, start = null, count = null, by = null], _, fb) => {
      const t = text(old);
      if (t instanceof CellError) return t;
      const n = each([start, count], (v) => number(v, fb));
      if (n instanceof CellError) return n;
      const added = text(by);
      if (added instanceof CellError) return added;
      const [from = 1, length = 0] = n;
      const bad = badSpan(from, length);
      return bad ?? t.substring(0, from - 1) + added + t.substring(from + length - 1);
    },
  },
  REPT: {
    min: 2,
    max: 2,
    run: textual(1, [], ([t = ''], [count = 0]) =>
      count < 0 ? fail(ErrorType.VALUE, 'NegativeCount') : t.repeat(count),
    ),
  },
  PROPER: {
    min: 1,
    max: 1,
    run: textual(1, [], ([t = '']) =>
      t.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.substring(1).toLowerCase()),
    ),
  },
  EXACT: { min: 2, max: 2, run: textual(2, [], ([a, b]) => a === b) },
  FIND: {
    min: 2,
    max: 3,
    run: textual(2, [1], ([pattern = '', within = ''], [from = 1]) => {
      if (from < 1 || from > within.length) return fail(ErrorType.VALUE, 'IndexBounds');
      const at = within.substring(from - 1).indexOf(pattern) + from;
      return at > 0 ? at : fail(ErrorType.VALUE, 'PatternNotFound');
    }),
  },
  SUBSTITUTE: {
    min: 3,
    max: 4,
    run: textual(3, [], ([within = '', find = '', by = ''], [nth]) => {
      const pattern = new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
      if (nth === undefined) return within.replace(pattern, by);
      if (nth < 1) return fail(ErrorType.VALUE, 'LessThanOne');
      let i = 0;
      for (let m = pattern.exec(within); m !== null; m = pattern.exec(within)) {
        if (nth === ++i) {
          return within.substring(0, m.index) + by + within.substring(pattern.lastIndex);
        }
      }
      return within;
    }),
  },
  T: {
    min: 1,
    max: 1,
    run: ([v = null]) => (v instanceof CellError || typeof v === 'string' ? v : ''),
  },
  N: {
    min: 1,
    max: 1,
    run: ([v = null]) => {
      if (v instanceof CellError || typeof v === 'number') return v;
      return typeof v === 'boolean' ? (v ? 1 : 0) : 0;
    },
  },
  IFNA: {
    min: 2,
    max: 2,
    run: ([v = null, alt = null]) => (v instanceof CellError && v.type === ErrorType.NA ? alt : v),
  },
  IFS: {
    min: 2,
    max: 30,
    run: (values, _, fb) => {
      if (values.length % 2 !== 0) return fail(ErrorType.NA, 'WrongArgNumber');
      const conditions = each(
        values.filter((_, i) => i % 2 === 0),
        (v) => truth(v, fb),
      );
      if (conditions instanceof CellError) return conditions;
      const hit = conditions.indexOf(true);
      return hit < 0 ? fail(ErrorType.NA, 'NoConditionMet') : (values[hit * 2 + 1] ?? null);
    },
  },
  DAYS: {
    min: 2,
    max: 2,
    run: dated('DAYS', 2, [], (_, [end = 0, start = 0]) => Math.trunc(end) - Math.trunc(start)),
  },
  WEEKDAY: {
    min: 1,
    max: 2,
    run: dated('WEEKDAY', 1, [1], ([d], _, [type]) => {
      const sunday0 = d?.getUTCDay() ?? 0;
      if (type === 1) return sunday0 + 1;
      if (type === 2) return ((sunday0 + 6) % 7) + 1;
      return type === 3 ? (sunday0 + 6) % 7 : undefined;
    }),
  },
  DATEDIF: { min: 3, max: 3, run: dated('DATEDIF', 2, [], dateDif) },
  TEXT: {
    min: 2,
    max: 2,
    run: ([v = null, f = null], _, fb) => {
      const n = number(v, fb);
      if (n instanceof CellError) return n;
      if (f instanceof CellError) return f;
      const out = typeof f === 'string' ? formatText(n, f, dayOf) : undefined;
      return out ?? fb('=TEXT(A1,B1)', [n, f]);
    },
  },
  DATE: { min: 3, max: 3, run: date },
  EDATE: { min: 2, max: 2, run: dated('EDATE', 1, [], monthsLater(false)) },
  EOMONTH: { min: 2, max: 2, run: dated('EOMONTH', 1, [], monthsLater(true)) },
  YEAR: { min: 1, max: 1, run: dated('YEAR', 1, [], ([d]) => d?.getUTCFullYear()) },
  MONTH: { min: 1, max: 1, run: dated('MONTH', 1, [], ([d]) => d && d.getUTCMonth() + 1) },
  DAY: { min: 1, max: 1, run: dated('DAY', 1, [], ([d]) => d?.getUTCDate()) },
};

/** Functions whose arguments may be dates (date inputs and TODAY() are read as serials there). */
export const TAKES_DATES: ReadonlySet<string> = new Set([
  'DATE',
  'EDATE',
  'EOMONTH',
  'YEAR',
  'MONTH',
  'DAY',
  'DAYS',
  'WEEKDAY',
  'DATEDIF',
  'TEXT',
  // A date is a number to these as to HyperFormula: IF(ISBLANK({生日}), "", …) stays here.
  'ISBLANK',
  'ISNUMBER',
  'ISTEXT',
  'ISERROR',
]);

/** Functions whose numbers HyperFormula holds as dates (they show as dates). */
export const RETURNS_DATES: ReadonlySet<string> = new Set(['DATE', 'EDATE', 'EOMONTH']);

/**
 * Functions that skip a referenced cell holding a text, a boolean or nothing, but coerce the
 * same value given any other way; `CELL` marks an inlined formula column as such a reference.
 */
export const REFERENCE_AWARE: ReadonlySet<string> = new Set([
  'MAX',
  'MIN',
  'SUM',
  'COUNT',
  'AVERAGE',
]);
export const CELL = '@CELL';

/** The argument counts each function takes here. */
export const PLAIN_ARITY: ReadonlyMap<string, { min: number; max: number }> = new Map(
  Object.entries(FUNCTIONS).map(([name, { min, max }]) => [name, { min, max }]),
);

/**
 * How each function runs: `values` are its arguments in order, `referenced[i]` says whether
 * argument i is a cell.
 */
export const PLAIN_CALLS: ReadonlyMap<string, Run> = new Map(
  Object.entries(FUNCTIONS).map(([name, { run }]) => [name, run]),
);
