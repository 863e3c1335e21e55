/**
 * The text a user typed (`={消费金额} / {消费次数}`) → the formula stored on the field
 * (`={fld_…} / {fld_…}`), or the first problem with its position, for the editor to show.
 */
import type { FieldId } from '../ids';
import type { Field } from '../model';
import { findBareWord } from './bareNames';
import { findFormulaCycle } from './cycles';
import { normalizeFormulaInput } from './normalize';
import { resolveFieldName } from './resolve';
import { scanFormula } from './scan';
import type { FormulaProblem, ReferenceToken } from './types';

export interface StoredFormulaOptions {
  /** The field whose formula this is: referencing it, or closing a loop through it, fails. */
  ownFieldId?: FieldId;
}

export type StoredFormulaResult =
  | { ok: true; stored: string; refs: FieldId[]; refNames: Record<FieldId, string> }
  | { ok: false; problem: FormulaProblem };

type RefResult = { ok: true; field: Field } | { ok: false; problem: FormulaProblem };

function resolveReference(
  token: ReferenceToken,
  fields: readonly Field[],
  ownFieldId: FieldId | undefined,
): RefResult {
  const span = { start: token.start, end: token.end, name: token.name };
  const found = resolveFieldName(token.name, fields);
  if (!found.ok && found.reason === 'ambiguous') {
    return {
      ok: false,
      problem: { kind: 'ambiguousField', candidates: found.candidates, ...span },
    };
  }
  if (!found.ok) return { ok: false, problem: { kind: 'unknownField', ...span } };
  if (found.field.id === ownFieldId)
    return { ok: false, problem: { kind: 'selfReference', ...span } };
  return { ok: true, field: found.field };
}

/** `=` first, as HyperFormula needs; users often leave it out. */
function withEquals(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('=') ? trimmed : `=${trimmed}`;
}

/**
 * Validates and converts `typed`, read as the engine reads it (normalizeFormulaInput); names
 * resolve exactly first, then ignoring case/spaces.
 */
export function toStoredFormula(
  typed: string,
  fields: readonly Field[],
  options: StoredFormulaOptions = {},
): StoredFormulaResult {
  const display = normalizeFormulaInput(typed);
  if (withEquals(display).slice(1).trim() === '') return { ok: false, problem: { kind: 'empty' } };
  const { tokens, problem: scanProblem } = scanFormula(display);
  const scanStart = scanProblem !== undefined && 'start' in scanProblem ? scanProblem.start : -1;
  let out = '';
  const refs: FieldId[] = [];
  const refNames: Record<FieldId, string> = {};
  for (const token of tokens) {
    if (scanProblem !== undefined && token.start >= scanStart) break;
    if (token.kind === 'text') {
      const bare = findBareWord(token, fields);
      if (bare) return { ok: false, problem: bare };
    }
    if (token.kind !== 'reference') {
      out += token.text;
      continue;
    }
    const ref = resolveReference(token, fields, options.ownFieldId);
    if (!ref.ok) return ref;
    out += `{${ref.field.id}}`;
    if (!refs.includes(ref.field.id)) refs.push(ref.field.id);
    refNames[ref.field.id] = ref.field.name;
  }
  if (scanProblem !== undefined) return { ok: false, problem: scanProblem };
  const stored = withEquals(out);
  if (options.ownFieldId !== undefined) {
    const path = findFormulaCycle(fields, { fieldId: options.ownFieldId, formula: stored });
    if (path !== null) return { ok: false, problem: { kind: 'cycle', path } };
  }
  return { ok: true, stored, refs, refNames };
}
