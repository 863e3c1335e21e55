/**
 * Words written outside braces, quotes and calls. HyperFormula reads such a word as a named
 * expression, which this app never defines: the formula saves and every row shows #NAME?.
 * Almost always it is a field name typed without its braces, so the editor refuses it first.
 */
import type { NamedField } from './resolve';
import { resolveFieldName } from './resolve';
import type { TextToken } from './types';

/**
 * A word the engine cannot evaluate; `field` when it names one (as typed in braces it would),
 * `cell` when it is a spreadsheet cell address (A1, $B$2, T!C3).
 */
export interface BareWord {
  name: string;
  start: number;
  end: number;
  field?: NamedField;
  cell?: true;
}

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

/** Classifies one word; null when it is a value the engine reads. */
function classify(name: string, start: number, fields: readonly NamedField[]): BareWord | null {
  const span = { name, start, end: start + name.length };
  const found = resolveFieldName(name, fields);
  // A field's name wins even over a cell reference: `R1` or `E3` in this app means the column.
  if (found.ok) return { ...span, field: found.field };
  if (!found.ok && found.reason === 'ambiguous') return span;
  if (BOOLEAN.test(name)) return null;
  if (CELL.test(name) || name.includes('!')) return { ...span, cell: true };
  return span;
}

/** The first bare word of a text token (offsets in the token's source), or null. */
export function findBareWord(token: TextToken, fields: readonly NamedField[]): BareWord | null {
  const { text } = token;
  let i = 0;
  while (i < text.length) {
    PIECE.lastIndex = i;
    const match = PIECE.exec(text);
    const piece = match?.[0] ?? text.charAt(i);
    const word = match?.[1];
    if (word !== undefined && match?.[2] === undefined) {
      const bare = classify(word, token.start + i, fields);
      if (bare) return bare;
    }
    i += Math.max(piece.length, 1);
  }
  return null;
}
