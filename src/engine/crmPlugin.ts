/**
 * The built-in customer functions of crm-model.md as a HyperFormula function plugin, plus
 * TODAY/NOW pinned to the as-of date. Functions that read the as-of date or the language take
 * the Env cells as a hidden first argument (added by the compiler) so that changing them recalculates.
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
} from 'hyperformula';
import type {
  FunctionArgument,
  FunctionMetadata,
  ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import {
  churnRisk,
  churnRiskLabel,
  daysSince,
  lifecycleLabel,
  lifecycleStage,
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
import { serialToIso } from './values';

/** Mutable per-engine state the functions read (HyperFormula's `context` config). */
export interface EngineContext {
  asOf: string;
  asOfSerial: number;
  language: Language;
  /** Bumped before every change to the sheet: rankings cached under an older one are stale. */
  version: number;
}

type Ast = { args: unknown[] };
type Value = unknown;

const scalar: FunctionArgument = { argumentType: FunctionArgumentType.SCALAR };
const optional: FunctionArgument = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };
const range: FunctionArgument = { argumentType: FunctionArgumentType.RANGE };
const optionalRange: FunctionArgument = { ...range, optionalArg: true };
const numberOr = (d: number): FunctionArgument => ({
  argumentType: FunctionArgumentType.NUMBER,
  defaultValue: d,
});
const DATE = 'NUMBER_DATE' as FunctionMetadata['returnNumberType'];
const threshold = { parameters: [scalar, optional, optional, optional, optional] };
const quintile = { parameters: [scalar, range, optional, optionalRange] };
const triple = { parameters: [scalar, scalar, scalar] };
const rankedTriple = { parameters: [scalar, scalar, scalar, range, range, range] };

/** A number, a numeric text, or null (empty, text, booleans). */
function num(v: Value): Num {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A date serial or an ISO text → 'YYYY-MM-DD', else null. */
function iso(v: Value): string | null {
  if (typeof v === 'number') return serialToIso(v);
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

const firstError = (...args: Value[]): CellError | undefined =>
  args.find((a): a is CellError => a instanceof CellError);

const out = (v: number | string | null): number | string | typeof EmptyValue =>
  v === null ? EmptyValue : v;

function columnOf(values: SimpleRangeValue): Num[] {
  return values.data.map((row) => num(row[0]));
}

/** Where a population lives; null for a computed array (never cached). */
function rangeKey(values: SimpleRangeValue | undefined): string | null {
  if (values === undefined) return 'none';
  const r = values.range;
  return r ? `${r.start.sheet}:${r.start.col}:${r.start.row}:${r.end.row}` : null;
}

function cacheKey(name: string, ranges: (SimpleRangeValue | undefined)[]): string | null {
  const keys = ranges.map(rangeKey);
  return keys.includes(null) ? null : `${name}|${keys.join('|')}`;
}

export class CrmFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    TODAY: { method: 'today', parameters: [range], returnNumberType: DATE },
    NOW: { method: 'today', parameters: [range], returnNumberType: DATE },
    DAYS_SINCE: { method: 'daysSince', parameters: [range, scalar] },
    NEXT_BIRTHDAY_IN: { method: 'nextBirthdayIn', parameters: [range, scalar] },
    LIFECYCLE_STAGE: {
      method: 'lifecycleStage',
      parameters: [range, scalar, scalar, numberOr(30), numberOr(90), numberOr(180)],
    },
    LOYALTY_STAGE: { method: 'loyaltyStage', parameters: [range, scalar, optional] },
    LOYALTY_TIER: {
      method: 'loyaltyTier',
      parameters: [range, scalar, numberOr(1000), numberOr(5000), numberOr(20000)],
    },
    CHURN_RISK: { method: 'churnRisk', parameters: [range, scalar, scalar, scalar] },
    RFM_R: { method: 'thresholdR', ...threshold },
    RFM_F: { method: 'thresholdF', ...threshold },
    RFM_M: { method: 'thresholdM', ...threshold },
    RFM_SCORE: { method: 'unranked', ...triple },
    RFM_SEGMENT: { method: 'unranked', ...triple },
    RFMQ_R: { method: 'quintileR', ...quintile },
    RFMQ_F: { method: 'quintileF', ...quintile },
    RFMQ_M: { method: 'quintileM', ...quintile },
    RFMQ_SCORE: { method: 'rfmScore', ...rankedTriple },
    RFMQ_SEGMENT: { method: 'rfmSegment', parameters: [range, ...rankedTriple.parameters] },
  };

  private readonly rankings = new Map<string, { version: number; ranking: unknown }>();

  private get ctx(): EngineContext {
    return this.config.context as EngineContext;
  }

  private run(name: string, ast: Ast, state: unknown, fn: (...args: Value[]) => unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata(name), fn as never);
  }

  today(ast: Ast, state: unknown) {
    return this.run('TODAY', ast, state, () => this.ctx.asOfSerial);
  }

  daysSince(ast: Ast, state: unknown) {
    return this.run('DAYS_SINCE', ast, state, (_env, d) => {
      return firstError(d) ?? out(daysSince(iso(d), this.ctx.asOf));
    });
  }

  nextBirthdayIn(ast: Ast, state: unknown) {
    return this.run('NEXT_BIRTHDAY_IN', ast, state, (_env, d) => {
      return firstError(d) ?? out(nextBirthdayIn(iso(d), this.ctx.asOf));
    });
  }

  lifecycleStage(ast: Ast, state: unknown) {
    return this.run('LIFECYCLE_STAGE', ast, state, (_env, last, count, a, s, d) => {
      const err = firstError(last, count);
      if (err) return err;
      const key = lifecycleStage(iso(last), num(count), this.ctx.asOf, ...([a, s, d] as number[]));
      return out(key && lifecycleLabel(key, this.ctx.language));
    });
  }

  loyaltyStage(ast: Ast, state: unknown) {
    return this.run('LOYALTY_STAGE', ast, state, (_env, count, referrals) => {
      const err = firstError(count, referrals);
      return err ?? loyaltyStageLabel(loyaltyStage(num(count), num(referrals)), this.ctx.language);
    });
  }

  loyaltyTier(ast: Ast, state: unknown) {
    return this.run('LOYALTY_TIER', ast, state, (_env, value, silver, gold, diamond) => {
      const err = firstError(value);
      if (err) return err;
      const key = loyaltyTier(num(value), ...([silver, gold, diamond] as number[]));
      return out(key && loyaltyTierLabel(key, this.ctx.language));
    });
  }

  churnRisk(ast: Ast, state: unknown) {
    return this.run('CHURN_RISK', ast, state, (_env, first, last, count) => {
      const err = firstError(first, last, count);
      if (err) return err;
      const key = churnRisk(iso(first), iso(last), num(count), this.ctx.asOf);
      return out(key && churnRiskLabel(key, this.ctx.language));
    });
  }

  thresholdR(ast: Ast, state: unknown) {
    return this.threshold('RFM_R', 'recency', ast, state);
  }
  thresholdF(ast: Ast, state: unknown) {
    return this.threshold('RFM_F', 'ascending', ast, state);
  }
  thresholdM(ast: Ast, state: unknown) {
    return this.threshold('RFM_M', 'ascending', ast, state);
  }

  private threshold(name: string, kind: 'recency' | 'ascending', ast: Ast, state: unknown) {
    return this.run(name, ast, state, (value, ...breakpoints) => {
      const err = firstError(value, ...breakpoints);
      if (err) return err;
      if (breakpoints.some((b) => b === undefined)) {
        return new CellError(ErrorType.NA, `${name} takes 1, 2 or 5 arguments.`);
      }
      const [b1, b2, b3, b4] = breakpoints.map(num);
      return out(thresholdScore(num(value), b1, b2, b3, b4, kind));
    });
  }

  unranked(): CellError {
    return new CellError(ErrorType.NA, 'RFM needs whole table columns as arguments.');
  }

  quintileR(ast: Ast, state: unknown) {
    return this.quintile('RFMQ_R', 'lowerIsBetter', false, ast, state);
  }
  quintileF(ast: Ast, state: unknown) {
    return this.quintile('RFMQ_F', 'higherIsBetter', true, ast, state);
  }
  quintileM(ast: Ast, state: unknown) {
    return this.quintile('RFMQ_M', 'higherIsBetter', false, ast, state);
  }

  private quintile(name: string, dir: ScoreDirection, self: boolean, ast: Ast, state: unknown) {
    return this.run(name, ast, state, (value, pop, count, popCounts) => {
      const err = firstError(value, count);
      if (err) return err;
      const values = pop as SimpleRangeValue;
      const counts = popCounts as SimpleRangeValue | undefined;
      const ranking = this.cached(cacheKey(name, [values, counts]), () =>
        rankSingle(columnOf(values), counts ? columnOf(counts) : null, dir, self),
      ) as SingleRanking;
      return out(ranking.score(num(value), count === undefined ? null : num(count)));
    });
  }

  rfmScore(ast: Ast, state: unknown) {
    return this.run('RFMQ_SCORE', ast, state, (d, c, a, pd, pc, pa) => {
      const s = firstError(d, c, a) ?? this.rfm(pd, pc, pa).scores(num(d), num(c), num(a));
      return s instanceof CellError ? s : out(s && s.r * 100 + s.f * 10 + s.m);
    });
  }

  rfmSegment(ast: Ast, state: unknown) {
    return this.run('RFMQ_SEGMENT', ast, state, (_env, d, c, a, pd, pc, pa) => {
      const s = firstError(d, c, a) ?? this.rfm(pd, pc, pa).segment(num(d), num(c), num(a));
      return s instanceof CellError ? s : out(s && segmentLabel(s, this.ctx.language));
    });
  }

  private rfm(days: Value, counts: Value, amounts: Value): RfmRanking {
    const cols = [days, counts, amounts] as SimpleRangeValue[];
    return this.cached(cacheKey('RFM', cols), () => {
      const [d, c, a] = cols.map(columnOf) as [Num[], Num[], Num[]];
      return rankRfm(d, c, a);
    }) as RfmRanking;
  }

  /** One ranking per population and engine version: built by the first row that asks. */
  private cached(key: string | null, build: () => unknown): unknown {
    const hit = key === null ? undefined : this.rankings.get(key);
    if (hit && hit.version === this.ctx.version) return hit.ranking;
    const ranking = build();
    if (key !== null) this.rankings.set(key, { version: this.ctx.version, ranking });
    return ranking;
  }
}

let registered = false;

/** Registers the plugin once per process (HyperFormula keeps plugins globally). */
export function registerCrmFunctions(): void {
  if (registered) return;
  const names = Object.keys(CrmFunctionPlugin.implementedFunctions);
  const enGB = Object.fromEntries(names.map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(CrmFunctionPlugin, { enGB });
  registered = true;
}

/** The customer function names a user may type (for validation and autocompletion). */
export const CUSTOMER_FUNCTIONS = [
  'RFM_R',
  'RFM_F',
  'RFM_M',
  'RFM_SCORE',
  'RFM_SEGMENT',
  'LIFECYCLE_STAGE',
  'LOYALTY_STAGE',
  'LOYALTY_TIER',
  'CHURN_RISK',
  'DAYS_SINCE',
  'NEXT_BIRTHDAY_IN',
] as const;
