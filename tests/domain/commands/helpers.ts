/**
 * A small in-memory workspace (schema + record stores) for command tests, and the
 * apply / undo / redo round trip every command kind must survive.
 */
import { expect } from 'vitest';
import type { Command } from '../../../src/domain/changes';
import { invertCommand } from '../../../src/domain/changes';
import type { FieldId, RecordId, TableId, ViewId, WorkspaceId } from '../../../src/domain/ids';
import type { Field, Table, TableRecord, View } from '../../../src/domain/model';
import type { SchemaState } from '../../../src/domain/schemaState';
import { applySchemaChanges } from '../../../src/domain/schemaState';
import { RecordStore } from '../../../src/state/recordStore';

export const T1 = 'tbl_customers' as TableId;
export const T2 = 'tbl_orders' as TableId;
export const F_NAME = 'fld_name' as FieldId;
export const F_PHONE = 'fld_phone' as FieldId;
export const F_SPEND = 'fld_spend' as FieldId;
export const F_ORDER = 'fld_order' as FieldId;
export const V_ALL = 'viw_all' as ViewId;
export const V_BIG = 'viw_big' as ViewId;
export const V_ORDERS = 'viw_orders' as ViewId;

export function makeField(
  id: FieldId,
  tableId: TableId,
  name: string,
  type: Field['type'] = 'text',
): Field {
  return { id, tableId, name, type, options: {} };
}

export function makeRecord(
  id: string,
  tableId: TableId,
  order: number,
  values: TableRecord['values'],
): TableRecord {
  return { id: id as RecordId, tableId, order, values, createdAt: 100 + order, modifiedAt: 200 };
}

const customers: Table = { id: T1, name: 'Customers', order: 0, primaryFieldId: F_NAME };
const orders: Table = { id: T2, name: 'Orders', order: 1, primaryFieldId: F_ORDER };

/** Two views on customers: one plain, one reordered with a hidden column, a sort and a filter. */
const viewAll: View = {
  id: V_ALL,
  tableId: T1,
  name: 'All',
  order: 0,
  columns: [{ fieldId: F_NAME, width: 180 }, { fieldId: F_PHONE }, { fieldId: F_SPEND }],
  sorts: [],
  filters: [],
  filterMode: 'and',
};
const viewBig: View = {
  id: V_BIG,
  tableId: T1,
  name: 'Big spenders',
  order: 1,
  columns: [{ fieldId: F_NAME }, { fieldId: F_SPEND }, { fieldId: F_PHONE, hidden: true }],
  sorts: [{ fieldId: F_SPEND, direction: 'desc' }],
  filters: [
    { fieldId: F_SPEND, operator: 'gt', value: '100' },
    { fieldId: F_PHONE, operator: 'isNotEmpty' },
  ],
  filterMode: 'and',
};
const viewOrders: View = {
  id: V_ORDERS,
  tableId: T2,
  name: 'All orders',
  order: 0,
  columns: [{ fieldId: F_ORDER }],
  sorts: [],
  filters: [],
  filterMode: 'and',
};

export function makeSchema(): SchemaState {
  const fields = [
    makeField(F_NAME, T1, 'Name'),
    makeField(F_PHONE, T1, 'Phone', 'phone'),
    { ...makeField(F_SPEND, T1, 'Spend', 'number'), options: { decimals: 2 } },
    makeField(F_ORDER, T2, 'Order no.'),
  ];
  return {
    meta: { id: 'wsp_test' as WorkspaceId, name: 'Shop', createdAt: 1 },
    tables: { [T1]: customers, [T2]: orders },
    fields: Object.fromEntries(fields.map((f) => [f.id, f])),
    views: { [V_ALL]: viewAll, [V_BIG]: viewBig, [V_ORDERS]: viewOrders },
  };
}

export function makeRecords(): TableRecord[] {
  return [
    makeRecord('rec_a', T1, 0, { [F_NAME]: 'Ann', [F_PHONE]: '13800000001', [F_SPEND]: 120 }),
    makeRecord('rec_b', T1, 1, { [F_NAME]: 'Bob', [F_SPEND]: 45.5 }),
    makeRecord('rec_c', T1, 2, { [F_NAME]: 'Cy', [F_PHONE]: '', [F_SPEND]: null }),
    makeRecord('rec_o1', T2, 0, { [F_ORDER]: 'A-1' }),
  ];
}

/** Schema plus one RecordStore per table, as the session keeps them. */
export interface World {
  schema: SchemaState;
  stores: Map<TableId, RecordStore>;
}

export function makeWorld(): World {
  const stores = new Map<TableId, RecordStore>();
  for (const rec of makeRecords()) storeFor(stores, rec.tableId);
  for (const [tableId, store] of stores)
    store.reset(
      makeRecords().filter((r) => r.tableId === tableId),
      true,
    );
  return { schema: makeSchema(), stores };
}

function storeFor(stores: Map<TableId, RecordStore>, tableId: TableId): RecordStore {
  let store = stores.get(tableId);
  if (!store) {
    store = new RecordStore(tableId);
    stores.set(tableId, store);
  }
  return store;
}

/** Applies a command the way the session does: schema immutably, records in their stores. */
export function applyCommand(world: World, command: Command, now: number): void {
  world.schema = applySchemaChanges(world.schema, command.changes);
  const tables = new Set<TableId>();
  for (const c of command.changes) {
    if (c.kind === 'cell') tables.add(c.tableId);
    else if (c.kind === 'record') {
      const t = c.after?.tableId ?? c.before?.tableId;
      if (t) tables.add(t);
    }
  }
  for (const t of tables) storeFor(world.stores, t).apply(command.changes, now);
}

/** Everything observable, as plain data: the schema and each table's records in order. */
export function snapshot(world: World) {
  const records: Record<string, TableRecord[]> = {};
  for (const [tableId, store] of world.stores) {
    const all = store.all();
    if (all.length > 0) records[tableId] = structuredClone(all);
  }
  return { schema: structuredClone(world.schema), records };
}

export const APPLY_AT = 5_000;
export const UNDO_AT = 6_000;

/**
 * Applies `command`, undoes it with its inverse, and redoes it. Undo must give back exactly
 * the starting state and redo exactly the state after the first application. Cell changes
 * stamp modifiedAt with the time they are applied (undo is a modification too), so
 * for those `ignoreModifiedAt` compares everything else after undo (redo uses the same
 * time as the first application, so it is always compared exactly).
 */
export function expectRoundTrip(
  world: World,
  command: Command,
  opts: { ignoreModifiedAt?: boolean } = {},
) {
  const norm = (s: ReturnType<typeof snapshot>) => {
    if (!opts.ignoreModifiedAt) return s;
    for (const list of Object.values(s.records)) for (const r of list) r.modifiedAt = 0;
    return s;
  };
  const start = snapshot(world);
  applyCommand(world, command, APPLY_AT);
  const applied = snapshot(world);
  expect(applied).not.toStrictEqual(start);
  applyCommand(world, invertCommand(command), UNDO_AT);
  expect(norm(snapshot(world))).toStrictEqual(norm(structuredClone(start)));
  applyCommand(world, command, APPLY_AT);
  expect(snapshot(world)).toStrictEqual(applied);
  return { start, applied };
}
