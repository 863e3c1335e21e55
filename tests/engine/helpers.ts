/** Small builders for engine tests: a table engine over named columns with a pinned as-of date. */
import { createTableEngine } from '../../src/engine';
import type { FormulaColumn, InputColumn, TableEngine } from '../../src/engine';
import { ResultColumn, type EncodedResults } from '../../src/engine/resultColumn';
import type { FormulaResult } from '../../src/engine/types';

export const AS_OF = '2025-06-30';

export async function buildEngine(
  inputs: InputColumn[],
  formulas: Record<string, string>,
  options: { blockSize?: number; language?: 'zh-CN' | 'en'; asOf?: string; direct?: boolean } = {},
): Promise<TableEngine> {
  const engine = createTableEngine({
    asOf: options.asOf ?? AS_OF,
    language: options.language ?? 'en',
    blockSize: options.blockSize ?? 4,
    direct: options.direct,
  });
  const rowCount = Math.max(0, ...inputs.map((c) => c.values.length));
  const fs: FormulaColumn[] = Object.entries(formulas).map(([fieldId, formula]) => ({
    fieldId,
    formula,
  }));
  await engine.build(rowCount, inputs, fs);
  return engine;
}

export const num = (fieldId: string, values: (number | null)[]): InputColumn => ({
  fieldId,
  kind: 'number',
  values,
});
export const date = (fieldId: string, values: (string | null)[]): InputColumn => ({
  fieldId,
  kind: 'date',
  values,
});
export const text = (fieldId: string, values: (string | null)[]): InputColumn => ({
  fieldId,
  kind: 'text',
  values,
});

/** Encoded results read back as the page reads a reply: written into an empty column. */
export function readEncoded(encoded: EncodedResults): FormulaResult[] {
  const column = ResultColumn.empty(encoded.codes.length);
  column.write(0, encoded);
  return column.toArray();
}
