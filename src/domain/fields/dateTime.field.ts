import { formatIsoDateTime, isIsoDateTime, parseDateTimeText } from '../dates';
import { defineFieldType, ok } from './base';
import { DEFAULT_DATE_FORMAT, compareIsoStrings, dateParseOptions } from './date.field';

/** Local date and time stored as 'YYYY-MM-DDTHH:mm'; copied as 'YYYY-MM-DD HH:mm'. */
export const dateTimeField = defineFieldType<string>({
  type: 'dateTime',
  defaultOptions: () => ({ dateFormat: DEFAULT_DATE_FORMAT }),
  parseText(text, field, ctx) {
    const iso = parseDateTimeText(text, dateParseOptions(field, ctx));
    return iso ? ok(iso) : { ok: false, reason: 'notDateTime' };
  },
  accept: (value) => (isIsoDateTime(value) ? value : undefined),
  formatValue: (value, field) => formatIsoDateTime(value, field.options.dateFormat),
  textValue: (value) => value.replace('T', ' '),
  compareValues: compareIsoStrings,
});
