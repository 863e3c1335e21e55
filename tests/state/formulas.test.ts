import { describe, expect, it } from 'vitest';
import type { FieldId, RecordId, TableId } from '../../src/domain/ids';
import {
  addField,
  addRecord,
  deleteField,
  deleteRecords,
  editCellText,
} from '../../src/state/actions';
import { dropFormulas, formulaValue, syncFormulas } from '../../src/state/formulas';
import { flushWrites, recordStore, undo } from '../../src/state/session';
import { updateMeta } from '../../src/state/workspace';
import { addDouble, addSpent, fieldNamed, withFormulaSync } from './formulaHelpers';
import { openEmpty } from './helpers';

withFormulaSync();

/** Waits until the formula column shows `expected` for the record (the engine loads lazily). */
async function expectFormula(
  tableId: TableId,
  fieldId: FieldId,
  recordId: RecordId,
  expected: unknown,
) {
  await expect
    .poll(
      async () => {
        await syncFormulas(tableId);
        return formulaValue(tableId, fieldId, recordId);
      },
      { timeout: 10_000 },
    )
    .toEqual(expected);
}

describe('live formula columns', () => {
  it(
    'compute from inputs and follow edits, new rows, undo, deletions and the as-of date',
    { timeout: 60_000 },
    async () => {
      const tableId = await openEmpty();
      await addField(tableId, { name: 'Spent', type: 'currency', options: {} }, {});
      await addField(tableId, { name: 'Visits', type: 'number', options: {} }, {});
      await addField(tableId, { name: 'Last', type: 'date', options: {} }, {});
      const spent = fieldNamed(tableId, 'Spent');
      const visits = fieldNamed(tableId, 'Visits');
      const last = fieldNamed(tableId, 'Last');
      const a = await addRecord(tableId);
      await editCellText(spent, a.id, '100', 'en');
      await editCellText(visits, a.id, '4', 'en');
      await editCellText(last, a.id, '2025-12-01', 'en');
      await updateMeta({ asOfDate: '2025-12-31' });
      await addField(
        tableId,
        { name: 'Avg', type: 'formula', options: { formula: `={${spent.id}} / {${visits.id}}` } },
        {},
      );
      await addField(
        tableId,
        { name: 'Ago', type: 'formula', options: { formula: `=DAYS_SINCE({${last.id}})` } },
        {},
      );
      const avg = fieldNamed(tableId, 'Avg').id;
      const ago = fieldNamed(tableId, 'Ago').id;
      await expectFormula(tableId, avg, a.id, 25);
      await expectFormula(tableId, ago, a.id, 30);

      await editCellText(spent, a.id, '300', 'en');
      await expectFormula(tableId, avg, a.id, 75);
      await undo();
      await expectFormula(tableId, avg, a.id, 25);

      const b = await addRecord(tableId);
      await expectFormula(tableId, avg, b.id, {
        error: 'DIV_BY_ZERO',
        message: expect.any(String),
      });
      await editCellText(spent, b.id, '9', 'en');
      await editCellText(visits, b.id, '3', 'en');
      await expectFormula(tableId, avg, b.id, 3);
      await deleteRecords(tableId, [a.id]);
      await expectFormula(tableId, avg, b.id, 3);
      expect(recordStore(tableId).size).toBe(1);

      await updateMeta({ asOfDate: '2026-01-10' });
      await editCellText(last, b.id, '2026-01-01', 'en');
      await expectFormula(tableId, ago, b.id, 9);

      await deleteField(visits.id);
      await expectFormula(tableId, avg, b.id, { error: 'REF', message: expect.any(String) });
      await flushWrites();
    },
  );
});

describe('formula results while changes overlap', () => {
  it(
    'rows inserted, deleted and edited without waiting for the engine end up on the right records',
    { timeout: 60_000 },
    async () => {
      const tableId = await openEmpty();
      const spent = await addSpent(tableId);
      const double = await addDouble(tableId, spent);
      const first = await addRecord(tableId);
      await editCellText(spent, first.id, '1', 'en');
      await expectFormula(tableId, double, first.id, 2);
      // Each change is sent before the engine has answered the one before.
      const made = [];
      for (let i = 0; i < 6; i++) made.push(await addRecord(tableId));
      await Promise.all(made.map((r, i) => editCellText(spent, r.id, String(10 + i), 'en')));
      await deleteRecords(tableId, [made[1]!.id, made[4]!.id]);
      await editCellText(spent, first.id, '7', 'en');
      const kept = [first, made[0]!, made[2]!, made[3]!, made[5]!];
      const expected = [14, 20, 24, 26, 30];
      for (const [i, rec] of kept.entries())
        await expectFormula(tableId, double, rec.id, expected[i]);
      expect(formulaValue(tableId, double, made[1]!.id)).toBeUndefined();
    },
  );
});

describe('an edit made while the engine is being built', () => {
  it('reaches the engine after the build instead of being lost', { timeout: 60_000 }, async () => {
    const tableId = await openEmpty();
    const spent = await addSpent(tableId);
    const double = await addDouble(tableId, spent);
    const rec = await addRecord(tableId);
    await editCellText(spent, rec.id, '1', 'en');
    await expectFormula(tableId, double, rec.id, 2);
    dropFormulas(tableId);
    const build = syncFormulas(tableId); // prepares its input columns over several tasks
    const edit = editCellText(spent, rec.id, '5', 'en'); // in memory now, before the build ends
    await Promise.all([build, edit]);
    await expectFormula(tableId, double, rec.id, 10);
  });
});
