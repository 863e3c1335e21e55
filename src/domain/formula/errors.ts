/** Formula error kinds and the codes a cell shows for them, shared by the engine and the grid. */
export const FORMULA_ERROR_CODES = {
  DIV_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  NAME: '#NAME?',
  REF: '#REF!',
  CYCLE: '#CYCLE!',
  NUM: '#NUM!',
  NA: '#N/A',
  PARSE: '#ERROR!',
  ERROR: '#ERROR!',
} as const;

export type FormulaErrorKind = keyof typeof FORMULA_ERROR_CODES;
