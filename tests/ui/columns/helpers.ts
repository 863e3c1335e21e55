/** A small in-memory workspace for column UI tests: one table with three columns and a view. */
import type { FieldId, TableId, ViewId, WorkspaceId } from '../../../src/domain/ids';
import type { Field, View } from '../../../src/domain/model';
import type { SchemaState } from '../../../src/domain/schemaState';

export const tableId = 'tbl_t1' as TableId;
export const viewId = 'viw_t1' as ViewId;
export const nameId = 'fld_name' as FieldId;
export const phoneId = 'fld_phone' as FieldId;
export const spentId = 'fld_spent' as FieldId;

export function makeField(
  id: FieldId,
  name: string,
  type: Field['type'],
  options: Field['options'] = {},
): Field {
  return { id, tableId, name, type, options };
}

export function makeSchema(hidden: FieldId[] = []): SchemaState {
  const fields = [
    makeField(nameId, 'Name', 'text'),
    makeField(phoneId, 'Phone', 'phone'),
    makeField(spentId, 'Total spent', 'currency', { currencySymbol: '¥', decimals: 2 }),
  ];
  const view: View = {
    id: viewId,
    tableId,
    name: 'All',
    order: 0,
    columns: fields.map((f) => ({ fieldId: f.id, hidden: hidden.includes(f.id) || undefined })),
    sorts: [],
    filters: [],
    filterMode: 'and',
  };
  return {
    meta: { id: 'wsp_t' as WorkspaceId, name: 'Test', createdAt: 0 },
    tables: { [tableId]: { id: tableId, name: 'Customers', order: 0, primaryFieldId: nameId } },
    fields: Object.fromEntries(fields.map((f) => [f.id, f])),
    views: { [viewId]: view },
  };
}
