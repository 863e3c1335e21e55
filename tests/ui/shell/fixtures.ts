/** A small schema for shell component tests: two tables, one with a field of each kind the form shows. */
import type { FieldId, RecordId, TableId, ViewId, WorkspaceId } from '../../../src/domain/ids';
import type { Field, Table, TableRecord, View } from '../../../src/domain/model';
import type { SchemaState } from '../../../src/domain/schemaState';
import { initI18n } from '../../../src/ui/i18n';
import type { Language } from '../../../src/domain/model';

export const CUSTOMERS = 'tbl_customers' as TableId;
export const ORDERS = 'tbl_orders' as TableId;
export const F = {
  name: 'fld_name' as FieldId,
  visits: 'fld_visits' as FieldId,
  vip: 'fld_vip' as FieldId,
  tier: 'fld_tier' as FieldId,
  tags: 'fld_tags' as FieldId,
  note: 'fld_note' as FieldId,
  birthday: 'fld_birthday' as FieldId,
  spent: 'fld_spent' as FieldId,
  orderName: 'fld_order' as FieldId,
};
export const R1 = 'rec_1' as RecordId;
export const R2 = 'rec_2' as RecordId;
export const R3 = 'rec_3' as RecordId;

function field(
  id: FieldId,
  tableId: TableId,
  name: string,
  type: Field['type'],
  options: Field['options'] = {},
): Field {
  return { id, tableId, name, type, options };
}

export function buildSchema(): SchemaState {
  const tables: Table[] = [
    { id: ORDERS, name: 'Orders', order: 1, primaryFieldId: F.orderName, sample: true },
    { id: CUSTOMERS, name: 'Customers', order: 0, primaryFieldId: F.name, sample: true },
  ];
  const fields: Field[] = [
    field(F.name, CUSTOMERS, 'Name', 'text'),
    field(F.visits, CUSTOMERS, 'Visits', 'number'),
    field(F.vip, CUSTOMERS, 'VIP', 'checkbox'),
    field(F.tier, CUSTOMERS, 'Tier', 'singleSelect', {
      choices: [
        { id: 'opt_gold', name: 'Gold', color: 'yellow' },
        { id: 'opt_silver', name: 'Silver', color: 'gray' },
      ],
    }),
    field(F.tags, CUSTOMERS, 'Tags', 'multiSelect', {
      choices: [
        { id: 'opt_a', name: 'Coffee', color: 'brown' },
        { id: 'opt_b', name: 'Tea', color: 'green' },
      ],
    }),
    field(F.note, CUSTOMERS, 'Note', 'longText'),
    field(F.birthday, CUSTOMERS, 'Birthday', 'date'),
    field(F.spent, CUSTOMERS, 'Spent', 'formula', { formula: '{Visits} * 10' }),
    field(F.orderName, ORDERS, 'Order', 'text'),
  ];
  const views: View[] = [
    {
      id: 'viw_c' as ViewId,
      tableId: CUSTOMERS,
      name: 'All',
      order: 0,
      columns: [F.name, F.visits, F.vip, F.tier, F.tags, F.note, F.birthday, F.spent].map(
        (fieldId) => ({ fieldId }),
      ),
      sorts: [],
      filters: [],
      filterMode: 'and',
    },
  ];
  return {
    meta: { id: 'wsp_test' as WorkspaceId, name: 'Shop', createdAt: 0 },
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
    fields: Object.fromEntries(fields.map((f) => [f.id, f])),
    views: Object.fromEntries(views.map((v) => [v.id, v])),
  };
}

export function customerRecords(): TableRecord[] {
  const rec = (id: RecordId, order: number, values: TableRecord['values']): TableRecord => ({
    id,
    tableId: CUSTOMERS,
    order,
    values,
    createdAt: 0,
    modifiedAt: 0,
  });
  return [
    rec(R1, 0, {
      [F.name]: 'Alice Wang',
      [F.visits]: 12,
      [F.vip]: true,
      [F.tier]: 'Gold',
      [F.tags]: ['Tea'],
      [F.note]: 'Likes oolong',
      [F.birthday]: '1990-05-04',
    }),
    rec(R2, 1, { [F.name]: 'Bob Li', [F.visits]: { invalid: 'lots' } }),
    rec(R3, 2, {}),
  ];
}

/** Sets the interface language and waits until i18next has switched. */
export async function switchLanguage(lang: Language): Promise<void> {
  await initI18n(lang).changeLanguage(lang);
}
