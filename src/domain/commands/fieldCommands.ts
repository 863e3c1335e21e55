/**
 * Column operations as commands: add, rename, change options, retype, delete, and the
 * view-level column settings (move, resize, hide). Each returns a Command or a problem key.
 */
import type { Change, Command } from '../changes';
import type { FieldId, TableId } from '../ids';
import { newFieldId } from '../ids';
import type { CellValue, Field, FieldOptions, FieldType, TableRecord, View } from '../model';
import { cellOf } from '../packedRecords';
import type { SchemaState } from '../schemaState';
import { listFields, listViews } from '../schemaState';

export type FieldNameProblem = 'nameEmpty' | 'nameTaken' | 'nameTooLong';

export function validateFieldName(
  state: SchemaState,
  tableId: TableId,
  name: string,
  exceptId?: FieldId,
): FieldNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'nameEmpty';
  if (trimmed.length > 100) return 'nameTooLong';
  const lower = trimmed.toLowerCase();
  const taken = listFields(state, tableId).some(
    (f) => f.id !== exceptId && f.name.trim().toLowerCase() === lower,
  );
  return taken ? 'nameTaken' : null;
}

/** "字段 2", "字段 3", … — the first free name built on `base`. */
export function uniqueFieldName(state: SchemaState, tableId: TableId, base: string): string {
  if (validateFieldName(state, tableId, base) === null) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} ${i}`;
    if (validateFieldName(state, tableId, candidate) === null) return candidate;
  }
}

export interface ColumnPosition {
  /** Insert next to this field in every view; absent = at the end. */
  relativeTo?: FieldId;
  side?: 'left' | 'right';
}

function insertColumn(view: View, fieldId: FieldId, pos: ColumnPosition): View {
  const columns = view.columns.filter((c) => c.fieldId !== fieldId);
  let index = columns.length;
  if (pos.relativeTo) {
    const at = columns.findIndex((c) => c.fieldId === pos.relativeTo);
    if (at >= 0) index = pos.side === 'left' ? at : at + 1;
  }
  // The primary column stays first.
  if (index === 0 && columns.length > 0) index = 1;
  columns.splice(index, 0, { fieldId });
  return { ...view, columns };
}

export function addFieldCommand(
  state: SchemaState,
  input: { tableId: TableId; name: string; type: FieldType; options: FieldOptions },
  pos: ColumnPosition,
  now: number,
): { command: Command; field: Field } {
  const field: Field = {
    id: newFieldId(),
    tableId: input.tableId,
    name: input.name.trim(),
    type: input.type,
    options: input.options,
  };
  const changes: Change[] = [{ kind: 'field', id: field.id, after: field }];
  for (const view of listViews(state, input.tableId)) {
    changes.push({
      kind: 'view',
      id: view.id,
      before: view,
      after: insertColumn(view, field.id, pos),
    });
  }
  return { command: { label: 'history.addField', changes, at: now }, field };
}

export function updateFieldCommand(before: Field, after: Field, now: number): Command {
  return {
    label: 'history.updateField',
    changes: [{ kind: 'field', id: after.id, before, after }],
    at: now,
  };
}

/** Retype: the new field definition plus every converted cell (from convert.planRetype). */
export function retypeFieldCommand(
  before: Field,
  after: Field,
  records: readonly TableRecord[],
  values: readonly CellValue[],
  now: number,
): Command {
  const changes: Change[] = [{ kind: 'field', id: after.id, before, after }];
  records.forEach((rec, i) => {
    const old = cellOf(rec, before.id);
    const next = values[i] ?? null;
    if (old === undefined && next === null) return;
    if (old === next) return;
    changes.push({
      kind: 'cell',
      tableId: rec.tableId,
      recordId: rec.id,
      fieldId: before.id,
      before: old,
      after: next,
    });
  });
  return { label: 'history.retypeField', changes, at: now };
}

/**
 * Deleting a field removes it and its view columns. Cell values stay in the records
 * (unreachable without the field) so that undo restores them without rewriting every row.
 */
export function deleteFieldCommand(
  state: SchemaState,
  fieldId: FieldId,
  now: number,
): Command | null {
  const field = state.fields[fieldId];
  if (!field) return null;
  const table = state.tables[field.tableId];
  if (!table || table.primaryFieldId === fieldId) return null;
  const changes: Change[] = [];
  for (const view of listViews(state, field.tableId)) {
    const after: View = {
      ...view,
      columns: view.columns.filter((c) => c.fieldId !== fieldId),
      sorts: view.sorts.filter((s) => s.fieldId !== fieldId),
      filters: view.filters.filter((f) => f.fieldId !== fieldId),
    };
    changes.push({ kind: 'view', id: view.id, before: view, after });
  }
  changes.push({ kind: 'field', id: fieldId, before: field });
  return { label: 'history.deleteField', changes, at: now };
}

export function updateViewCommand(before: View, after: View, label: string, now: number): Command {
  return { label, changes: [{ kind: 'view', id: after.id, before, after }], at: now };
}

export function setColumnHiddenView(view: View, fieldId: FieldId, hidden: boolean): View {
  return {
    ...view,
    columns: view.columns.map((c) =>
      c.fieldId === fieldId ? { ...c, hidden: hidden || undefined } : c,
    ),
  };
}

export function setColumnWidthView(view: View, fieldId: FieldId, width: number): View {
  return {
    ...view,
    columns: view.columns.map((c) =>
      c.fieldId === fieldId ? { ...c, width: Math.round(width) } : c,
    ),
  };
}

/** Reorders a view's columns to `order` (field ids); unknown ids are ignored, missing ones kept at the end. */
export function reorderColumnsView(view: View, order: readonly FieldId[]): View {
  const byId = new Map(view.columns.map((c) => [c.fieldId, c] as const));
  const columns = order.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    byId.delete(id);
    return [c];
  });
  return { ...view, columns: [...columns, ...byId.values()] };
}
