/**
 * Words written outside braces, quotes and calls. HyperFormula reads such a word as a named
 * expression, which this app never defines: the formula saves and every row shows #NAME?.
 * Almost always it is a field name typed without its braces, so the editor refuses it first.
 */
import type { NamedField } from './resolve';
import { resolveFieldName } from './resolve';
import { stickyPieces } from './scan';
import type { FormulaProblem, TextToken } from './types';

type BareNameProblem = Extract<FormulaProblem, { kind: 'bareName' }>;

// Sticky, tried in order: numbers (1e3 is no word), error literals (#N/A), words with the
// call bracket that may follow them, anything else one character at a time.
const PIECE =
  /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|#[A-Za-z0-9/]+[!?]?|([$\p{L}_][\p{L}\p{N}_.$!]*)(\s*\()?|[^]/uy;

/**
 * What HyperFormula reads as a cell (A1, $E$3, T!B2) rather than a name. A formula here runs
 * once per row over fields: a cell would read one of the engine's own hidden cells.
 */
const CELL = /^(?:[\p{L}\p{N}_]+!)?\$?[A-Za-z]+\$?\d+$/u;
/** Booleans, which the grammar treats as values in other spreadsheets. */
const BOOLEAN = /^(?:true|false)$/i;

/**
 * Classifies one word: null when it is a value the engine reads; else the problem, with the
 * field it names (as typed in braces it would) or `cell` for a spreadsheet cell address.
 */
function classify(
  name: string,
  start: number,
  fields: readonly NamedField[],
): BareNameProblem | null {
  const span = { kind: 'bareName' as const, name, start, end: start + name.length };
  const found = resolveFieldName(name, fields);
  // A field's name wins even over a cell reference: `R1` or `E3` in this app means the column.
  if (found.ok) return { ...span, field: found.field.name };
  if (found.reason === 'ambiguous') return span;
  if (BOOLEAN.test(name)) return null;
  if (CELL.test(name) || name.includes('!')) return { ...span, cell: true };
  return span;
}

/** The first bare word of a text token (offsets in the token's source), or null. */
export function findBareWord(
  token: TextToken,
  fields: readonly NamedField[],
): BareNameProblem | null {
  for (const match of stickyPieces(PIECE, token.text)) {
    const [, word, call] = match;
    if (word === undefined || call !== undefined) continue;
    const bare = classify(word, token.start + match.index, fields);
    if (bare) return bare;
  }
  return null;
}
