/**
 * Whether the formula a user typed can be saved: it must convert to stored ids, pass the
 * engine's syntax check and close no loop. Also turns the first problem into i18n keys.
 */
import type { FieldId } from '../../domain/ids';
import type { Field } from '../../domain/model';
import type { FormulaProblem } from '../../domain/formula';
import {
  collectRefNames,
  encodeReference,
  findArgumentCountProblem,
  findFormulaCycle,
  halfWidthOf,
  normalizeFormulaInput,
  scanFormula,
  toStoredFormula,
} from '../../domain/formula';
import type { FormulaSupport } from './formulaSupport';
import type { SyntaxReason, SyntaxSpot } from './syntaxProblem';
import { locateSyntaxProblem } from './syntaxProblem';

export type { SyntaxReason };

export type FormulaIssue =
  | { kind: 'problem'; problem: FormulaProblem }
  /**
   * `position`: offset in the typed text, when known. `message` is the engine's own (English,
   * for developers); the user reads the catalogue's text for `reason`.
   */
  | { kind: 'syntax'; message: string; position?: number; reason?: SyntaxReason; name?: string };

export type FormulaCheck =
  | { ok: true; stored: string; refNames: Record<FieldId, string> }
  | { ok: false; issue: FormulaIssue };

export interface FormulaContext {
  /** The table's fields (the edited one included, when it exists already). */
  fields: readonly Field[];
  /** The field being edited; absent while adding a column. */
  ownFieldId?: FieldId;
  /** The names referenced fields had when the formula was last saved. */
  previousRefNames?: Readonly<Partial<Record<FieldId, string>>>;
}

/** Checks `display` (names in braces) and converts it for saving. */
export function checkFormula(
  display: string,
  context: FormulaContext,
  support: FormulaSupport,
): FormulaCheck {
  const { fields, ownFieldId } = context;
  const converted = toStoredFormula(display, fields, { ownFieldId });
  if (!converted.ok) return { ok: false, issue: { kind: 'problem', problem: converted.problem } };
  const { stored } = converted;
  // toStoredFormula checks loops too; checked again so a change there cannot let one through.
  if (ownFieldId !== undefined) {
    const path = findFormulaCycle(fields, { fieldId: ownFieldId, formula: stored });
    if (path !== null)
      return { ok: false, issue: { kind: 'problem', problem: { kind: 'cycle', path } } };
  }
  const valid = support.validate(stored);
  // Positions are the same in both: normalizing keeps the length.
  const read = normalizeFormulaInput(display);
  if (!valid.ok) return { ok: false, issue: syntaxIssue(read, stored, valid) };
  // The engine parses these and answers #N/A in every row: refused with the counts it takes.
  const arity = findArgumentCountProblem(read, support.argumentRule);
  if (arity) return { ok: false, issue: { kind: 'problem', problem: arity } };
  const byId = new Map(fields.map((f) => [f.id, f]));
  return { ok: true, stored, refNames: collectRefNames(stored, byId, context.previousRefNames) };
}

/**
 * The offset in the typed text of `offset` in the stored text: both scan into the same tokens
 * (the stored one trimmed, with `=` first and ids for names), so the token containing it maps.
 */
export function displayOffset(display: string, stored: string, offset: number): number {
  const body = display.trim();
  const lead = display.indexOf(body);
  const added = body.startsWith('=') ? 0 : 1;
  const typed = scanFormula(added ? `=${body}` : body).tokens;
  for (const [i, token] of scanFormula(stored).tokens.entries()) {
    const same = typed[i];
    if (!same || offset >= token.end) continue;
    const inside = token.kind === 'reference' ? 0 : offset - token.start;
    return Math.max(lead, lead + same.start + inside - added);
  }
  return lead + body.length;
}

/**
 * The engine's refusal as an issue the catalogue can name: by what the typed text has at the
 * engine's position, else where the typed text breaks the grammar, else a general message.
 */
function syntaxIssue(
  display: string,
  stored: string,
  refusal: { message: string; position?: number },
): FormulaIssue {
  const { message } = refusal;
  const at =
    refusal.position === undefined ? undefined : displayOffset(display, stored, refusal.position);
  const spot = (at === undefined ? null : spotAt(display, at)) ?? locateSyntaxProblem(display);
  if (spot) return { kind: 'syntax', message, ...spot };
  return at === undefined ? { kind: 'syntax', message } : { kind: 'syntax', message, position: at };
}

/** Names the problem by what the typed text has at the engine's position. */
function spotAt(display: string, at: number): SyntaxSpot | null {
  const rest = display.slice(at);
  const found = (reason: SyntaxReason, name?: string): SyntaxSpot =>
    name === undefined ? { position: at, reason } : { position: at, reason, name };
  if (rest.startsWith('(')) return found('unclosedParen');
  if (rest.startsWith(')')) return found('unmatchedParen');
  if (rest.startsWith('"')) return found('unclosedString');
  const call = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(rest);
  if (call) return found('unknownFunction', call[1]);
  const field = scanFormula(rest).tokens[0];
  if (field?.kind === 'reference') return found('unknownField', field.name);
  if (/^[-+*/^&=<>,]\s*$/.test(rest)) return found('incomplete');
  return null;
}

/** Names of fields that a saved formula referenced and that no longer exist. */
export function listDeletedNames(context: FormulaContext): string[] {
  const present = new Set(context.fields.map((f) => f.id));
  const names = context.previousRefNames ?? {};
  return Object.entries(names)
    .filter(([id, name]) => !present.has(id as FieldId) && name !== undefined)
    .map(([, name]) => name as string);
}

export interface IssueText {
  /** i18n key of the message, under `formula.problems`. */
  key: string;
  values: Record<string, string | number>;
  /** 1-based character position in the typed text, when the problem has one. */
  position?: number;
}

function nameOf(fields: readonly Field[], id: FieldId): string {
  return fields.find((f) => f.id === id)?.name ?? id;
}

/**
 * Too few arguments names the minimum (exactly, when it is also the maximum), too many the
 * maximum; a count between them that breaks the function's groups lists the first counts taken.
 */
function describeArgumentCount(problem: {
  name: string;
  count: number;
  min: number;
  max: number;
  step: number;
}): Omit<IssueText, 'position'> {
  const { count, min, max, step } = problem;
  const name = problem.name.toUpperCase();
  if (count >= min && count <= max) {
    const [first, second, third] = [min, min + step, min + 2 * step];
    return {
      key: 'formula.problems.argumentsInSteps',
      values: { name, first, second, third, given: count },
    };
  }
  const key =
    count > max ? 'argumentsAtMost' : min === max ? 'argumentsExactly' : 'argumentsAtLeast';
  return { key: `formula.problems.${key}`, values: { name, count: count > max ? max : min } };
}

/** The message for `issue`: a deleted field is named as deleted, loops list their fields. */
export function describeFormulaIssue(issue: FormulaIssue, context: FormulaContext): IssueText {
  if (issue.kind === 'syntax') {
    // The engine's message is never shown: it is English and written for developers.
    if (issue.position === undefined) return { key: 'formula.problems.syntax', values: {} };
    const name = issue.name ?? '';
    return {
      key: `formula.problems.${issue.reason ?? 'syntaxHere'}`,
      values: { name, braced: `{${name}}`, half: halfWidthOf(name) ?? '' },
      position: issue.position + 1,
    };
  }
  const { problem } = issue;
  switch (problem.kind) {
    case 'empty':
      return { key: 'formula.problems.empty', values: {} };
    case 'cycle':
      return {
        key: 'formula.problems.cycle',
        values: { path: problem.path.map((id) => `“${nameOf(context.fields, id)}”`).join(' → ') },
      };
    case 'unknownField': {
      const deleted = listDeletedNames(context).includes(problem.name);
      const key = deleted ? 'formula.problems.deletedField' : 'formula.problems.unknownField';
      return { key, values: { name: problem.name }, position: problem.start + 1 };
    }
    case 'bareName': {
      const values = { name: problem.name, quoted: `"${problem.name}"` };
      const position = problem.start + 1;
      if (problem.cell)
        return { key: 'formula.problems.cellAddress', values: { name: problem.name }, position };
      if (problem.field === undefined)
        return {
          key: 'formula.problems.unknownName',
          values: { ...values, braced: encodeReference(problem.name) },
          position,
        };
      const braced = encodeReference(problem.field);
      return { key: 'formula.problems.bareName', values: { ...values, braced }, position };
    }
    case 'argumentCount':
      return { ...describeArgumentCount(problem), position: problem.start + 1 };
    case 'ambiguousField':
    case 'selfReference':
      return {
        key: `formula.problems.${problem.kind}`,
        values: { name: problem.name },
        position: problem.start + 1,
      };
    default:
      return { key: `formula.problems.${problem.kind}`, values: {}, position: problem.start + 1 };
  }
}
