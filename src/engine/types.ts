/**
 * Public types of the per-table formula engine: the values it takes and gives, its errors and
 * the TableEngine interface that src/state drives.
 */
import type { FormulaErrorKind } from '../domain/formula/errors';
import type { Language } from '../domain/model';

/** An input value. Dates are ISO 'YYYY-MM-DD' strings (the engine turns them into serials). */
export type EngineValue = number | string | boolean | null;
export type { FormulaErrorKind };
export interface FormulaError {
  error: FormulaErrorKind;
  message?: string;
}
/** A formula cell's value; a date result comes back as an ISO 'YYYY-MM-DD' string. */
export type FormulaResult = number | string | boolean | null | FormulaError;
export type InputKind = 'number' | 'text' | 'date' | 'boolean';
export type ResultType = 'number' | 'text' | 'date' | 'boolean' | 'mixed';

export interface InputColumn {
  fieldId: string;
  kind: InputKind;
  /** One value per row; dates as ISO 'YYYY-MM-DD' or null. */
  values: readonly EngineValue[];
}
/**
 * A formula column in its STORED form: field references by id in braces, e.g.
 * `={fld_a} / {fld_b}`. The engine rewrites the references itself (per block of rows), through
 * the `substitute` function given to createTableEngine.
 */
export interface FormulaColumn {
  fieldId: string;
  formula: string;
}
export interface CellChange {
  fieldId: string;
  row: number;
  value: EngineValue;
}
export interface ChangedCells {
  fieldId: string;
  rows: number[];
}
export interface RowValues {
  fieldId: string;
  values: readonly EngineValue[];
}
export type ValidationResult = { ok: true } | { ok: false; message: string; position?: number };
export interface BuildProgress {
  done: number;
  total: number;
}

/** Rewrites every `{fieldId}` reference of a stored formula with `replace(fieldId)`. */
export type SubstituteReferences = (stored: string, replace: (fieldId: string) => string) => string;

export interface TableEngineOptions {
  /** The as-of date 'YYYY-MM-DD' used by TODAY() and every date-relative customer function. */
  asOf: string;
  language: Language;
  /** Rows per array formula (default 1000). */
  blockSize?: number;
  /** Rewrites `{fieldId}` references; src/domain/formula's substituteReferences by default. */
  substitute?: SubstituteReferences;
  /** Longest synchronous slice of work during build() before yielding, in ms (default 30). */
  sliceMs?: number;
  /**
   * Evaluate formulas of the direct subset (see directParse) in JavaScript over the input
   * columns instead of in HyperFormula (default true; false is for comparing the two).
   */
  direct?: boolean;
}

export interface TableEngine {
  build(
    rowCount: number,
    inputs: readonly InputColumn[],
    formulas: readonly FormulaColumn[],
    onProgress?: (progress: BuildProgress) => void,
  ): Promise<void>;
  readonly rowCount: number;
  column(fieldId: string): FormulaResult[];
  /** The values of some rows of a formula column (as `column` gives them). */
  cells(fieldId: string, rows: readonly number[]): FormulaResult[];
  resultType(fieldId: string): ResultType;
  setValues(changes: readonly CellChange[]): ChangedCells[];
  insertRows(at: number, count: number, values?: readonly RowValues[]): ChangedCells[];
  removeRows(rows: readonly number[]): ChangedCells[];
  /** These return the formula cells whose values changed (a replaced column included). */
  setFormula(fieldId: string, formula: string): ChangedCells[];
  removeFormula(fieldId: string): ChangedCells[];
  addInput(column: InputColumn): ChangedCells[];
  removeInput(fieldId: string): ChangedCells[];
  setAsOf(iso: string): ChangedCells[];
  setLanguage(language: Language): ChangedCells[];
  validate(formula: string): ValidationResult;
  destroy(): void;
}

export class EngineUsageError extends Error {
  override name = 'EngineUsageError';
}
