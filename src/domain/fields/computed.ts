/**
 * Formula, lookup, roll-up, auto-number and created/modified time: values the app computes.
 * They are never typed (parse says readOnly); format shows whatever value they hold.
 */
import { formatEpochLocal, formatIsoDateTime, isIsoDateTime } from '../dates';
import type { Field, FieldOptions, FieldType } from '../model';
import { formatNumber, toPlainNumberText } from '../numbers';
import type { FieldTypeModule } from './fieldType';
import { collator, defineFieldType } from './base';

export type ComputedValue = string | number | boolean | string[];

export function acceptComputed(value: unknown): ComputedValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

function showOne(value: ComputedValue, field: Field, plain: boolean): string {
  if (typeof value === 'number') {
    if (plain) return toPlainNumberText(value);
    return formatNumber(value, {
      decimals: field.options.decimals,
      thousands: field.options.thousands,
    });
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return isIsoDateTime(value) ? value.replace('T', ' ') : value;
  return value.join(', ');
}

const KIND_ORDER = ['number', 'string', 'boolean', 'object'];

export function compareComputed(a: ComputedValue, b: ComputedValue): number {
  const ka = KIND_ORDER.indexOf(typeof a);
  const kb = KIND_ORDER.indexOf(typeof b);
  if (ka !== kb) return ka - kb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const ta = Array.isArray(a) ? a.join(', ') : String(a);
  const tb = Array.isArray(b) ? b.join(', ') : String(b);
  return collator.compare(ta, tb);
}

export interface ComputedSpec {
  type: FieldType;
  defaultOptions(): FieldOptions;
  /** Overrides how one value is shown (created/modified time show epoch ms as a date-time). */
  show?(value: ComputedValue, field: Field, plain: boolean): string | undefined;
}

export function createComputedType(spec: ComputedSpec): FieldTypeModule {
  const show = (plain: boolean) => (value: ComputedValue, field: Field) =>
    spec.show?.(value, field, plain) ?? showOne(value, field, plain);
  return defineFieldType<ComputedValue>({
    type: spec.type,
    editable: false,
    defaultOptions: spec.defaultOptions,
    parseText: () => ({ ok: false, reason: 'readOnly' }),
    accept: acceptComputed,
    formatValue: show(false),
    textValue: show(true),
    compareValues: compareComputed,
  });
}

/** Created/modified time: epoch ms (record.createdAt) or a stored ISO date-time. */
export function showTimestamp(
  value: ComputedValue,
  field: Field,
  plain: boolean,
): string | undefined {
  const format = plain ? 'YYYY-MM-DD' : field.options.dateFormat;
  if (typeof value === 'number') return formatEpochLocal(value, format);
  if (typeof value === 'string' && isIsoDateTime(value)) return formatIsoDateTime(value, format);
  return undefined;
}
