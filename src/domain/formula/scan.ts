/**
 * The formula scanner: splits source text into string literals, `{field}` references and the
 * rest, which is all the formula layer needs (HyperFormula parses the formula proper).
 */
import type { FormulaProblem, FormulaToken, ReferenceToken, StringToken } from './types';

export interface ScanResult {
  tokens: FormulaToken[];
  /** The first structural problem, if any; tokens still cover the whole source. */
  problem?: FormulaProblem;
}

/** Reads a string literal starting at the quote at `start`. */
function scanString(source: string, start: number): StringToken {
  let i = start + 1;
  while (i < source.length) {
    if (source[i] === '"') {
      if (source[i + 1] === '"') {
        i += 2;
        continue;
      }
      const end = i + 1;
      return { kind: 'string', start, end, text: source.slice(start, end), closed: true };
    }
    i += 1;
  }
  return { kind: 'string', start, end: i, text: source.slice(start), closed: false };
}

/** Reads a reference starting at the `{` at `start`, decoding `\}` and `\\`. */
function scanReference(source: string, start: number): ReferenceToken {
  let name = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '}') return { kind: 'reference', start, end: i + 1, name, closed: true };
    const next = source[i + 1];
    if (ch === '\\' && (next === '}' || next === '\\')) {
      name += next;
      i += 2;
      continue;
    }
    // A lone backslash is kept as typed: names rarely contain one, and forgiving it is kinder.
    name += ch;
    i += 1;
  }
  return { kind: 'reference', start, end: i, name, closed: false };
}

function problemOf(token: FormulaToken): FormulaProblem | undefined {
  const span = { start: token.start, end: token.end };
  if (token.kind === 'reference' && !token.closed) return { kind: 'unclosedReference', ...span };
  if (token.kind === 'string' && !token.closed) return { kind: 'unclosedString', ...span };
  return undefined;
}

/** Splits `source` into tokens; never throws, reports the first unclosed/stray delimiter. */
export function scanFormula(source: string): ScanResult {
  const tokens: FormulaToken[] = [];
  let problem: FormulaProblem | undefined;
  let textStart = 0;
  let i = 0;
  const flushText = (end: number): void => {
    if (end > textStart) {
      tokens.push({ kind: 'text', start: textStart, end, text: source.slice(textStart, end) });
    }
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '}' && problem === undefined) {
      problem = { kind: 'unexpectedBrace', start: i, end: i + 1 };
    }
    if (ch !== '"' && ch !== '{') {
      i += 1;
      continue;
    }
    flushText(i);
    const token = ch === '"' ? scanString(source, i) : scanReference(source, i);
    tokens.push(token);
    problem ??= problemOf(token);
    i = token.end;
    textStart = i;
  }
  flushText(i);
  return problem === undefined ? { tokens } : { tokens, problem };
}

/** Writes a field name as a reference: `{` + name with `\` and `}` escaped + `}`. */
export function encodeReference(name: string): string {
  return `{${name.replace(/[\\}]/g, (c) => `\\${c}`)}}`;
}

/**
 * The consecutive matches of a sticky `pattern` over `text`, from its start; the pattern must
 * match at every position (end it with `[^]`). An empty match moves on by one character.
 */
export function* stickyPieces(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  for (let i = 0; i < text.length;) {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match) return;
    yield match;
    i += Math.max(match[0].length, 1);
  }
}
