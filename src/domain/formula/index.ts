/**
 * Public entry of the formula language: field references stored by id, shown by name,
 * plus the editor's helpers (completions, highlighting) and the function catalogue.
 */
export { scanFormula, encodeReference } from './scan';
export type { ScanResult } from './scan';
export type {
  FormulaToken,
  StringToken,
  ReferenceToken,
  TextToken,
  FormulaProblem,
  FormulaProblemKind,
  FieldsById,
  Named,
} from './types';
export { getFieldById } from './types';
export { resolveFieldName } from './resolve';
export type { NamedField, NameResolution } from './resolve';
export { toStoredFormula } from './stored';
export { normalizeFormulaInput, halfWidthOf } from './normalize';
export type { StoredFormulaOptions, StoredFormulaResult } from './stored';
export { toDisplayFormula } from './display';
export type { DisplayFormula, MissingReference } from './display';
export {
  formulaDependencies,
  missingReferences,
  substituteReferences,
  collectRefNames,
  lastKnownName,
  ranksWholeColumns,
} from './references';
export { findFormulaCycle } from './cycles';
export { findArgumentCountProblem, takesCount } from './arity';
export type { ArgumentRule, ArgumentRules } from './arity';
export type { FormulaChange } from './cycles';
export { FORMULA_FUNCTIONS, CUSTOMER_FUNCTIONS } from './functions';
export type {
  FormulaFunctionInfo,
  FormulaFunctionCategory,
  FormulaFunctionName,
  CustomerFunctionName,
} from './functions';
export { suggestCompletions } from './completions';
export type { CompletionItem, Completions, CompletionOptions } from './completions';
export { highlightFormula } from './highlight';
export type { HighlightSegment, HighlightKind } from './highlight';
