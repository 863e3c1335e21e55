/** How formula results show in the grid: the column's result format, errors as #CODE with an explanation. */
import type { TFunction } from 'i18next';
import { formatCell } from '../../domain/fields';
import type { TypeContext } from '../../domain/fields/fieldType';
import type { Field } from '../../domain/model';
import type { FormulaResult } from '../../state/formulas';
import type { FormulaErrorKind } from '../../domain/formula/errors';
import { FORMULA_ERROR_CODES } from '../../domain/formula/errors';
import { toDisplayFormula } from '../../domain/formula/display';
import { inDateFormat } from '../../domain/formula/results';
import type { FieldsById } from '../../domain/formula/types';
import { asCurrencyOf, formulaMoneyField } from '../../domain/formula/money';

export function isFormulaError(v: unknown): v is { error: FormulaErrorKind; message?: string } {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/**
 * Formats a result as the field's result format asks ('auto' follows the result type, and
 * shows money as the currency field it comes from; `fields` are the schema's, to tell).
 */
export function formatFormulaResult(
  field: Field,
  given: FormulaResult | undefined,
  resultType: string | undefined,
  ctx: TypeContext,
  fields?: FieldsById<Field>,
): string {
  const result = inDateFormat(field, given);
  if (result === undefined || result === null || result === '') return '';
  if (isFormulaError(result)) return FORMULA_ERROR_CODES[result.error] ?? '#ERROR!';
  const format = field.options.formulaFormat ?? 'auto';
  const as = (type: Field['type']): string =>
    formatCell({ ...field, type, options: field.options }, result as never, ctx);
  if (typeof result === 'boolean') return as('checkbox');
  if (typeof result === 'number') {
    if (format === 'currency') return as('currency');
    if (format === 'percent') return as('percent');
    const money = formulaMoneyField(field, fields);
    if (money !== null) return formatCell(asCurrencyOf(field, money), result, ctx);
    return as('number');
  }
  if (format === 'date' || resultType === 'date') return as('date');
  return String(result);
}

/**
 * Explains an error result; `deleted` names the fields the column's formula refers to that no
 * longer exist (the usual cause of #REF!).
 */
export function formulaErrorTooltip(
  result: unknown,
  t: TFunction,
  deleted: readonly string[] = [],
): string | undefined {
  if (!isFormulaError(result)) return undefined;
  const code = FORMULA_ERROR_CODES[result.error];
  if (result.error === 'REF' && deleted.length > 0)
    return t('formulaErrors.REF_deleted', {
      code,
      names: deleted.map((n) => `“${n}”`),
      count: deleted.length,
    });
  return t(`formulaErrors.${result.error}`, { code });
}

/** The last known names of the fields `field`'s formula refers to that are not in `fields`. */
export function deletedReferenceNames(field: Field, fields: FieldsById): string[] {
  const formula = field.type === 'formula' ? field.options.formula : undefined;
  if (!formula) return [];
  return toDisplayFormula(formula, fields, field.options.formulaRefNames).missing.map(
    (m) => m.name,
  );
}
