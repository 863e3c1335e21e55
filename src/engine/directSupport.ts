/**
 * Glue between the table engine and the direct evaluator: input values as HyperFormula would
 * hold them, and a scratch HyperFormula that settles the rare operand types we do not.
 */
import type { HyperFormula } from 'hyperformula';
import type { EngineValue, InputKind } from './types';
import { importValue } from './directEval';
import type { Fallback, NumberKind, RowValue } from './directEval';
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
  textKind: (text: string) => NumberKind;
  destroy: () => void;
} {
  let scratch: { hf: HyperFormula; sheet: number } | null = null;
  const answers = new Map<string, RowValue>();
  const kinds = new Map<string, NumberKind>();
  /** Writes args and formula into the first row; returns the formula's address. */
  const run = (formula: string, args: readonly RowValue[]) => {
    if (!scratch) {
      const hf = make();
      scratch = { hf, sheet: hf.getSheetId(hf.addSheet('Scratch')) as number };
    }
    const { hf, sheet } = scratch;
    const row = [...args.map(asContent), formula];
    hf.setCellContents({ sheet, row: 0, col: 0 }, [row as never]);
    return { hf, address: { sheet, row: 0, col: args.length } };
  };
  const fallback: Fallback = (formula, args) => {
    let key = formula;
    for (const a of args) key += typeof a === 'string' ? `|s${a.length}:${a}` : `|${String(a)}`;
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as RowValue;
    const { hf, address } = run(formula, args);
    const value = importValue(hf.getCellValue(address));
    if (answers.size > 10_000) answers.clear();
    answers.set(key, value);
    return value;
  };
  /** The kind of number arithmetic makes of a text ("2025-01-05" a date, "5%" a percent). */
  const textKind = (text: string): NumberKind => {
    let kind = kinds.get(text);
    if (kind === undefined) {
      const { hf, address } = run('=A1+0', [text]);
      const type = String(hf.getCellValueDetailedType(address));
      kind = type.startsWith('NUMBER_') ? (type.slice(7) as NumberKind) : 'RAW';
      if (kinds.size > 10_000) kinds.clear();
      kinds.set(text, kind);
    }
    return kind;
  };
  return { fallback, textKind, destroy: () => scratch?.hf.destroy() };
}
