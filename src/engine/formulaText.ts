/**
 * Text-level compilation of formulas: field references become private markers, calls to the
 * ranking functions get their whole-column populations, and blocks get their row ranges.
 */
import { RANKING_FUNCTIONS } from '../domain/formula/functions';

/** `\uE000id\uE001`: the row's value of a field (a block slice). */
export const CELL_OPEN = '\uE000';
/** `\uE003KIND|id|id\uE001`: the population cell of a ranking (see RFM_POP). */
export const POPULATION_OPEN = '\uE003';
export const MARK_CLOSE = '\uE001';

const MARKER = /[\uE000\uE003]([^\uE001]*)\uE001/g;
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_.]/;

/** Index just past the string literal starting at `start` ("" escapes a quote). */
export function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length + 1;
}

export interface CallSite {
  name: string;
  start: number;
  end: number;
  args: string[];
}

/** The next call `NAME(...)` at or after `from` whose upper-cased name is in `names`. */
export function nextCall(text: string, from: number, names: ReadonlySet<string>): CallSite | null {
  for (let i = from; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      i = skipString(text, i) - 1;
      continue;
    }
    if (!IDENT_START.test(ch) || (i > 0 && IDENT_CHAR.test(text[i - 1] as string))) continue;
    let j = i;
    while (j < text.length && IDENT_CHAR.test(text[j] as string)) j++;
    const name = text.slice(i, j).toUpperCase();
    let k = j;
    while (text[k] === ' ') k++;
    if (text[k] === '(' && names.has(name)) {
      const parsed = splitArgs(text, k);
      if (parsed) return { name, start: i, end: parsed.end, args: parsed.args };
    }
    i = j - 1;
  }
  return null;
}

/** Arguments of the call whose '(' is at `open`, split at top-level commas; null if unclosed. */
export function splitArgs(text: string, open: number): { args: string[]; end: number } | null {
  const args: string[] = [];
  let depth = 0;
  let argStart = open + 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = skipString(text, i) - 1;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth === 0) {
        const last = text.slice(argStart, i);
        if (args.length > 0 || last.trim() !== '') args.push(last);
        return { args, end: i + 1 };
      }
    } else if (ch === ',' && depth === 1) {
      args.push(text.slice(argStart, i));
      argStart = i + 1;
    }
  }
  return null;
}

/** The ranking functions, whose quintile forms rank a whole column. */
export const RANKED = RANKING_FUNCTIONS;

/**
 * Gives every quintile-form ranking call its population cell: `RFM_M(x)` → `RFMQ_M(x, <M|x>)`,
 * `RFM_M(x, n)` → `RFMQ_M(x, <M2|x|n>, n)`, `RFM_SCORE(d,c,a)` → `RFMQ_SCORE(d,c,a,<RFM|d|c|a>)`. An argument that is not a bare field reference becomes a
 * hidden helper column (`addHelper(text)` returns its id) so its population is a column too.
 * Threshold forms (5 arguments) stay as they are.
 */
export function compileRanking(text: string, addHelper: (expression: string) => string): string {
  let out = '';
  let i = 0;
  for (let call = nextCall(text, 0, RANKED); call; call = nextCall(text, i, RANKED)) {
    const args = call.args.map((a) => compileRanking(a, addHelper));
    out += text.slice(i, call.start) + compileCall(call.name, args, addHelper);
    i = call.end;
  }
  return out + text.slice(i);
}

function compileCall(name: string, args: string[], addHelper: (e: string) => string): string {
  const column = (arg: string): string => {
    const bare = new RegExp(`^${CELL_OPEN}([^${MARK_CLOSE}]*)${MARK_CLOSE}$`).exec(arg.trim());
    return bare ? (bare[1] ?? '') : addHelper(arg.trim());
  };
  const population = (kind: string, cols: string[]): string =>
    `${POPULATION_OPEN}${[kind, ...cols.map(column)].join('|')}${MARK_CLOSE}`;
  const short = name.slice(4);
  if ((short === 'SCORE' || short === 'SEGMENT') && args.length === 3) {
    return `RFMQ_${short}(${args.join(',')},${population('RFM', args)})`;
  }
  if (short.length === 1 && (args.length === 1 || args.length === 2)) {
    const [value = '', count] = args;
    if (count === undefined) return `RFMQ_${short}(${value},${population(short, [value])})`;
    return `RFMQ_${short}(${value},${population(`${short}2`, [value, count])},${count})`;
  }
  return `${name}(${args.join(',')})`;
}

const ENV_FUNCTIONS = new Set([
  'TODAY',
  'NOW',
  'DAYS_SINCE',
  'NEXT_BIRTHDAY_IN',
  'LIFECYCLE_STAGE',
  'CHURN_RISK',
  'RFMQ_SEGMENT',
  'LOYALTY_STAGE',
  'LOYALTY_TIER',
]);

/**
 * Gives every function that reads the as-of date or the language the Env cells as a hidden
 * first argument (`envRange`), so that HyperFormula recalculates exactly those cells when
 * either changes. Run after compileRanking.
 */
export function injectEnvironment(text: string, envRange: string): string {
  let out = '';
  let i = 0;
  for (let call = nextCall(text, 0, ENV_FUNCTIONS); call; call = nextCall(text, i, ENV_FUNCTIONS)) {
    const args = call.args.map((a) => injectEnvironment(a, envRange));
    out += `${text.slice(i, call.start)}${call.name}(${[envRange, ...args].join(',')})`;
    i = call.end;
  }
  return out + text.slice(i);
}

/** Ids of every field a compiled text refers to (row values and populations). */
export function referencedIds(text: string): string[] {
  const ids = [...text.matchAll(MARKER)].flatMap((m) =>
    m[0].startsWith(POPULATION_OPEN) ? (m[1] ?? '').split('|').slice(1) : [m[1] ?? ''],
  );
  return [...new Set(ids)];
}

/** Replaces each marker: row references with `cell(id)`, populations with `population(spec)`. */
export function placeMarkers(
  text: string,
  cell: (id: string) => string,
  population: (spec: string) => string,
): string {
  return text.replace(MARKER, (whole, id: string) =>
    whole.startsWith(POPULATION_OPEN) ? population(id) : cell(id),
  );
}

/** Spreadsheet column letters of a 0-based index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
