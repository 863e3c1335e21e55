import { formatIsoDate, isIsoDate, parseDateText } from '../dates';
import type { DateParseOptions } from '../dates';
import type { DateFormat, Field } from '../model';
import type { TypeContext } from './fieldType';
import { defineFieldType, ok } from './base';

export const DEFAULT_DATE_FORMAT: DateFormat = 'YYYY-MM-DD';

/** Ambiguous 05/01/2024 follows the field's own display order (month first only for MM/DD). */
export function dateParseOptions(field: Field, ctx: TypeContext): DateParseOptions {
  return { today: ctx.today, dayFirst: field.options.dateFormat !== 'MM/DD/YYYY' };
}

/** ISO dates and date-times sort chronologically as plain strings. */
export function compareIsoStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar dates stored as 'YYYY-MM-DD'; copied as ISO so that they read back unambiguously. */
export const dateField = defineFieldType<string>({
  type: 'date',
  defaultOptions: () => ({ dateFormat: DEFAULT_DATE_FORMAT }),
  parseText(text, field, ctx) {
    const iso = parseDateText(text, dateParseOptions(field, ctx));
    return iso ? ok(iso) : { ok: false, reason: 'notDate' };
  },
  accept: (value) => (isIsoDate(value) ? value : undefined),
  formatValue: (value, field) => formatIsoDate(value, field.options.dateFormat),
  textValue: (value) => value,
  compareValues: compareIsoStrings,
});
