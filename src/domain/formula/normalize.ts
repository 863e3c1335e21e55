/**
 * Typed formula text as the engine reads it, without changing what the user meant: outside
 * strings and references, `1E3` becomes `1e3` (HyperFormula reads `E3` as a cell), and the
 * full-width punctuation of a Chinese input method becomes its half-width form. Every rewrite
 * keeps the length, so a position in the result is the same position in the typed text.
 */
import { scanFormula } from './scan';

// A number's exponent; the number must not continue a word (A1E3 is no number).
const UPPER_EXPONENT = /(?<![\p{L}\p{N}_.$])(\d+(?:\.\d*)?|\.\d+)E(?=[-+]?\d)/gu;

/** Full-width characters that can only mean their half-width form in a formula. */
const HALF_WIDTH: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '：': ':',
  '\u3000': ' ',
};
const FULL_WIDTH = /[（），：\u3000]/g;
/** Curly quotes open and close text as `"` does; the text inside is kept as typed. */
const CURLY = /[“”]/;

/** Rewrites text outside strings and references (see the module comment). */
function normalizeText(text: string): string {
  return text.replace(UPPER_EXPONENT, '$1e').replace(FULL_WIDTH, (ch) => HALF_WIDTH[ch] ?? ch);
}

/**
 * Text quoted with “ ” (either, in any order, or closed by ") as a "…" literal; quotes inside
 * "…" literals and references stay as typed.
 */
function straightenQuotes(display: string): string {
  let out = '';
  let i = 0;
  while (i < display.length) {
    const ch = display.charAt(i);
    if (ch === '"' || ch === '{') {
      const end = i + (scanFormula(display.slice(i)).tokens[0]?.end ?? 1);
      out += display.slice(i, end);
      i = end;
    } else if (CURLY.test(ch)) {
      const close = display.slice(i + 1).search(/[“”"]/);
      const end = close < 0 ? display.length : i + 1 + close;
      out += `"${display.slice(i + 1, end)}${close < 0 ? '' : '"'}`;
      i = end + 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** `display` with the rewrites above; the same length as `display`. */
export function normalizeFormulaInput(display: string): string {
  const quoted = straightenQuotes(display);
  let out = '';
  for (const token of scanFormula(quoted).tokens) {
    out += token.kind === 'text' ? normalizeText(token.text) : quoted.slice(token.start, token.end);
  }
  return out;
}

/** The half-width form of a full-width character (＋ → +, ； → ;), or undefined. */
export function halfWidthOf(ch: string): string | undefined {
  const code = ch.codePointAt(0) ?? 0;
  if (ch.length !== 1) return undefined;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (ch === '。') return '.';
  return HALF_WIDTH[ch] ?? (CURLY.test(ch) ? '"' : undefined);
}
