/**
 * The import dialog's mapping draft: where each source column goes, the mode and its target
 * table. Built from a preview and the schema, and turned into the ImportSpec the importer runs.
 */
import { validateTableName } from '../../domain/commands/tableCommands';
import { getFieldType } from '../../domain/fields';
import type { FieldId, TableId } from '../../domain/ids';
import type {
  ColumnTarget,
  ImportMode,
  ImportSpec,
  Preview,
  SourceColumn,
  UpdatePolicy,
} from '../../domain/import/types';
import type { Field, FieldType } from '../../domain/model';
import type { SchemaState } from '../../domain/schemaState';
import { listFields } from '../../domain/schemaState';

export interface MappingDraft {
  mode: ImportMode;
  /** newTable: the new table's name. */
  tableName: string;
  /** append / upsert: the table imported into. */
  tableId: TableId | undefined;
  /** One target per source column, by position in the preview's columns. */
  columns: ColumnTarget[];
  /** upsert: the source column matched against the field it maps to. */
  keyColumn: number | undefined;
  policies: Partial<Record<FieldId, UpdatePolicy>>;
}

/** The default upsert key for a mapping (state/importer's defaultKeyColumn). */
export type KeyChooser = (
  columns: readonly ColumnTarget[],
  tableId: TableId | undefined,
) => number | undefined;

/** Why the draft cannot run yet: an i18n key under importer.invalid and its parameters. */
export interface DraftProblem {
  key: string;
  params?: Record<string, string>;
}

/** "客户.csv" → "客户"; a name that is only an extension stays as it is. */
export function stripExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** base, "base 2", "base 3"… — the first not in `taken` (lower-case, trimmed); adds it there. */
export function takeUniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name.trim().toLowerCase()); i++) name = `${base} ${i}`;
  taken.add(name.trim().toLowerCase());
  return name;
}

/** A column as a new field of its inferred type. */
export function newFieldTarget(column: SourceColumn, name: string): ColumnTarget {
  return { kind: 'new', name, type: column.inferred.type, options: column.inferred.options };
}

/** A new field target switched to another type: the inferred options when it is the inferred type. */
export function retypeTarget(column: SourceColumn, name: string, type: FieldType): ColumnTarget {
  if (type === column.inferred.type) return newFieldTarget(column, name);
  return { kind: 'new', name, type, options: getFieldType(type).defaultOptions() };
}

const normalise = (s: string) => s.trim().toLowerCase();

/** Fields of a table that imported values can be written to. */
export function listTargetFields(schema: SchemaState, tableId: TableId | undefined): Field[] {
  if (!tableId) return [];
  return listFields(schema, tableId).filter((f) => getFieldType(f.type).editable);
}

/**
 * Maps each column to the table's field of the same name (case-insensitive, trimmed), or to a
 * new field named after it; with no table every column becomes a new field.
 */
export function mapColumns(
  schema: SchemaState,
  tableId: TableId | undefined,
  columns: readonly SourceColumn[],
  names: readonly string[],
): ColumnTarget[] {
  const fields = listTargetFields(schema, tableId);
  const taken = new Set(tableId ? listFields(schema, tableId).map((f) => normalise(f.name)) : []);
  const used = new Set<FieldId>();
  return columns.map((column, i) => {
    const name = names[i] ?? column.header;
    const match = fields.find((f) => !used.has(f.id) && normalise(f.name) === normalise(name));
    if (match) {
      used.add(match.id);
      return { kind: 'field', fieldId: match.id };
    }
    return newFieldTarget(column, takeUniqueName(name, taken));
  });
}

export interface DraftInput {
  schema: SchemaState;
  preview: Preview;
  /** Column display names (blank headers already named "列 N"). */
  names: readonly string[];
  /** The table proposed for append / update-or-insert (usually the open one). */
  tableId: TableId | undefined;
  /** The new table's name before making it unique. */
  tableName: string;
  chooseKey: KeyChooser;
}

/** The draft a fresh preview starts with: a new table holding every column. */
export function createDraft(input: DraftInput): MappingDraft {
  const taken = new Set(Object.values(input.schema.tables).map((t) => normalise(t.name)));
  return {
    mode: 'newTable',
    tableName: takeUniqueName(input.tableName, taken),
    tableId: input.tableId,
    columns: mapColumns(input.schema, undefined, input.preview.columns, input.names),
    keyColumn: undefined,
    policies: {},
  };
}

/** Re-maps the columns for a mode or table change (the previous targets no longer apply). */
export function retarget(
  draft: MappingDraft,
  change: { mode?: ImportMode; tableId?: TableId },
  input: Pick<DraftInput, 'schema' | 'preview' | 'names' | 'chooseKey'>,
): MappingDraft {
  const mode = change.mode ?? draft.mode;
  const tableId = change.tableId ?? draft.tableId;
  const target = mode === 'newTable' ? undefined : tableId;
  const columns = mapColumns(input.schema, target, input.preview.columns, input.names);
  const keyColumn = mode === 'upsert' ? input.chooseKey(columns, tableId) : undefined;
  return { ...draft, mode, tableId, columns, keyColumn, policies: {} };
}

/** Sets one column's target; an upsert key that no longer maps to a field is chosen again. */
export function setColumnTarget(
  draft: MappingDraft,
  index: number,
  target: ColumnTarget,
  chooseKey: KeyChooser,
): MappingDraft {
  const columns = draft.columns.map((c, i) => (i === index ? target : c));
  let keyColumn = draft.keyColumn;
  if (draft.mode === 'upsert' && (keyColumn === undefined || columns[keyColumn]?.kind !== 'field'))
    keyColumn = chooseKey(columns, draft.tableId);
  return { ...draft, columns, keyColumn };
}

/** The spec to run; source column indexes come from the preview's columns. */
export function buildSpec(draft: MappingDraft, preview: Preview): ImportSpec {
  const width = preview.columns.reduce((w, c) => Math.max(w, c.index + 1), 0);
  const columns: ColumnTarget[] = Array.from({ length: width }, () => ({ kind: 'skip' }));
  preview.columns.forEach((c, i) => {
    columns[c.index] = draft.columns[i] ?? { kind: 'skip' };
  });
  const spec: ImportSpec = {
    sheet: preview.sheet,
    headerRow: preview.headerRow,
    encoding: preview.encoding,
    columns,
    mode: draft.mode,
  };
  if (draft.mode === 'newTable') return { ...spec, tableName: draft.tableName.trim() };
  if (draft.mode === 'append') return { ...spec, tableId: draft.tableId };
  const keyColumn =
    draft.keyColumn === undefined ? undefined : preview.columns[draft.keyColumn]?.index;
  return { ...spec, tableId: draft.tableId, keyColumn, policies: draft.policies };
}

/** The first reason the draft cannot run, or null when it can. */
export function checkDraft(
  draft: MappingDraft,
  schema: SchemaState,
  names: readonly string[],
): DraftProblem | null {
  if (draft.mode === 'newTable') {
    const problem = validateTableName(schema, draft.tableName);
    if (problem) return { key: `table.${problem}` };
  } else if (!draft.tableId || !schema.tables[draft.tableId]) {
    return { key: 'noTable' };
  }
  if (draft.columns.every((c) => c.kind === 'skip')) return { key: 'nothingMapped' };
  const fieldProblem = checkFieldNames(draft, schema, names);
  if (fieldProblem) return fieldProblem;
  if (draft.mode === 'upsert') {
    const key = draft.keyColumn === undefined ? undefined : draft.columns[draft.keyColumn];
    if (key?.kind !== 'field') return { key: 'noKey' };
  }
  return null;
}

function checkFieldNames(
  draft: MappingDraft,
  schema: SchemaState,
  names: readonly string[],
): DraftProblem | null {
  const existing = draft.mode === 'newTable' ? [] : listFields(schema, draft.tableId!);
  const taken = new Set(existing.map((f) => normalise(f.name)));
  const mapped = new Set<FieldId>();
  for (const [i, c] of draft.columns.entries()) {
    const column = names[i] ?? '';
    if (c.kind === 'field') {
      if (mapped.has(c.fieldId)) return { key: 'fieldTwice', params: { column } };
      mapped.add(c.fieldId);
    } else if (c.kind === 'new') {
      const name = normalise(c.name);
      if (name === '') return { key: 'fieldNameEmpty', params: { column } };
      if (taken.has(name)) return { key: 'fieldNameTaken', params: { column, name: c.name } };
      taken.add(name);
    }
  }
  return null;
}
