/**
 * Typed formula text as the engine reads it, without changing what the user meant: outside
 * strings and references, `1E3` becomes `1e3` (HyperFormula reads `E3` as a cell). Every
 * rewrite keeps the length, so a position in the result is the same position in the typed text.
 */
import { scanFormula } from './scan';

// A number's exponent; the number must not continue a word (A1E3 is no number).
const UPPER_EXPONENT = /(?<![\p{L}\p{N}_.$])(\d+(?:\.\d*)?|\.\d+)E(?=[-+]?\d)/gu;

/** Rewrites text outside strings and references (see the module comment). */
function normalizeText(text: string): string {
  return text.replace(UPPER_EXPONENT, '$1e');
}

/** `display` with the rewrites above; the same length as `display`. */
export function normalizeFormulaInput(display: string): string {
  let out = '';
  for (const token of scanFormula(display).tokens) {
    out +=
      token.kind === 'text' ? normalizeText(token.text) : display.slice(token.start, token.end);
  }
  return out;
}
