/**
 * From the user's mapping to concrete fields: the new table (or the existing one), new fields
 * with unique names, and the field each source column converts into. Pure; runs before a run.
 */
import { uniqueTableName } from '../commands/tableCommands';
import { defaultView } from '../commands/tableCommands';
import type { FieldId, TableId } from '../ids';
import { newFieldId, newTableId } from '../ids';
import { isEditableType } from '../fields';
import type { Field, Language, Table, View } from '../model';
import type { SchemaState } from '../schemaState';
import { listFields, listTables, listViews } from '../schemaState';
import type { ImportColumn } from './build';
import type { ColumnTarget, ImportSpec } from './types';

export interface ImportPlan {
  table: Table;
  isNewTable: boolean;
  views: View[];
  /** The mapped columns, in source order. */
  columns: ImportColumn[];
  /** One per source column: the field it converts into, or null when skipped. */
  sourceFields: (Field | null)[];
  /** Index into `columns` of the update-or-insert key column. */
  keyIndex?: number;
}

export class ImportPlanError extends Error {
  override name = 'ImportPlanError';
}

const DEFAULT_NAMES: Record<Language, { view: string; field: string; table: string }> = {
  'zh-CN': { view: '全部', field: '名称', table: '导入的表' },
  en: { view: 'All', field: 'Name', table: 'Imported table' },
};

/** Hands out field names not taken in the table nor by an earlier new field. */
function nameGiver(taken: readonly string[]): (name: string) => string {
  const used = new Set(taken.map((n) => n.trim().toLowerCase()));
  return (name) => {
    // Room for a " 12" suffix within the 100-character limit of field names.
    const base = name.trim().slice(0, 95) || 'Field';
    let candidate = base;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base} ${i}`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
}

function targetTable(
  schema: SchemaState,
  spec: ImportSpec,
  fileName: string,
  language: Language,
): { table: Table; isNew: boolean } {
  if (spec.mode !== 'newTable') {
    const table = spec.tableId ? schema.tables[spec.tableId] : undefined;
    if (!table) throw new ImportPlanError(`No table ${String(spec.tableId)} to import into`);
    return { table, isNew: false };
  }
  const base = spec.tableName?.trim() || fileName.replace(/\.[^.]+$/, '').trim();
  // Table names are limited to 100 characters; keep room for a " 12" suffix.
  const name = uniqueTableName(schema, base.slice(0, 95).trim() || DEFAULT_NAMES[language].table);
  const last = listTables(schema).at(-1);
  const id: TableId = newTableId();
  // The primary field is set once the fields exist (below).
  const table: Table = { id, name, order: (last?.order ?? -1) + 1, primaryFieldId: '' as FieldId };
  return { table, isNew: true };
}

/** The field a source column converts into: a new one, an editable field of the table, or none. */
function resolveField(
  schema: SchemaState,
  table: Table,
  target: ColumnTarget,
  fallbackName: string,
  giveName: (name: string) => string,
): { field: Field; isNew: boolean } | null {
  if (target.kind === 'new') {
    // Computed types cannot hold imported values: such a column comes in as text.
    const type = isEditableType(target.type) ? target.type : 'text';
    const name = giveName(target.name || fallbackName);
    const options = type === target.type ? target.options : {};
    return { field: { id: newFieldId(), tableId: table.id, name, type, options }, isNew: true };
  }
  if (target.kind !== 'field') return null;
  const f = schema.fields[target.fieldId];
  return f && f.tableId === table.id && isEditableType(f.type) ? { field: f, isNew: false } : null;
}

export function planImport(
  schema: SchemaState,
  spec: ImportSpec,
  headers: readonly string[],
  fileName: string,
  language: Language,
): ImportPlan {
  const { table, isNew } = targetTable(schema, spec, fileName, language);
  const existing = isNew ? [] : listFields(schema, table.id);
  const giveName = nameGiver(existing.map((f) => f.name));
  const columns: ImportColumn[] = [];
  const sourceFields: (Field | null)[] = [];
  let keyIndex: number | undefined;
  spec.columns.forEach((target, c) => {
    const header = headers[c] ?? '';
    const resolved = resolveField(schema, table, target, header || `${c + 1}`, giveName);
    sourceFields.push(resolved?.field ?? null);
    if (!resolved) return;
    const { field, isNew: isNewField } = resolved;
    if (spec.mode === 'upsert' && spec.keyColumn === c && !isNewField) keyIndex = columns.length;
    const policy = isNewField ? 'overwrite' : (spec.policies?.[field.id] ?? 'overwrite');
    const column: ImportColumn = { header, field, isNew: isNewField, policy };
    if (!isNewField) column.before = field;
    columns.push(column);
  });
  if (isNew) return planNewTable(table, columns, sourceFields, language);
  const views = listViews(schema, table.id);
  const plan: ImportPlan = { table, isNewTable: false, views, columns, sourceFields };
  if (keyIndex !== undefined) plan.keyIndex = keyIndex;
  return plan;
}

/** A new table needs a primary field (a mapped column, or an empty text field) and a view. */
function planNewTable(
  table: Table,
  columns: ImportColumn[],
  sourceFields: (Field | null)[],
  language: Language,
): ImportPlan {
  const names = DEFAULT_NAMES[language];
  const fields = columns.map((c) => c.field);
  let extra: ImportColumn | undefined;
  if (fields.length === 0) {
    const field: Field = {
      id: newFieldId(),
      tableId: table.id,
      name: names.field,
      type: 'text',
      options: {},
    };
    extra = { header: names.field, field, isNew: true, policy: 'overwrite' };
    fields.push(field);
  }
  // A record's title is text: a leading 序号/ID number column makes a poor one, so the first
  // text column is primary (shown first); without one, the first column.
  const primary = fields.find((f) => f.type === 'text') ?? (fields[0] as Field);
  const withPrimary: Table = { ...table, primaryFieldId: primary.id };
  const order = [primary, ...fields.filter((f) => f !== primary)];
  const view = defaultView(
    table.id,
    names.view,
    order.map((f) => f.id),
  );
  // The extra primary field has no source column: it is created but no value converts into it.
  const allColumns = extra ? [extra] : columns;
  return { table: withPrimary, isNewTable: true, views: [view], columns: allColumns, sourceFields };
}
