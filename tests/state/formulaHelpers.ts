/**
 * Formula test support: fields by name, the Spent → Double columns most formula tests build
 * on, and waiting until the engine has answered.
 */
import type { FieldId, TableId } from '../../src/domain/ids';
import type { Field, TableRecord } from '../../src/domain/model';
import { listFields } from '../../src/domain/schemaState';
import { addField, addRecord, editCellText } from '../../src/state/actions';
import { syncFormulas } from '../../src/state/formulas';
import { schemaNow } from './helpers';

export function fieldNamed(tableId: TableId, name: string): Field {
  const f = listFields(schemaNow(), tableId).find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

/** Adds the number column Spent. */
export async function addSpent(tableId: TableId): Promise<Field> {
  await addField(tableId, { name: 'Spent', type: 'number', options: {} }, {});
  return fieldNamed(tableId, 'Spent');
}

/** Adds the formula column Double = Spent × 2. */
export async function addDouble(tableId: TableId, spent: Field): Promise<FieldId> {
  await addField(
    tableId,
    { name: 'Double', type: 'formula', options: { formula: `={${spent.id}} * 2` } },
    {},
  );
  return fieldNamed(tableId, 'Double').id;
}

/** Adds `count` records whose Spent is 1, 2, 3 … */
export async function addSpentRecords(
  tableId: TableId,
  spent: Field,
  count: number,
): Promise<TableRecord[]> {
  const records: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const rec = await addRecord(tableId);
    await editCellText(spent, rec.id, String(i + 1), 'en');
    records.push(rec);
  }
  return records;
}

/** Waits until the engine has answered every request sent so far. */
export async function settleFormulas(tableId: TableId): Promise<void> {
  for (let i = 0; i < 3; i++) await syncFormulas(tableId);
}
