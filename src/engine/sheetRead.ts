/**
 * Reading formula results back from the HyperFormula table sheet, and inferring a column's
 * result type (dates are numbers HyperFormula formats as dates).
 */
import type { DirectNode } from './directParse';
import { parseDirect } from './directParse';
import { toMarked } from './formulaColumns';
import { sameValue } from './tableStore';
import type { TableStore } from './tableStore';
import { isBlankResult } from './values';
import type { ResultType } from './types';

/**
 * Copies a formula column's values out of HyperFormula (hidden helper columns stay inside),
 * noting the rows that differ from the values it had (a column that moved into HyperFormula).
 */
export function readColumn(s: TableStore, id: string): void {
  if (id.startsWith('~')) return;
  const col = s.col(id);
  const values =
    s.rows === 0
      ? []
      : s.hf
          .getRangeValues({
            start: { sheet: s.sheet, row: 0, col },
            end: { sheet: s.sheet, row: s.rows - 1, col },
          })
          .map((r) => r[0] ?? null);
  const before = s.results.get(id);
  if (before) values.forEach((v, row) => sameValue(before[row], v) || s.note(id, row));
  s.results.set(id, values);
  s.types.delete(id);
}

/**
 * Reads rows [from, from + count) of a HyperFormula column again, noting those that differ:
 * after an insert, a per-cell formula whose value equals the one its row held before is not
 * reported as changed, and its new row would keep the empty value put there.
 */
export function readRows(s: TableStore, id: string, from: number, count: number): void {
  const raw = s.results.get(id);
  if (!raw || count <= 0) return;
  const col = s.col(id);
  const values = s.hf.getRangeValues({
    start: { sheet: s.sheet, row: from, col },
    end: { sheet: s.sheet, row: from + count - 1, col },
  });
  values.forEach(([v = null], i) => {
    if (sameValue(raw[from + i], v)) return;
    raw[from + i] = v;
    s.retype(id, v);
    s.note(id, from + i);
  });
}

export function inferType(s: TableStore, id: string): ResultType {
  const raw = s.results.get(id) ?? [];
  const kinds = new Set<string>();
  const numericRows: number[] = [];
  raw.forEach((v, row) => {
    if (isBlankResult(v)) return;
    kinds.add(typeof v);
    if (typeof v === 'number' && numericRows.length < 20) numericRows.push(row);
  });
  if (kinds.size === 0) return 'text';
  // Dates and words, as in IF({次数} > 0, {最近消费日期} + 30, "未消费"): a date column whose
  // words show as they are. Any other mix stays mixed.
  const datesAndWords = kinds.size === 2 && kinds.has('number') && kinds.has('string');
  if (kinds.size !== 1 && !datesAndWords) return 'mixed';
  if (!datesAndWords && kinds.has('string')) return 'text';
  if (kinds.has('boolean')) return 'boolean';
  const direct = s.formulas.get(id)?.direct;
  const dated = numericRows.filter((row) =>
    direct
      ? s.evaluator.datedAt(direct.node, row)
      : /DATE/.test(s.hf.getCellValueDetailedType({ sheet: s.sheet, row, col: s.col(id) })),
  );
  if (dated.length * 2 > numericRows.length || givesDates(s, id)) return 'date';
  return datesAndWords ? 'mixed' : 'number';
}

/** Functions whose number is a date to the user, though HyperFormula types it as a plain number. */
const DATE_RESULTS: ReadonlySet<string> = new Set([
  'TODAY',
  'DATE',
  'DATEVALUE',
  'EDATE',
  'EOMONTH',
  'WORKDAY',
  'WORKDAY.INTL',
]);
/** Functions that give back one of their arguments: a date when all of them are dates. */
const PICKS_ONE: ReadonlySet<string> = new Set(['MAX', 'MIN', 'MEDIAN', 'LARGE', 'SMALL']);

/**
 * Whether the formula of `id` gives dates by its shape, where HyperFormula's result types say
 * "number": MAX or MIN of dates (the later of two purchases), WORKDAY(TODAY(), 3), a date plus a
 * number of those. Both evaluators read the same formula, so they agree.
 */
function givesDates(s: TableStore, id: string): boolean {
  const stored = s.formulas.get(id)?.stored;
  const node = stored === undefined ? null : parseDirect(toMarked(s, stored));
  const dated = (n: DirectNode): boolean => {
    switch (n.k) {
      case 'ref':
        return s.inputs.get(n.id) === 'date' || s.types.get(n.id) === 'date';
      case 'bin':
        if (n.op === '+') return dated(n.a) !== dated(n.b);
        return n.op === '-' && dated(n.a) && !dated(n.b);
      case 'call': {
        if (DATE_RESULTS.has(n.name)) return true;
        const [first, ...rest] = n.args;
        if (PICKS_ONE.has(n.name))
          return n.name === 'LARGE' || n.name === 'SMALL'
            ? first !== undefined && dated(first)
            : n.args.length > 0 && n.args.every(dated);
        if (n.name === 'IFERROR' || n.name === 'IFNA') return first !== undefined && dated(first);
        if (n.name !== 'IF') return false;
        // The branches that can give a number: a word in another branch stays a word.
        const numeric = rest.filter((b) => b.k !== 'str');
        return numeric.length > 0 && numeric.every(dated);
      }
      default:
        return false;
    }
  };
  return node !== null && dated(node);
}
