/**
 * Evaluates a template table's formula columns through the real formula engine, fed the way
 * the app feeds it (src/state/formulaValues: one input column per stored field).
 */
import type { TableId } from '../../../src/domain/ids';
import { substituteReferences } from '../../../src/domain/formula';
import type { Language } from '../../../src/domain/model';
import type { ShopTemplate } from '../../../src/domain/template';
import { createTableEngine } from '../../../src/engine';
import type { FormulaResult, InputColumn } from '../../../src/engine';
import { engineValueOf, inputKindOf } from '../../../src/state/formulaValues';

/** Formula results of one table by field NAME, one value per record in record order. */
export type FormulaColumns = ReadonlyMap<string, FormulaResult[]>;

export async function computeFormulas(
  t: ShopTemplate,
  tableId: TableId,
  options: { asOf: string; language: Language },
): Promise<FormulaColumns> {
  const fields = t.fields.filter((f) => f.tableId === tableId);
  const records = t.records.filter((r) => r.tableId === tableId).sort((a, b) => a.order - b.order);
  const inputs: InputColumn[] = [];
  for (const field of fields) {
    const kind = inputKindOf(field);
    if (kind)
      inputs.push({ fieldId: field.id, kind, values: records.map((r) => engineValueOf(field, r)) });
  }
  const formulas = fields
    .filter((f) => f.type === 'formula')
    .map((f) => ({ fieldId: f.id, formula: f.options.formula ?? '' }));
  const engine = createTableEngine({ ...options, substitute: substituteReferences });
  try {
    await engine.build(records.length, inputs, formulas);
    return new Map(
      fields.filter((f) => f.type === 'formula').map((f) => [f.name, engine.column(f.id)] as const),
    );
  } finally {
    engine.destroy();
  }
}

/** A formula column by name (an unscored or empty cell is null). */
export function formulaColumn(columns: FormulaColumns, name: string): FormulaResult[] {
  const column = columns.get(name);
  if (!column) throw new Error(`no formula column ${name}`);
  return column;
}
