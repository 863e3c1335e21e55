/**
 * The skeleton every field type shares: empty text, invalid values, sort ranking and repair
 * behave the same for all types, so each type module only describes its own values.
 */
import type { CellValue, Field, FieldOptions, FieldType } from '../model';
import { isInvalidValue } from '../model';
import type { FieldTypeModule, ParseResult, TypeContext } from './fieldType';

export interface ValueSpec<T extends CellValue> {
  type: FieldType;
  /** Default true; computed types set false and never parse. */
  editable?: boolean;
  /** Text types: an InvalidValue is just text, so repair turns it back into a value. */
  absorbsInvalid?: boolean;
  defaultOptions(): FieldOptions;
  /** Non-empty text → value (empty text never reaches here). */
  parseText(text: string, field: Field, ctx: TypeContext): ParseResult;
  /** The value, normalised, when it is a well-formed stored value of this type; else undefined. */
  accept(value: unknown, field: Field): T | undefined;
  formatValue(value: T, field: Field, ctx: TypeContext): string;
  /** Defaults to formatValue. */
  textValue?(value: T, field: Field, ctx: TypeContext): string;
  compareValues(a: T, b: T, field: Field): number;
}

let zhCollator: Intl.Collator | null = null;

/**
 * One collator for every text comparison: pinyin order for Chinese, numeric runs as numbers.
 * Made on the first comparison, not when the app loads (its collation data costs ~10 ms).
 */
export const collator = {
  compare(a: string, b: string): number {
    zhCollator ??= new Intl.Collator('zh-CN', { numeric: true });
    return zhCollator.compare(a, b);
  },
};

export const ok = (value: CellValue): ParseResult => ({ ok: true, value });

/** Text for a value of unknown shape, used when it cannot be read as the type. */
export function describeUnknown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isInvalidValue(value)) return value.invalid;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.join(', ');
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isEmptyish(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** 0 = a value of the type, 1 = invalid or unreadable, 2 = empty. */
function rankOf<T extends CellValue>(spec: ValueSpec<T>, value: unknown, field: Field): number {
  if (isEmptyish(value)) return 2;
  return spec.accept(value, field) === undefined ? 1 : 0;
}

function createCompare<T extends CellValue>(spec: ValueSpec<T>): FieldTypeModule['compare'] {
  return (a, b, field) => {
    const ra = rankOf(spec, a, field);
    const rb = rankOf(spec, b, field);
    if (ra !== rb) return ra - rb;
    if (ra === 2) return 0;
    if (ra === 1) return collator.compare(describeUnknown(a), describeUnknown(b));
    return spec.compareValues(spec.accept(a, field) as T, spec.accept(b, field) as T, field);
  };
}

function createRepair<T extends CellValue>(
  spec: ValueSpec<T>,
  parse: FieldTypeModule['parse'],
): FieldTypeModule['repair'] {
  return (value, field, ctx) => {
    if (isEmptyish(value)) return null;
    if (isInvalidValue(value) && !spec.absorbsInvalid) return { invalid: value.invalid };
    const accepted = spec.accept(value, field);
    if (accepted !== undefined) return accepted;
    const text = describeUnknown(value);
    if (text.trim() === '') return null;
    const result = parse(text, field, ctx);
    return result.ok ? result.value : { invalid: text };
  };
}

function createShow<T extends CellValue>(
  spec: ValueSpec<T>,
  show: (value: T, field: Field, ctx: TypeContext) => string,
): FieldTypeModule['format'] {
  return (value, field, ctx) => {
    if (isEmptyish(value)) return '';
    if (isInvalidValue(value)) return value.invalid;
    const accepted = spec.accept(value, field);
    return accepted === undefined ? describeUnknown(value) : show(accepted, field, ctx);
  };
}

export function defineFieldType<T extends CellValue>(spec: ValueSpec<T>): FieldTypeModule {
  const editable = spec.editable ?? true;
  const parse: FieldTypeModule['parse'] = (text, field, ctx) => {
    if (!editable) return { ok: false, reason: 'readOnly' };
    if (text.trim() === '') return ok(null);
    return spec.parseText(text, field, ctx);
  };
  const textValue = spec.textValue ?? spec.formatValue;
  return {
    type: spec.type,
    editable,
    defaultOptions: spec.defaultOptions,
    parse,
    format: createShow(spec, (v, f, c) => spec.formatValue(v, f, c)),
    toText: createShow(spec, (v, f, c) => textValue(v, f, c)),
    compare: createCompare(spec),
    repair: createRepair(spec, parse),
  };
}
