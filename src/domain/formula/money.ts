/**
 * Whether a stored formula gives money, read from its shape alone: `={消费金额} * 0.05` follows
 * the currency field 消费金额, so an automatic result format shows it as that field's currency.
 */
import type { FieldId } from '../ids';
import type { Field } from '../model';
import { scanFormula } from './scan';
import type { FieldsById, Named } from './types';
import { getFieldById } from './types';

/** A field as far as money goes: its type, and a formula field's formula and result format. */
export interface MoneyCandidate extends Named {
  readonly type: string;
  readonly options: { readonly formula?: string; readonly formulaFormat?: string };
}

/** What a part of the formula gives: money of a field, a plain number, text, or anything else. */
type Kind<F> =
  | { readonly k: 'money'; readonly field: F }
  | { readonly k: 'number' }
  | { readonly k: 'text' }
  | { readonly k: 'other' };

type Lexeme =
  | { readonly t: 'num' }
  | { readonly t: 'str' }
  | { readonly t: 'ref'; readonly id: FieldId }
  | { readonly t: 'name'; readonly name: string }
  | { readonly t: 'op'; readonly op: string };

/** Thrown inside the parser only: the formula is not one this reading understands. */
class UnreadableFormulaError extends Error {
  override name = 'UnreadableFormulaError';
}

const LEXEME =
  /\s+|(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][\w.]*)|(<=|>=|<>|[-+*/^&%=<>(),])/y;

function lexText(text: string, out: Lexeme[]): void {
  LEXEME.lastIndex = 0;
  while (LEXEME.lastIndex < text.length) {
    const m = LEXEME.exec(text);
    if (!m) throw new UnreadableFormulaError(text);
    if (m[1] !== undefined) out.push({ t: 'num' });
    else if (m[2] !== undefined) out.push({ t: 'name', name: m[2].toUpperCase() });
    else if (m[3] !== undefined) out.push({ t: 'op', op: m[3] });
  }
}

function lex(stored: string): Lexeme[] {
  const { tokens, problem } = scanFormula(stored.replace(/^\s*=/, ''));
  if (problem) throw new UnreadableFormulaError(stored);
  const out: Lexeme[] = [];
  for (const token of tokens) {
    if (token.kind === 'string') out.push({ t: 'str' });
    else if (token.kind === 'reference') out.push({ t: 'ref', id: token.name as FieldId });
    else lexText(token.text, out);
  }
  return out;
}

const OTHER = { k: 'other' } as const;
const NUMBER = { k: 'number' } as const;
const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);
const ROUNDING = new Set(['ROUND', 'ROUNDUP', 'ROUNDDOWN']);
const AGGREGATES = new Set(['SUM', 'MAX', 'MIN', 'AVERAGE']);
const CHOICES = new Set(['IFERROR', 'IFNA']);
const ADDITIVE = new Set(['+', '-']);
const MULTIPLICATIVE = new Set(['*', '/']);
const ARG_END = new Set([',', ')']);
/** Fields that hold plain numbers (a currency field is money, a formula field is read). */
const NUMERIC_TYPES = new Set(['number', 'percent', 'rating', 'autoNumber']);

/** + and −: money ± money is money; number ± number a number; anything else is not money. */
function addKinds<F>(a: Kind<F>, b: Kind<F>): Kind<F> {
  if (a.k === 'money' && b.k === 'money') return a;
  return a.k === 'number' && b.k === 'number' ? NUMBER : OTHER;
}

/** × and ÷: money scaled by a number is money; money ÷ money a plain ratio; money × money neither. */
function mulKinds<F>(a: Kind<F>, b: Kind<F>, op: string): Kind<F> {
  if (a.k === 'money' && b.k === 'number') return a;
  if (op === '*' && a.k === 'number' && b.k === 'money') return b;
  if (op === '/' && a.k === 'money' && b.k === 'money') return NUMBER; // a ratio
  return a.k === 'number' && b.k === 'number' ? NUMBER : OTHER;
}

/**
 * Money when all `kinds` are money (the first one's), a number when all are numbers, else
 * other; IF's text branches (`""`) do not count.
 */
function sameKind<F>(kinds: readonly Kind<F>[], ignoreText: boolean): Kind<F> {
  const counted = ignoreText ? kinds.filter((k) => k.k !== 'text') : kinds;
  const first = counted[0];
  if (first?.k === 'money' && counted.every((k) => k.k === 'money')) return first;
  return first?.k === 'number' && counted.every((k) => k.k === 'number') ? NUMBER : OTHER;
}

function callKind<F>(name: string, args: readonly Kind<F>[]): Kind<F> {
  // ROUND's digits say how, not how much: only the value counts.
  if (ROUNDING.has(name)) return args.length <= 2 ? sameKind(args.slice(0, 1), false) : OTHER;
  if (name === 'ABS') return args.length === 1 ? sameKind(args, false) : OTHER;
  if (AGGREGATES.has(name)) return sameKind(args, false);
  if (name === 'IF') return sameKind(args.slice(1), true);
  if (CHOICES.has(name)) return sameKind(args, true);
  return OTHER;
}

/** A recursive-descent reading with Excel's precedence: comparison < & < +− < ×÷ < ^ < unary < %. */
class MoneyReader<F> {
  private i = 0;
  constructor(
    private readonly lexemes: readonly Lexeme[],
    private readonly refKind: (id: FieldId) => Kind<F>,
  ) {}

  read(): Kind<F> {
    const kind = this.comparison();
    if (this.i !== this.lexemes.length) throw new UnreadableFormulaError('trailing input');
    return kind;
  }

  private peekOp(ops: ReadonlySet<string> | string): string | undefined {
    const next = this.lexemes[this.i];
    if (next?.t !== 'op') return undefined;
    const hit = typeof ops === 'string' ? next.op === ops : ops.has(next.op);
    return hit ? next.op : undefined;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) throw new UnreadableFormulaError(`expected ${op}`);
    this.i += 1;
  }

  private comparison(): Kind<F> {
    let kind = this.concat();
    while (this.peekOp(COMPARISONS)) {
      this.i += 1;
      this.concat();
      kind = OTHER;
    }
    return kind;
  }

  private concat(): Kind<F> {
    let kind = this.additive();
    while (this.peekOp('&')) {
      this.i += 1;
      this.additive();
      kind = { k: 'text' };
    }
    return kind;
  }

  private additive(): Kind<F> {
    let kind = this.multiplicative();
    while (this.peekOp(ADDITIVE)) {
      this.i += 1;
      kind = addKinds(kind, this.multiplicative());
    }
    return kind;
  }

  private multiplicative(): Kind<F> {
    let kind = this.power();
    for (let op = this.peekOp(MULTIPLICATIVE); op; op = this.peekOp(MULTIPLICATIVE)) {
      this.i += 1;
      kind = mulKinds(kind, this.power(), op);
    }
    return kind;
  }

  private power(): Kind<F> {
    let kind = this.unary();
    while (this.peekOp('^')) {
      this.i += 1;
      kind = kind.k === 'number' && this.unary().k === 'number' ? NUMBER : OTHER;
    }
    return kind;
  }

  private unary(): Kind<F> {
    if (this.peekOp(ADDITIVE)) {
      this.i += 1;
      const kind = this.unary();
      return kind.k === 'money' || kind.k === 'number' ? kind : OTHER;
    }
    let kind = this.primary();
    while (this.peekOp('%')) {
      this.i += 1;
      kind = kind.k === 'number' ? NUMBER : OTHER;
    }
    return kind;
  }

  private primary(): Kind<F> {
    const next = this.lexemes[this.i];
    this.i += 1;
    if (next?.t === 'num') return NUMBER;
    if (next?.t === 'str') return { k: 'text' };
    if (next?.t === 'ref') return this.refKind(next.id);
    if (next?.t === 'op' && next.op === '(') {
      const kind = this.comparison();
      this.expect(')');
      return kind;
    }
    if (next?.t !== 'name') throw new UnreadableFormulaError('expected a value');
    if (!this.peekOp('(')) return OTHER; // TRUE, FALSE or a named expression
    this.i += 1;
    return callKind(next.name, this.args());
  }

  private args(): Kind<F>[] {
    const args: Kind<F>[] = [];
    if (this.peekOp(')')) {
      this.i += 1;
      return args;
    }
    for (;;) {
      args.push(this.peekOp(ARG_END) ? OTHER : this.comparison());
      if (this.peekOp(')')) break;
      this.expect(',');
    }
    this.i += 1;
    return args;
  }
}

function kindOf<F extends MoneyCandidate>(
  stored: string,
  fieldsById: FieldsById<F>,
  visiting: Set<string>,
): Kind<F> {
  const refKind = (id: FieldId): Kind<F> => {
    const field = getFieldById(fieldsById, id);
    if (field === undefined) return OTHER;
    if (field.type === 'currency') return { k: 'money', field };
    if (field.type !== 'formula') return NUMERIC_TYPES.has(field.type) ? NUMBER : OTHER;
    // A result format chosen by hand says what the column holds: 货币 makes it money (its own),
    // a number or a percentage a plain number, a date or text neither.
    const format = field.options.formulaFormat ?? 'auto';
    if (format === 'currency') return { k: 'money', field };
    if (format === 'number' || format === 'percent') return NUMBER;
    if (format !== 'auto') return OTHER;
    const formula = field.options.formula;
    if (formula === undefined || visiting.has(id)) return OTHER;
    visiting.add(id);
    const kind = kindOf(formula, fieldsById, visiting);
    visiting.delete(id);
    return kind;
  };
  try {
    return new MoneyReader(lex(stored), refKind).read();
  } catch (e) {
    if (e instanceof UnreadableFormulaError) return OTHER;
    throw e;
  }
}

/**
 * The currency field whose money `stored` gives (following formula fields it reads, cycles
 * guarded; a formula column whose result format was set to currency by hand counts as one), or
 * null when its result is not money: a ratio of money, money × money, a count,
 * a comparison, text, or anything an unknown function (such as RFM_M's scores) gives.
 */
export function moneyFieldOf<F extends MoneyCandidate>(
  stored: string,
  fieldsById: FieldsById<F>,
): F | null {
  const kind = kindOf(stored, fieldsById, new Set());
  return kind.k === 'money' ? kind.field : null;
}

const moneyCache = new WeakMap<object, Map<string, Field | null>>();

/**
 * The currency field whose money `field`'s formula gives, when its result format is automatic
 * (remembered per schema: a grid asks for every cell); null otherwise.
 */
export function formulaMoneyField(
  field: Field,
  fields: FieldsById<Field> | undefined,
): Field | null {
  const formula = field.type === 'formula' ? field.options.formula : undefined;
  const format = field.options.formulaFormat ?? 'auto';
  if (fields === undefined || formula === undefined || format !== 'auto') return null;
  let known = moneyCache.get(fields);
  if (known === undefined) moneyCache.set(fields, (known = new Map()));
  let money = known.get(formula);
  if (money === undefined) known.set(formula, (money = moneyFieldOf(formula, fields)));
  return money;
}

/** `field` as a currency column with the symbol and decimals of the currency field `money`. */
export function asCurrencyOf(field: Field, money: Field): Field {
  const { currencySymbol, decimals } = money.options;
  return { ...field, type: 'currency', options: { ...field.options, currencySymbol, decimals } };
}
