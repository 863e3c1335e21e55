/**
 * The one door to the field types: look up a type's module, and parse, format, compare or
 * repair a cell. Import, paste, typing and storage all go through here.
 */
import { assertNever } from '../changes';
import type { CellValue, Field, FieldType } from '../model';
import type { FieldTypeModule, TypeContext } from './fieldType';
import { autoNumberField } from './autoNumber.field';
import { checkboxField } from './checkbox.field';
import { createdTimeField } from './createdTime.field';
import { currencyField } from './currency.field';
import { dateField } from './date.field';
import { dateTimeField } from './dateTime.field';
import { emailField } from './email.field';
import { formulaField } from './formula.field';
import { linkField } from './link.field';
import { longTextField } from './longText.field';
import { lookupField } from './lookup.field';
import { modifiedTimeField } from './modifiedTime.field';
import { multiSelectField } from './multiSelect.field';
import { numberField } from './number.field';
import { percentField } from './percent.field';
import { phoneField } from './phone.field';
import { ratingField } from './rating.field';
import { rollupField } from './rollup.field';
import { singleSelectField } from './singleSelect.field';
import { textField } from './text.field';
import { urlField } from './url.field';

export function getFieldType(type: FieldType): FieldTypeModule {
  switch (type) {
    case 'text':
      return textField;
    case 'longText':
      return longTextField;
    case 'number':
      return numberField;
    case 'currency':
      return currencyField;
    case 'percent':
      return percentField;
    case 'date':
      return dateField;
    case 'dateTime':
      return dateTimeField;
    case 'singleSelect':
      return singleSelectField;
    case 'multiSelect':
      return multiSelectField;
    case 'checkbox':
      return checkboxField;
    case 'phone':
      return phoneField;
    case 'email':
      return emailField;
    case 'url':
      return urlField;
    case 'rating':
      return ratingField;
    case 'link':
      return linkField;
    case 'lookup':
      return lookupField;
    case 'rollup':
      return rollupField;
    case 'formula':
      return formulaField;
    case 'autoNumber':
      return autoNumberField;
    case 'createdTime':
      return createdTimeField;
    case 'modifiedTime':
      return modifiedTimeField;
    default:
      return assertNever(type);
  }
}

/** False for computed types and links: the user never types into them. */
export function isEditableType(type: FieldType): boolean {
  return getFieldType(type).editable;
}

/**
 * Typed/pasted/imported text → the value to store. Text that does not fit is kept as
 * `{ invalid: text }`, never dropped. Read-only types store nothing (null): callers skip
 * them (see isEditableType) rather than write into computed columns.
 */
export function parseCell(field: Field, text: string, ctx: TypeContext): CellValue {
  const result = getFieldType(field.type).parse(text, field, ctx);
  if (result.ok) return result.value;
  return result.reason === 'readOnly' ? null : { invalid: text };
}

/** The text shown in a cell. */
export function formatCell(field: Field, value: CellValue | undefined, ctx: TypeContext): string {
  return getFieldType(field.type).format(value, field, ctx);
}

/** Plain text that parseCell reads back (copy, export, retype). */
export function cellToText(field: Field, value: CellValue | undefined, ctx: TypeContext): string {
  return getFieldType(field.type).toText(value, field, ctx);
}

/** Ascending order: values, then invalid values, then empty cells. */
export function compareCells(
  field: Field,
  a: CellValue | undefined,
  b: CellValue | undefined,
): number {
  return getFieldType(field.type).compare(a, b, field);
}

/** A stored or imported value of unknown shape → a value of the field's type, invalid, or null. */
export function repairCell(field: Field, value: unknown, ctx: TypeContext): CellValue {
  return getFieldType(field.type).repair(value, field, ctx);
}
