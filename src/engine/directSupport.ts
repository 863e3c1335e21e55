/**
 * Glue between the table engine and the direct evaluator: input values as HyperFormula would
 * hold them, and a scratch HyperFormula that settles the rare operand types we do not.
 */
import type { HyperFormula } from 'hyperformula';
import type { EngineValue, InputKind } from './types';
import { importValue } from './directEval';
import type { Fallback, RowValue } from './directEval';
import { isoToSerial } from './values';

/**
 * The value HyperFormula would hold for an input (dates as serials, forced text unquoted): what
 * `toCellContent` writes, read back, without making that text (a build converts every input).
 */
export function hfValue(value: EngineValue, kind: InputKind): RowValue {
  if (value === null || value === '') return null;
  if (kind === 'date') return typeof value === 'string' ? isoToSerial(value) : null;
  return value;
}

const asContent = (v: RowValue): unknown => (typeof v === 'string' ? `'${v}` : v);

/**
 * A Fallback on a HyperFormula of its own (made by `make` when first asked), with its answers
 * cached; `destroy` frees it.
 */
export function createScratch(make: () => HyperFormula): {
  fallback: Fallback;
  destroy: () => void;
} {
  let scratch: { hf: HyperFormula; sheet: number } | null = null;
  const answers = new Map<string, RowValue>();
  const fallback: Fallback = (formula, args) => {
    let key = formula;
    for (const a of args) key += typeof a === 'string' ? `|s${a.length}:${a}` : `|${String(a)}`;
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as RowValue;
    if (!scratch) {
      const hf = make();
      scratch = { hf, sheet: hf.getSheetId(hf.addSheet('Scratch')) as number };
    }
    const { hf, sheet } = scratch;
    const row = [...args.map(asContent), formula];
    hf.setCellContents({ sheet, row: 0, col: 0 }, [row as never]);
    const value = importValue(hf.getCellValue({ sheet, row: 0, col: args.length }));
    if (answers.size > 10_000) answers.clear();
    answers.set(key, value);
    return value;
  };
  return { fallback, destroy: () => scratch?.hf.destroy() };
}
