/** Fields and a fake engine for the formula editor tests. */
import { substituteReferences } from '../../../src/domain/formula';
import type { FieldId, TableId } from '../../../src/domain/ids';
import { argumentRule, createTableEngine } from '../../../src/engine';
import type { TableEngine } from '../../../src/engine';
import type { Field } from '../../../src/domain/model';
import type { FormulaSupport } from '../../../src/ui/formula/formulaSupport';
import { showFormulaResult } from '../../../src/ui/formula/formulaSupport';

export const tableId = 'tbl_f1' as TableId;
export const nameId = 'fld_name' as FieldId;
export const amountId = 'fld_amount' as FieldId;
export const countId = 'fld_count' as FieldId;
export const htmlId = 'fld_html' as FieldId;
export const aId = 'fld_a' as FieldId;
export const bId = 'fld_b' as FieldId;

function makeField(id: FieldId, name: string, type: Field['type'], options = {}): Field {
  return { id, tableId, name, type, options };
}

export function makeFields(): Field[] {
  return [
    makeField(nameId, 'Name', 'text'),
    makeField(amountId, '消费金额', 'currency'),
    makeField(countId, '消费次数', 'number'),
    makeField(htmlId, '<b>x</b>', 'text'),
    // A reads B: giving B a formula that reads A closes a loop.
    makeField(aId, 'A', 'formula', { formula: `={${bId}}+1`, formulaRefNames: { [bId]: 'B' } }),
    makeField(bId, 'B', 'formula', { formula: '=1' }),
  ];
}

/**
 * Refuses formulas ending in an operator (as a parser would); previews two rows, one an error,
 * shown as the grid shows them.
 */
export function makeSupport(): FormulaSupport & {
  validate: ReturnType<typeof vi.fn<FormulaSupport['validate']>>;
  preview: ReturnType<typeof vi.fn<FormulaSupport['preview']>>;
} {
  return {
    validate: vi.fn<FormulaSupport['validate']>((stored) =>
      /[-+*/]\s*$/.test(stored)
        ? { ok: false, message: 'Unexpected end of formula' }
        : { ok: true },
    ),
    argumentRule,
    preview: vi.fn<FormulaSupport['preview']>(async () => [
      { label: 'Alice', result: 12.5 },
      { label: 'Bob', result: { error: 'DIV_BY_ZERO' } },
    ]),
    showResult: (result, options) =>
      showFormulaResult(result, options, { language: 'en', today: '2026-01-01' }),
  };
}

/** user-event reads `{` and `[` as key names; doubled they type themselves. */
export function literal(text: string): string {
  return text.replace(/[{[]/g, (c) => c + c);
}

/**
 * A real engine with one row holding `value` in each of the number columns `ids`, to check
 * formulas against as the dialog does (field references substituted as the app does).
 */
export async function checkingEngine(ids: readonly FieldId[], value: number): Promise<TableEngine> {
  const engine = createTableEngine({
    asOf: '2025-06-30',
    language: 'en',
    substitute: substituteReferences,
  });
  const columns = ids.map((fieldId) => ({ fieldId, kind: 'number' as const, values: [value] }));
  await engine.build(1, columns, []);
  return engine;
}
