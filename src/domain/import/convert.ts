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

/** Distinct texts remembered per column, and when to give up on a column of unique values. */
const MEMO_MAX = 50_000;
const MEMO_PROBE = 10_000;
const MEMO_MIN_HITS = 2_000;

/**
 * parseCell once per distinct text: imported columns repeat values (dates, amounts, choices).
 * Only primitive results are shared (records never share an object). Columns of unique values
 * (ids, names, phones) stop remembering after a probe, so they pay nearly nothing for it.
 */
export function memoiseParse(parse: (text: string) => CellValue): (text: string) => CellValue {
  let memo: Map<string, CellValue> | null = new Map();
  let lookups = 0;
  let hits = 0;
  return (text) => {
    if (!memo) return parse(text);
    lookups++;
    const known = memo.get(text);
    if (known !== undefined) {
      hits++;
      return known;
    }
    const value = parse(text);
    if ((value === null || typeof value !== 'object') && memo.size < MEMO_MAX)
      memo.set(text, value);
    if (lookups === MEMO_PROBE && hits < MEMO_MIN_HITS) memo = null;
    return value;
  };
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
  private readonly parseText = memoiseParse((text) => this.parseAdding(text));

  constructor(field: Field, ctx: TypeContext) {
    this.field = { ...field, options: { ...field.options, choices: field.options.choices ?? [] } };
    this.ctx = ctx;
  }

  convert(raw: RawCell): CellValue {
    return raw === null ? null : this.parseText(rawToText(raw));
  }

  private parseAdding(text: string): CellValue {
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
  const parseText = memoiseParse((text) => parseCell(field, text, ctx));
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
      return parseText(rawToText(raw));
    },
  };
}

export function createColumnConverter(field: Field, ctx: TypeContext): ColumnConverter {
  if (field.type === 'singleSelect' || field.type === 'multiSelect') {
    return new SelectConverter(field, ctx);
  }
  return plainConverter(field, ctx);
}
