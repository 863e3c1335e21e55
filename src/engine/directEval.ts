/**
 * Evaluates direct formulas (see directParse) row by row in JavaScript with HyperFormula's own
 * semantics: numbers as its arithmetic does them, unusual operand types handed to HyperFormula
 * (`fallback`), and each ranked population ranked once and kept until an input it reads changes.
 */
import { CellError, DetailedCellError, EmptyValue, ErrorType } from 'hyperformula';
import type { CellValue } from 'hyperformula';
import { PASSES } from './directParse';
import type { DirectNode } from './directParse';
import { CELL, EPS, PLAIN_CALLS, RETURNS_DATES, addWithEpsilon, text } from './directPlain';
import { segmentLabel, UNSCORED } from '../domain/crm';
import {
  churnRiskRow,
  daysSinceRow,
  firstError,
  lifecycleRow,
  loyaltyStageRow,
  loyaltyTierRow,
  nextBirthdayRow,
  num,
  thresholdRow,
} from './crmRow';
import type { RowContext } from './crmRow';
import { RANKED } from './formulaText';
import { isScoredRow, scoreRows } from './rowScores';
import type { RowScores } from './rowScores';
import type { Num } from './rankCache';
import { errorText, toResult } from './values';

export type RowValue = number | string | boolean | null | CellError;
/** Asks HyperFormula: `formula` reads its arguments from A1, B1, C1. */
export type Fallback = (formula: string, args: readonly RowValue[]) => RowValue;

const ROUNDING = 10;

/** HyperFormula's smart rounding of exported numbers (precisionRounding 10). */
export function roundLikeHf(value: number): number {
  // An integer is its own rounding (the exact arithmetic below would give it back unchanged).
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  const m = Math.pow(10, ROUNDING - Math.floor(Math.log10(Math.abs(value))));
  return value < 0 ? -Math.round(-value * m) / m : Math.round(value * m) / m;
}

/** A row value as HyperFormula exports it. */
export function exportValue(v: RowValue | typeof EmptyValue): CellValue {
  if (v === EmptyValue || v === null) return null;
  if (v instanceof CellError) {
    const text = errorText(toResult(new DetailedCellError(v, '')) as never);
    return new DetailedCellError(v, text);
  }
  return typeof v === 'number' ? roundLikeHf(v) : v;
}

/** An exported HyperFormula value back as a row value. */
export function importValue(v: CellValue): RowValue {
  if (v instanceof DetailedCellError) return new CellError(v.type as ErrorType, v.message);
  return v;
}

function floatCmp(left: number, right: number): number {
  const mod = 1 + EPS;
  if (right >= 0 && left * mod >= right && left <= right * mod) return 0;
  if (right <= 0 && left * mod <= right && left >= right * mod) return 0;
  return left > right ? 1 : -1;
}

const COMPARE: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '>=': (c) => c >= 0,
};

function arithmetic(op: string, a: number, b: number): RowValue {
  if (op === '*') return a * b;
  if (op === '/') return b === 0 ? new CellError(ErrorType.DIV_BY_ZERO) : a / b;
  return addWithEpsilon(a, op === '+' ? b : -b);
}

/** HyperFormula's kinds of numbers (its NumberType without the prefix). */
export type NumberKind = 'RAW' | 'DATE' | 'DATETIME' | 'TIME' | 'PERCENT' | 'CURRENCY';

const isDay = (k: NumberKind): boolean => k === 'DATE' || k === 'DATETIME';

/** The kind of a sum or difference, as HyperFormula 3.5 infers it. */
function additiveKind(a: NumberKind, b: NumberKind): NumberKind {
  if (a === 'RAW') return b;
  if (b === 'RAW') return a;
  if (isDay(a) && isDay(b)) return 'RAW';
  if ((a === 'TIME' && isDay(b)) || (b === 'TIME' && isDay(a))) return 'DATETIME';
  return a;
}

/** The kind of a product or quotient, as HyperFormula 3.5 infers it (a percent counts as raw). */
function multiplicativeKind(a: NumberKind, b: NumberKind): NumberKind {
  const [x, y] = [a === 'PERCENT' ? 'RAW' : a, b === 'PERCENT' ? 'RAW' : b];
  if (x === 'RAW') return y;
  return y === 'RAW' ? x : 'RAW';
}

interface Population {
  kind: string;
  cols: RowValue[][];
  scores: RowScores;
}

interface Cached<T> {
  value: T;
  deps: ReadonlySet<string>;
}

/** A cached argument column, with the node it is the values of (to evaluate rows added). */
interface CachedColumn extends Cached<RowValue[]> {
  node: DirectNode;
}

/** Whether a node holds a ranked call (whose rows cannot be evaluated while rows move). */
function hasRanked(node: DirectNode): boolean {
  if (node.k === 'neg') return hasRanked(node.a);
  if (node.k === 'bin') return hasRanked(node.a) || hasRanked(node.b);
  if (node.k !== 'call') return false;
  return (RANKED.has(node.name) && isQuintile(node)) || node.args.some(hasRanked);
}

/** Every input id a node reads. */
export function nodeRefs(node: DirectNode, out = new Set<string>()): Set<string> {
  if (node.k === 'ref') out.add(node.id);
  else if (node.k === 'neg') nodeRefs(node.a, out);
  else if (node.k === 'bin') [node.a, node.b].forEach((n) => nodeRefs(n, out));
  else if (node.k === 'call') node.args.forEach((n) => nodeRefs(n, out));
  return out;
}

/** Input ids whose WHOLE column a node depends on (the arguments of ranked calls). */
export function populationRefs(node: DirectNode, out = new Set<string>()): Set<string> {
  if (node.k === 'call' && RANKED.has(node.name) && isQuintile(node)) {
    node.args.forEach((n) => nodeRefs(n, out));
  }
  if (node.k === 'neg') populationRefs(node.a, out);
  else if (node.k === 'bin') [node.a, node.b].forEach((n) => populationRefs(n, out));
  else if (node.k === 'call') node.args.forEach((n) => populationRefs(n, out));
  return out;
}

function isQuintile(call: { name: string; args: DirectNode[] }): boolean {
  const n = call.args.length;
  return call.name.length === 5 ? n === 1 || n === 2 : n === 3;
}

const referenced = new WeakMap<DirectNode[], boolean[]>();
/** Which arguments of a call are cells (see directPlain's REFERENCE_AWARE). */
const referencedArgs = (args: DirectNode[]): boolean[] => {
  let r = referenced.get(args);
  if (!r) {
    r = args.map((a) => a.k === 'ref' || (a.k === 'call' && a.name === CELL));
    referenced.set(args, r);
  }
  return r;
};

const keys = new WeakMap<DirectNode, string>();
const callKeys = new WeakMap<DirectNode[], string>();
const keyOf = (node: DirectNode): string => {
  let k = keys.get(node);
  if (k === undefined) keys.set(node, (k = JSON.stringify(node)));
  return k;
};

export class DirectEvaluator {
  private readonly columns = new Map<string, CachedColumn>();
  private readonly rankings = new Map<string, Cached<Population>>();
  private readonly textOrder = new Map<string, Map<string, number>>();
  private emptyTextOrder: number | undefined;
  /** The population of each ranked call node (its key string is built once per generation). */

  constructor(
    private readonly ctx: RowContext & { asOfSerial: number },
    private readonly input: (id: string, row: number) => RowValue,
    private readonly isDate: (id: string) => boolean,
    private readonly rowCount: () => number,
    private readonly fallback: Fallback,
    private readonly textKind: (text: string) => NumberKind,
  ) {}

  /** Forgets cached columns and rankings that read `ids` (all of them when null). */
  invalidate(ids: ReadonlySet<string> | null): void {
    for (const cache of [this.columns, this.rankings] as Map<string, Cached<unknown>>[]) {
      for (const [k, c] of cache) {
        if (ids === null || [...c.deps].some((d) => ids.has(d))) cache.delete(k);
      }
    }
  }

  /**
   * Rows [at, at + count) were inserted (the inputs hold them already). A ranking that none of
   * them takes part in (a blank customer, say) keeps every other row's score: it stays, its
   * rows moved, and so do the argument columns. Returns whether every ranking stayed; if not,
   * everything cached is forgotten.
   */
  insertRows(at: number, count: number): boolean {
    const cached = [...this.columns.values()];
    if (cached.some((c) => hasRanked(c.node))) return this.forgetAll();
    for (const c of cached) {
      const added = Array.from({ length: count }, (_, i) => this.ev(c.node, at + i));
      c.value.splice(at, 0, ...added);
    }
    const rows = Array.from({ length: count }, (_, i) => at + i);
    if (!this.allUnscored(rows)) return this.forgetAll();
    for (const { value } of this.rankings.values()) shiftScores(value.scores, at, count, 'insert');
    return true;
  }

  /**
   * `spans` ([start, count], last first) are about to leave (the inputs are gone already, the
   * cached columns still hold them): as insertRows, rankings none of them took part in stay.
   */
  removeRows(spans: readonly [number, number][]): boolean {
    const rows = spans.flatMap(([start, n]) => Array.from({ length: n }, (_, i) => start + i));
    if (!this.allUnscored(rows)) return this.forgetAll();
    for (const [start, n] of spans) {
      for (const c of this.columns.values()) c.value.splice(start, n);
      for (const { value } of this.rankings.values()) shiftScores(value.scores, start, n, 'remove');
    }
    return true;
  }

  /** Whether none of `rows` takes part in any cached ranking. */
  private allUnscored(rows: readonly number[]): boolean {
    for (const { value } of this.rankings.values()) {
      const { kind, cols } = value;
      const argsAt = (r: number): Num[] => cols.map((c) => num(c[r]));
      if (rows.some((r) => isScoredRow(kind, argsAt(r)))) return false;
    }
    return true;
  }

  private forgetAll(): false {
    this.invalidate(null);
    return false;
  }

  evaluate(node: DirectNode, row: number): CellValue {
    return exportValue(this.ev(node, row));
  }

  private ev(node: DirectNode, row: number): RowValue {
    switch (node.k) {
      case 'num':
      case 'str':
        return node.v;
      case 'ref':
        return this.input(node.id, row);
      case 'neg':
        return this.negate(this.ev(node.a, row));
      case 'bin':
        return this.binary(node.op, this.ev(node.a, row), this.ev(node.b, row));
      case 'call':
        return this.call(node.name, node.args, row);
    }
  }

  private negate(a: RowValue): RowValue {
    if (typeof a === 'number') return -a;
    return a instanceof CellError ? a : this.fallback('=-A1', [a]);
  }

  private binary(op: string, a: RowValue, b: RowValue): RowValue {
    const err = firstError(a, b);
    if (err) return err;
    if (op === '&') return (text(a) as string) + (text(b) as string);
    const x = a === null && typeof b === 'number' ? 0 : a;
    const y = b === null && typeof a === 'number' ? 0 : b;
    const compare = COMPARE[op];
    if (typeof x === 'number' && typeof y === 'number') {
      return compare ? compare(floatCmp(x, y)) : arithmetic(op, x, y);
    }
    if (compare && typeof x === 'string' && typeof y === 'string') {
      return compare(this.compareTexts(x, y));
    }
    // `{最近消费日期} = ""` on every row: a number against the empty text orders by type.
    if (compare && typeof x === 'number' && y === '') return compare(this.numberToEmptyText());
    if (compare && x === '' && typeof y === 'number') return compare(-this.numberToEmptyText());
    return this.fallback(`=A1${op}B1`, [a, b]);
  }

  /**
   * How HyperFormula orders any number against the empty text (by their types, as it is no
   * number or date to read), asked once. Only the empty text: another text may read as a date
   * when compared ("-3.5" does) though arithmetic reads it as a number.
   */
  private numberToEmptyText(): number {
    return (this.emptyTextOrder ??= this.fallback('=IF(A1=B1,0,IF(A1<B1,-1,1))', [
      0,
      '',
    ]) as number);
  }

  /**
   * How HyperFormula orders two texts (ignoring case and accents, as dates when both read as
   * dates), asked once per pair: `{分群} = "重要价值客户"` meets the same few pairs on every row.
   */
  private compareTexts(a: string, b: string): number {
    if (this.textOrder.size > 10_000) this.textOrder.clear();
    let row = this.textOrder.get(a);
    if (!row) this.textOrder.set(a, (row = new Map()));
    let order = row.get(b);
    if (order === undefined) {
      order = this.fallback('=IF(A1=B1,0,IF(A1<B1,-1,1))', [a, b]) as number;
      row.set(b, order);
    }
    return order;
  }

  private call(name: string, args: DirectNode[], row: number): RowValue {
    if (name === 'IF') return this.choose(args, row);
    if (name === 'ROUND') {
      return this.round(this.ev(args[0] as DirectNode, row), (args[1] as { v: number }).v);
    }
    if (RANKED.has(name) && isQuintile({ name, args })) return this.ranked(name, args, row);
    if (name === 'TODAY') return this.ctx.asOfSerial;
    const v = args.map((a) => this.ev(a, row));
    if (name === CELL) return v[0] ?? null;
    if (name === 'SWITCH') return this.switch(v);
    const plain = PLAIN_CALLS.get(name);
    if (plain) return plain(v, referencedArgs(args), this.fallback);
    const r = this.customer(name, v);
    return r === EmptyValue ? null : (r as RowValue);
  }

  /** A customer function of one row (a missing bound takes its default, as in crm-model). */
  private customer(name: string, v: RowValue[]): unknown {
    const [a, b, c] = v;
    switch (name) {
      case 'DAYS_SINCE':
        return daysSinceRow(this.ctx, a);
      case 'NEXT_BIRTHDAY_IN':
        return nextBirthdayRow(this.ctx, a);
      case 'LIFECYCLE_STAGE':
        return lifecycleRow(this.ctx, a, b, c ?? 30, v[3] ?? 90, v[4] ?? 180);
      case 'LOYALTY_STAGE':
        return loyaltyStageRow(this.ctx, a, b);
      case 'LOYALTY_TIER':
        return loyaltyTierRow(this.ctx, a, b ?? 1000, c ?? 5000, v[3] ?? 20000);
      case 'CHURN_RISK':
        return churnRiskRow(this.ctx, a, b, c);
      default:
        return thresholdRow(name, name === 'RFM_R' ? 'recency' : 'ascending', a, ...v.slice(1));
    }
  }

  /** SWITCH: the value after the first case equal to the selector (as `=` compares). */
  private switch([selector = null, ...rest]: RowValue[]): RowValue {
    if (selector instanceof CellError) return selector;
    let i = 0;
    for (; i + 1 < rest.length; i += 2) {
      const c = rest[i] ?? null;
      if (!(c instanceof CellError) && this.binary('=', selector, c) === true) {
        return rest[i + 1] ?? null;
      }
    }
    return i < rest.length ? (rest[i] ?? null) : new CellError(ErrorType.NA, 'No default option.');
  }

  private choose(args: DirectNode[], row: number): RowValue {
    const taken = this.branch(args, row);
    if (!('node' in taken)) return taken.value;
    const v = this.ev(taken.node, row);
    return v === null ? this.fallback('=IF(TRUE(),A1)', [null]) : v;
  }

  /** The branch of IF(args) a row takes, or what IF gives without one (an error, or FALSE). */
  private branch(args: DirectNode[], row: number): { node: DirectNode } | { value: RowValue } {
    const [c, yes, no] = args;
    let cond = this.ev(c as DirectNode, row);
    if (typeof cond === 'string') cond = this.fallback('=IF(A1,TRUE(),FALSE())', [cond]);
    if (cond instanceof CellError) return { value: cond };
    const node = cond === true || (typeof cond === 'number' && cond !== 0) ? yes : no;
    return node ? { node } : { value: false };
  }

  /**
   * Whether HyperFormula holds a row's value of `node` as a date or date-time (it shows as
   * one). Asked only of numbers, for a few rows (see inferType).
   */
  datedAt(node: DirectNode, row: number): boolean {
    return isDay(this.numberKindAt(node, row));
  }

  /**
   * The kind of number HyperFormula makes of a row's value of `node`, by its rules: a text
   * is read as HyperFormula reads it ("2025-01-05" is a date, "10:00" a time); a date input,
   * TODAY() and the IF branch taken keep theirs; arithmetic combines its operands' (a date
   * plus a number is a date, the difference of two dates a number). Cost: the node's depth
   * times its size, for each row asked.
   */
  private numberKindAt(node: DirectNode, row: number): NumberKind {
    const v = this.ev(node, row);
    if (typeof v === 'string') return this.textKind(v);
    if (typeof v !== 'number') return 'RAW';
    switch (node.k) {
      case 'ref':
        return this.isDate(node.id) ? 'DATE' : 'RAW';
      case 'neg':
        return this.numberKindAt(node.a, row);
      case 'bin': {
        if (COMPARE[node.op] || node.op === '&') return 'RAW';
        const [a, b] = [this.numberKindAt(node.a, row), this.numberKindAt(node.b, row)];
        return node.op === '+' || node.op === '-' ? additiveKind(a, b) : multiplicativeKind(a, b);
      }
      case 'call': {
        if (node.name === 'TODAY' || RETURNS_DATES.has(node.name)) return 'DATE';
        if (PASSES.has(node.name)) return this.numberKindAt(this.passed(node, row), row);
        if (node.name !== 'IF') return 'RAW';
        const taken = this.branch(node.args, row);
        return 'node' in taken ? this.numberKindAt(taken.node, row) : 'RAW';
      }
      default:
        return 'RAW';
    }
  }

  /** The argument IFERROR or IFNA gives back for a row (the second when the first fails). */
  private passed(node: { name: string; args: DirectNode[] }, row: number): DirectNode {
    const [first, second] = node.args as [DirectNode, DirectNode];
    const v = this.ev(first, row);
    const fails = v instanceof CellError && (node.name === 'IFERROR' || v.type === ErrorType.NA);
    return fails ? second : first;
  }

  private round(a: RowValue, places: number): RowValue {
    const x = a === null ? 0 : a;
    if (x instanceof CellError) return x;
    if (typeof x !== 'number') return this.fallback(`=ROUND(A1,${places})`, [x]);
    const m = Math.pow(10, places);
    return x < 0 ? -Math.round(-x * m) / m : Math.round(x * m) / m;
  }

  private ranked(name: string, args: DirectNode[], row: number): RowValue {
    return this.rankedAt(name, this.population(name, args), row);
  }

  private rankedAt(name: string, { cols, scores }: Population, row: number): RowValue {
    for (const col of cols) {
      const v = col[row];
      if (v instanceof CellError) return v;
    }
    if (scores.kind === 'single') return scores.scores[row] ?? null;
    const rfm = scores.rows[row];
    if (name === 'RFM_SCORE') return rfm?.score ?? null;
    return rfm?.segment ? segmentLabel(rfm.segment, this.ctx.language) : null;
  }

  /**
   * Rows [from, to) of a formula that is one ranked call, read straight from its ranking in one
   * pass (null for any other formula).
   */
  rankedRange(node: DirectNode, from: number, to: number): CellValue[] | null {
    if (node.k !== 'call' || !RANKED.has(node.name) || !isQuintile(node)) return null;
    const population = this.population(node.name, node.args);
    const out = new Array<CellValue>(to - from);
    for (let row = from; row < to; row++) {
      out[row - from] = exportValue(this.rankedAt(node.name, population, row));
    }
    return out;
  }

  /** The argument columns and ranking of a ranked call, built once until their inputs change. */
  population(name: string, args: DirectNode[]): Population {
    const kind = args.length === 3 ? 'RFM' : `${name.slice(4)}${args.length === 2 ? '2' : ''}`;
    let key = callKeys.get(args);
    // By kind, not name: RFM_SCORE and RFM_SEGMENT of the same columns share one ranking.
    if (key === undefined) callKeys.set(args, (key = `${kind}|${args.map(keyOf).join('|')}`));
    let cached = this.rankings.get(key);
    if (!cached) {
      const cols = args.map((a) => this.column(a));
      const scores = scoreRows(
        kind,
        cols.map((c) => c.map(num)),
      ) as RowScores;
      const deps = new Set(args.flatMap((a) => [...nodeRefs(a)]));
      this.rankings.set(key, (cached = { value: { kind, cols, scores }, deps }));
    }
    return cached.value;
  }

  /** Builds the argument columns of every ranked call in `node` in parts, yielding between. */
  async warm(node: DirectNode, rowsPerPart: number, pause: () => Promise<void>): Promise<void> {
    const calls: { name: string; args: DirectNode[] }[] = [];
    const walk = (n: DirectNode): void => {
      if (n.k === 'neg') walk(n.a);
      else if (n.k === 'bin') [n.a, n.b].forEach(walk);
      else if (n.k === 'call') {
        n.args.forEach(walk);
        if (RANKED.has(n.name) && isQuintile(n)) calls.push(n);
      }
    };
    walk(node);
    for (const call of calls) {
      for (const arg of call.args) await this.warmColumn(arg, rowsPerPart, pause);
      this.population(call.name, call.args);
      await pause();
    }
  }

  private async warmColumn(node: DirectNode, per: number, pause: () => Promise<void>) {
    const key = keyOf(node);
    if (this.columns.has(key)) return;
    const n = this.rowCount();
    const value = new Array<RowValue>(n);
    for (let from = 0; from < n; from += per) {
      for (let r = from; r < Math.min(n, from + per); r++) value[r] = this.ev(node, r);
      await pause();
    }
    this.columns.set(key, { value, deps: nodeRefs(node), node });
  }

  /** The whole column of an argument, kept (and patched row by row) until its inputs change. */
  private column(node: DirectNode): RowValue[] {
    const key = keyOf(node);
    const cached = this.columns.get(key);
    if (cached) return cached.value;
    const n = this.rowCount();
    const value = new Array<RowValue>(n);
    for (let r = 0; r < n; r++) value[r] = this.ev(node, r);
    this.columns.set(key, { value, deps: nodeRefs(node), node });
    return value;
  }
}

/** Moves a ranking's row scores as unscored rows are inserted at `at`, or rows removed there. */
function shiftScores(scores: RowScores, at: number, count: number, how: 'insert' | 'remove') {
  const list: unknown[] = scores.kind === 'single' ? scores.scores : scores.rows;
  const unscored = scores.kind === 'single' ? null : UNSCORED;
  if (how === 'remove') list.splice(at, count);
  else list.splice(at, 0, ...new Array<unknown>(count).fill(unscored));
}
