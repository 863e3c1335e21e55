/** Table operations as commands: create, rename, duplicate, delete (all undoable). */
import type { Change, Command } from '../changes';
import { substituteReferences } from '../formula/references';
import type { FieldId, RecordId, TableId } from '../ids';
import { newFieldId, newRecordId, newTableId, newViewId } from '../ids';
import type { Field, FieldOptions, Table, TableRecord, View } from '../model';
import type { SchemaState } from '../schemaState';
import { listFields, listTables, listViews } from '../schemaState';

export type TableNameProblem = 'nameEmpty' | 'nameTaken' | 'nameTooLong';

export function validateTableName(
  state: SchemaState,
  name: string,
  exceptId?: TableId,
): TableNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'nameEmpty';
  if (trimmed.length > 100) return 'nameTooLong';
  const lower = trimmed.toLowerCase();
  return listTables(state).some((t) => t.id !== exceptId && t.name.trim().toLowerCase() === lower)
    ? 'nameTaken'
    : null;
}

export function uniqueTableName(state: SchemaState, base: string): string {
  if (validateTableName(state, base) === null) return base;
  for (let i = 2; ; i++)
    if (validateTableName(state, `${base} ${i}`) === null) return `${base} ${i}`;
}

export function defaultView(tableId: TableId, name: string, fieldIds: readonly FieldId[]): View {
  return {
    id: newViewId(),
    tableId,
    name,
    order: 0,
    columns: fieldIds.map((fieldId) => ({ fieldId })),
    sorts: [],
    filters: [],
    filterMode: 'and',
  };
}

/** A new table with one text field (the primary) and one default view. */
export function createTableCommand(
  state: SchemaState,
  names: { table: string; primaryField: string; view: string },
  now: number,
): { command: Command; table: Table; view: View } {
  const tableId = newTableId();
  const field: Field = {
    id: newFieldId(),
    tableId,
    name: names.primaryField,
    type: 'text',
    options: {},
  };
  const last = listTables(state).at(-1);
  const table: Table = {
    id: tableId,
    name: names.table.trim(),
    order: (last?.order ?? -1) + 1,
    primaryFieldId: field.id,
  };
  const view = defaultView(tableId, names.view, [field.id]);
  const changes: Change[] = [
    { kind: 'table', id: tableId, after: table },
    { kind: 'field', id: field.id, after: field },
    { kind: 'view', id: view.id, after: view },
  ];
  return { command: { label: 'history.createTable', changes, at: now }, table, view };
}

export function renameTableCommand(table: Table, name: string, now: number): Command {
  const after = { ...table, name: name.trim() };
  return {
    label: 'history.renameTable',
    changes: [{ kind: 'table', id: table.id, before: table, after }],
    at: now,
  };
}

/** Deleting a table removes its fields, views and records; undo brings all of them back. */
export function deleteTableCommand(
  state: SchemaState,
  tableId: TableId,
  records: readonly TableRecord[],
  now: number,
): Command | null {
  const table = state.tables[tableId];
  if (!table) return null;
  const changes: Change[] = [];
  for (const r of records) changes.push({ kind: 'record', id: r.id, before: r });
  for (const v of listViews(state, tableId)) changes.push({ kind: 'view', id: v.id, before: v });
  for (const f of listFields(state, tableId)) changes.push({ kind: 'field', id: f.id, before: f });
  changes.push({ kind: 'table', id: tableId, before: table });
  return { label: 'history.deleteTable', changes, at: now };
}

/** A copy of the table with new ids for everything, its fields, views and records. */
export function duplicateTableCommand(
  state: SchemaState,
  tableId: TableId,
  records: readonly TableRecord[],
  name: string,
  now: number,
): { command: Command; table: Table } | null {
  const source = state.tables[tableId];
  if (!source) return null;
  const newId = newTableId();
  const fieldMap = new Map<FieldId, FieldId>();
  for (const f of listFields(state, tableId)) fieldMap.set(f.id, newFieldId());
  const mapField = (id: FieldId): FieldId => fieldMap.get(id) ?? id;
  const last = listTables(state).at(-1);
  const table: Table = {
    id: newId,
    name,
    order: (last?.order ?? 0) + 1,
    primaryFieldId: mapField(source.primaryFieldId),
  };
  const changes: Change[] = [{ kind: 'table', id: newId, after: table }];
  // A link to the table itself links the copy to itself: its values name the copied records.
  const recordMap = new Map(records.map((r) => [r.id, newRecordId()] as const));
  const selfLinks = new Set<FieldId>();
  for (const f of listFields(state, tableId)) {
    const options = copyOptions(f.options, mapField, tableId, newId);
    if (f.type === 'link' && f.options.linkTableId === tableId) selfLinks.add(f.id);
    const copy: Field = { ...f, id: mapField(f.id), tableId: newId, options };
    changes.push({ kind: 'field', id: copy.id, after: copy });
  }
  for (const v of listViews(state, tableId)) {
    const copy: View = {
      ...v,
      id: newViewId(),
      tableId: newId,
      columns: v.columns.map((c) => ({ ...c, fieldId: mapField(c.fieldId) })),
      sorts: v.sorts.map((s) => ({ ...s, fieldId: mapField(s.fieldId) })),
      filters: v.filters.map((f) => ({ ...f, fieldId: mapField(f.fieldId) })),
    };
    changes.push({ kind: 'view', id: copy.id, after: copy });
  }
  for (const r of records) {
    const values: TableRecord['values'] = {};
    for (const [k, v] of Object.entries(r.values)) {
      const linked = selfLinks.has(k as FieldId) && Array.isArray(v);
      values[mapField(k as FieldId)] = linked
        ? v.map((id) => recordMap.get(id as RecordId) ?? id)
        : v;
    }
    const copy: TableRecord = {
      ...r,
      id: recordMap.get(r.id) as RecordId,
      tableId: newId,
      values,
      createdAt: now,
      modifiedAt: now,
    };
    changes.push({ kind: 'record', id: copy.id, after: copy });
  }
  return { command: { label: 'history.duplicateTable', changes, at: now }, table };
}

/**
 * A field's options for the copy: what names a field of the table (a formula's references and
 * their last known names, a lookup's or roll-up's fields) or the table itself names the copy's.
 */
function copyOptions(
  options: FieldOptions,
  mapField: (id: FieldId) => FieldId,
  from: TableId,
  to: TableId,
): FieldOptions {
  const copy: FieldOptions = { ...options };
  if (options.formula !== undefined)
    copy.formula = substituteReferences(options.formula, (id) => `{${mapField(id)}}`);
  if (options.formulaRefNames) {
    const names: Record<FieldId, string> = {};
    for (const [id, name] of Object.entries(options.formulaRefNames))
      names[mapField(id as FieldId)] = name;
    copy.formulaRefNames = names;
  }
  if (options.linkFieldId) copy.linkFieldId = mapField(options.linkFieldId);
  // A field of another table stays as it is (only the table's own fields are mapped).
  if (options.targetFieldId) copy.targetFieldId = mapField(options.targetFieldId);
  if (options.linkTableId === from) copy.linkTableId = to;
  return copy;
}
