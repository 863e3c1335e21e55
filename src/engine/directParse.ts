/**
 * Parses the small formula language the engine evaluates directly in JavaScript (field
 * references, literals, + - * / & and comparisons, IF, ROUND, SWITCH, the functions of directPlain, the
 * customer functions); any other formula returns null and stays with HyperFormula.
 */
import { CELL, PLAIN_ARITY, RETURNS_DATES, TAKES_DATES } from './directPlain';
import { CELL_OPEN, MARK_CLOSE } from './formulaText';

export type BinaryOp = '+' | '-' | '*' | '/' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';
export type DirectNode =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; id: string }
  | { k: 'neg'; a: DirectNode }
  | { k: 'bin'; op: BinaryOp; a: DirectNode; b: DirectNode }
  | { k: 'call'; name: string; args: DirectNode[] };

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; id: string }
  | {
      t: 'name';
      v: string;
    }
  | { t: 'op'; v: string };

const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/;
const OPS = ['<=', '>=', '<>', '+', '-', '*', '/', '&', '=', '<', '>', '(', ')', ','];

class NotDirect extends Error {
  override name = 'NotDirect';
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i] as string;
    if (ch === ' ') i++;
    else if (ch === CELL_OPEN) {
      const end = text.indexOf(MARK_CLOSE, i);
      out.push({ t: 'ref', id: text.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let v = '';
      for (; j < text.length; j++) {
        if (text[j] !== '"') v += text[j];
        else if (text[j + 1] === '"') {
          v += '"';
          j++;
        } else break;
      }
      if (j >= text.length) throw new NotDirect();
      out.push({ t: 'str', v });
      i = j + 1;
    } else {
      const n = NUMBER.exec(rest) ?? NAME.exec(rest);
      const op = OPS.find((o) => rest.startsWith(o));
      if (n) out.push(/\d|\./.test(ch) ? { t: 'num', v: Number(n[0]) } : { t: 'name', v: n[0] });
      else if (op) out.push({ t: 'op', v: op });
      else throw new NotDirect();
      i += n ? n[0].length : (op as string).length;
    }
  }
  return out;
}

const LEVELS: readonly (readonly string[])[] = [
  ['=', '<>', '<', '>', '<=', '>='],
  ['&'],
  ['+', '-'],
  ['*', '/'],
];

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): DirectNode {
    const node = this.binary(0);
    if (this.at !== this.tokens.length) throw new NotDirect();
    return node;
  }

  private peekOp(): string | null {
    const t = this.tokens[this.at];
    return t?.t === 'op' ? t.v : null;
  }

  private binary(level: number): DirectNode {
    const ops = LEVELS[level];
    if (!ops) return this.unary();
    let node = this.binary(level + 1);
    for (let op = this.peekOp(); op && ops.includes(op); op = this.peekOp()) {
      this.at++;
      node = { k: 'bin', op: op as BinaryOp, a: node, b: this.binary(level + 1) };
    }
    return node;
  }

  private unary(): DirectNode {
    const op = this.peekOp();
    if (op === '-' || op === '+') {
      this.at++;
      const a = this.unary();
      return op === '-' ? { k: 'neg', a } : a;
    }
    return this.primary();
  }

  private primary(): DirectNode {
    const t = this.tokens[this.at++];
    if (!t) throw new NotDirect();
    if (t.t === 'num' || t.t === 'str') return { k: t.t, v: t.v } as DirectNode;
    if (t.t === 'ref') return { k: 'ref', id: t.id };
    if (t.t === 'op' && t.v === '(') {
      const inner = this.binary(0);
      this.expect(')');
      return inner;
    }
    if (t.t === 'name') return { k: 'call', name: t.v.toUpperCase(), args: this.args() };
    throw new NotDirect();
  }

  private args(): DirectNode[] {
    this.expect('(');
    const args: DirectNode[] = [];
    if (this.peekOp() === ')') {
      this.at++;
      return args;
    }
    for (;;) {
      args.push(this.binary(0));
      const op = this.peekOp();
      this.at++;
      if (op === ')') return args;
      if (op !== ',') throw new NotDirect();
    }
  }

  private expect(op: string): void {
    if (this.peekOp() !== op) throw new NotDirect();
    this.at++;
  }
}

/** The formula (field references as CELL markers, no leading '=') as a tree, or null. */
export function parseDirect(text: string): DirectNode | null {
  try {
    return new Parser(tokenize(text)).parse();
  } catch (e) {
    if (e instanceof NotDirect) return null;
    throw e;
  }
}

/** Allowed argument counts, and from which argument on only number literals may be given. */
const CALLS: Record<string, { min: number; max: number; literalsFrom?: number; only?: number[] }> =
  {
    IF: { min: 2, max: 3 },
    ROUND: { min: 2, max: 2, literalsFrom: 1 },
    DAYS_SINCE: { min: 1, max: 1 },
    NEXT_BIRTHDAY_IN: { min: 1, max: 1 },
    LIFECYCLE_STAGE: { min: 2, max: 5, literalsFrom: 2 },
    LOYALTY_STAGE: { min: 1, max: 2 },
    LOYALTY_TIER: { min: 1, max: 4, literalsFrom: 1 },
    CHURN_RISK: { min: 3, max: 3 },
    RFM_R: { min: 1, max: 5, only: [1, 2, 5] },
    RFM_F: { min: 1, max: 5, only: [1, 2, 5] },
    RFM_M: { min: 1, max: 5, only: [1, 2, 5] },
    RFM_SCORE: { min: 3, max: 3 },
    RFM_SEGMENT: { min: 3, max: 3 },
  };
for (const [name, arity] of PLAIN_ARITY) CALLS[name] = arity;
CALLS[CELL] = { min: 1, max: 1 };
CALLS.TODAY = { min: 0, max: 0 };
CALLS.SWITCH = { min: 3, max: 30 };
/** Calls whose arguments are never read as dates (the others: customer functions, TAKES_DATES). */
const PLAIN = new Set(
  ['IF', 'ROUND', 'SWITCH', CELL, ...PLAIN_ARITY.keys()].filter((n) => !TAKES_DATES.has(n)),
);

/** Calls that give one of their arguments back as it is, a date as a date (IF's branches too). */
export const PASSES: ReadonlySet<string> = new Set(['IFERROR', 'IFNA']);

/**
 * Where a node's value goes. 'value': the result, or what reaches it through arithmetic,
 * negation, IF branches, IFERROR and IFNA, or an operand of a comparison; a date may go there
 * (the evaluator says which rows are dates, see DirectEvaluator.datedAt). 'dates': what a
 * function that takes dates reads (a customer function or one of TAKES_DATES). 'plain': what
 * any other function reads, or `&`: a date there would need HyperFormula's own conversion.
 */
type Use = 'value' | 'dates' | 'plain';

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '>', '<=', '>=']);

/**
 * Whether a parsed formula can be evaluated directly: every reference names an input column
 * (`kindOf` says its kind), a date input, TODAY() or a function that gives dates is read only
 * where a date may go (see Use), and calls match the table above.
 */
export function isDirect(
  node: DirectNode,
  kindOf: (id: string) => string | undefined,
  use: Use = 'value',
): boolean {
  const datesGo = use !== 'plain';
  switch (node.k) {
    case 'num':
    case 'str':
      return true;
    case 'ref': {
      const kind = kindOf(node.id);
      return kind !== undefined && (kind !== 'date' || datesGo);
    }
    case 'neg':
      return isDirect(node.a, kindOf, datesGo ? 'value' : 'plain');
    case 'bin': {
      const operands = COMPARISONS.has(node.op) || (node.op !== '&' && datesGo) ? 'value' : 'plain';
      return isDirect(node.a, kindOf, operands) && isDirect(node.b, kindOf, operands);
    }
    case 'call': {
      const spec = CALLS[node.name];
      const n = node.args.length;
      if (!spec || n < spec.min || n > spec.max || (spec.only && !spec.only.includes(n))) {
        return false;
      }
      if (!datesGo && (node.name === 'TODAY' || RETURNS_DATES.has(node.name))) return false;
      const argUse = (i: number): Use => {
        if (node.name === 'IF') return i === 0 ? 'value' : use;
        if (PASSES.has(node.name)) return use;
        return PLAIN.has(node.name) ? 'plain' : 'dates';
      };
      return node.args.every((a, i) =>
        spec.literalsFrom !== undefined && i >= spec.literalsFrom
          ? a.k === 'num' && (node.name !== 'ROUND' || Number.isInteger(a.v))
          : isDirect(a, kindOf, argUse(i)),
      );
    }
  }
}
