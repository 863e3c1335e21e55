/**
 * The spreadsheet functions shop owners put around their columns most (AND, OR, NOT, ABS, MAX,
 * MIN, SUM), evaluated per row with HyperFormula's semantics: numbers, booleans and empty
 * values here, a text coerced by HyperFormula itself (`fallback`, answers cached per text).
 * Evaluated by HyperFormula instead, each would be one formula per cell (they aggregate).
 */
import { CellError } from 'hyperformula';
import type { Fallback, RowValue } from './directEval';

/** Functions of this module, by the argument counts they take here. */
export const PLAIN_CALLS: Record<string, { min: number; max: number }> = {
  AND: { min: 1, max: 30 },
  OR: { min: 1, max: 30 },
  NOT: { min: 1, max: 1 },
  ABS: { min: 1, max: 1 },
  MAX: { min: 1, max: 30 },
  MIN: { min: 1, max: 30 },
  SUM: { min: 1, max: 30 },
};

/**
 * Functions that skip a referenced cell holding a text, a boolean or nothing, but coerce the
 * same value given any other way; `CELL` marks an inlined formula column as such a reference.
 */
export const REFERENCE_AWARE: ReadonlySet<string> = new Set(['MAX', 'MIN', 'SUM']);
export const CELL = '@CELL';

/** A value as a boolean (empty is FALSE), or the error HyperFormula gives for it. */
function truth(v: RowValue, fallback: Fallback): boolean | CellError {
  if (v instanceof CellError || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  return fallback('=AND(A1)', [v]) as boolean | CellError;
}

/** A value given directly (not a referenced cell) as a number, or its error. */
function number(v: RowValue, fallback: Fallback): number | CellError {
  if (v instanceof CellError || typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return fallback('=A1*1', [v]) as number | CellError;
}

/**
 * `values` are the arguments in order; `referenced[i]` says whether argument i is a cell
 * reference. The first error met in argument order wins, as in HyperFormula.
 */
export function plainCall(
  name: string,
  values: readonly RowValue[],
  referenced: readonly boolean[],
  fallback: Fallback,
): RowValue {
  const [first = null] = values;
  switch (name) {
    case 'NOT': {
      const t = truth(first, fallback);
      return t instanceof CellError ? t : !t;
    }
    case 'ABS': {
      const n = number(first, fallback);
      return n instanceof CellError ? n : Math.abs(n);
    }
    case 'AND':
    case 'OR': {
      let all = true;
      let any = false;
      for (const v of values) {
        const t = truth(v, fallback);
        if (t instanceof CellError) return t;
        all &&= t;
        any ||= t;
      }
      return name === 'AND' ? all : any;
    }
    default:
      return aggregate(name, values, referenced, fallback);
  }
}

function aggregate(
  name: string,
  values: readonly RowValue[],
  referenced: readonly boolean[],
  fallback: Fallback,
): RowValue {
  const numbers: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (referenced[i] && !(v instanceof CellError) && typeof v !== 'number') continue;
    const n = number(v, fallback);
    if (n instanceof CellError) return n;
    numbers.push(n);
  }
  if (name === 'SUM') return numbers.reduce((s, n) => s + n, 0);
  if (numbers.length === 0) return 0;
  return name === 'MAX' ? Math.max(...numbers) : Math.min(...numbers);
}
