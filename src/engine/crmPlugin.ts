/**
 * The built-in customer functions of crm-model.md as a HyperFormula function plugin, plus
 * TODAY/NOW pinned to the as-of date. Functions that read the as-of date or the language take
 * the Env cells as a hidden first argument (added by the compiler) so that changing them recalculates.
 */
import {
  CellError,
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
import type { Language } from '../domain/model';
import {
  buildRanking,
  churnRiskRow,
  columnOf,
  daysSinceRow,
  firstError,
  lifecycleRow,
  loyaltyStageRow,
  loyaltyTierRow,
  nextBirthdayRow,
  quintileRow,
  rfmScoreRow,
  rfmSegmentRow,
  thresholdRow,
} from './crmRow';
import type { Value } from './crmRow';
import type { RfmRanking, SingleRanking } from './rankCache';

/** Mutable per-engine state the functions read (HyperFormula's `context` config). */
export interface EngineContext {
  asOf: string;
  asOfSerial: number;
  language: Language;
  /** Rankings by the token their population cell returned (see RFM_POP). */
  rankings: Map<number, unknown>;
  /** The current token of each population cell, so a recomputed one drops its old ranking. */
  tokens: Map<string, number>;
  nextToken: number;
}

type Ast = { args: unknown[] };

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
const quintile = { parameters: [scalar, scalar, optional] };
const triple = { parameters: [scalar, scalar, scalar] };
const rankedTriple = { parameters: [scalar, scalar, scalar, scalar] };
const text: FunctionArgument = { argumentType: FunctionArgumentType.STRING };

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
    RFM_POP: { method: 'population', parameters: [text, range, optionalRange, optionalRange] },
  };

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
    return this.run('DAYS_SINCE', ast, state, (_env, d) => daysSinceRow(this.ctx, d));
  }

  nextBirthdayIn(ast: Ast, state: unknown) {
    return this.run('NEXT_BIRTHDAY_IN', ast, state, (_env, d) => nextBirthdayRow(this.ctx, d));
  }

  lifecycleStage(ast: Ast, state: unknown) {
    return this.run('LIFECYCLE_STAGE', ast, state, (_env, last, count, a, s, d) =>
      lifecycleRow(this.ctx, last, count, a, s, d),
    );
  }

  loyaltyStage(ast: Ast, state: unknown) {
    return this.run('LOYALTY_STAGE', ast, state, (_env, count, referrals) =>
      loyaltyStageRow(this.ctx, count, referrals),
    );
  }

  loyaltyTier(ast: Ast, state: unknown) {
    return this.run('LOYALTY_TIER', ast, state, (_env, value, silver, gold, diamond) =>
      loyaltyTierRow(this.ctx, value, silver, gold, diamond),
    );
  }

  churnRisk(ast: Ast, state: unknown) {
    return this.run('CHURN_RISK', ast, state, (_env, first, last, count) =>
      churnRiskRow(this.ctx, first, last, count),
    );
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
    return this.run(name, ast, state, (value, ...breakpoints) =>
      thresholdRow(name, kind, value, ...breakpoints),
    );
  }

  unranked(): CellError {
    return new CellError(ErrorType.NA, 'RFM needs whole table columns as arguments.');
  }

  quintileR(ast: Ast, state: unknown) {
    return this.quintile('RFMQ_R', ast, state);
  }
  quintileF(ast: Ast, state: unknown) {
    return this.quintile('RFMQ_F', ast, state);
  }
  quintileM(ast: Ast, state: unknown) {
    return this.quintile('RFMQ_M', ast, state);
  }

  /** Score of one row, looked up in the ranking its population cell built (by token). */
  private quintile(name: string, ast: Ast, state: unknown) {
    return this.run(name, ast, state, (value, token, count) => {
      const err = firstError(value, token, count);
      if (err) return err;
      const ranking = this.ctx.rankings.get(token as number) as SingleRanking | undefined;
      if (!ranking) return new CellError(ErrorType.REF, 'The ranked column is missing.');
      return quintileRow(ranking, value, count);
    });
  }

  rfmScore(ast: Ast, state: unknown) {
    return this.run('RFMQ_SCORE', ast, state, (d, c, a, token) =>
      rfmScoreRow(this.rfm(token), d, c, a),
    );
  }

  rfmSegment(ast: Ast, state: unknown) {
    return this.run('RFMQ_SEGMENT', ast, state, (_env, d, c, a, token) =>
      rfmSegmentRow(this.ctx, this.rfm(token), d, c, a),
    );
  }

  private rfm(token: Value): RfmRanking | CellError {
    if (token instanceof CellError) return token;
    const ranking = this.ctx.rankings.get(token as number) as RfmRanking | undefined;
    return ranking ?? new CellError(ErrorType.REF, 'The ranked columns are missing.');
  }

  /**
   * RFM_POP(kind, column [, column, column]) lives in one hidden cell per ranked population:
   * it reads the whole columns once per recalculation, ranks them (O(N log N)) and returns a
   * token; every block of a ranking formula depends on that cell only, and looks its ranking
   * up by the token. kind: R, F, M (one column), R2/F2/M2 (value and count), RFM (three).
   */
  population(ast: Ast, state: unknown) {
    return this.run('RFM_POP', ast, state, (kind, ...ranges) => {
      const columns = ranges.filter((r) => r !== undefined) as SimpleRangeValue[];
      const ranking = buildRanking(String(kind), columns.map(columnOf));
      if (ranking === null) return new CellError(ErrorType.VALUE, `Unknown population ${kind}.`);
      const where = columns.map((c) => c.range?.start.col ?? -1).join(':');
      const key = `${String(kind)}|${where}`;
      const old = this.ctx.tokens.get(key);
      if (old !== undefined) this.ctx.rankings.delete(old);
      const token = (this.ctx.nextToken += 1);
      this.ctx.tokens.set(key, token);
      this.ctx.rankings.set(token, ranking);
      return token;
    });
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
