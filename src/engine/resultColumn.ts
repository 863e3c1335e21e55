/**
 * A column of formula results held as typed arrays: each row's number in a Float64Array, and
 * for a row that is not a number, a code into a short list of the column's other values.
 *
 * Why: as a plain array, a million results were a million boxed numbers (or copies of "VIP"),
 * made young by every message from the engine worker and all kept: V8's scavenges copied them
 * out of the young generation in pauses of 60-88 ms while a 1M-row table's results arrived
 * (traced). Typed arrays travel between the threads without being cloned value by value, and the
 * collector never walks them.
 */
import type { FormulaError, FormulaResult } from './types';

/** A result that is not a number: held once per column, rows point to it by code. */
type Other = Exclude<FormulaResult, number>;

/** The code of a row whose value is its number. */
const NUMBER = -1;
/** Codes of the values every column may hold, before the column's own. */
const FIXED: readonly Other[] = [null, false, true];
/** Distinct texts and errors a column looks up before it stops sharing codes for new ones. */
const MAX_SHARED = 4096;

/** The typed form of some results: what travels in a message. */
export interface EncodedResults {
  numbers: Float64Array;
  codes: Int32Array;
  /** The values of codes FIXED.length and up, in code order. */
  others: Other[];
}

const errorKey = (e: FormulaError): string => `${e.error}\u0000${e.message ?? ''}`;

export class ResultColumn {
  private texts = new Map<string, number>();
  private errors = new Map<string, number>();

  private constructor(
    private numbers: Float64Array,
    private codes: Int32Array,
    /** Values by code; the first FIXED.length are FIXED. */
    private values: Other[],
  ) {}

  /** A column of `length` empty rows. */
  static empty(length: number): ResultColumn {
    return new ResultColumn(new Float64Array(length), new Int32Array(length), [...FIXED]);
  }

  /** Results `from` … `to` of `values` as a column. */
  static of(values: readonly FormulaResult[], from = 0, to = values.length): ResultColumn {
    const column = ResultColumn.empty(to - from);
    for (let row = from; row < to; row++) column.set(row - from, values[row] as FormulaResult);
    return column;
  }

  get length(): number {
    return this.codes.length;
  }

  get(row: number): FormulaResult | undefined {
    const code = this.codes[row];
    if (code === undefined) return undefined;
    return code === NUMBER ? (this.numbers[row] as number) : this.values[code];
  }

  set(row: number, value: FormulaResult): void {
    if (typeof value === 'number') {
      this.numbers[row] = value;
      this.codes[row] = NUMBER;
    } else this.codes[row] = this.codeOf(value);
  }

  /** Rows `at` … of `encoded` written over this column's rows from `at` on. */
  write(at: number, encoded: EncodedResults): void {
    this.numbers.set(encoded.numbers, at);
    this.codes.set(encoded.codes, at);
    this.remap(at, at + encoded.codes.length, encoded.others);
  }

  /** A copy with `count` empty rows inserted at `at`. */
  inserted(at: number, count: number): ResultColumn {
    const n = this.length;
    const numbers = new Float64Array(n + count);
    const codes = new Int32Array(n + count);
    numbers.set(this.numbers.subarray(0, at));
    numbers.set(this.numbers.subarray(at), at + count);
    codes.set(this.codes.subarray(0, at));
    codes.set(this.codes.subarray(at), at + count);
    return this.withArrays(numbers, codes);
  }

  /** A copy without the given rows (ascending). */
  without(rows: readonly number[]): ResultColumn {
    const n = this.length;
    const numbers = new Float64Array(n - rows.length);
    const codes = new Int32Array(n - rows.length);
    let out = 0;
    let from = 0;
    const keep = (to: number) => {
      numbers.set(this.numbers.subarray(from, to), out);
      codes.set(this.codes.subarray(from, to), out);
      out += to - from;
    };
    for (const r of rows) {
      keep(r);
      from = r + 1;
    }
    keep(n);
    return this.withArrays(numbers, codes);
  }

  /** The column in its typed form, its own arrays (for a column made to be sent). */
  encoded(): EncodedResults {
    return { numbers: this.numbers, codes: this.codes, others: this.values.slice(FIXED.length) };
  }

  toArray(): FormulaResult[] {
    const out = new Array<FormulaResult>(this.length);
    for (let row = 0; row < out.length; row++) out[row] = this.get(row) as FormulaResult;
    return out;
  }

  private withArrays(numbers: Float64Array, codes: Int32Array): ResultColumn {
    const column = new ResultColumn(numbers, codes, this.values);
    column.texts = this.texts;
    column.errors = this.errors;
    return column;
  }

  /** Rows from … to of `codes` index `others` (codes from FIXED.length): make them index values. */
  private remap(from: number, to: number, others: readonly Other[]): void {
    if (others.length === 0) return;
    const mine = others.map((v) => this.codeOf(v));
    const codes = this.codes;
    const first = FIXED.length;
    for (let row = from; row < to; row++) {
      const code = codes[row] as number;
      if (code >= first) codes[row] = mine[code - first] as number;
    }
  }

  private codeOf(value: Other): number {
    const fixed = FIXED.indexOf(value);
    if (fixed >= 0) return fixed;
    const text = typeof value === 'string';
    const known = text ? this.texts : this.errors;
    const key = text ? value : errorKey(value as FormulaError);
    const code = known.get(key);
    if (code !== undefined) return code;
    const added = this.values.push(value) - 1;
    if (known.size < MAX_SHARED) known.set(key, added);
    return added;
  }
}
