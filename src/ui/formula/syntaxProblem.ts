/**
 * Finds where a formula the engine refused goes wrong, when the engine does not say: reads the
 * typed text token by token, alternating between "a value is due" and "an operator is due".
 */
import { halfWidthOf, scanFormula } from '../../domain/formula';

/** What stands at the problem's position (each has a message in formula.problems). */
export type SyntaxReason =
  | 'unclosedParen'
  | 'unmatchedParen'
  | 'unknownFunction'
  | 'unknownField'
  | 'unclosedString'
  | 'incomplete'
  | 'missingValue'
  | 'missingOperator'
  | 'misplacedComma'
  | 'emptyBrackets'
  | 'bareName'
  | 'fullWidth'
  | 'fullWidthSemicolon'
  | 'unexpected';

export interface SyntaxSpot {
  /** Offset in the typed text. */
  position: number;
  reason: SyntaxReason;
  /** The token concerned, as typed. */
  name?: string;
}

type Kind = 'value' | 'call' | 'open' | 'close' | 'comma' | 'operator' | 'sign' | 'postfix';

interface Piece {
  kind: Kind;
  start: number;
  text: string;
}

/** Lexes one run of formula text outside strings and references; null for a stray character. */
const LEX: [Kind, RegExp][] = [
  ['call', /^[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/],
  ['value', /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/],
  ['value', /^[A-Za-z_$][A-Za-z0-9_.$]*/],
  ['value', /^#[A-Z0-9/]+[!?]?/],
  ['operator', /^(?:<>|<=|>=|[*/^&=<>:])/],
  ['sign', /^[-+]/],
  ['postfix', /^%/],
  ['open', /^\(/],
  ['close', /^\)/],
  ['comma', /^,/],
];

/** A stray character: a full-width one is named with the half-width form to type instead. */
function strayReason(ch: string): SyntaxReason {
  if (ch === '；') return 'fullWidthSemicolon';
  return halfWidthOf(ch) === undefined ? 'unexpected' : 'fullWidth';
}

function lexText(text: string, offset: number, out: Piece[]): SyntaxSpot | null {
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const hit = LEX.map(([kind, re]) => [kind, re.exec(rest)] as const).find(([, m]) => m);
    const match = hit?.[1]?.[0];
    if (!hit || !match) {
      // A field name typed without its braces is the likeliest stray word.
      const word = /^[\p{L}\p{N}_]+/u.exec(rest)?.[0];
      const name = word ?? rest.slice(0, 1);
      return { position: offset + i, reason: word ? 'bareName' : strayReason(name), name };
    }
    out.push({ kind: hit[0], start: offset + i, text: match });
    i += match.length;
  }
  return null;
}

/** The typed text as pieces (the leading `=` dropped), or the first stray character. */
function lexFormula(display: string): Piece[] | SyntaxSpot {
  const pieces: Piece[] = [];
  const lead = /^\s*=?/.exec(display)?.[0].length ?? 0;
  for (const token of scanFormula(display.slice(lead)).tokens) {
    const start = token.start + lead;
    if (token.kind === 'string' && !token.closed)
      return { position: start, reason: 'unclosedString' };
    if (token.kind !== 'text') {
      pieces.push({ kind: 'value', start, text: display.slice(start, token.end + lead) });
      continue;
    }
    const stray = lexText(token.text, start, pieces);
    if (stray) return stray;
  }
  return pieces;
}

interface Walk {
  /** True while a value is due (at the start, after an operator, `(` or `,`). */
  wantValue: boolean;
  /** Open brackets: where, and whether they hold a function's arguments. */
  open: { start: number; call: boolean }[];
  previous: Piece | undefined;
}

/** One piece read in the current state; returns a problem or null. */
function step(w: Walk, p: Piece): SyntaxSpot | null {
  const at = (reason: SyntaxReason): SyntaxSpot => ({ position: p.start, reason, name: p.text });
  const inCall = w.open.at(-1)?.call === true;
  switch (p.kind) {
    case 'value':
    case 'call':
    case 'open':
      if (!w.wantValue) return at('missingOperator');
      if (p.kind === 'value') w.wantValue = false;
      if (p.kind === 'open') w.open.push({ start: p.start, call: w.previous?.kind === 'call' });
      return null;
    case 'sign':
    case 'operator':
      if (w.wantValue && p.kind === 'operator') return at('missingValue');
      w.wantValue = true;
      return null;
    case 'postfix':
      return w.wantValue ? at('missingValue') : null;
    case 'comma':
      if (!inCall) return at('misplacedComma');
      // An empty argument is allowed (IF(x,,y)), but not after an operator.
      if (w.wantValue && w.previous?.kind !== 'open' && w.previous?.kind !== 'comma')
        return at('missingValue');
      w.wantValue = true;
      return null;
    case 'close': {
      const opened = w.open.pop();
      if (!opened) return at('unmatchedParen');
      const empty = w.previous?.kind === 'open';
      const afterComma = w.previous?.kind === 'comma';
      if (empty && !inCall) return { position: opened.start, reason: 'emptyBrackets', name: '()' };
      if (w.wantValue && !(inCall && (empty || afterComma))) return at('missingValue');
      w.wantValue = false;
      return null;
    }
  }
}

/** The first place the typed formula breaks the grammar, or null when none is found. */
export function locateSyntaxProblem(display: string): SyntaxSpot | null {
  const pieces = lexFormula(display);
  if (!Array.isArray(pieces)) return pieces;
  const walk: Walk = { wantValue: true, open: [], previous: undefined };
  for (const piece of pieces) {
    const spot = step(walk, piece);
    if (spot) return spot;
    walk.previous = piece;
  }
  const last = walk.previous;
  const unclosed = walk.open.at(-1);
  const dangling = last && walk.wantValue && (last.kind === 'operator' || last.kind === 'sign');
  if (last && (dangling || (walk.wantValue && !unclosed)))
    return { position: last.start, reason: 'incomplete', name: last.text };
  if (unclosed) return { position: unclosed.start, reason: 'unclosedParen', name: '(' };
  return null;
}
