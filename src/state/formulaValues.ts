/** How stored cell values feed the formula engine: one input kind and value per field type. */
import { isoDateTimeFromEpoch } from '../domain/dates';
import type { EngineValue, InputKind } from '../engine/types';
import type { CellValue, Field, TableRecord } from '../domain/model';
import { isInvalidValue } from '../domain/model';
import { yieldToEventLoop } from '../domain/pause';

export function inputKindOf(field: Field): InputKind | null {
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
    case 'rating':
    case 'autoNumber':
      return 'number';
    case 'date':
    case 'dateTime':
    case 'createdTime':
    case 'modifiedTime':
      return 'date';
    case 'checkbox':
      return 'boolean';
    case 'formula':
    case 'lookup':
    case 'rollup':
    case 'link':
      return null;
    default:
      return 'text';
  }
}

/** The local calendar day of an epoch time, as the engine takes dates. */
const isoDay = (ms: number): string => isoDateTimeFromEpoch(ms).slice(0, 10);

/** A record's value of `field` as the engine takes it; a value kept as text goes in as text. */
export function engineValueOf(field: Field, rec: TableRecord): EngineValue {
  if (field.type === 'createdTime') return isoDay(rec.createdAt);
  if (field.type === 'modifiedTime') return isoDay(rec.modifiedAt);
  const v: CellValue | undefined = rec.values[field.id];
  if (v === undefined || v === null || v === '') return null;
  if (isInvalidValue(v)) return v.invalid;
  if (Array.isArray(v)) return v.join(', ');
  if (field.type === 'dateTime' && typeof v === 'string') return v.slice(0, 10);
  return v;
}

/**
 * Records converted per task while a build prepares its input columns. Up to 100,000 rows the
 * columns are made at once and reach the worker before the grid takes the rows (the engine
 * then computes while the page builds the grid); a million rows take ten tasks.
 */
const INPUT_SLICE = 100_000;

/** A field's input column for the engine, a slice of records per task (the page keeps answering). */
export async function engineColumnOf(
  field: Field,
  records: readonly TableRecord[],
): Promise<EngineValue[]> {
  const out = new Array<EngineValue>(records.length);
  for (let at = 0; at < records.length; at += INPUT_SLICE) {
    if (at > 0) await yieldToEventLoop();
    const end = Math.min(records.length, at + INPUT_SLICE);
    for (let i = at; i < end; i++) out[i] = engineValueOf(field, records[i] as TableRecord);
  }
  return out;
}
