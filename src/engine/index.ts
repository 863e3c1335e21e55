/**
 * Public entry of the formula engine (the only module that imports HyperFormula); src/state
 * creates one TableEngine per table and feeds it stored formulas and input columns.
 */
export { createTableEngine } from './tableEngine';
export { argumentRule } from './arity';
export { CUSTOMER_FUNCTIONS } from './crmPlugin';
export { errorText, isoToSerial } from './values';
export { EngineUsageError } from './types';
export type {
  BuildProgress,
  CellChange,
  ChangedCells,
  EngineValue,
  FormulaColumn,
  FormulaError,
  FormulaErrorKind,
  FormulaResult,
  InputColumn,
  InputKind,
  ResultType,
  RowValues,
  SubstituteReferences,
  TableEngine,
  TableEngineOptions,
  ValidationResult,
} from './types';
