/**
 * The import run on an opened source: previews (header detection and type inference) and the
 * streaming conversion of every row. Plain code: the worker and the in-process fallback share it.
 */
import { yieldToEventLoop } from '../../domain/pause';
import type { RecordId } from '../../domain/ids';
import { newRecordId } from '../../domain/ids';
import type { Field, CellValue, Language } from '../../domain/model';
import type { TypeContext } from '../../domain/fields/fieldType';
import type { ColumnConverter } from '../../domain/import/convert';
import { createColumnConverter } from '../../domain/import/convert';
import { MAX_HEADER_ROW, detectHeaderRow } from '../../domain/import/header';
import { INFER_SAMPLE, inferColumnType } from '../../domain/import/infer';
import type {
  Preview,
  PreviewRequest,
  RawCell,
  SourceColumn,
  SourceInfo,
  SourceProblem,
} from '../../domain/import/types';
import type { RowGrid } from './source';
import { ImportSource } from './source';

export const PREVIEW_ROWS = 50;
/** Rows per streamed chunk: small enough that receiving one never blocks the page long. */
export const CHUNK_ROWS = 10_000;

/**
 * Converted rows, column by column (a few long arrays clone far faster than one per row):
 * `columns[c][i]` is mapped column c of the row from source row `rows[i]` (1-based).
 */
export interface ConvertedChunk {
  rows: number[];
  columns: CellValue[][];
  /** A fresh record id per row, made here so the page does not pay for a million of them. */
  ids: RecordId[];
  /** Source rows done so far and in all (after the header). */
  done: number;
  total: number;
}

export interface ConvertRequest {
  sheet: number;
  headerRow: number;
  encoding?: PreviewRequest['encoding'];
  /** One per source column: the field its values are converted for, or null (skipped). */
  fields: (Field | null)[];
  ctx: TypeContext;
}

export interface ConvertResult {
  /** The source columns converted, in the order of each chunk's cells. */
  columns: number[];
  /** The fields after conversion (select fields with the choices met added), by source column. */
  fields: (Field | null)[];
}

const blankHeader = (i: number, language: Language): string =>
  language === 'zh-CN' ? `列 ${i + 1}` : `Column ${i + 1}`;

function headerText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).replace(/\s+/g, ' ').trim();
}

function columnValues(rows: readonly RawCell[][], c: number): RawCell[] {
  const out = new Array<RawCell>(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = rows[r]?.[c] ?? null;
  return out;
}

const isBlank = (cell: RawCell): boolean =>
  cell === null || (typeof cell === 'string' && cell.trim() === '');

export function headerNames(grid: RowGrid, headerRow: number, language: Language): string[] {
  const header = grid.rows(headerRow, headerRow + 1)[0] ?? [];
  const names: string[] = [];
  for (let c = 0; c < grid.width; c++)
    names.push(headerText(header[c]) || blankHeader(c, language));
  return names;
}

export class ImportRunner {
  private constructor(private readonly source: ImportSource) {}

  static open(bytes: Uint8Array, fileName: string): ImportRunner | SourceProblem {
    const opened = ImportSource.open(bytes, fileName);
    return opened.ok ? new ImportRunner(opened.source) : opened.problem;
  }

  static openText(text: string, fileName: string): ImportRunner | SourceProblem {
    const opened = ImportSource.openText(text, fileName);
    return opened.ok ? new ImportRunner(opened.source) : opened.problem;
  }

  get info(): SourceInfo {
    return this.source.info;
  }

  preview(request: PreviewRequest, ctx: TypeContext): Preview {
    const grid = this.source.grid(request.sheet, request.encoding);
    const top = grid.rows(0, MAX_HEADER_ROW + 1);
    const headerRow = request.headerRow ?? detectHeaderRow(grid.rows(0, 40));
    const names = headerNames(grid, headerRow, ctx.language);
    const sample = grid.rows(headerRow + 1, headerRow + 1 + INFER_SAMPLE);
    const header = grid.rows(headerRow, headerRow + 1)[0] ?? [];
    const columns: SourceColumn[] = names.map((name, index) => {
      const values = columnValues(sample, index);
      const hint = grid.hints?.[index];
      const column: SourceColumn = {
        index,
        header: name,
        inferred: inferColumnType(name, values, { today: ctx.today }, hint),
      };
      if (headerText(header[index]) === '' && values.every(isBlank)) column.empty = true;
      return column;
    });
    const preview: Preview = {
      sheet: request.sheet,
      headerRow,
      top,
      columns,
      rows: sample.slice(0, PREVIEW_ROWS),
      totalRows: Math.max(0, grid.rowCount - headerRow - 1),
    };
    const encoding = this.source.encoding;
    if (encoding) preview.encoding = encoding;
    return preview;
  }

  /**
   * Converts every data row, handing chunks to `sink`; between chunks it yields to the event loop
   * and stops (returning null) once `cancelled()` says so. Wholly empty rows are left out.
   */
  async convert(
    request: ConvertRequest,
    sink: (chunk: ConvertedChunk) => void,
    cancelled: () => boolean,
  ): Promise<ConvertResult | null> {
    const grid = this.source.grid(request.sheet, request.encoding);
    const columns: number[] = [];
    const converters: ColumnConverter[] = [];
    request.fields.forEach((field, c) => {
      if (field) {
        columns.push(c);
        converters.push(createColumnConverter(field, request.ctx));
      }
    });
    const first = request.headerRow + 1;
    const total = Math.max(0, grid.rowCount - first);
    for (let from = first; from < grid.rowCount; from += CHUNK_ROWS) {
      if (cancelled()) return null;
      const rows = grid.rows(from, from + CHUNK_ROWS);
      sink({
        ...convertRows(rows, from, columns, converters),
        done: from - first + rows.length,
        total,
      });
      await yieldToEventLoop();
    }
    if (cancelled()) return null;
    const fields = [...request.fields];
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const conv = converters[i];
      if (c !== undefined && conv) fields[c] = conv.field;
    }
    return { columns, fields };
  }
}

function convertRows(
  rows: readonly RawCell[][],
  firstIndex: number,
  sourceColumns: readonly number[],
  converters: readonly ColumnConverter[],
): { rows: number[]; columns: CellValue[][]; ids: RecordId[] } {
  const n = sourceColumns.length;
  const rowNumbers: number[] = [];
  const columns: CellValue[][] = Array.from({ length: n }, () => []);
  const ids: RecordId[] = [];
  const values = new Array<CellValue>(n);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let filled = false;
    for (let i = 0; i < n; i++) {
      const v = (converters[i] as ColumnConverter).convert(row[sourceColumns[i] as number] ?? null);
      values[i] = v;
      if (v !== null) filled = true;
    }
    if (!filled) continue;
    for (let i = 0; i < n; i++) (columns[i] as CellValue[]).push(values[i] ?? null);
    rowNumbers.push(firstIndex + r + 1);
    ids.push(newRecordId());
  }
  return { rows: rowNumbers, columns, ids };
}
