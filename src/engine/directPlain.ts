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

type Run = (values: readonly RowValue[], referenced: readonly boolean[], fb: Fallback) => RowValue;

const EPS = 1e-13;
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

/** HyperFormula's sum step: a result negligible next to the running total is 0. */
function addWithEpsilon(left: number, right: number): number {
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

/** A function of a text and optional numbers (defaults as in `numeric`). */
function textual(defaults: number[], f: (s: string, ...n: number[]) => RowValue): Run {
  return (values, _, fb) => {
    const [first = null, ...rest] = values;
    const s = text(first);
    if (s instanceof CellError) return s;
    const n = each([...rest, ...defaults.slice(rest.length)], (v) => number(v, fb));
    return n instanceof CellError ? n : f(s, ...n);
  };
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

/** YEAR, MONTH, DAY of a date serial (a text, or a serial out of range, asked of HyperFormula). */
function datePart(name: 'YEAR' | 'MONTH' | 'DAY'): Run {
  return ([v = null], _, fb) => {
    if (v instanceof CellError) return v;
    const serial = v === null ? 0 : v;
    if (typeof serial !== 'number' || serial < 0 || serial > LAST_SERIAL) {
      return fb(`=${name}(A1)`, [serial]);
    }
    const d = new Date(EPOCH + Math.floor(serial) * DAY_MS);
    if (name === 'YEAR') return d.getUTCFullYear();
    return name === 'MONTH' ? d.getUTCMonth() + 1 : d.getUTCDate();
  };
}

function roundAway(up: boolean): (x: number, places: number) => number {
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
export const PLAIN_CALLS: Record<string, { min: number; max: number; run: Run }> = {
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
  ROUNDUP: { min: 1, max: 2, run: numeric([0], roundAway(true)) },
  ROUNDDOWN: { min: 1, max: 2, run: numeric([0], roundAway(false)) },
  TRUNC: { min: 1, max: 2, run: numeric([0], roundAway(false)) },
  MAX: { min: 1, max: 30, run: aggregate('MAX') },
  MIN: { min: 1, max: 30, run: aggregate('MIN') },
  SUM: { min: 1, max: 30, run: aggregate('SUM') },
  COUNT: { min: 1, max: 30, run: aggregate('COUNT') },
  AVERAGE: { min: 1, max: 30, run: aggregate('AVERAGE') },
  LEN: { min: 1, max: 1, run: textual([], (s) => s.length) },
  UPPER: { min: 1, max: 1, run: textual([], (s) => s.toUpperCase()) },
  LOWER: { min: 1, max: 1, run: textual([], (s) => s.toLowerCase()) },
  TRIM: {
    min: 1,
    max: 1,
    run: textual([], (s) => s.replace(/^ +/g, '').replace(/ +$/g, '').replace(/ +/g, ' ')),
  },
  LEFT: {
    min: 1,
    max: 2,
    run: textual([1], (s, n = 1) =>
      n < 0 ? new CellError(ErrorType.VALUE, 'NegativeLength') : s.slice(0, n),
    ),
  },
  RIGHT: {
    min: 1,
    max: 2,
    run: textual([1], (s, n = 1) => {
      if (n < 0) return new CellError(ErrorType.VALUE, 'NegativeLength');
      return n === 0 ? '' : s.slice(-n);
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
  YEAR: { min: 1, max: 1, run: datePart('YEAR') },
  MONTH: { min: 1, max: 1, run: datePart('MONTH') },
  DAY: { min: 1, max: 1, run: datePart('DAY') },
};

/** Functions whose arguments may be dates (date inputs and TODAY() are read as serials there). */
export const DATE_PARTS: ReadonlySet<string> = new Set(['YEAR', 'MONTH', 'DAY']);

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

/** `values` are the arguments in order; `referenced[i]` says whether argument i is a cell. */
export function plainCall(
  name: string,
  values: readonly RowValue[],
  referenced: readonly boolean[],
  fb: Fallback,
): RowValue {
  return (PLAIN_CALLS[name] as { run: Run }).run(values, referenced, fb);
}
