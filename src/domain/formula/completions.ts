/**
 * What the formula editor offers at the cursor: field names inside an unclosed `{`, function
 * names while a word is being typed outside strings and references, otherwise nothing.
 */
import type { FieldId } from '../ids';
import type { FormulaFunctionInfo } from './functions';
import type { NamedField } from './resolve';
import { encodeReference, scanFormula } from './scan';
import type { FormulaToken } from './types';

export type CompletionItem =
  | { kind: 'field'; label: string; insertText: string; fieldId: FieldId }
  | {
      kind: 'function';
      label: string;
      insertText: string;
      signature: string;
      info: FormulaFunctionInfo;
    };

export interface Completions {
  /** The source range [from, to) that `insertText` replaces. */
  from: number;
  to: number;
  items: CompletionItem[];
}

export interface CompletionOptions {
  /** Left out of field suggestions: a formula cannot reference its own field. */
  ownFieldId?: FieldId;
}

const WORD_CHAR = /[A-Za-z0-9_.]/;
const WORD_START = /[A-Za-z_]/;

/** Prefix matches first, then names containing the text; both keep the given order. */
function rankByPrefix<T>(items: readonly T[], nameOf: (item: T) => string, typed: string): T[] {
  const wanted = typed.trim().toLowerCase();
  const prefixed = items.filter((i) => nameOf(i).toLowerCase().startsWith(wanted));
  const containing = items.filter(
    (i) => !prefixed.includes(i) && nameOf(i).toLowerCase().includes(wanted),
  );
  return [...prefixed, ...containing];
}

function suggestFields(
  source: string,
  cursor: number,
  brace: number,
  fields: readonly NamedField[],
  options: CompletionOptions,
): Completions {
  const typed = scanFormula(source.slice(brace, cursor)).tokens[0];
  const prefix = typed?.kind === 'reference' ? typed.name : '';
  // If the reference is already closed further on (cursor inside `{消|费}`), replace it whole.
  const whole = scanFormula(source).tokens.find((t) => t.start === brace);
  const to = whole?.kind === 'reference' && whole.closed ? whole.end : cursor;
  const candidates = fields.filter((f) => f.id !== options.ownFieldId);
  const items = rankByPrefix(candidates, (f) => f.name, prefix).map((f): CompletionItem => ({
    kind: 'field',
    label: f.name,
    insertText: encodeReference(f.name),
    fieldId: f.id,
  }));
  return { from: brace, to, items };
}

function suggestFunctions(
  source: string,
  cursor: number,
  functions: readonly FormulaFunctionInfo[],
): Completions | null {
  let from = cursor;
  while (from > 0 && WORD_CHAR.test(source[from - 1] as string)) from -= 1;
  // Digits first means a number (1E5), not a name.
  if (from === cursor || !WORD_START.test(source[from] as string)) return null;
  let to = cursor;
  while (to < source.length && WORD_CHAR.test(source[to] as string)) to += 1;
  const typed = source.slice(from, cursor).toLowerCase();
  const items = functions
    .filter((f) => f.name.toLowerCase().startsWith(typed))
    .map((f): CompletionItem => ({
      kind: 'function',
      label: f.name,
      insertText: `${f.name}(`,
      signature: f.signature,
      info: f,
    }));
  return items.length > 0 ? { from, to, items } : null;
}

/** The token the cursor is in or right after (the last one starting before it). */
function tokenBefore(tokens: readonly FormulaToken[], cursor: number): FormulaToken | undefined {
  return tokens.findLast((t) => t.start < cursor);
}

/** Suggestions at `cursor` (a UTF-16 offset into `source`), or null when nothing fits. */
export function suggestCompletions(
  source: string,
  cursor: number,
  fields: readonly NamedField[],
  functions: readonly FormulaFunctionInfo[],
  options: CompletionOptions = {},
): Completions | null {
  const at = Math.max(0, Math.min(cursor, source.length));
  const token = tokenBefore(scanFormula(source.slice(0, at)).tokens, at);
  if (token?.kind === 'reference' && !token.closed) {
    return suggestFields(source, at, token.start, fields, options);
  }
  if (token === undefined || token.kind !== 'text') return null;
  return suggestFunctions(source, at, functions);
}
