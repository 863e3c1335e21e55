/**
 * Shape checks for everything read from a backup file: nothing reaches the database unless
 * every entity has the fields the app relies on and every reference points somewhere real.
 */
import type { CellValue, Field, Table, TableRecord, View, WorkspaceMeta } from '../../domain/model';
import { FIELD_TYPES, isInvalidValue } from '../../domain/model';
import type { BackupHeader } from './format';
import { BACKUP_FORMAT } from './format';

type Obj = Record<string, unknown>;

function isObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const FIELD_TYPE_SET: ReadonlySet<string> = new Set(FIELD_TYPES);

export function isBackupHeaderLike(x: unknown): x is Obj & { format: string; version: number } {
  return isObject(x) && x.format === BACKUP_FORMAT && isNumber(x.version);
}

function isMeta(x: unknown): x is WorkspaceMeta {
  return isObject(x) && isString(x.id) && isString(x.name) && isNumber(x.createdAt);
}

function isTable(x: unknown): x is Table {
  return (
    isObject(x) &&
    isString(x.id) &&
    isString(x.name) &&
    isNumber(x.order) &&
    isString(x.primaryFieldId)
  );
}

function isField(x: unknown): x is Field {
  return (
    isObject(x) &&
    isString(x.id) &&
    isString(x.tableId) &&
    isString(x.name) &&
    isString(x.type) &&
    FIELD_TYPE_SET.has(x.type) &&
    isObject(x.options)
  );
}

function isView(x: unknown): x is View {
  return (
    isObject(x) &&
    isString(x.id) &&
    isString(x.tableId) &&
    isString(x.name) &&
    isNumber(x.order) &&
    Array.isArray(x.columns) &&
    x.columns.every((c) => isObject(c) && isString(c.fieldId)) &&
    Array.isArray(x.sorts) &&
    Array.isArray(x.filters) &&
    (x.filterMode === 'and' || x.filterMode === 'or')
  );
}

export function isCellValue(x: unknown): x is CellValue {
  if (x === null || isString(x) || typeof x === 'boolean' || isNumber(x)) return true;
  if (Array.isArray(x)) return x.every(isString);
  return isInvalidValue(x);
}

function hasUniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}

/** The header's entities, or null when any is malformed or points at something missing. */
export function readHeaderEntities(x: Obj): BackupHeader | null {
  const { meta, tables, fields, views } = x;
  if (!isMeta(meta) || !Array.isArray(tables) || !Array.isArray(fields) || !Array.isArray(views))
    return null;
  if (!tables.every(isTable) || !fields.every(isField) || !views.every(isView)) return null;
  if (!hasUniqueIds(tables) || !hasUniqueIds(fields) || !hasUniqueIds(views)) return null;
  const tableIds = new Set<string>(tables.map((t) => t.id));
  const fieldIds = new Set<string>(fields.map((f) => f.id));
  if (!fields.every((f) => tableIds.has(f.tableId))) return null;
  if (!views.every((v) => tableIds.has(v.tableId))) return null;
  if (!tables.every((t) => fieldIds.has(t.primaryFieldId))) return null;
  const createdAt = isNumber(x.createdAt) ? x.createdAt : 0;
  return {
    format: BACKUP_FORMAT,
    version: x.version as number,
    createdAt,
    meta,
    tables,
    fields,
    views,
  };
}

/** A record whose table exists and whose every value has a stored-value shape. */
export function isBackupRecord(x: unknown, tableIds: ReadonlySet<string>): x is TableRecord {
  if (!isObject(x) || !isString(x.id) || !isString(x.tableId) || !tableIds.has(x.tableId))
    return false;
  if (!isNumber(x.order) || !isNumber(x.createdAt) || !isNumber(x.modifiedAt)) return false;
  const values = x.values;
  if (!isObject(values)) return false;
  for (const key in values) if (!isCellValue(values[key])) return false;
  return true;
}
