/**
 * Rows of decoded delimited text. One quote-aware pass records where every row starts, so any
 * range of rows (the preview, a conversion chunk) is parsed alone by papaparse, on demand.
 */
import Papa from 'papaparse';
import type { Delimiter, RawCell } from '../../domain/import/types';
import { restoreNeutralised } from '../export/csv';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const APOSTROPHE = 39;

export interface RowIndex {
  /** Start offset of each row, plus the text length at the end: rows = starts.length - 1. */
  starts: Float64Array;
  /** The most fields any row has. */
  width: number;
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Row boundaries the way papaparse reads them: a quote opens a quoted field only at the start
 * of a field; inside one, "" is a quote and line breaks belong to the field.
 */
export function indexRows(text: string, delimiter: Delimiter): RowIndex {
  const delim = delimiter.charCodeAt(0);
  let starts: Float64Array = new Float64Array(1024);
  let rows = 0;
  let width = 0;
  let fields = 1;
  let fieldStart = true;
  let quoted = false;
  const n = text.length;
  starts[rows++] = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === QUOTE && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === delim) {
      fields++;
      fieldStart = true;
    } else if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      if (fields > width) width = fields;
      fields = 1;
      fieldStart = true;
      if (rows === starts.length) starts = grow(starts);
      starts[rows++] = i + 1;
    } else fieldStart = false;
  }
  if (fields > width) width = fields;
  // A final line break ends the last row rather than starting an empty one.
  if (rows > 1 && starts[rows - 1] === n) rows--;
  if (rows === starts.length) starts = grow(starts);
  starts[rows] = n;
  return { starts: starts.slice(0, rows + 1), width };
}

export function rowCount(index: RowIndex): number {
  return index.starts.length - 1;
}

/** Rows [from, to) as arrays of strings (papaparse on just that slice of the text). */
export function parseRows(
  text: string,
  index: RowIndex,
  delimiter: Delimiter,
  from: number,
  to: number,
): RawCell[][] {
  const end = Math.min(to, rowCount(index));
  if (from >= end) return [];
  const slice = text.slice(index.starts[from], index.starts[end]);
  const result = Papa.parse<string[]>(slice, {
    delimiter,
    newline: '\n',
    header: false,
    skipEmptyLines: false,
  });
  const rows = result.data;
  // papaparse adds an empty row for a final line break; our index already ended the row there.
  if (rows.length > end - from) rows.length = end - from;
  // Cells a CSV export prefixed with an apostrophe (so Excel would not run them) lose it again.
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i] as string;
      if (cell.charCodeAt(0) === APOSTROPHE) row[i] = restoreNeutralised(cell);
    }
  }
  return rows;
}
