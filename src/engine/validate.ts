/**
 * Checks a stored formula before it is saved, naming the problem and where it is: unclosed
 * strings and parentheses, unknown fields and functions, then HyperFormula's own parser.
 */
import { HyperFormula } from 'hyperformula';
import { skipString } from './formulaText';
import type { ValidationResult } from './types';

const fail = (message: string, position?: number): ValidationResult =>
  position === undefined ? { ok: false, message } : { ok: false, message, position };

/** Unclosed string literal or unbalanced parenthesis, with its position. */
export function checkBrackets(text: string): ValidationResult {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = skipString(text, i);
      if (end > text.length) return fail('Unclosed text: a closing " is missing.', i);
      i = end - 1;
    } else if (ch === '(') open.push(i);
    else if (ch === ')' && open.pop() === undefined) {
      return fail('This ) has no matching (.', i);
    }
  }
  const unclosed = open.pop();
  return unclosed === undefined ? { ok: true } : fail('This ( is never closed.', unclosed);
}

/** The first call of a function HyperFormula does not know, with its position. */
export function checkFunctionNames(text: string): ValidationResult {
  const known = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  const call = /([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g;
  let blanked = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      const end = Math.min(skipString(text, i), text.length);
      blanked += ' '.repeat(end - i);
      i = end - 1;
    } else blanked += text[i];
  }
  for (const m of blanked.matchAll(call)) {
    const name = (m[1] ?? '').toUpperCase();
    const prev = blanked[(m.index ?? 0) - 1] ?? '';
    if (/[A-Za-z0-9_.{]/.test(prev)) continue;
    if (!known.has(name) && !name.startsWith('RFMQ_')) {
      return fail(`Unknown function ${m[1] ?? ''}.`, m.index);
    }
  }
  return { ok: true };
}

/** Position of a trailing operator that leaves the formula unfinished, if any. */
export function danglingOperator(text: string): number | undefined {
  const m = /[-+*/^&=<>,]\s*$/.exec(text);
  return m && m.index > 0 ? m.index : undefined;
}
