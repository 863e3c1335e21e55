/** Formula results as their column shows them, whatever the grid or an export does with them. */
import { isoFromSerialDay } from '../dates';
import type { Field } from '../model';

/**
 * A number in a column set to the Date format is the date it counts (days since 1899-12-30, as
 * a spreadsheet reads it), as 'YYYY-MM-DD', shown and exported like a date result; a number
 * outside years 1–9999, and any other result, stay as they are.
 */
export function inDateFormat<T>(field: Field, result: T): T | string {
  if (typeof result !== 'number' || field.options.formulaFormat !== 'date') return result;
  return isoFromSerialDay(result) ?? result;
}
