/**
 * The small, immutable part of a workspace (meta, tables, fields, views) and how a
 * command's changes apply to it. Records are large and live in state/recordStore instead.
 */
import type { Change } from './changes';
import type { FieldId, TableId, ViewId } from './ids';
import type { Field, Table, View, WorkspaceMeta } from './model';

export interface SchemaState {
  meta: WorkspaceMeta;
  tables: Readonly<Record<TableId, Table>>;
  fields: Readonly<Record<FieldId, Field>>;
  views: Readonly<Record<ViewId, View>>;
}

function applyEntity<K extends string, T>(
  map: Readonly<Record<K, T>>,
  id: K,
  after: T | undefined,
): Readonly<Record<K, T>> {
  const next = { ...map } as Record<K, T>;
  if (after === undefined) delete next[id];
  else next[id] = after;
  return next;
}

/** Applies the schema part of `changes`; record and cell changes are ignored here. */
export function applySchemaChanges(state: SchemaState, changes: readonly Change[]): SchemaState {
  let next = state;
  for (const c of changes) {
    switch (c.kind) {
      case 'table':
        next = { ...next, tables: applyEntity(next.tables, c.id, c.after) };
        break;
      case 'field':
        next = { ...next, fields: applyEntity(next.fields, c.id, c.after) };
        break;
      case 'view':
        next = { ...next, views: applyEntity(next.views, c.id, c.after) };
        break;
      case 'meta':
        next = { ...next, meta: c.after };
        break;
      case 'record':
      case 'cell':
        break;
    }
  }
  return next;
}

export function hasSchemaChanges(changes: readonly Change[]): boolean {
  return changes.some((c) => c.kind !== 'record' && c.kind !== 'cell');
}

export function listTables(state: SchemaState): Table[] {
  return Object.values(state.tables).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function listViews(state: SchemaState, tableId: TableId): View[] {
  return Object.values(state.views)
    .filter((v) => v.tableId === tableId)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The table's fields in the order of its first view (the table's own order). */
export function listFields(state: SchemaState, tableId: TableId): Field[] {
  const view = listViews(state, tableId)[0];
  const all = Object.values(state.fields).filter((f) => f.tableId === tableId);
  if (!view) return all;
  const pos = new Map(view.columns.map((c, i) => [c.fieldId, i] as const));
  return all.sort((a, b) => (pos.get(a.id) ?? 1e9) - (pos.get(b.id) ?? 1e9));
}

/** Fields of a view in display order, with the view's column settings. */
export function listViewColumns(
  state: Pick<SchemaState, 'fields'>,
  view: View,
): { field: Field; width?: number; hidden: boolean }[] {
  const out: { field: Field; width?: number; hidden: boolean }[] = [];
  for (const col of view.columns) {
    const field = state.fields[col.fieldId];
    if (field) out.push({ field, width: col.width, hidden: col.hidden === true });
  }
  return out;
}
