/** How stored cell values feed the formula engine: one input kind and value per field type. */
import { isoDateTimeFromEpoch } from '../domain/dates';
import type { EngineValue, InputKind } from '../engine/types';
import type { CellValue, Field, TableRecord } from '../domain/model';
import { isInvalidValue } from '../domain/model';
import { cellOf } from '../domain/packedRecords';
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
  const v: CellValue | undefined = cellOf(rec, field.id);
  if (v === undefined || v === null || v === '') return null;
  if (isInvalidValue(v)) return v.invalid;
  if (Array.isArray(v)) return v.join(', ');
  if (field.type === 'dateTime' && typeof v === 'string') return v.slice(0, 10);
  return v;
}

/** Longest stretch of one sliced loop before the page gets a turn, in ms. */
export const SLICE_MS = 8;

/**
 * Runs `step(i)` for i = 0 … count-1, yielding to the event loop whenever a slice of `sliceMs`
 * is used up. The clock is read every `checkEvery` steps (a power of two; a step is expected to
 * take microseconds, but a step that can take milliseconds needs a smaller one).
 */
export async function runSlicedLoop(
  count: number,
  step: (i: number) => void,
  sliceMs = SLICE_MS,
  checkEvery = 256,
): Promise<void> {
  const mask = checkEvery - 1;
  let t0 = performance.now();
  for (let i = 0; i < count; i++) {
    step(i);
    if ((i & mask) === mask && performance.now() - t0 >= sliceMs) {
      await yieldToEventLoop();
      t0 = performance.now();
    }
  }
}

/** The fields' input columns for the engine, in one pass over the records, sliced by time. */
export async function engineColumnsOf(
  fields: readonly Field[],
  records: readonly TableRecord[],
): Promise<Map<Field['id'], EngineValue[]>> {
  const columns = fields.map((field) => ({ field, values: [] as EngineValue[] }));
  await runSlicedLoop(records.length, (i) => {
    const rec = records[i] as TableRecord;
    for (const c of columns) c.values.push(engineValueOf(c.field, rec));
  });
  return new Map(columns.map((c) => [c.field.id, c.values]));
}
