/**
 * The per-row bodies of the customer functions, shared by the HyperFormula plugin and the direct
 * evaluator so both give the very same values. Arguments are raw cell values (EmptyValue/null).
 */
import { CellError, EmptyValue, ErrorType } from 'hyperformula';
import type { SimpleRangeValue } from 'hyperformula';
import {
  churnRiskByDays,
  churnRiskLabel,
  lifecycleByDays,
  lifecycleLabel,
  loyaltyStage,
  loyaltyStageLabel,
  loyaltyTier,
  loyaltyTierLabel,
  nextBirthdayIn,
  segmentLabel,
  thresholdScore,
} from '../domain/crm';
import type { ScoreDirection } from '../domain/crm';
import type { Language } from '../domain/model';
import { rankRfm, rankSingle } from './rankCache';
import type { Num, RfmRanking, SingleRanking } from './rankCache';
import { isoFromSerialDay } from '../domain/dates';
import { isoToSerial } from './values';

export type Value = unknown;
export type RowResult = number | string | boolean | CellError | typeof EmptyValue;
export interface RowContext {
  asOf: string;
  /** asOf as a date serial. */
  asOfSerial: number;
  language: Language;
}

/**
 * A number, a numeric text, or null (empty, text, booleans). A date, time, currency or percent
 * that HyperFormula reads from a range comes as an object holding the number in `val`.
 */
export function num(v: Value): Num {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'object' && v !== null && 'val' in v && typeof v.val === 'number')
    return num(v.val);
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A date serial or an ISO text → 'YYYY-MM-DD', else null. */
function iso(v: Value): string | null {
  if (typeof v === 'number') return isoFromSerialDay(v);
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

/** The serials of 0001-01-01 and 9999-12-31: isoFromSerialDay's range. */
const FIRST_DAY = isoToSerial('0001-01-01') as number;
const LAST_DAY = isoToSerial('9999-12-31') as number;

/**
 * The serial of the day `iso(v)` names, null where it names none: days are counted as numbers,
 * not through a date text per row (a column of 100,000 rows counts them for every row).
 */
function dayOf(v: Value): number | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const whole = Math.floor(v);
    return whole < FIRST_DAY || whole > LAST_DAY ? null : whole;
  }
  const text = iso(v);
  return text === null ? null : isoToSerial(text);
}

/** Days from `from` to `to`; null when either is none. */
const between = (from: number | null, to: number | null): number | null =>
  from === null || to === null ? null : to - from;

export const firstError = (...args: Value[]): CellError | undefined =>
  args.find((a): a is CellError => a instanceof CellError);

const out = (v: number | string | null): number | string | typeof EmptyValue =>
  v === null ? EmptyValue : v;

export function daysSinceRow(ctx: RowContext, d: Value): RowResult {
  return firstError(d) ?? out(between(dayOf(d), ctx.asOfSerial));
}

export function nextBirthdayRow(ctx: RowContext, d: Value): RowResult {
  return firstError(d) ?? out(nextBirthdayIn(iso(d), ctx.asOf));
}

export function lifecycleRow(
  ctx: RowContext,
  last: Value,
  count: Value,
  active?: Value,
  silent?: Value,
  dormant?: Value,
) {
  const err = firstError(last, count);
  if (err) return err;
  const d = between(dayOf(last), ctx.asOfSerial);
  const key = lifecycleByDays(d, num(count), active as number, silent as number, dormant as number);
  return out(key && lifecycleLabel(key, ctx.language));
}

export function loyaltyStageRow(ctx: RowContext, count: Value, referrals: Value): RowResult {
  const err = firstError(count, referrals);
  return err ?? loyaltyStageLabel(loyaltyStage(num(count), num(referrals)), ctx.language);
}

export function loyaltyTierRow(
  ctx: RowContext,
  value: Value,
  silver?: Value,
  gold?: Value,
  diamond?: Value,
): RowResult {
  const err = firstError(value);
  if (err) return err;
  const key = loyaltyTier(num(value), silver as number, gold as number, diamond as number);
  return out(key && loyaltyTierLabel(key, ctx.language));
}

export function churnRiskRow(ctx: RowContext, first: Value, last: Value, count: Value) {
  const err = firstError(first, last, count);
  if (err) return err;
  const lastDay = dayOf(last);
  const span = between(dayOf(first), lastDay);
  const key = churnRiskByDays(span, between(lastDay, ctx.asOfSerial), num(count));
  return out(key && churnRiskLabel(key, ctx.language));
}

export function thresholdRow(
  name: string,
  kind: 'recency' | 'ascending',
  value: Value,
  ...breakpoints: Value[]
): RowResult {
  const err = firstError(value, ...breakpoints);
  if (err) return err;
  if (breakpoints.some((b) => b === undefined)) {
    return new CellError(ErrorType.NA, `${name} takes 1, 2 or 5 arguments.`);
  }
  const [b1, b2, b3, b4] = breakpoints.map(num);
  return out(thresholdScore(num(value), b1, b2, b3, b4, kind));
}

/** One row's quintile score (count undefined for the one-argument form). */
export function quintileRow(ranking: SingleRanking, value: Value, count: Value): RowResult {
  return out(ranking.score(num(value), count === undefined ? null : num(count)));
}

export function rfmScoreRow(ranking: RfmRanking | CellError, d: Value, c: Value, a: Value) {
  const s = firstError(d, c, a) ?? ranking;
  if (s instanceof CellError) return s;
  const scores = s.scores(num(d), num(c), num(a));
  return out(scores && scores.r * 100 + scores.f * 10 + scores.m);
}

export function rfmSegmentRow(
  ctx: RowContext,
  ranking: RfmRanking | CellError,
  d: Value,
  c: Value,
  a: Value,
): RowResult {
  const s = firstError(d, c, a) ?? ranking;
  if (s instanceof CellError) return s;
  const key = s.segment(num(d), num(c), num(a));
  return out(key && segmentLabel(key, ctx.language));
}

export function columnOf(values: SimpleRangeValue): Num[] {
  return values.data.map((row) => num(row[0]));
}

/** The ranking of a population kind: R, F, M (one column), R2/F2/M2 (value, count), RFM. */
export function buildRanking(kind: string, cols: Num[][]): SingleRanking | RfmRanking | null {
  const [a = [], b = [], c = []] = cols;
  const dir: ScoreDirection =
    kind.startsWith('R') && kind !== 'RFM' ? 'lowerIsBetter' : 'higherIsBetter';
  if (kind === 'RFM') return rankRfm(a, b, c);
  if (['R', 'F', 'M'].includes(kind)) return rankSingle(a, null, dir, kind === 'F');
  if (['R2', 'F2', 'M2'].includes(kind)) return rankSingle(a, b, dir, false);
  return null;
}
