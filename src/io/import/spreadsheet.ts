/**
 * Workbooks (xlsx, xls, ods) through SheetJS: sheet names and each sheet's rows, with real
 * date cells as ISO text. Old .xls files with Chinese text need SheetJS's code-page tables.
 */
import { read, set_cptable, utils } from '@e965/xlsx';
import type { CellObject, WorkBook } from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import type { NumberFormatHint } from '../../domain/import/infer';
import type { RawCell, SourceProblem } from '../../domain/import/types';
import { columnFormatHints } from './numberFormats';

set_cptable(cptable);

const pad = (n: number): string => String(n).padStart(2, '0');

/** SheetJS builds date cells in local time: their local parts are what the sheet shows. */
export function dateCellToIso(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // Rounded to the minute: Excel's float time of day lands a few ms off it.
  const t = new Date(d.getTime() + 30_000);
  const date = `${String(t.getFullYear()).padStart(4, '0')}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  const hh = t.getHours();
  const mm = t.getMinutes();
  return hh === 0 && mm === 0 ? date : `${date}T${pad(hh)}:${pad(mm)}`;
}

function toRawCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateCellToIso(v);
  return String(v);
}

export type WorkbookResult =
  { ok: true; workbook: WorkBook } | { ok: false; problem: SourceProblem };

function problemOf(err: unknown): SourceProblem {
  if (err instanceof RangeError) return 'tooLarge';
  const message = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(message)) return 'encrypted';
  if (/zip|corrupt|end of central|unsupported|invalid|bad/i.test(message)) return 'badZip';
  return 'unreadable';
}

/** Bytes of a workbook, or the text of an HTML/XML table saved as ".xls" by many systems. */
export function readWorkbook(data: Uint8Array | string, isZip: boolean): WorkbookResult {
  try {
    // A fresh options object every call: SheetJS writes into it.
    // Markup cells stay text as written (raw): "0755…" must not become the number 755.
    const markup = typeof data === 'string';
    const type = markup ? 'string' : 'array';
    // cellNF keeps number formats (percent, money); cellText off skips formatting every cell.
    const workbook = read(data, {
      type,
      dense: true,
      cellDates: true,
      cellNF: true,
      cellText: false,
      raw: markup,
    });
    if (workbook.SheetNames.length === 0) return { ok: false, problem: 'noRows' };
    return { ok: true, workbook };
  } catch (err) {
    const problem = problemOf(err);
    return { ok: false, problem: isZip && problem === 'unreadable' ? 'badZip' : problem };
  }
}

export interface SheetRows {
  rows: RawCell[][];
  /** Per column, what its number formats say (percent, money). */
  hints: (NumberFormatHint | undefined)[];
}

/** Excel error codes as the sheet shows them. */
const ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
};

function cellValue(cell: CellObject | undefined): RawCell {
  if (!cell) return null;
  switch (cell.t) {
    case 'z':
      return null;
    case 'e':
      return typeof cell.v === 'number' ? (ERRORS[cell.v] ?? '#ERROR') : '#ERROR';
    default:
      return toRawCell(cell.v);
  }
}

/** One row of cells from `first` to `last` column, cut after its last filled cell. */
function readRow(row: readonly CellObject[] | undefined, first: number, last: number): RawCell[] {
  if (!row) return [];
  let end = Math.min(last, row.length - 1);
  while (end >= first && cellValue(row[end]) === null) end--;
  const cells = new Array<RawCell>(Math.max(0, end - first + 1));
  for (let c = first; c <= end; c++) cells[c - first] = cellValue(row[c]);
  return cells;
}

/**
 * A sheet's rows as they are (empty cells null, dates ISO text), read straight from the dense
 * cell grid. Rows count from the sheet's first row, so row numbers are the ones Excel shows;
 * columns start at the used range (leading empty columns are left out).
 */
export function readSheetRows(workbook: WorkBook, sheet: number): SheetRows {
  const name = workbook.SheetNames[sheet];
  const ws = name === undefined ? undefined : workbook.Sheets[name];
  if (!ws) return { rows: [], hints: [] };
  const range = utils.decode_range(ws['!ref'] ?? 'A1');
  const data = ws['!data'] ?? [];
  const out = new Array<RawCell[]>(range.e.r + 1);
  for (let r = 0; r <= range.e.r; r++) out[r] = readRow(data[r], range.s.c, range.e.c);
  return { rows: out, hints: columnFormatHints(ws, range.s.c) };
}
