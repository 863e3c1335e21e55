/**
 * Whether the formula a user typed can be saved: it must convert to stored ids, pass the
 * engine's syntax check and close no loop. Also turns the first problem into i18n keys.
 */
import type { FieldId } from '../../domain/ids';
import type { Field } from '../../domain/model';
import type { FormulaProblem } from '../../domain/formula';
import {
  collectRefNames,
  findFormulaCycle,
  scanFormula,
  toStoredFormula,
} from '../../domain/formula';
import type { FormulaSupport } from './formulaSupport';

/** What stands where the engine's syntax check stopped (see syntaxReason). */
export type SyntaxReason = 'unclosedParen' | 'unmatchedParen' | 'unknownFunction' | 'incomplete';

export type FormulaIssue =
  | { kind: 'problem'; problem: FormulaProblem }
  /** `position`: offset in the typed text, when the engine said where. */
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
  if (!valid.ok) {
    const { message, position } = valid;
    if (position === undefined) return { ok: false, issue: { kind: 'syntax', message } };
    const at = displayOffset(display, stored, position);
    return {
      ok: false,
      issue: { kind: 'syntax', message, position: at, ...syntaxReason(display, at) },
    };
  }
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

/** Names the problem by what the typed text has at the engine's position. */
function syntaxReason(display: string, at: number): { reason?: SyntaxReason; name?: string } {
  const rest = display.slice(at);
  if (rest.startsWith('(')) return { reason: 'unclosedParen' };
  if (rest.startsWith(')')) return { reason: 'unmatchedParen' };
  const call = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(rest);
  if (call) return { reason: 'unknownFunction', name: call[1] };
  if (/^[-+*/^&=<>,]\s*$/.test(rest)) return { reason: 'incomplete' };
  return {};
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

/** The message for `issue`: a deleted field is named as deleted, loops list their fields. */
export function describeFormulaIssue(issue: FormulaIssue, context: FormulaContext): IssueText {
  if (issue.kind === 'syntax') {
    const at = issue.position === undefined ? {} : { position: issue.position + 1 };
    if (issue.reason) {
      return { key: `formula.problems.${issue.reason}`, values: { name: issue.name ?? '' }, ...at };
    }
    return { key: 'formula.problems.syntax', values: { message: issue.message }, ...at };
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
