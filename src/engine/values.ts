/**
 * Conversions between our values and HyperFormula's: ISO dates ↔ serial day numbers (1899-12-30
 * is serial 0), cell values → FormulaResult, and HyperFormula error types → FormulaErrorKind.
 */
import type { CellValue } from 'hyperformula';
import { DetailedCellError } from 'hyperformula';
import type { EngineValue, FormulaErrorKind, FormulaResult, InputKind } from './types';
import { isoDayNumber, SERIAL_EPOCH_DAY } from '../domain/dates';
import { FORMULA_ERROR_CODES } from '../domain/formula/errors';

/** 'YYYY-MM-DD' → serial day number, or null when not a real calendar day. */
export function isoToSerial(iso: string): number | null {
  if (iso.length !== 10) return null;
  const day = isoDayNumber(iso);
  return day === null ? null : day + SERIAL_EPOCH_DAY;
}

/**
 * What HyperFormula should store for an input value. Text is prefixed with an apostrophe so
 * '0012' or '2024-01-01' typed into a text field stays text; dates go in as ISO text, which
 * the engine's dateFormats parse into date-typed serials (so date arithmetic stays a date).
 */
export function toCellContent(value: EngineValue, kind: InputKind): EngineValue {
  if (value === null || value === '') return null;
  if (kind === 'text') return typeof value === 'string' ? `'${value}` : value;
  if (kind === 'date')
    return typeof value === 'string' && isoToSerial(value) !== null ? value : null;
  if (typeof value === 'string') return `'${value}`;
  return value;
}

const ERROR_KINDS: Record<string, FormulaErrorKind> = {
  DIV_BY_ZERO: 'DIV_BY_ZERO',
  VALUE: 'VALUE',
  NAME: 'NAME',
  REF: 'REF',
  CYCLE: 'CYCLE',
  NUM: 'NUM',
  NA: 'NA',
  ERROR: 'ERROR',
  SPILL: 'ERROR',
  LIC: 'ERROR',
};

const ERROR_TEXT: Record<FormulaErrorKind, string> = FORMULA_ERROR_CODES;

/** The display text of an error kind ('#DIV/0!', '#CYCLE!', …). */
export function errorText(kind: FormulaErrorKind): string {
  return ERROR_TEXT[kind];
}

/**
 * A result that says nothing of its column's type: none, an error, or the empty text that
 * `IF({生日} = "", "", …)` gives a customer without the value.
 */
export function isBlankResult(value: CellValue): boolean {
  return value === null || value === '' || value instanceof DetailedCellError;
}

/**
 * A HyperFormula cell value → our result (a parse error inside a cell becomes PARSE; -0, which
 * arithmetic on a zero can give, is 0, as a spreadsheet shows it).
 */
export function toResult(value: CellValue): FormulaResult {
  if (value instanceof DetailedCellError) {
    const parse = value.type === 'ERROR' && /pars/i.test(value.message);
    const kind = parse ? 'PARSE' : (ERROR_KINDS[value.type] ?? 'ERROR');
    return { error: kind, message: value.message || ERROR_TEXT[kind] };
  }
  return value === 0 ? 0 : value;
}
