/**
 * XLSX with typed cells: numbers as numbers with a number format, dates as date serials with a
 * date format (Excel and SheetJS read them as real dates), checkboxes as booleans, text as text.
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { utils, write } from '@e965/xlsx';
import { readIsoDate } from '../../domain/dates';
import type { ExportColumn, TypedCell } from './types';
import { XLSX_MAX_DATA_ROWS } from './types';

export class TooManyRowsError extends Error {
  override name = 'TooManyRowsError';
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * ISO date or local date-time → Excel serial day number; null before 1900-03-01, where
 * Excel's calendar has its fictitious 1900-02-29 (such dates are written as text instead).
 */
export function toExcelSerial(iso: string): number | null {
  const parts = readIsoDate(iso);
  if (!parts) return null;
  const day = (Date.UTC(parts.year, parts.month - 1, parts.day) - EXCEL_EPOCH) / DAY_MS;
  if (day < 61) return null;
  const time = /T(\d{2}):(\d{2})/.exec(iso);
  const fraction = time ? (Number(time[1]) * 60 + Number(time[2])) / 1440 : 0;
  return day + fraction;
}

export function toCellObject(cell: TypedCell): CellObject {
  switch (cell.t) {
    case 'n':
      return cell.z ? { t: 'n', v: cell.v, z: cell.z } : { t: 'n', v: cell.v };
    case 'b':
      return { t: 'b', v: cell.v };
    case 's':
      return { t: 's', v: cell.v };
    case 'd': {
      const serial = toExcelSerial(cell.iso);
      if (serial === null) return { t: 's', v: cell.iso.replace('T', ' ') };
      return { t: 'n', v: serial, z: cell.iso.includes('T') ? DATE_TIME_FORMAT : DATE_FORMAT };
    }
  }
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function toSheetName(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, ' ').trim();
  return clean.slice(0, 31) || 'Sheet1';
}

function buildSheet<R>(columns: readonly ExportColumn<R>[], rows: readonly R[]): WorkSheet {
  const sheet: WorkSheet = {};
  columns.forEach((c, col) => {
    sheet[utils.encode_cell({ r: 0, c: col })] = { t: 's', v: c.header };
  });
  rows.forEach((row, i) => {
    columns.forEach((c, col) => {
      const cell = c.typed(row);
      if (cell) sheet[utils.encode_cell({ r: i + 1, c: col })] = toCellObject(cell);
    });
  });
  const lastCol = Math.max(columns.length - 1, 0);
  sheet['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: lastCol } });
  sheet['!cols'] = columns.map((c) => ({ wch: Math.min(Math.max(c.header.length * 2, 10), 40) }));
  return sheet;
}

/** The workbook file bytes; throws TooManyRowsError past Excel's row limit (check first). */
export function buildXlsx<R>(
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
  sheetName: string,
): Uint8Array<ArrayBuffer> {
  if (rows.length > XLSX_MAX_DATA_ROWS) {
    throw new TooManyRowsError(`A sheet holds at most ${XLSX_MAX_DATA_ROWS} rows`);
  }
  const book = utils.book_new();
  utils.book_append_sheet(book, buildSheet(columns, rows), toSheetName(sheetName));
  const out = write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

export function buildXlsxBlob<R>(
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
  sheetName: string,
): Blob {
  return new Blob([buildXlsx(columns, rows, sheetName)], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
