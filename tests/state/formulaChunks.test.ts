import { describe, expect, it } from 'vitest';
import type { FieldId, RecordId, TableId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import { addField, addRecord, deleteRecords, editCellText } from '../../src/state/actions';
import { dropFormulas, formulaValue, syncFormulas } from '../../src/state/formulas';
import { recordStore } from '../../src/state/session';
import {
  addDouble,
  fieldNamed,
  settleFormulas,
  spentTable,
  withFormulaSync,
} from './formulaHelpers';

// Every engine message carries at most two values and posting yields after each message, so a
// build of a few rows travels as many parts while the edits below go on.
withFormulaSync({ chunkValues: 2, sliceMs: 0 });

/** Every record's Double and Size as the page shows them, in table order. */
function shown(tableId: TableId, double: FieldId, size: FieldId): unknown[] {
  return recordStore(tableId)
    .all()
    .map((r) => [formulaValue(tableId, double, r.id), formulaValue(tableId, size, r.id)]);
}

/** What Double and Size should be for spent values in table order. */
const expected = (spent: (number | null)[]) =>
  spent.map((v) => [(v ?? 0) * 2, (v ?? 0) > 4 ? 'big' : 'small']);

async function tableWithFormulas() {
  const { tableId, spent, records } = await spentTable(9);
  const double = await addDouble(tableId, spent);
  await addField(
    tableId,
    {
      name: 'Size',
      type: 'formula',
      options: { formula: `=IF({${spent.id}} > 4, "big", "small")` },
    },
    {},
  );
  const size = fieldNamed(tableId, 'Size').id;
  return { tableId, spent, records, double, size };
}

const settle = settleFormulas;

describe('formula columns over chunked engine messages', () => {
  it(
    'show every row’s results after a build sent and answered in parts',
    { timeout: 60_000 },
    async () => {
      const { tableId, double, size } = await tableWithFormulas();
      const want = expected([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      await expect
        .poll(async () => (await settle(tableId), shown(tableId, double, size)), {
          timeout: 10_000,
        })
        .toEqual(want);
    },
  );

  it(
    'apply an edit, an insert and a delete made while a chunked build is in flight to the right rows',
    { timeout: 60_000 },
    async () => {
      const { tableId, spent, records, double, size } = await tableWithFormulas();
      await settle(tableId);
      dropFormulas(tableId);
      const build = syncFormulas(tableId);
      const r = (i: number) => (records[i] as TableRecord).id;
      const changes = Promise.all([
        editCellText(spent, r(7), '100', 'en'),
        addRecord(tableId, { recordId: r(3), side: 'above' }),
        deleteRecords(tableId, [r(1)]),
      ]);
      const [, [, added]] = await Promise.all([build, changes]);
      await settle(tableId);
      // Rows: 1, 3, (new), 4, 5, 6, 7, 100, 9.
      expect(shown(tableId, double, size)).toEqual(expected([1, 3, null, 4, 5, 6, 7, 100, 9]));
      // Then one change at a time, without waiting for the engine: each must find its row.
      await editCellText(spent, added.id, '6', 'en');
      const more = await addRecord(tableId, { recordId: r(5), side: 'below' });
      await editCellText(spent, more.id, '2', 'en');
      await deleteRecords(tableId, [r(0), r(8)]);
      await editCellText(spent, r(6), '8', 'en');
      await settle(tableId);
      expect(shown(tableId, double, size)).toEqual(expected([3, 6, 4, 5, 6, 2, 8, 100]));
      expect(formulaValue(tableId, double, r(1) as RecordId)).toBeUndefined();
    },
  );
});
