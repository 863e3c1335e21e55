/**
 * Retyping a column: each value goes through the old type's toText and the new type's parse,
 * with direct paths where text would lose meaning. Nothing is dropped silently: a value that
 * does not fit becomes `{ invalid: originalText }`, and retyping back repairs it.
 */
import type { CellValue, Field, FieldOptions, FieldType } from '../model';
import { isEmptyValue, isInvalidValue } from '../model';
import type { TypeContext } from './fieldType';
import { addMissingChoices, findChoice, splitChoiceText } from './choices';
import { getFieldType } from './index';

const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(['number', 'currency', 'percent']);
/** Types whose numbers mean a quantity (not a timestamp), so a number target keeps them. */
const NUMERIC_SOURCES: ReadonlySet<FieldType> = new Set([
  ...NUMBER_TYPES,
  'rating',
  'autoNumber',
  'formula',
  'rollup',
  'lookup',
]);
const SELECT_TYPES: ReadonlySet<FieldType> = new Set(['singleSelect', 'multiSelect']);

/** Which options survive a retype into each type (e.g. a select's choices and colours). */
const CARRIED_OPTIONS: Partial<Record<FieldType, (keyof FieldOptions)[]>> = {
  number: ['decimals', 'thousands'],
  currency: ['decimals', 'currencySymbol'],
  percent: ['decimals'],
  date: ['dateFormat'],
  dateTime: ['dateFormat'],
  createdTime: ['dateFormat'],
  modifiedTime: ['dateFormat'],
  singleSelect: ['choices'],
  multiSelect: ['choices'],
  rating: ['max'],
};

function parseOrInvalid(text: string, to: Field, ctx: TypeContext): CellValue {
  const result = getFieldType(to.type).parse(text, to, ctx);
  return result.ok ? result.value : { invalid: text };
}

function convertDirect(value: CellValue, from: Field, to: Field): CellValue | undefined {
  const numeric = typeof value === 'number' && NUMERIC_SOURCES.has(from.type);
  if (NUMBER_TYPES.has(to.type)) {
    if (numeric) return value;
    if (typeof value === 'boolean') return value ? 1 : 0;
  }
  if (to.type === 'checkbox' && numeric) return value !== 0;
  if (to.type === 'multiSelect' && from.type === 'singleSelect' && typeof value === 'string') {
    const choice = findChoice(to, value);
    return choice ? [choice.name] : { invalid: value };
  }
  return undefined;
}

/** One value of field `from` → a value of field `to` (whose options are final). */
export function convertValue(
  value: CellValue | undefined,
  from: Field,
  to: Field,
  ctx: TypeContext,
): CellValue {
  if (value === undefined || isEmptyValue(value)) return null;
  if (!getFieldType(to.type).editable) return null;
  if (isInvalidValue(value)) return parseOrInvalid(value.invalid, to, ctx);
  const direct = convertDirect(value, from, to);
  if (direct !== undefined) return direct;
  const text = getFieldType(from.type).toText(value, from, ctx);
  return text.trim() === '' ? null : parseOrInvalid(text, to, ctx);
}

function carryOptions(from: Field, toType: FieldType): FieldOptions {
  const options = getFieldType(toType).defaultOptions();
  for (const key of CARRIED_OPTIONS[toType] ?? []) {
    const v = from.options[key];
    if (v !== undefined) Object.assign(options, { [key]: v });
  }
  return options;
}

/** The choice names a value brings into a select field (a 2-tag value brings none to a single select). */
function choiceNamesOf(
  value: CellValue | undefined,
  from: Field,
  to: Field,
  ctx: TypeContext,
): string[] {
  if (value === undefined || isEmptyValue(value) || from.type === 'link') return [];
  if (Array.isArray(value) && from.type === 'multiSelect') {
    return to.type === 'multiSelect' || value.length === 1 ? value : [];
  }
  const text = isInvalidValue(value)
    ? value.invalid
    : getFieldType(from.type).toText(value, from, ctx);
  return to.type === 'multiSelect' ? splitChoiceText(text) : [text.trim()];
}

function addChoicesFor(
  field: Field,
  from: Field,
  values: readonly (CellValue | undefined)[],
  ctx: TypeContext,
): Field {
  const names = values.flatMap((v) => choiceNamesOf(v, from, field, ctx));
  const choices = addMissingChoices(field.options.choices ?? [], names);
  return { ...field, options: { ...field.options, choices } };
}

export interface RetypePlan {
  /** The field with its new type and options (selects gain the choices their values need). */
  field: Field;
  values: CellValue[];
  /** Non-empty values that became values of the new type. */
  converted: number;
  /** Non-empty values kept as their text and flagged. */
  invalid: number;
  /** Values that were empty before. */
  empty: number;
  /** Non-empty values replaced because the new type computes its own (formula, link…). */
  cleared: number;
}

function numberRows(field: Field, values: readonly (CellValue | undefined)[]): RetypePlan {
  const empty = values.filter((v) => v === undefined || isEmptyValue(v)).length;
  const options = { ...field.options, nextNumber: values.length + 1 };
  const numbered = values.map((_, i) => i + 1);
  return {
    field: { ...field, options },
    values: numbered,
    converted: 0,
    invalid: 0,
    empty,
    cleared: values.length - empty,
  };
}

/** Converts a whole column (rows in the given order) for the retype preview and command. */
export function planRetype(
  from: Field,
  toType: FieldType,
  toOptions: FieldOptions | undefined,
  values: readonly (CellValue | undefined)[],
  ctx: TypeContext,
): RetypePlan {
  let field: Field = { ...from, type: toType, options: toOptions ?? carryOptions(from, toType) };
  if (toType === 'autoNumber') return numberRows(field, values);
  if (SELECT_TYPES.has(toType)) field = addChoicesFor(field, from, values, ctx);
  const editable = getFieldType(toType).editable;
  const plan: RetypePlan = { field, values: [], converted: 0, invalid: 0, empty: 0, cleared: 0 };
  for (const value of values) {
    const result = convertValue(value, from, field, ctx);
    plan.values.push(result);
    if (value === undefined || isEmptyValue(value)) plan.empty += 1;
    else if (isInvalidValue(result)) plan.invalid += 1;
    else if (result === null && editable)
      plan.empty += 1; // whitespace-only text
    else if (result === null) plan.cleared += 1;
    else plan.converted += 1;
  }
  return plan;
}
