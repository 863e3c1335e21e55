/**
 * The functions the formula editor offers: the built-in customer functions (crm-model.md) and
 * the most useful HyperFormula ones. Descriptions are UI text and live in the i18n catalogue,
 * keyed by `name`; optional parameters are in brackets. The argument counts a call may have are
 * the engine's (engine/arity.ts), for these and every other function.
 */

export type FormulaFunctionCategory =
  'customer' | 'logic' | 'math' | 'text' | 'date' | 'lookup' | 'stats';

export interface FormulaFunctionInfo {
  /** Upper-case name as typed in formulas; also the stable key for descriptions. */
  readonly name: string;
  readonly signature: string;
  readonly category: FormulaFunctionCategory;
}

const fn = <N extends string>(
  category: FormulaFunctionCategory,
  name: N,
  params: string,
): FormulaFunctionInfo & { readonly name: N } => ({
  name,
  signature: `${name}(${params})`,
  category,
});

/** The customer functions of crm-model.md, registered by the engine as a plugin. */
export const CUSTOMER_FUNCTIONS = [
  fn('customer', 'RFM_R', 'days [, count | , b1, b2, b3, b4]'),
  fn('customer', 'RFM_F', 'count [, b1, b2, b3, b4]'),
  fn('customer', 'RFM_M', 'amount [, count | , b1, b2, b3, b4]'),
  fn('customer', 'RFM_SCORE', 'days, count, amount'),
  fn('customer', 'RFM_SEGMENT', 'days, count, amount'),
  fn('customer', 'LIFECYCLE_STAGE', 'last_purchase_date, count [, active, silent, dormant]'),
  fn('customer', 'LOYALTY_STAGE', 'count [, referrals]'),
  fn('customer', 'LOYALTY_TIER', 'value [, silver, gold, diamond]'),
  fn('customer', 'CHURN_RISK', 'first_purchase_date, last_purchase_date, count'),
  fn('customer', 'DAYS_SINCE', 'date'),
  fn('customer', 'NEXT_BIRTHDAY_IN', 'date'),
] as const;

/** The customer functions whose quintile forms rank a row against its whole column. */
export const RANKING_FUNCTIONS: ReadonlySet<string> = new Set([
  'RFM_R',
  'RFM_F',
  'RFM_M',
  'RFM_SCORE',
  'RFM_SEGMENT',
]);

const LOGIC_FUNCTIONS = [
  fn('logic', 'IF', 'condition, value_if_true [, value_if_false]'),
  fn('logic', 'IFS', 'condition1, value1 [, condition2, value2, …]'),
  fn('logic', 'IFERROR', 'value, value_if_error'),
  fn('logic', 'IFNA', 'value, value_if_na'),
  fn('logic', 'SWITCH', 'expression, case1, value1 [, case2, value2, …] [, default]'),
  fn('logic', 'AND', 'logical1 [, logical2, …]'),
  fn('logic', 'OR', 'logical1 [, logical2, …]'),
  fn('logic', 'NOT', 'logical'),
  fn('logic', 'ISBLANK', 'value'),
  fn('logic', 'ISNUMBER', 'value'),
  fn('logic', 'ISTEXT', 'value'),
  fn('logic', 'ISERROR', 'value'),
] as const;

const MATH_FUNCTIONS = [
  fn('math', 'SUM', 'number1 [, number2, …]'),
  fn('math', 'SUMIF', 'range, criterion [, sum_range]'),
  fn('math', 'PRODUCT', 'number1 [, number2, …]'),
  fn('math', 'ROUND', 'number, digits'),
  fn('math', 'ROUNDUP', 'number, digits'),
  fn('math', 'ROUNDDOWN', 'number, digits'),
  fn('math', 'CEILING', 'number, significance'),
  fn('math', 'FLOOR', 'number, significance'),
  fn('math', 'TRUNC', 'number [, digits]'),
  fn('math', 'INT', 'number'),
  fn('math', 'ABS', 'number'),
  fn('math', 'MOD', 'dividend, divisor'),
  fn('math', 'POWER', 'base, exponent'),
  fn('math', 'SQRT', 'number'),
  fn('math', 'N', 'value'),
] as const;

const STATS_FUNCTIONS = [
  fn('stats', 'AVERAGE', 'number1 [, number2, …]'),
  fn('stats', 'AVERAGEIF', 'range, criterion [, average_range]'),
  fn('stats', 'MIN', 'number1 [, number2, …]'),
  fn('stats', 'MAX', 'number1 [, number2, …]'),
  fn('stats', 'MEDIAN', 'number1 [, number2, …]'),
  fn('stats', 'COUNT', 'value1 [, value2, …]'),
  fn('stats', 'COUNTA', 'value1 [, value2, …]'),
  fn('stats', 'COUNTIF', 'range, criterion'),
] as const;

const TEXT_FUNCTIONS = [
  fn('text', 'CONCATENATE', 'text1 [, text2, …]'),
  fn('text', 'TEXTJOIN', 'delimiter, ignore_empty, text1 [, text2, …]'),
  fn('text', 'TEXT', 'value, format'),
  fn('text', 'LEFT', 'text [, count]'),
  fn('text', 'RIGHT', 'text [, count]'),
  fn('text', 'MID', 'text, start, count'),
  fn('text', 'LEN', 'text'),
  fn('text', 'UPPER', 'text'),
  fn('text', 'LOWER', 'text'),
  fn('text', 'PROPER', 'text'),
  fn('text', 'TRIM', 'text'),
  fn('text', 'SUBSTITUTE', 'text, old_text, new_text [, occurrence]'),
  fn('text', 'REPLACE', 'text, start, count, new_text'),
  fn('text', 'FIND', 'search_for, text [, start]'),
  fn('text', 'SEARCH', 'search_for, text [, start]'),
  fn('text', 'REPT', 'text, times'),
  fn('text', 'EXACT', 'text1, text2'),
  fn('text', 'VALUE', 'text'),
  fn('text', 'T', 'value'),
] as const;

const DATE_FUNCTIONS = [
  fn('date', 'TODAY', ''),
  fn('date', 'NOW', ''),
  fn('date', 'DATE', 'year, month, day'),
  fn('date', 'DATEVALUE', 'text'),
  fn('date', 'YEAR', 'date'),
  fn('date', 'MONTH', 'date'),
  fn('date', 'DAY', 'date'),
  fn('date', 'WEEKDAY', 'date [, type]'),
  fn('date', 'DATEDIF', 'start_date, end_date, unit'),
  fn('date', 'DAYS', 'end_date, start_date'),
  fn('date', 'EDATE', 'start_date, months'),
  fn('date', 'EOMONTH', 'start_date, months'),
  fn('date', 'NETWORKDAYS', 'start_date, end_date [, holidays]'),
  fn('date', 'WORKDAY', 'start_date, days [, holidays]'),
] as const;

const LOOKUP_FUNCTIONS = [
  fn('lookup', 'VLOOKUP', 'search_key, range, index [, is_sorted]'),
  fn('lookup', 'HLOOKUP', 'search_key, range, index [, is_sorted]'),
  fn('lookup', 'XLOOKUP', 'search_key, lookup_range, result_range [, if_not_found]'),
  fn('lookup', 'INDEX', 'range, row [, column]'),
  fn('lookup', 'MATCH', 'search_key, range [, match_type]'),
  fn('lookup', 'CHOOSE', 'index, value1 [, value2, …]'),
] as const;

/** Everything offered for autocomplete: customer functions first, then by category. */
export const FORMULA_FUNCTIONS = [
  ...CUSTOMER_FUNCTIONS,
  ...LOGIC_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...STATS_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...LOOKUP_FUNCTIONS,
] as const satisfies readonly FormulaFunctionInfo[];

/** The stable key of a catalogued function (use it for i18n description keys). */
export type FormulaFunctionName = (typeof FORMULA_FUNCTIONS)[number]['name'];
export type CustomerFunctionName = (typeof CUSTOMER_FUNCTIONS)[number]['name'];
