/**
 * Exports what a view shows: its visible columns in view order and the rows the grid shows
 * (search applied, in the grid's sort order) as CSV or XLSX. Formula columns give their values.
 */
import { isIsoDate, isIsoDateTime, isoDateTimeFromEpoch, todayLocal } from '../domain/dates';
import { cellToText, formatCell } from '../domain/fields';
import type { TypeContext } from '../domain/fields/fieldType';
import { FORMULA_ERROR_CODES } from '../domain/formula/errors';
import { asCurrencyOf, formulaMoneyField } from '../domain/formula/money';
import { inDateFormat } from '../domain/formula/results';
import type { RecordId, TableId, ViewId } from '../domain/ids';
import type { CellValue, Field, Language, TableRecord } from '../domain/model';
import { isInvalidValue } from '../domain/model';
import { cellOf } from '../domain/packedRecords';
import { toPlainNumberText } from '../domain/numbers';
import { listViewColumns } from '../domain/schemaState';
import { buildCsvBlobInSteps } from '../io/export/csv';
import { buildExportFileName } from '../io/export/fileName';
import type { ExportColumn, TypedCell } from '../io/export/types';
import { XLSX_MAX_DATA_ROWS } from '../io/export/types';
import { typeContext } from './actions';
import type { FormulaResult } from './formulas';
import { formulaResultType, formulaValue, syncFormulas } from './formulas';
import { ensureRecords, recordStore } from './session';
import { useAppStore } from './store';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportProblem = 'noView' | 'tooManyRows';
export type ExportResult =
  { ok: true; blob: Blob; fileName: string; rows: number } | { ok: false; problem: ExportProblem };

export interface ExportRequest {
  viewId: ViewId;
  format: ExportFormat;
  /** The rows as the grid shows them; null exports every record in table order. */
  recordIds: readonly RecordId[] | null;
  language: Language;
}

/** Excel number formats from the field's display options. */
function numberFormat(field: Field, kind: 'number' | 'currency' | 'percent'): string {
  const decimals = field.options.decimals ?? (kind === 'currency' ? 2 : kind === 'percent' ? 0 : 0);
  const fraction = decimals > 0 ? `.${'0'.repeat(Math.min(decimals, 10))}` : '';
  if (kind === 'percent') return `0${fraction}%`;
  if (kind === 'currency') {
    const symbol = (field.options.currencySymbol ?? '¥').replace(/"/g, '');
    return `"${symbol}"#,##0${fraction}`;
  }
  return `${field.options.thousands ? '#,##0' : '0'}${fraction}`;
}

type Links = (field: Field, ids: readonly string[]) => string[];

/** Link cells show the linked records' titles, as the grid does. */
function createLinks(ctx: TypeContext): Links {
  return (field, ids) => {
    const schema = useAppStore.getState().schema;
    const tableId = field.options.linkTableId;
    const table = tableId ? schema?.tables[tableId] : undefined;
    const primary = table ? schema?.fields[table.primaryFieldId] : undefined;
    if (!tableId || !primary) return ids.map(String);
    const store = recordStore(tableId);
    return ids.map((id) => {
      const rec = store.get(id as RecordId);
      return rec ? formatCell(primary, cellOf(rec, primary.id), ctx) : '';
    });
  };
}

function formulaText(field: Field, given: FormulaResult | undefined, ctx: TypeContext): string {
  const result = inDateFormat(field, given);
  if (result === undefined || result === null) return '';
  if (typeof result === 'object') return FORMULA_ERROR_CODES[result.error] ?? '#ERROR!';
  if (typeof result === 'boolean') return cellToText({ ...field, type: 'checkbox' }, result, ctx);
  if (typeof result === 'number') {
    if (field.options.formulaFormat === 'percent')
      return cellToText({ ...field, type: 'percent' }, result, ctx);
    return toPlainNumberText(result);
  }
  return result;
}

/**
 * The number format of a formula column: its result format's, or, when that is automatic and
 * the formula gives money, the currency format of the currency field it comes from (as the grid).
 */
function formulaNumberFormat(field: Field): string {
  const format = field.options.formulaFormat ?? 'auto';
  if (format === 'currency' || format === 'percent') return numberFormat(field, format);
  const money = formulaMoneyField(field, useAppStore.getState().schema?.fields);
  return money === null
    ? numberFormat(field, 'number')
    : numberFormat(asCurrencyOf(field, money), 'currency');
}

function formulaTyped(field: Field, given: FormulaResult | undefined, z: string): TypedCell | null {
  const result = inDateFormat(field, given);
  if (result === undefined || result === null || result === '') return null;
  if (typeof result === 'object') return { t: 's', v: FORMULA_ERROR_CODES[result.error] };
  if (typeof result === 'boolean') return { t: 'b', v: result };
  if (typeof result === 'number') return { t: 'n', v: result, z };
  const isDate =
    field.options.formulaFormat === 'date' || formulaResultType(field.tableId, field.id) === 'date';
  return isDate && (isIsoDate(result) || isIsoDateTime(result))
    ? { t: 'd', iso: result }
    : { t: 's', v: result };
}

/** A stored value as a typed cell; anything that does not fit its type is written as text. */
function storedTyped(field: Field, value: CellValue | undefined, text: string): TypedCell | null {
  if (field.type === 'checkbox') return { t: 'b', v: value === true };
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (isInvalidValue(value)) return { t: 's', v: value.invalid };
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return typeof value === 'number'
        ? { t: 'n', v: value, z: numberFormat(field, field.type) }
        : { t: 's', v: text };
    case 'rating':
    case 'autoNumber':
      return typeof value === 'number' ? { t: 'n', v: value, z: '0' } : { t: 's', v: text };
    case 'date':
    case 'dateTime':
      return isIsoDate(value) || isIsoDateTime(value)
        ? { t: 'd', iso: value }
        : { t: 's', v: text };
    case 'lookup':
    case 'rollup':
      if (typeof value === 'number') return { t: 'n', v: value };
      if (typeof value === 'boolean') return { t: 'b', v: value };
      return { t: 's', v: text };
    default:
      return { t: 's', v: text };
  }
}

/** One export column per visible field: text for CSV, typed cells for XLSX. */
export function buildExportColumn(
  field: Field,
  ctx: TypeContext,
  links: Links,
): ExportColumn<TableRecord> {
  switch (field.type) {
    case 'formula': {
      const z = formulaNumberFormat(field);
      return {
        header: field.name,
        text: (r) => formulaText(field, formulaValue(field.tableId, field.id, r.id), ctx),
        typed: (r) => formulaTyped(field, formulaValue(field.tableId, field.id, r.id), z),
      };
    }
    case 'createdTime':
    case 'modifiedTime': {
      const at = (r: TableRecord) => (field.type === 'createdTime' ? r.createdAt : r.modifiedAt);
      return {
        header: field.name,
        text: (r) => cellToText(field, at(r), ctx),
        typed: (r) => ({ t: 'd', iso: isoDateTimeFromEpoch(at(r)) }),
      };
    }
    case 'link': {
      const text = (r: TableRecord) => {
        const ids = cellOf(r, field.id);
        return Array.isArray(ids) ? links(field, ids).join(', ') : '';
      };
      return { header: field.name, text, typed: (r) => (text(r) ? { t: 's', v: text(r) } : null) };
    }
    default:
      return {
        header: field.name,
        text: (r) => cellToText(field, cellOf(r, field.id), ctx),
        typed: (r) => {
          const value = cellOf(r, field.id);
          return storedTyped(field, value, cellToText(field, value, ctx));
        },
      };
  }
}

/** Makes sure the records, linked tables and formula results the export reads are loaded. */
async function prepareTable(tableId: TableId, fields: readonly Field[]): Promise<void> {
  await ensureRecords(tableId);
  for (const f of fields) {
    if (f.type === 'link' && f.options.linkTableId) await ensureRecords(f.options.linkTableId);
  }
  if (fields.some((f) => f.type === 'formula')) await syncFormulas(tableId);
}

function pickRows(tableId: TableId, ids: readonly RecordId[] | null): TableRecord[] {
  const store = recordStore(tableId);
  if (!ids) return store.all();
  const rows: TableRecord[] = [];
  for (const id of ids) {
    const rec = store.get(id);
    if (rec) rows.push(rec);
  }
  return rows;
}

/** Builds the export file of a view; the caller downloads it. */
export async function exportView(request: ExportRequest): Promise<ExportResult> {
  const schema = useAppStore.getState().schema;
  const view = schema?.views[request.viewId];
  const table = view ? schema?.tables[view.tableId] : undefined;
  if (!schema || !view || !table) return { ok: false, problem: 'noView' };
  const fields = listViewColumns(schema, view)
    .filter((c) => !c.hidden)
    .map((c) => c.field);
  await prepareTable(table.id, fields);
  const rows = pickRows(table.id, request.recordIds);
  const ctx = typeContext(request.language);
  const links = createLinks(ctx);
  const columns = fields.map((f) => buildExportColumn(f, ctx, links));
  const fileName = buildExportFileName(table.name, view.name, todayLocal(), request.format);
  if (request.format === 'csv') {
    const blob = await buildCsvBlobInSteps(columns, rows);
    return { ok: true, blob, fileName, rows: rows.length };
  }
  if (rows.length > XLSX_MAX_DATA_ROWS) return { ok: false, problem: 'tooManyRows' };
  // SheetJS (with its code pages, ~1 MB) loads with the first XLSX export, not with the app:
  // evaluating it took ~60 ms of every launch.
  const { buildXlsxBlob } = await import('../io/export/xlsx');
  return { ok: true, blob: buildXlsxBlob(columns, rows, table.name), fileName, rows: rows.length };
}
