import type { FieldId, TableId } from '../../../src/domain/ids';
import { createSequentialIds, randomIds, setIdSource } from '../../../src/domain/ids';
import type { Field, Table } from '../../../src/domain/model';
import {
  createTableCommand,
  defaultView,
  deleteTableCommand,
  duplicateTableCommand,
  renameTableCommand,
  uniqueTableName,
  validateTableName,
} from '../../../src/domain/commands/tableCommands';
import { listFields, listTables, listViews } from '../../../src/domain/schemaState';
import {
  applyCommand,
  expectRoundTrip,
  F_NAME,
  F_PHONE,
  F_SPEND,
  makeSchema,
  makeWorld,
  T1,
  T2,
  V_ALL,
  V_BIG,
  F_ORDER,
  makeField,
} from './helpers';

const NOW = 1_000;

beforeEach(() => setIdSource(createSequentialIds('x')));
afterAll(() => setIdSource(randomIds));

describe('validateTableName', () => {
  const schema = makeSchema();

  it('accepts a new name', () => {
    expect(validateTableName(schema, 'Follow-ups')).toBeNull();
  });

  it('refuses empty and whitespace-only names', () => {
    expect(validateTableName(schema, '')).toBe('nameEmpty');
    expect(validateTableName(schema, '   ')).toBe('nameEmpty');
  });

  it('refuses names over 100 characters, after trimming', () => {
    expect(validateTableName(schema, 'a'.repeat(100))).toBeNull();
    expect(validateTableName(schema, ` ${'a'.repeat(100)} `)).toBeNull();
    expect(validateTableName(schema, 'a'.repeat(101))).toBe('nameTooLong');
  });

  it('refuses duplicates case-insensitively and ignoring surrounding spaces', () => {
    expect(validateTableName(schema, 'customers')).toBe('nameTaken');
    expect(validateTableName(schema, '  ORDERS ')).toBe('nameTaken');
  });

  it('lets a table keep its own name', () => {
    expect(validateTableName(schema, 'CUSTOMERS', T1)).toBeNull();
    expect(validateTableName(schema, 'Orders', T1)).toBe('nameTaken');
  });
});

describe('uniqueTableName', () => {
  it('returns the base when it is free', () => {
    expect(uniqueTableName(makeSchema(), 'Suppliers')).toBe('Suppliers');
  });

  it('numbers from 2 and skips numbers already taken', () => {
    const schema = makeSchema();
    expect(uniqueTableName(schema, 'Orders')).toBe('Orders 2');
    const t: Table = {
      id: 'tbl_o2' as TableId,
      name: 'orders 2',
      order: 5,
      primaryFieldId: F_NAME,
    };
    const more = { ...schema, tables: { ...schema.tables, [t.id]: t } };
    expect(uniqueTableName(more, 'Orders')).toBe('Orders 3');
  });
});

describe('defaultView', () => {
  it('shows the given fields in order with no sorts or filters', () => {
    const v = defaultView(T1, 'All', [F_NAME, F_PHONE]);
    expect(v).toMatchObject({ tableId: T1, name: 'All', order: 0, filterMode: 'and' });
    expect(v.columns).toEqual([{ fieldId: F_NAME }, { fieldId: F_PHONE }]);
    expect(v.sorts).toEqual([]);
    expect(v.filters).toEqual([]);
  });
});

describe('createTableCommand', () => {
  it('creates a table with a text primary field and one view, placed last', () => {
    const schema = makeSchema();
    const { command, table, view } = createTableCommand(
      schema,
      { table: '  Suppliers ', primaryField: 'Company', view: 'All' },
      NOW,
    );
    expect(command.label).toBe('history.createTable');
    expect(command.at).toBe(NOW);
    expect(table.name).toBe('Suppliers');
    expect(table.order).toBe(2);
    const field = command.changes.find((c) => c.kind === 'field')?.after;
    expect(field).toMatchObject({ tableId: table.id, name: 'Company', type: 'text' });
    expect(table.primaryFieldId).toBe(field?.id);
    expect(view.tableId).toBe(table.id);
    expect(view.columns).toEqual([{ fieldId: table.primaryFieldId }]);
    expect(command.changes.every((c) => c.kind !== 'meta' && c.before === undefined)).toBe(true);
  });

  it('gives the first table of an empty workspace order 0', () => {
    const empty = { ...makeSchema(), tables: {}, fields: {}, views: {} };
    const { table } = createTableCommand(empty, { table: 'T', primaryField: 'N', view: 'V' }, NOW);
    expect(table.order).toBe(0);
  });

  it('undoes and redoes exactly', () => {
    const world = makeWorld();
    const { command, table } = createTableCommand(
      world.schema,
      { table: 'Suppliers', primaryField: 'Company', view: 'All' },
      NOW,
    );
    const { applied } = expectRoundTrip(world, command);
    expect(listTables(applied.schema).map((t) => t.id)).toEqual([T1, T2, table.id]);
  });
});

describe('renameTableCommand', () => {
  it('trims the name and keeps everything else', () => {
    const table = makeSchema().tables[T1] as Table;
    const command = renameTableCommand(table, '  Clients  ', NOW);
    expect(command.changes).toEqual([
      { kind: 'table', id: T1, before: table, after: { ...table, name: 'Clients' } },
    ]);
  });

  it('undoes and redoes exactly', () => {
    const world = makeWorld();
    const table = world.schema.tables[T1] as Table;
    const { applied } = expectRoundTrip(world, renameTableCommand(table, 'Clients', NOW));
    expect(applied.schema.tables[T1]?.name).toBe('Clients');
  });
});

describe('deleteTableCommand', () => {
  it('returns null for an unknown table', () => {
    expect(deleteTableCommand(makeSchema(), 'tbl_nope' as TableId, [], NOW)).toBeNull();
  });

  it('removes the table with its fields, views and records, and undo brings all back', () => {
    const world = makeWorld();
    const records = world.stores.get(T1)?.all() ?? [];
    expect(records).toHaveLength(3);
    const command = deleteTableCommand(world.schema, T1, records, NOW);
    if (!command) throw new Error('expected a command');
    const { applied } = expectRoundTrip(world, command);
    expect(Object.keys(applied.schema.tables)).toEqual([T2]);
    expect(Object.values(applied.schema.fields).every((f) => f.tableId === T2)).toBe(true);
    expect(Object.values(applied.schema.views).every((v) => v.tableId === T2)).toBe(true);
    expect(applied.records[T1]).toBeUndefined();
    expect(applied.records[T2]).toHaveLength(1);
  });
});

describe('duplicateTableCommand', () => {
  function duplicate() {
    const world = makeWorld();
    const records = world.stores.get(T1)?.all() ?? [];
    const made = duplicateTableCommand(world.schema, T1, records, 'Customers copy', NOW);
    if (!made) throw new Error('expected a command');
    return { world, records, ...made };
  }

  it('returns null for an unknown table', () => {
    expect(duplicateTableCommand(makeSchema(), 'tbl_nope' as TableId, [], 'x', NOW)).toBeNull();
  });

  it('gives the copy new ids everywhere and places it last', () => {
    const { world, command, table } = duplicate();
    applyCommand(world, command, NOW);
    const s = world.schema;
    expect(table).toMatchObject({ name: 'Customers copy', order: 2 });
    expect(listTables(s).at(-1)?.id).toBe(table.id);
    const oldFieldIds = new Set<string>([F_NAME, F_PHONE, F_SPEND]);
    const newFields = listFields(s, table.id);
    expect(newFields.map((f) => f.name)).toEqual(['Name', 'Phone', 'Spend']);
    expect(newFields.some((f) => oldFieldIds.has(f.id))).toBe(false);
    expect(table.primaryFieldId).toBe(newFields[0]?.id);
    const newViews = listViews(s, table.id);
    expect(newViews.map((v) => v.name)).toEqual(['All', 'Big spenders']);
    expect(newViews.some((v) => v.id === V_ALL || v.id === V_BIG)).toBe(false);
    const newRecords = world.stores.get(table.id)?.all() ?? [];
    const oldRecords = world.stores.get(T1)?.all() ?? [];
    expect(newRecords).toHaveLength(3);
    expect(newRecords.some((r) => oldRecords.some((o) => o.id === r.id))).toBe(false);
  });

  it('remaps view columns, sorts, filters and record values to the new field ids', () => {
    const { world, command, table } = duplicate();
    applyCommand(world, command, NOW);
    const s = world.schema;
    const byName = new Map(listFields(s, table.id).map((f) => [f.name, f.id] as const));
    const id = (name: string) => byName.get(name) as FieldId;
    const big = listViews(s, table.id)[1];
    expect(big?.columns).toEqual([
      { fieldId: id('Name') },
      { fieldId: id('Spend') },
      { fieldId: id('Phone'), hidden: true },
    ]);
    expect(big?.sorts).toEqual([{ fieldId: id('Spend'), direction: 'desc' }]);
    expect(big?.filters.map((f) => f.fieldId)).toEqual([id('Spend'), id('Phone')]);
    const first = world.stores.get(table.id)?.all()[0];
    expect(first?.values).toEqual({
      [id('Name')]: 'Ann',
      [id('Phone')]: '13800000001',
      [id('Spend')]: 120,
    });
    expect(first).toMatchObject({ tableId: table.id, order: 0, createdAt: NOW, modifiedAt: NOW });
  });

  it("points the copy's formulas, lookups and self-links at the copy's own fields and records", () => {
    const world = makeWorld();
    const F_DOUBLE = 'fld_double' as FieldId;
    const F_GONE = 'fld_gone' as FieldId;
    const F_LINK = 'fld_link' as FieldId;
    const F_LOOK = 'fld_look' as FieldId;
    const F_ORDER_LOOK = 'fld_olook' as FieldId;
    const added: Field[] = [
      {
        ...makeField(F_DOUBLE, T1, 'Double', 'formula'),
        options: {
          formula: `={${F_SPEND}} * 2 & "{${F_SPEND}}" & {${F_GONE}}`,
          formulaRefNames: { [F_SPEND]: 'Spend', [F_GONE]: 'Old' },
        },
      },
      { ...makeField(F_LINK, T1, 'Referred by', 'link'), options: { linkTableId: T1 } },
      {
        ...makeField(F_LOOK, T1, "Referrer's phone", 'lookup'),
        options: { linkFieldId: F_LINK, targetFieldId: F_PHONE },
      },
      {
        ...makeField(F_ORDER_LOOK, T1, 'Order no.', 'lookup'),
        options: { linkFieldId: F_LINK, targetFieldId: F_ORDER },
      },
    ];
    world.schema = {
      ...world.schema,
      fields: { ...world.schema.fields, ...Object.fromEntries(added.map((f) => [f.id, f])) },
    };
    const records = (world.stores.get(T1)?.all() ?? []).map((r, i) =>
      i === 1 ? { ...r, values: { ...r.values, [F_LINK]: ['rec_a', 'rec_elsewhere'] } } : r,
    );
    const made = duplicateTableCommand(world.schema, T1, records, 'Copy', NOW);
    if (!made) throw new Error('expected a command');
    applyCommand(world, made.command, NOW);
    const fields = listFields(world.schema, made.table.id);
    const id = (name: string) => fields.find((f) => f.name === name)?.id as FieldId;
    const byName = (name: string) => fields.find((f) => f.name === name);
    // References outside string literals follow; a field already gone stays gone (#REF!).
    expect(byName('Double')?.options.formula).toBe(
      `={${id('Spend')}} * 2 & "{${F_SPEND}}" & {${F_GONE}}`,
    );
    expect(byName('Double')?.options.formulaRefNames).toEqual({
      [id('Spend')]: 'Spend',
      [F_GONE]: 'Old',
    });
    expect(byName('Referred by')?.options.linkTableId).toBe(made.table.id);
    expect(byName("Referrer's phone")?.options).toEqual({
      linkFieldId: id('Referred by'),
      targetFieldId: id('Phone'),
    });
    // A field of another table is not the copy's to map.
    expect(byName('Order no.')?.options.targetFieldId).toBe(F_ORDER);
    const copies = world.stores.get(made.table.id)?.all() ?? [];
    expect(copies[1]?.values[id('Referred by')]).toEqual([copies[0]?.id, 'rec_elsewhere']);
    // The original is untouched.
    expect(world.schema.fields[F_DOUBLE]?.options.formula).toContain(`{${F_SPEND}} * 2`);
  });

  it('copies field options rather than sharing them', () => {
    const { command } = duplicate();
    const spendCopy = command.changes.find((c) => c.kind === 'field' && c.after?.name === 'Spend');
    const original = makeSchema().fields[F_SPEND];
    expect(spendCopy?.kind === 'field' && spendCopy.after?.options).toEqual(original?.options);
    expect(spendCopy?.kind === 'field' && spendCopy.after?.options).not.toBe(original?.options);
  });

  it('undoes and redoes exactly', () => {
    const { world, command } = duplicate();
    expectRoundTrip(world, command);
  });
});
