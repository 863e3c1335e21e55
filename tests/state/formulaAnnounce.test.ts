import { describe, expect, it } from 'vitest';
import type { FieldId, RecordId } from '../../src/domain/ids';
import { addRecord, deleteRecords, editCellText } from '../../src/state/actions';
import { formulaValue, subscribeFormulas, syncFormulas } from '../../src/state/formulas';
import { addDouble, settleFormulas, spentTable, withFormulaSync } from './formulaHelpers';

withFormulaSync();

const settled = settleFormulas;

describe('what the formula listeners are told', () => {
  it(
    'names only the rows whose results changed, so a sorted grid re-sorts just those',
    { timeout: 60_000 },
    async () => {
      const { tableId, spent, records } = await spentTable(6);
      const double = await addDouble(tableId, spent);
      await expect
        .poll(async () => {
          await syncFormulas(tableId);
          return formulaValue(tableId, double, records[5]!.id);
        })
        .toBe(12);
      await settled(tableId);

      const told: { fields: FieldId[]; rows: RecordId[] | null }[] = [];
      const unsubscribe = subscribeFormulas(tableId, (fields, rows) => told.push({ fields, rows }));
      await editCellText(spent, records[2]!.id, '50', 'en');
      await settled(tableId);
      expect(told).toEqual([{ fields: [double], rows: [records[2]!.id] }]);

      // A new row: its results are new, the other rows' results only moved.
      told.length = 0;
      const added = await addRecord(tableId);
      await settled(tableId);
      expect(told).toEqual([{ fields: [double], rows: [added.id] }]);

      // A deleted row changes no other row's result: nothing to repaint or re-sort.
      told.length = 0;
      await deleteRecords(tableId, [records[0]!.id]);
      await settled(tableId);
      expect(told).toEqual([]);
      expect(formulaValue(tableId, double, records[2]!.id)).toBe(100);
      expect(formulaValue(tableId, double, records[5]!.id)).toBe(12);
      unsubscribe();
    },
  );
});
