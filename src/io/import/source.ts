/**
 * An opened import source: the file's bytes and its rows, kept so that the preview can switch
 * sheet, header row or encoding at once. Text files are decoded and indexed, never pre-parsed.
 */
import type { WorkBook } from '@e965/xlsx';
import type {
  Delimiter,
  RawCell,
  SourceFormat,
  SourceInfo,
  SourceProblem,
  TextEncoding,
} from '../../domain/import/types';
import { decodeBytes, detectEncoding } from './encoding';
import { sniffDelimiter } from './delimiter';
import type { NumberFormatHint } from '../../domain/import/infer';
import type { SheetRows, WorkbookResult } from './spreadsheet';
import { readSheetRows, readWorkbook } from './spreadsheet';
import {
  MAX_IMPORT_BYTES,
  isBiffStream,
  isMarkupText,
  isSpreadsheetName,
  looksBinaryText,
  sniffKind,
  spreadsheetFormat,
} from './sniff';
import type { RowIndex } from './textRows';
import { indexRows, parseRows, rowCount } from './textRows';

/** The rows of one sheet, read by range. */
export interface RowGrid {
  readonly rowCount: number;
  /** The most cells any row has. */
  readonly width: number;
  rows(from: number, to: number): RawCell[][];
  /** Spreadsheets: per column, what its number formats say (percent, money). */
  readonly hints?: readonly (NumberFormatHint | undefined)[];
}

class TextGrid implements RowGrid {
  readonly rowCount: number;
  readonly width: number;
  constructor(
    private readonly text: string,
    private readonly index: RowIndex,
    private readonly delimiter: Delimiter,
  ) {
    this.rowCount = rowCount(index);
    this.width = index.width;
  }
  rows(from: number, to: number): RawCell[][] {
    return parseRows(this.text, this.index, this.delimiter, from, to);
  }
}

class ArrayGrid implements RowGrid {
  readonly rowCount: number;
  readonly width: number;
  readonly hints: readonly (NumberFormatHint | undefined)[];
  private readonly all: RawCell[][];
  constructor(sheet: SheetRows) {
    const all = sheet.rows;
    this.all = all;
    this.hints = sheet.hints;
    this.rowCount = all.length;
    let width = 0;
    for (const row of all) if (row.length > width) width = row.length;
    this.width = width;
  }
  rows(from: number, to: number): RawCell[][] {
    return this.all.slice(from, to);
  }
}

function isFilledRow(row: readonly RawCell[]): boolean {
  return row.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''));
}

function hasAnyRow(grid: RowGrid): boolean {
  for (let from = 0; from < grid.rowCount; from += 1000) {
    if (grid.rows(from, from + 1000).some(isFilledRow)) return true;
  }
  return false;
}

export type OpenOutcome =
  { ok: true; source: ImportSource } | { ok: false; problem: SourceProblem };

export class ImportSource {
  readonly info: SourceInfo;
  private readonly bytes: Uint8Array | null;
  private readonly workbook: WorkBook | null;
  private readonly sheets = new Map<number, RowGrid>();
  private text: { encoding: TextEncoding | undefined; grid: TextGrid } | null = null;

  private constructor(info: SourceInfo, bytes: Uint8Array | null, workbook: WorkBook | null) {
    this.info = info;
    this.bytes = bytes;
    this.workbook = workbook;
  }

  /** A file's bytes: a spreadsheet by its magic bytes, anything else as delimited text. */
  static open(bytes: Uint8Array, fileName: string): OpenOutcome {
    if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
    if (bytes.length === 0) return { ok: false, problem: 'empty' };
    const kind = sniffKind(bytes);
    if (kind === 'text') {
      if (!isSpreadsheetName(fileName) || !isBiffStream(bytes))
        return openTextBytes(bytes, fileName);
      return ImportSource.fromWorkbook(readWorkbook(bytes, false), 'xls', fileName, bytes.length);
    }
    const format = spreadsheetFormat(kind, bytes);
    if (format === 'encrypted') return { ok: false, problem: 'encrypted' };
    const read = readWorkbook(bytes, kind === 'zip');
    const known = format === 'ods' || format === 'xls' ? format : 'xlsx';
    return ImportSource.fromWorkbook(read, known, fileName, bytes.length);
  }

  /** Internal: a source over a workbook SheetJS read (noRows when every sheet is empty). */
  static fromWorkbook(
    read: WorkbookResult,
    format: SourceFormat,
    fileName: string,
    size: number,
  ): OpenOutcome {
    if (!read.ok) return read;
    const sheets = [...read.workbook.SheetNames];
    const source = new ImportSource({ fileName, size, format, sheets }, null, read.workbook);
    const anyRows = sheets.some((_, i) => hasAnyRow(source.grid(i)));
    return anyRows ? { ok: true, source } : { ok: false, problem: 'noRows' };
  }

  /** Pasted text (cells copied from a spreadsheet: tab-separated). */
  static openText(text: string, fileName: string): OpenOutcome {
    if (text.trim() === '') return { ok: false, problem: 'empty' };
    return fromText(text, undefined, fileName, text.length, null);
  }

  /** Internal: a text source once decoded. */
  static fromDecoded(info: SourceInfo, bytes: Uint8Array | null, grid: TextGrid): ImportSource {
    const source = new ImportSource(info, bytes, null);
    source.text = { encoding: info.encoding, grid };
    return source;
  }

  /** The rows of a sheet; text files re-decode when `encoding` differs from the current one. */
  grid(sheet: number, encoding?: TextEncoding): RowGrid {
    if (this.text) {
      if (encoding && encoding !== this.text.encoding && this.bytes) {
        const text = unifyLineBreaks(decodeBytes(this.bytes, encoding));
        const delimiter = sniffDelimiter(text);
        this.text = { encoding, grid: new TextGrid(text, indexRows(text, delimiter), delimiter) };
      }
      return this.text.grid;
    }
    let grid = this.sheets.get(sheet);
    if (!grid) {
      grid = new ArrayGrid(
        this.workbook ? readSheetRows(this.workbook, sheet) : { rows: [], hints: [] },
      );
      this.sheets.set(sheet, grid);
    }
    return grid;
  }

  get encoding(): TextEncoding | undefined {
    return this.text?.encoding;
  }
}

/** One line break everywhere: papaparse guesses one per slice, and files mix them. */
function unifyLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function fromText(
  raw: string,
  encoding: TextEncoding | undefined,
  fileName: string,
  size: number,
  bytes: Uint8Array | null,
): OpenOutcome {
  const text = unifyLineBreaks(raw);
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  if (looksBinaryText(text)) return { ok: false, problem: 'binary' };
  if (bytes && isSpreadsheetName(fileName) && isMarkupText(text)) {
    const read = readWorkbook(text, false);
    if (read.ok) return ImportSource.fromWorkbook(read, 'xls', fileName, size);
  }
  // Cells copied from a spreadsheet are always tab-separated, even a single column of "1,200".
  const delimiter = bytes ? sniffDelimiter(text) : '\t';
  const grid = new TextGrid(text, indexRows(text, delimiter), delimiter);
  if (!hasAnyRow(grid)) return { ok: false, problem: 'noRows' };
  const info: SourceInfo = { fileName, size, format: 'csv', sheets: [''], delimiter };
  if (encoding) info.encoding = encoding;
  return { ok: true, source: ImportSource.fromDecoded(info, bytes, grid) };
}

function openTextBytes(bytes: Uint8Array, fileName: string): OpenOutcome {
  const encoding = detectEncoding(bytes);
  let text: string;
  try {
    text = decodeBytes(bytes, encoding);
  } catch (err) {
    return { ok: false, problem: err instanceof RangeError ? 'tooLarge' : 'unreadable' };
  }
  return fromText(text, encoding, fileName, bytes.length, bytes);
}
