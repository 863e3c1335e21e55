/** What the UI calls: builds a command from the current state and runs it. */
import type { CellEdit } from '../domain/commands/recordCommands';
import {
  deleteRecordsCommand,
  insertRecordsCommand,
  newRecord,
  orderBetween,
  setCellsCommand,
} from '../domain/commands/recordCommands';
import type { ColumnPosition } from '../domain/commands/fieldCommands';
import {
  addFieldCommand,
  deleteFieldCommand,
  reorderColumnsView,
  retypeFieldCommand,
  setColumnHiddenView,
  setColumnWidthView,
  updateFieldCommand,
  updateViewCommand,
} from '../domain/commands/fieldCommands';
import {
  createTableCommand,
  deleteTableCommand,
  duplicateTableCommand,
  renameTableCommand,
  uniqueTableName,
} from '../domain/commands/tableCommands';
import { todayLocal } from '../domain/dates';
import { parseCell } from '../domain/fields';
import type { TypeContext } from '../domain/fields/fieldType';
import { planRetype } from '../domain/fields/convert';
import { FORMULA_ERROR_CODES } from '../domain/formula/errors';
import { inDateFormat } from '../domain/formula/results';
import type { FieldId, RecordId, TableId, ViewId } from '../domain/ids';
import type {
  CellValue,
  Field,
  FieldOptions,
  FieldType,
  Language,
  TableRecord,
  View,
  ViewSort,
} from '../domain/model';
import { cellOf } from '../domain/packedRecords';
import { listTables, listViews } from '../domain/schemaState';
import { formulaValue, syncFormulas } from './formulas';
import { ensureRecords, markNewTableLoaded, recordStore, runCommand } from './session';
import { useAppStore } from './store';
import { selectTable } from './workspace';

export function typeContext(language: Language): TypeContext {
  const asOf = useAppStore.getState().schema?.meta.asOfDate;
  return { language, today: asOf ?? todayLocal() };
}

function schemaOrThrow() {
  const schema = useAppStore.getState().schema;
  if (!schema) throw new Error('No workspace open');
  return schema;
}

/** Typed or pasted text into one cell: parsed by the field type; text that does not fit is kept and flagged. */
export function editCellText(
  field: Field,
  recordId: RecordId,
  text: string,
  language: Language,
): Promise<unknown> {
  return setCellValue(field, recordId, parseCell(field, text, typeContext(language)));
}

export function setCellValue(field: Field, recordId: RecordId, value: CellValue): Promise<unknown> {
  const rec = recordStore(field.tableId).get(recordId);
  if (!rec) return Promise.resolve();
  return setCells(field.tableId, [
    { recordId, fieldId: field.id, before: cellOf(rec, field.id), after: value },
  ]);
}

export function setCells(tableId: TableId, edits: CellEdit[], label?: string): Promise<unknown> {
  return runCommand(setCellsCommand(tableId, edits, Date.now(), label));
}

/** Adds an empty record at the end of the table, or before/after another record. */
export async function addRecord(
  tableId: TableId,
  at?: { recordId: RecordId; side: 'above' | 'below' },
): Promise<TableRecord> {
  const records = recordStore(tableId).all();
  let order: number;
  if (at) {
    const i = records.findIndex((r) => r.id === at.recordId);
    const prev = at.side === 'above' ? records[i - 1] : records[i];
    const next = at.side === 'above' ? records[i] : records[i + 1];
    order = orderBetween(prev?.order, next?.order);
  } else {
    order = orderBetween(records.at(-1)?.order, undefined);
  }
  const rec = newRecord(tableId, order, autoNumberValues(tableId), Date.now());
  await runCommand(insertRecordsCommand([rec], Date.now()));
  return rec;
}

/** Auto-number fields hand out the next number to new records. */
function autoNumberValues(tableId: TableId): TableRecord['values'] {
  const schema = schemaOrThrow();
  const values: TableRecord['values'] = {};
  for (const f of Object.values(schema.fields)) {
    if (f.tableId !== tableId || f.type !== 'autoNumber') continue;
    const max = recordStore(tableId)
      .all()
      .reduce((m, r) => {
        const v = cellOf(r, f.id);
        return Math.max(m, typeof v === 'number' ? v : 0);
      }, 0);
    values[f.id] = max + 1;
  }
  return values;
}

export function deleteRecords(tableId: TableId, ids: readonly RecordId[]): Promise<unknown> {
  const store = recordStore(tableId);
  const records = ids.map((id) => store.get(id)).filter((r): r is TableRecord => r !== undefined);
  return runCommand(deleteRecordsCommand(records, Date.now()));
}

export function addField(
  tableId: TableId,
  input: { name: string; type: FieldType; options: FieldOptions },
  pos: ColumnPosition,
): Promise<unknown> {
  const { command, field } = addFieldCommand(
    schemaOrThrow(),
    { tableId, ...input },
    pos,
    Date.now(),
  );
  if (field.type === 'autoNumber') {
    const records = recordStore(tableId).all();
    records.forEach((r, i) => {
      command.changes.push({
        kind: 'cell',
        tableId,
        recordId: r.id,
        fieldId: field.id,
        before: undefined,
        after: i + 1,
      });
    });
  }
  return runCommand(command);
}

/** Rename and/or change options without changing the type. */
export function updateField(after: Field): Promise<unknown> {
  const before = schemaOrThrow().fields[after.id];
  if (!before) return Promise.resolve();
  return runCommand(updateFieldCommand(before, after, Date.now()));
}

/** Preview of a retype: how many values convert, stay invalid (kept as text) or are empty. */
export function previewRetype(
  field: Field,
  type: FieldType,
  options: FieldOptions | undefined,
  language: Language,
) {
  const values = valuesToRetype(field, recordStore(field.tableId).all());
  return planRetype(field, type, options, values, typeContext(language));
}

/**
 * A column's values as a retype converts them: what is stored, or for a formula column the
 * results it shows (an error as its code, e.g. #DIV/0!), so that turning a formula column into
 * a text or number column keeps what the user sees instead of blanking every cell.
 */
function valuesToRetype(field: Field, records: readonly TableRecord[]): (CellValue | undefined)[] {
  if (field.type !== 'formula') return records.map((r) => cellOf(r, field.id));
  return records.map((r) => {
    const result = inDateFormat(field, formulaValue(field.tableId, field.id, r.id));
    return typeof result === 'object' && result !== null
      ? FORMULA_ERROR_CODES[result.error]
      : result;
  });
}

export async function retypeField(
  field: Field,
  name: string,
  type: FieldType,
  options: FieldOptions | undefined,
  language: Language,
): Promise<unknown> {
  await ensureRecords(field.tableId);
  if (field.type === 'formula') await syncFormulas(field.tableId);
  const records = recordStore(field.tableId).all();
  const plan = planRetype(
    field,
    type,
    options,
    valuesToRetype(field, records),
    typeContext(language),
  );
  const after: Field = { ...plan.field, name: name.trim() };
  return runCommand(retypeFieldCommand(field, after, records, plan.values, Date.now()));
}

export function deleteField(fieldId: FieldId): Promise<unknown> {
  const command = deleteFieldCommand(schemaOrThrow(), fieldId, Date.now());
  return command ? runCommand(command) : Promise.resolve();
}

function changeView(viewId: ViewId, label: string, update: (v: View) => View): Promise<unknown> {
  const view = schemaOrThrow().views[viewId];
  if (!view) return Promise.resolve();
  return runCommand(updateViewCommand(view, update(view), label, Date.now()));
}

export const setColumnHidden = (viewId: ViewId, fieldId: FieldId, hidden: boolean) =>
  changeView(viewId, hidden ? 'history.hideField' : 'history.showField', (v) =>
    setColumnHiddenView(v, fieldId, hidden),
  );
/** Shows every hidden column of the view in one undoable step. */
export const showAllColumns = (viewId: ViewId) =>
  changeView(viewId, 'history.showField', (v) => ({
    ...v,
    columns: v.columns.map(({ hidden: _hidden, ...column }) => column),
  }));
export const setColumnWidth = (viewId: ViewId, fieldId: FieldId, width: number) =>
  changeView(viewId, 'history.resizeField', (v) => setColumnWidthView(v, fieldId, width));
export const reorderColumns = (viewId: ViewId, order: readonly FieldId[]) =>
  changeView(viewId, 'history.moveField', (v) => reorderColumnsView(v, order));
export const setSorts = (viewId: ViewId, sorts: ViewSort[]) =>
  changeView(viewId, 'history.sort', (v) => ({ ...v, sorts }));

export function setSearch(search: string): void {
  useAppStore.setState({ search });
}

export async function createTable(names: {
  table: string;
  primaryField: string;
  view: string;
}): Promise<void> {
  const schema = schemaOrThrow();
  const { command, table } = createTableCommand(
    schema,
    { ...names, table: uniqueTableName(schema, names.table) },
    Date.now(),
  );
  if ((await runCommand(command)) === 'ok') markNewTableLoaded(table.id);
  selectTable(table.id);
}

export function renameTable(tableId: TableId, name: string): Promise<unknown> {
  const table = schemaOrThrow().tables[tableId];
  return table ? runCommand(renameTableCommand(table, name, Date.now())) : Promise.resolve();
}

export async function duplicateTable(tableId: TableId, copySuffix: string): Promise<void> {
  await ensureRecords(tableId);
  const schema = schemaOrThrow();
  const source = schema.tables[tableId];
  if (!source) return;
  const name = uniqueTableName(schema, `${source.name} ${copySuffix}`);
  const made = duplicateTableCommand(schema, tableId, recordStore(tableId).all(), name, Date.now());
  if (!made) return;
  await runCommand(made.command);
  selectTable(made.table.id);
}

export async function deleteTable(tableId: TableId): Promise<void> {
  await ensureRecords(tableId);
  const command = deleteTableCommand(
    schemaOrThrow(),
    tableId,
    recordStore(tableId).all(),
    Date.now(),
  );
  if (!command) return;
  await runCommand(command);
  const state = useAppStore.getState();
  if (state.activeTableId === tableId) {
    const next = state.schema ? listTables(state.schema)[0] : undefined;
    if (next) selectTable(next.id);
    else useAppStore.setState({ activeTableId: null, activeViewId: null });
  }
}

export { listViews };
