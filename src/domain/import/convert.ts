/**
 * Source cell → stored value, one converter per mapped column chosen once. Text goes through
 * parseCell so imported values equal typed ones; spreadsheet numbers and booleans stay as they are.
 */
import type { TypeContext } from '../fields/fieldType';
import { addMissingChoices, splitChoiceText } from '../fields/choices';
import { parseCell } from '../fields';
import type { CellValue, Field, FieldType } from '../model';
import { isInvalidValue } from '../model';
import { roundNoise } from '../numbers';
import type { ImportProblemReason, RawCell } from './types';

export interface ColumnConverter {
  /** The field as it stands after conversion (select fields gain the choices met). */
  readonly field: Field;
  /** Null for an empty cell; `{invalid}` when the value does not fit. */
  convert(raw: RawCell): CellValue;
  /** Why an `{invalid}` value of this column did not fit. */
  readonly reason: ImportProblemReason;
}

const NUMERIC: ReadonlySet<FieldType> = new Set(['number', 'currency', 'percent']);

export function reasonForType(type: FieldType): ImportProblemReason {
  switch (type) {
    case 'number':
    case 'currency':
    case 'percent':
    case 'rating':
      return 'notNumber';
    case 'date':
      return 'notDate';
    case 'dateTime':
      return 'notDateTime';
    case 'email':
      return 'notEmail';
    case 'url':
      return 'notUrl';
    case 'phone':
      return 'notPhone';
    case 'singleSelect':
    case 'multiSelect':
      return 'notChoice';
    case 'checkbox':
      return 'notBoolean';
    default:
      return 'notValue';
  }
}

/** Text of a source cell as a user would have typed it (numbers without float noise). */
export function rawToText(raw: RawCell): string {
  if (raw === null) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') return String(roundNoise(raw));
  return raw ? 'TRUE' : 'FALSE';
}

/** Select fields take every name they meet as a new choice: imported values are never lost. */
class SelectConverter implements ColumnConverter {
  field: Field;
  readonly reason: ImportProblemReason = 'notChoice';
  private readonly ctx: TypeContext;

  constructor(field: Field, ctx: TypeContext) {
    this.field = { ...field, options: { ...field.options, choices: field.options.choices ?? [] } };
    this.ctx = ctx;
  }

  convert(raw: RawCell): CellValue {
    const text = rawToText(raw);
    if (text.trim() === '') return null;
    const first = parseCell(this.field, text, this.ctx);
    if (!isInvalidValue(first)) return first;
    const names = this.field.type === 'multiSelect' ? splitChoiceText(text) : [text.trim()];
    const choices = addMissingChoices(this.field.options.choices ?? [], names);
    this.field = { ...this.field, options: { ...this.field.options, choices } };
    return parseCell(this.field, text, this.ctx);
  }
}

function plainConverter(field: Field, ctx: TypeContext): ColumnConverter {
  const numeric = NUMERIC.has(field.type);
  const checkbox = field.type === 'checkbox';
  return {
    field,
    reason: reasonForType(field.type),
    convert(raw) {
      if (raw === null) return null;
      if (typeof raw === 'number') {
        // Spreadsheet numbers are numbers already; 25% in Excel is the number 0.25.
        if (numeric) return Number.isFinite(raw) ? raw : { invalid: String(raw) };
      } else if (typeof raw === 'boolean') {
        if (checkbox) return raw;
      } else if (raw === '') return null;
      return parseCell(field, rawToText(raw), ctx);
    },
  };
}

export function createColumnConverter(field: Field, ctx: TypeContext): ColumnConverter {
  if (field.type === 'singleSelect' || field.type === 'multiSelect') {
    return new SelectConverter(field, ctx);
  }
  return plainConverter(field, ctx);
}
