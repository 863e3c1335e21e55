/**
 * The contract every field type module implements (one module per type, `x.field.ts`).
 * All text that users type, paste or import passes through `parse`, once, here.
 */
import type { CellValue, Field, FieldOptions, Language } from '../model';

export interface TypeContext {
  language: Language;
  /** Today as 'YYYY-MM-DD' (the workspace as-of date), for inputs like "1月5日" without a year. */
  today: string;
}

/** A parse either yields a value of the type or says why the text does not fit. */
export type ParseResult = { ok: true; value: CellValue } | { ok: false; reason: ParseProblem };
export type ParseProblem =
  | 'notNumber'
  | 'notDate'
  | 'notDateTime'
  | 'notEmail'
  | 'notUrl'
  | 'notPhone'
  | 'notBoolean'
  | 'notChoice'
  | 'outOfRange'
  | 'readOnly';

export interface FieldTypeModule {
  type: Field['type'];
  /** False for computed types (formula, lookup, roll-up, auto-number, created/modified time). */
  editable: boolean;
  /** Options a new field of this type starts with. */
  defaultOptions(): FieldOptions;
  /** Text (typed, pasted, imported) → stored value. Empty text → ok with null. */
  parse(text: string, field: Field, ctx: TypeContext): ParseResult;
  /** Stored value → the text shown in a cell (invalid values show their original text). */
  format(value: CellValue | undefined, field: Field, ctx: TypeContext): string;
  /** Stored value → plain text that `parse` of the same type reads back (copy, export, retype). */
  toText(value: CellValue | undefined, field: Field, ctx: TypeContext): string;
  /** Sort order: empty values last in ascending order; invalid values after valid ones. */
  compare(a: CellValue | undefined, b: CellValue | undefined, field: Field): number;
  /** Any stored/imported value of unknown shape → a value of this type, an InvalidValue or null. */
  repair(value: unknown, field: Field, ctx: TypeContext): CellValue;
}
