/** Fixtures built in the tests: text in any encoding (iconv-lite) and workbooks (SheetJS). */
import iconv from 'iconv-lite';
import { utils, write } from '@e965/xlsx';
import type { TypeContext } from '../../../src/domain/fields/fieldType';
import type { Preview } from '../../../src/domain/import/types';
import { ImportRunner } from '../../../src/io/import/session';

export const ctx: TypeContext = { language: 'zh-CN', today: '2024-06-01' };

export function encode(text: string, encoding: string, bom = false): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));
}

export function workbook(
  sheets: Record<string, unknown[][]>,
  bookType: 'xlsx' | 'xls' | 'ods',
): Uint8Array {
  const wb = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    utils.book_append_sheet(wb, utils.aoa_to_sheet(rows, { cellDates: true }), name);
  }
  return new Uint8Array(write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

export function openRunner(bytes: Uint8Array, name = 'f.csv'): ImportRunner {
  const r = ImportRunner.open(bytes, name);
  if (typeof r === 'string') throw new Error(`open failed: ${r}`);
  return r;
}

export function previewOf(bytes: Uint8Array, name = 'f.csv'): Preview {
  return openRunner(bytes, name).preview({ sheet: 0, headerRow: null }, ctx);
}

export const headers = (p: Preview): string[] => p.columns.map((c) => c.header);
