/**
 * Workbooks (xlsx, xls, ods) through SheetJS: sheet names and each sheet's rows, with real
 * date cells as ISO text. Old .xls files with Chinese text need SheetJS's code-page tables.
 */
import { read, set_cptable, utils } from '@e965/xlsx';
import type { WorkBook } from '@e965/xlsx';
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

/** A sheet's rows as they are (empty cells null, dates ISO text). */
export function readSheetRows(workbook: WorkBook, sheet: number): SheetRows {
  const name = workbook.SheetNames[sheet];
  const ws = name === undefined ? undefined : workbook.Sheets[name];
  if (!ws) return { rows: [], hints: [] };
  // Rows count from the sheet's first row, so row numbers are the ones Excel shows; columns
  // start at the used range (leading empty columns are left out).
  const range = utils.decode_range(ws['!ref'] ?? 'A1');
  range.s.r = 0;
  const rows = utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, range });
  const out: RawCell[][] = new Array<RawCell[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cells: RawCell[] = new Array<RawCell>(row.length);
    for (let c = 0; c < row.length; c++) cells[c] = toRawCell(row[c]);
    out[r] = cells;
  }
  return { rows: out, hints: columnFormatHints(ws, range.s.c) };
}
