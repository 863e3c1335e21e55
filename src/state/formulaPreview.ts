/**
 * A small engine over a table's first rows for the formula editor: checks a formula's syntax
 * and shows its results live. A formula that ranks rows against their column is computed by
 * the table's own engine instead, over all rows, and then dropped there.
 */
import { ranksWholeColumns, substituteReferences } from '../domain/formula';
import type { ArgumentRules } from '../domain/formula';
import type { FieldId, TableId } from '../domain/ids';
import type { TableRecord } from '../domain/model';
import type { FormulaResult, ValidationResult } from '../engine/types';
import {
  asOfDate,
  loadFormulaEngine,
  previewFormula,
  releasePreviewEngine,
  workspaceLanguage,
} from './formulas';
import { engineValueOf, inputKindOf } from './formulaValues';
import { ensureRecords, recordStore } from './session';
import { useAppStore } from './store';

export interface FormulaPreview {
  records: TableRecord[];
  validate(stored: string): ValidationResult;
  /** The argument counts each function takes, as the engine runs it. */
  argumentRule: ArgumentRules;
  /**
   * The formula's results for the preview records (in order); null when a later call superseded
   * this one before its results were known.
   */
  evaluate(stored: string): Promise<FormulaResult[] | null>;
  destroy(): void;
}

const PREVIEW_FIELD = 'fld_preview';

export async function createFormulaPreview(
  tableId: TableId,
  ownFieldId: FieldId | undefined,
  rows: number,
): Promise<FormulaPreview> {
  const mod = await loadFormulaEngine();
  await ensureRecords(tableId);
  const schema = useAppStore.getState().schema;
  const records = recordStore(tableId).all().slice(0, rows);
  const fields = schema ? Object.values(schema.fields).filter((f) => f.tableId === tableId) : [];
  const engine = mod.createTableEngine({
    asOf: asOfDate(),
    language: workspaceLanguage(),
    substitute: substituteReferences,
  });
  const inputs = fields.flatMap((field) => {
    const kind = inputKindOf(field);
    return kind
      ? [{ fieldId: field.id, kind, values: records.map((r) => engineValueOf(field, r)) }]
      : [];
  });
  // Other formula columns take part, so a formula may build on them (not on itself).
  const formulas = fields
    .filter((f) => f.type === 'formula' && f.options.formula && f.id !== ownFieldId)
    .map((f) => ({ fieldId: f.id, formula: f.options.formula ?? '' }));
  await engine.build(records.length, inputs, formulas);
  const byId = new Map(fields.map((f) => [f.id, f]));
  let current: string | null = null;
  // A formula that ranks sees every row only in the table's own engine: one request at a time,
  // the latest formula next (typing does not queue a request per key).
  let latest: string | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const ids = records.map((r) => r.id);
  const whole = async (stored: string): Promise<FormulaResult[] | null | 'later'> => {
    latest = stored;
    await running;
    if (latest !== stored) return 'later';
    const request = previewFormula(tableId, stored, ids);
    running = request;
    return request;
  };
  return {
    records,
    validate: (stored) => engine.validate(stored),
    argumentRule: mod.argumentRule,
    async evaluate(stored) {
      if (!engine.validate(stored).ok) return [];
      if (ranksWholeColumns(stored, byId)) {
        const results = await whole(stored);
        if (results === 'later') return null;
        if (results) return results;
      }
      if (current !== stored) {
        engine.setFormula(PREVIEW_FIELD, stored);
        current = stored;
      }
      return engine.column(PREVIEW_FIELD);
    },
    destroy: () => {
      engine.destroy();
      releasePreviewEngine(tableId);
    },
  };
}
