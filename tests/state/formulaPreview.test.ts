import { describe, expect, it, vi } from 'vitest';
import { addField, addRecord, editCellText } from '../../src/state/actions';
import { createFormulaPreview } from '../../src/state/formulaPreview';
import { formulaValue } from '../../src/state/formulas';
import {
  fieldNamed,
  recordEngineOps,
  settleFormulas,
  spentTable,
  withFormulaSync,
} from './formulaHelpers';

withFormulaSync();

describe("the formula editor's preview", () => {
  it(
    'ranks the first rows against the whole column, also in a table without formulas',
    { timeout: 60_000 },
    async () => {
      const { tableId, spent } = await spentTable(10);
      const preview = await createFormulaPreview(tableId, undefined, 5);
      // Spent 1…10: quintiles of two each. The first five rows alone would score 1, 2, 3, 4, 5.
      expect(await preview.evaluate(`=RFM_M({${spent.id}})`)).toEqual([1, 1, 2, 2, 3]);
      expect(await preview.evaluate(`=IF(RFM_M({${spent.id}}) = 1, "low", "")`)).toEqual([
        'low',
        'low',
        '',
        '',
        '',
      ]);
      // Row-local formulas are computed on the preview's own rows.
      expect(await preview.evaluate(`={${spent.id}} * 2`)).toEqual([2, 4, 6, 8, 10]);
      // Closed, the editor leaves no engine behind for a table without formula columns.
      const ops = recordEngineOps();
      preview.destroy();
      await expect.poll(() => ops).toEqual(['drop']);
      vi.restoreAllMocks();
    },
  );

  it(
    'follows a formula column that ranks, and leaves the table’s own results as they were',
    { timeout: 60_000 },
    async () => {
      const { tableId, spent, records } = await spentTable(10);
      await addField(
        tableId,
        { name: 'M', type: 'formula', options: { formula: `=RFM_M({${spent.id}})` } },
        {},
      );
      const m = fieldNamed(tableId, 'M').id;
      await settleFormulas(tableId);
      expect(records.map((r) => formulaValue(tableId, m, r.id))).toEqual([
        1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
      ]);

      const preview = await createFormulaPreview(tableId, undefined, 5);
      expect(await preview.evaluate(`={${m}} * 10`)).toEqual([10, 10, 20, 20, 30]);
      // Typing on: only the latest formula is computed once the one running is done.
      const typed = [`={${m}} +`, `={${m}} + 1`, `={${m}} + 10`].map((f) => preview.evaluate(f));
      const results = await Promise.all(typed);
      expect(results[0]).toEqual([]);
      expect(results.at(-1)).toEqual([11, 11, 12, 12, 13]);
      preview.destroy();

      // The previewed column is gone from the engine: edits still reach M, and only M.
      const extra = await addRecord(tableId);
      await editCellText(spent, extra.id, '100', 'en');
      await settleFormulas(tableId);
      expect(formulaValue(tableId, m, extra.id)).toBe(5);
      expect(formulaValue(tableId, m, records[9]!.id)).toBe(5);
      expect(formulaValue(tableId, m, records[0]!.id)).toBe(1);
    },
  );
});
