/**
 * CSV as Excel opens it well: UTF-8 with a byte order mark (so Chinese shows correctly), RFC
 * 4180 quoting, CRLF line ends, and cells that Excel would run as formulas neutralised.
 */
import { yieldToEventLoop } from '../../domain/pause';
import type { ExportColumn } from './types';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Rows per string part: big enough to be cheap, small enough that no giant string is built. */
const ROWS_PER_PART = 2000;

/** A plain decimal number ("-12.5", "3e-7"): Excel reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Text Excel would run as a formula; leading apostrophes count, so the prefix can be undone. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A cell our export (or a tool doing the same) prefixed: one apostrophe, then such text. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Cells starting with = + - @ TAB or CR get a leading apostrophe so that Excel shows them as
 * text instead of evaluating them (CSV injection). A cell that is wholly a plain number, such
 * as -12.5, is left alone in every column: it cannot run as a formula and stays a number.
 * Text that already starts with apostrophes before such a character gets one more, so that
 * `restoreNeutralised` gives every exported cell back exactly.
 */
export function neutraliseCell(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** Undoes `neutraliseCell` when a CSV is imported: "'+86 138…" is the phone number again. */
export function restoreNeutralised(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** RFC 4180: quote when the cell holds a quote, comma or line break; double inner quotes. */
export function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsvCell(text: string): string {
  return quoteCell(neutraliseCell(text));
}

function formatLine(cells: readonly string[]): string {
  return cells.map(formatCsvCell).join(',');
}

/** The file as string parts (BOM, header, then rows in blocks), each part ending in CRLF. */
export function buildCsvParts<R>(columns: readonly ExportColumn<R>[], rows: Iterable<R>): string[] {
  const parts: string[] = [BOM + formatLine(columns.map((c) => c.header)) + CRLF];
  let block: string[] = [];
  for (const row of rows) {
    block.push(formatLine(columns.map((c) => c.text(row))));
    if (block.length >= ROWS_PER_PART) {
      parts.push(block.join(CRLF) + CRLF);
      block = [];
    }
  }
  if (block.length > 0) parts.push(block.join(CRLF) + CRLF);
  return parts;
}

const CSV_TYPE = 'text/csv;charset=utf-8';

export function buildCsvBlob<R>(columns: readonly ExportColumn<R>[], rows: Iterable<R>): Blob {
  return new Blob(buildCsvParts(columns, rows), { type: CSV_TYPE });
}

/** As buildCsvBlob, but pauses after every block of rows so a million rows never freeze the page. */
export async function buildCsvBlobInSteps<R>(
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<Blob> {
  // Each block becomes its own small Blob at once: its text is encoded and can be collected,
  // and the final Blob only references them (no 150 MB encode in one go at the end).
  const parts: Blob[] = [new Blob([BOM + formatLine(columns.map((c) => c.header)) + CRLF])];
  for (let from = 0; from < rows.length; from += ROWS_PER_PART) {
    const block: string[] = [];
    const to = Math.min(rows.length, from + ROWS_PER_PART);
    for (let i = from; i < to; i++)
      block.push(formatLine(columns.map((c) => c.text(rows[i] as R))));
    parts.push(new Blob([block.join(CRLF) + CRLF]));
    await pause();
  }
  return new Blob(parts, { type: CSV_TYPE });
}
