/**
 * TEXT(value, format) as HyperFormula 3.5 formats (its format/ and DateTimeHelper code read and
 * followed): a format with date tokens prints the value as a date, else one with a number
 * pattern (# and 0, one decimal point) prints the number, else the format itself is the result.
 * Duration formats ([hh], [mm]), currency tags and dates with a time of day are left to
 * HyperFormula (`undefined`). A format is read once and kept.
 */

interface Token {
  format: boolean;
  value: string;
}
/** A number pattern split at its point, or text. */
type NumberPart = string | { integer: string; decimals: string };
type Compiled =
  | { kind: 'date'; tokens: Token[] }
  | { kind: 'number'; parts: NumberPart[] }
  | { kind: 'literal' }
  | null;

const DATE_TOKENS =
  /(\\.|dd|DD|d|D|mm|MM|m|M|YYYY|YY|yyyy|yy|HH|hh|H|h|ss(\.(0+|s+))?|s|AM\/PM|am\/pm|A\/P|a\/p|\[mm]|\[MM]|\[hh]|\[HH])/g;
const NUMBER_TOKEN = /(\\.|[#0]+(\.[#0]*)?)/;
const CURRENCY_TAG = /\[\$[^\-\]]+-/;
const SECONDS = /^ss(\.(s+|0+))?$/;
const DATE_CASES = new Set([
  'h',
  'hh',
  'd',
  'dd',
  's',
  'ss',
  'm',
  'mm',
  'yy',
  'yyyy',
  'am/pm',
  'a/p',
]);

/** The format split at its matches: escapes (kept with their backslash) are text. */
function tokenize(str: string, matches: RegExpExecArray[]): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  for (const m of matches) {
    if (m.index !== start) tokens.push({ format: false, value: str.slice(start, m.index) });
    tokens.push({ format: !m[0].startsWith('\\'), value: m[0] });
    start = m.index + m[0].length;
  }
  if (start < str.length) tokens.push({ format: false, value: str.slice(start) });
  return tokens;
}

function compile(str: string): Compiled {
  if (CURRENCY_TAG.test(str)) return null;
  const dateMatches = [...str.matchAll(DATE_TOKENS)];
  if (dateMatches.some((m) => !m[0].startsWith('\\'))) {
    const tokens = tokenize(str, dateMatches);
    // A token HyperFormula's date printer refuses makes it try a duration: left to it.
    const printable = tokens.every(
      (t) => !t.format || DATE_CASES.has(t.value.toLowerCase()) || SECONDS.test(t.value),
    );
    return printable ? { kind: 'date', tokens } : null;
  }
  const numberMatch = NUMBER_TOKEN.exec(str);
  if (numberMatch && !numberMatch[0].startsWith('\\'))
    return { kind: 'number', parts: tokenize(str, [numberMatch]).map(numberPart) };
  return { kind: 'literal' };
}

const compiled = new Map<string, Compiled>();

function compiledFormat(str: string): Compiled {
  let c = compiled.get(str);
  if (c === undefined) {
    c = compile(str);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(str, c);
  }
  return c;
}

const padLeft = (n: number | string, size: number): string => `${n}`.padStart(size, '0');
const padRight = (n: string, size: number): string => n.padEnd(size, '0');
const zeros = (s: string): number => s.split('0').length - 1;

function numberPart(token: Token): NumberPart {
  if (!token.format) return token.value;
  const [integer = '', decimals = ''] = token.value.split('.');
  return { integer, decimals };
}

function printNumber(parts: readonly NumberPart[], value: number): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { integer: integerFormat, decimals: decimalFormat } = part;
    const separator = decimalFormat ? '.' : '';
    const [intPart = '', decPart = ''] = Number(value.toFixed(decimalFormat.length))
      .toString()
      .split('.');
    let integerPart = intPart;
    if (integerFormat.length > integerPart.length) {
      const pad = zeros(integerFormat.slice(0, integerFormat.length - integerPart.length));
      integerPart = padLeft(integerPart, pad + integerPart.length);
    }
    const padDecimal = zeros(decimalFormat.slice(decPart.length));
    out += integerPart + separator + padRight(decPart, padDecimal + decPart.length);
  }
  return out;
}

/** A whole day's serial as a date, printed: the time of day is midnight (0:00:00, AM). */
function printDate(tokens: readonly Token[], day: Date): string {
  const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const ampm = tokens.some((t) => t.format && /^(a\/p|am\/pm)$/i.test(t.value));
  let out = '';
  let inMinutes = false;
  tokens.forEach((token, i) => {
    if (!token.format) {
      out += token.value;
      return;
    }
    const size = token.value.length;
    switch (token.value.toLowerCase()) {
      case 'h':
      case 'hh':
        inMinutes = true;
        out += padLeft(ampm ? 12 : 0, size);
        return;
      case 'd':
      case 'dd':
        out += padLeft(date, size);
        return;
      case 's':
      case 'ss':
        out += padLeft(0, size);
        return;
      case 'm':
      case 'mm':
        if (tokens[i + 1]?.value.startsWith(':')) inMinutes = true;
        out += padLeft(inMinutes ? 0 : month, size);
        inMinutes = true;
        return;
      case 'yy':
        out += padLeft(year % 100, size);
        return;
      case 'yyyy':
        out += `${year}`;
        return;
      case 'am/pm':
      case 'a/p':
        out += token.value.split('/')[0] ?? '';
        return;
      default:
        // Fractions of a second (ss.00; compile() let no other token through): none at midnight.
        out += '00';
    }
  });
  return out;
}

/**
 * TEXT of a number, or undefined where HyperFormula has to say: `dateOf` gives a serial's day
 * (null when it is not a whole day HyperFormula takes).
 */
export function formatText(
  value: number,
  format: string,
  dateOf: (serial: number) => Date | null,
): string | undefined {
  const c = compiledFormat(format);
  if (c === null) return undefined;
  if (c.kind === 'literal') return format;
  if (c.kind === 'number') return printNumber(c.parts, value);
  const day = Number.isInteger(value) ? dateOf(value) : null;
  return day ? printDate(c.tokens, day) : undefined;
}
