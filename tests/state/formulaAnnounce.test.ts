import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldId, RecordId, TableId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import { listFields } from '../../src/domain/schemaState';
import { addField, addRecord, deleteRecords, editCellText } from '../../src/state/actions';
import {
  formulaValue,
  startFormulaSync,
  subscribeFormulas,
  syncFormulas,
} from '../../src/state/formulas';
import { openEmpty, resetApp, schemaNow } from './helpers';

let stop: (() => void) | undefined;
beforeEach(() => {
  resetApp();
  stop = startFormulaSync();
});
afterEach(() => {
  stop?.();
  resetApp();
});

const fieldId = (tableId: TableId, name: string): FieldId => {
  const f = listFields(schemaNow(), tableId).find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f.id;
};

/** Waits until the engine has answered every request sent so far. */
async function settled(tableId: TableId): Promise<void> {
  for (let i = 0; i < 3; i++) await syncFormulas(tableId);
}

describe('what the formula listeners are told', () => {
  it(
    'names only the rows whose results changed, so a sorted grid re-sorts just those',
    { timeout: 60_000 },
    async () => {
      const tableId = await openEmpty();
      await addField(tableId, { name: 'Spent', type: 'number', options: {} }, {});
      const spent = listFields(schemaNow(), tableId).find((f) => f.name === 'Spent');
      if (!spent) throw new Error('no Spent');
      const records: TableRecord[] = [];
      for (let i = 0; i < 6; i++) {
        const rec = await addRecord(tableId);
        await editCellText(spent, rec.id, String(i + 1), 'en');
        records.push(rec);
      }
      await addField(
        tableId,
        { name: 'Double', type: 'formula', options: { formula: `={${spent.id}} * 2` } },
        {},
      );
      const double = fieldId(tableId, 'Double');
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
