/** How stored cell values feed the formula engine: one input kind and value per field type. */
import type { EngineValue, InputKind } from '../engine/types';
import type { CellValue, Field, TableRecord } from '../domain/model';
import { isInvalidValue } from '../domain/model';

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

function isoDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

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
