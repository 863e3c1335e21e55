/**
 * The HyperFormula instance behind one table: configuration, the Env sheet holding the as-of
 * date and language, and the text of one block's array formula.
 */
import { HyperFormula } from 'hyperformula';
import type { ConfigParams } from 'hyperformula';
import type { Language } from '../domain/model';
import { CrmFunctionPlugin, registerCrmFunctions } from './crmPlugin';
import type { EngineContext } from './crmPlugin';
import { columnLetters, placeMarkers, referencedIds } from './formulaText';
import type { Block } from './layout';
import { isoToSerial } from './values';
import { EngineUsageError } from './types';

export const TABLE_SHEET = 'T';
export const ENV_SHEET = 'Env';
/** One cell per ranked population (RFM_POP), in column A. */
export const POP_SHEET = 'Pop';
export const ENV_RANGE = `${ENV_SHEET}!$A$1:$B$1`;

export function createContext(asOf: string, language: Language): EngineContext {
  const asOfSerial = isoToSerial(asOf);
  if (asOfSerial === null) throw new EngineUsageError(`Not an ISO date: ${asOf}`);
  return { asOf, asOfSerial, language, rankings: new Map(), tokens: new Map(), nextToken: 0 };
}

function workbookConfig(context: EngineContext): Partial<ConfigParams> {
  return {
    licenseKey: 'gpl-v3',
    maxRows: 1_100_000,
    maxColumns: 1_000,
    useArrayArithmetic: true,
    dateFormats: ['YYYY-MM-DD', 'YYYY/MM/DD'],
    context,
  };
}

/**
 * A HyperFormula configured as the table's, but giving values unrounded (`smartRounding` off):
 * where it settles a coercion for the direct evaluator, the value goes on into more arithmetic
 * or into text, as a value inside the table's HyperFormula would.
 */
export function createScratchWorkbook(context: EngineContext): HyperFormula {
  return HyperFormula.buildEmpty({ ...workbookConfig(context), smartRounding: false });
}

/** A HyperFormula with room for 1M+ rows, ISO dates, array arithmetic and our functions. */
export function createWorkbook(context: EngineContext): {
  hf: HyperFormula;
  table: number;
  env: number;
  pop: number;
} {
  registerCrmFunctions();
  const hf = HyperFormula.buildEmpty(workbookConfig(context));
  const table = hf.getSheetId(hf.addSheet(TABLE_SHEET)) as number;
  const env = hf.getSheetId(hf.addSheet(ENV_SHEET)) as number;
  const pop = hf.getSheetId(hf.addSheet(POP_SHEET)) as number;
  hf.setCellContents({ sheet: env, row: 0, col: 0 }, [[context.asOfSerial, context.language]]);
  // TRUE and FALSE written bare, as in spreadsheets: HyperFormula knows only TRUE() and
  // FALSE(), and read the bare words as unknown names (#NAME? in every row).
  hf.addNamedExpression('TRUE', '=TRUE()');
  hf.addNamedExpression('FALSE', '=FALSE()');
  return { hf, table, env, pop };
}

const OWN_FUNCTIONS = new Set(Object.keys(CrmFunctionPlugin.implementedFunctions));

/**
 * Whether a compiled formula calls a function that folds a range into one value (SUM, AND,
 * CONCATENATE, VLOOKUP…; HyperFormula's own metadata says which) instead of applying itself to
 * each row of it. Over a block, `=SUM(A1:A1000) + B1:B1000` would add the block's total to each
 * row: such a formula must go one per cell, where each range is that row's cell.
 */
export function foldsRanges(compiled: string): boolean {
  const code = compiled.replace(/"(?:[^"]|"")*"/g, '""');
  for (const [, name = ''] of code.matchAll(/([A-Z][A-Z0-9._]*)\s*\(/gi)) {
    const upper = name.toUpperCase();
    if (OWN_FUNCTIONS.has(upper)) continue;
    const meta = HyperFormula.getFunctionPlugin(upper)?.implementedFunctions[upper];
    if (!meta) continue;
    const ranges = meta.parameters?.some(
      (p) => p.argumentType === 'ANY' || p.argumentType === 'RANGE',
    );
    if (meta.expandRanges || ranges) return true;
  }
  return false;
}

/**
 * The formula text of one block: row references become the block's slice of their column
 * (one cell for a one-row block); a population becomes the address of its RFM_POP cell. A
 * formula naming a field without a column is #REF! in every row: an array of errors, not one
 * error for the whole block (HyperFormula 3.5 cannot read such a block from another formula).
 */
export function blockFormula(
  compiled: string,
  block: Block,
  columnOf: (fieldId: string) => number | undefined,
  populationCell: (spec: string) => string = () => '#REF!',
): string {
  if (referencedIds(compiled).some((id) => columnOf(id) === undefined)) {
    if (block.len === 1) return '=#REF!';
    const blank = `${ENV_SHEET}!$C$${block.start + 1}:$C$${block.start + block.len}`;
    return `=IF(ISBLANK(${blank}), #REF!, #REF!)`;
  }
  const cell = (id: string): string => {
    const c = columnOf(id);
    if (c === undefined) return '#REF!';
    const l = columnLetters(c);
    const first = `$${l}$${block.start + 1}`;
    return block.len === 1 ? first : `${first}:$${l}$${block.start + block.len}`;
  };
  return `=${placeMarkers(compiled, cell, populationCell)}`;
}

/** The RFM_POP formula of a population spec 'KIND|id|id…' (ids of whole columns). */
export function populationFormula(
  spec: string,
  columnOf: (fieldId: string) => number | undefined,
): string {
  const [kind = '', ...ids] = spec.split('|');
  const ranges = ids.map((id) => {
    const c = columnOf(id);
    return c === undefined ? '#REF!' : `${TABLE_SHEET}!$${columnLetters(c)}:$${columnLetters(c)}`;
  });
  return `=RFM_POP("${kind}",${ranges.join(',')})`;
}
