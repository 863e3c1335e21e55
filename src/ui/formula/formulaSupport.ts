/**
 * What the formula editor needs from the evaluation engine, passed in as a prop so the UI does
 * not depend on the engine (the state layer supplies the real one; tests pass a fake).
 */
import type { TypeContext } from '../../domain/fields/fieldType';
import type { ArgumentRules } from '../../domain/formula';
import type { FieldsById } from '../../domain/formula/types';
import type { FieldId, TableId } from '../../domain/ids';
import type { Field, FieldOptions } from '../../domain/model';
import type { FormulaResult } from '../../state/formulas';
import { formatFormulaResult, isFormulaError } from '../grid/formulaCells';

/** One row of the live preview: the record's primary value and the formula's result. */
export interface FormulaPreviewRow {
  label: string;
  result: FormulaResult;
}

/** A result as a cell shows it, and whether it is an error (styled as one). */
export interface ShownResult {
  text: string;
  error: boolean;
}

export interface FormulaSupport {
  /** Syntax check of a stored formula by the engine; position is an offset in `stored` if known. */
  validate(stored: string): { ok: true } | { ok: false; message: string; position?: number };
  /** The argument counts a function (upper-case name) takes; undefined when not known. */
  argumentRule: ArgumentRules;
  /**
   * Results of the stored formula for the first rows of the table (for the live preview); null
   * when a later call superseded this one.
   */
  preview(stored: string, rows: number): Promise<FormulaPreviewRow[] | null>;
  /**
   * `result` as the grid will show it in a formula column with `options` (the result format
   * chosen in the dialog, which may change while the results stay, and the stored formula).
   */
  showResult(result: FormulaResult, options: FieldOptions): ShownResult;
}

/**
 * The grid's own formatting of a formula result, for a column with `options` (the draft's, with
 * its stored formula); `fields` are the schema's, to tell money as the grid does.
 */
export function showFormulaResult(
  result: FormulaResult,
  options: FieldOptions,
  ctx: TypeContext,
  fields?: FieldsById<Field>,
): ShownResult {
  // Only the options count: the column's name, id and table do not change how a result shows.
  const field: Field = {
    id: 'fld_preview' as FieldId,
    tableId: 'tbl_preview' as TableId,
    name: '',
    type: 'formula',
    options,
  };
  return {
    text: formatFormulaResult(field, result, undefined, ctx, fields),
    error: isFormulaError(result),
  };
}

/** How many rows the live preview shows. */
export const PREVIEW_ROWS = 5;
