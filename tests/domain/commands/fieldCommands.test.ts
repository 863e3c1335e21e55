import type { CellChange } from '../../../src/domain/changes';
import type { FieldId } from '../../../src/domain/ids';
import { createSequentialIds, randomIds, setIdSource } from '../../../src/domain/ids';
import type { Field, View } from '../../../src/domain/model';
import {
  addFieldCommand,
  deleteFieldCommand,
  reorderColumnsView,
  retypeFieldCommand,
  setColumnHiddenView,
  setColumnWidthView,
  uniqueFieldName,
  updateFieldCommand,
  updateViewCommand,
  validateFieldName,
} from '../../../src/domain/commands/fieldCommands';
import {
  expectRoundTrip,
  F_NAME,
  F_ORDER,
  F_PHONE,
  F_SPEND,
  makeSchema,
  makeWorld,
  T1,
  T2,
  V_ALL,
  V_BIG,
} from './helpers';

const NOW = 2_000;

beforeEach(() => setIdSource(createSequentialIds('f')));
afterAll(() => setIdSource(randomIds));

const columnIds = (v: View | undefined) => v?.columns.map((c) => c.fieldId);

describe('validateFieldName', () => {
  const schema = makeSchema();

  it('accepts a new name and a name used only in another table', () => {
    expect(validateFieldName(schema, T1, 'Email')).toBeNull();
    expect(validateFieldName(schema, T1, 'Order no.')).toBeNull();
  });

  it('refuses empty names', () => {
    expect(validateFieldName(schema, T1, '')).toBe('nameEmpty');
    expect(validateFieldName(schema, T1, ' \t ')).toBe('nameEmpty');
  });

  it('refuses names over 100 characters', () => {
    expect(validateFieldName(schema, T1, 'x'.repeat(100))).toBeNull();
    expect(validateFieldName(schema, T1, 'x'.repeat(101))).toBe('nameTooLong');
  });

  it('refuses duplicates in the same table case-insensitively', () => {
    expect(validateFieldName(schema, T1, 'phone')).toBe('nameTaken');
    expect(validateFieldName(schema, T1, ' SPEND ')).toBe('nameTaken');
    expect(validateFieldName(schema, T2, 'order NO.')).toBe('nameTaken');
  });

  it('lets a field keep its own name', () => {
    expect(validateFieldName(schema, T1, 'PHONE', F_PHONE)).toBeNull();
    expect(validateFieldName(schema, T1, 'Name', F_PHONE)).toBe('nameTaken');
  });
});

describe('uniqueFieldName', () => {
  it('returns the base when free, otherwise the first free numbered name', () => {
    const schema = makeSchema();
    expect(uniqueFieldName(schema, T1, 'Email')).toBe('Email');
    expect(uniqueFieldName(schema, T1, 'Phone')).toBe('Phone 2');
    const taken: Field = {
      id: 'fld_p2' as FieldId,
      tableId: T1,
      name: 'phone 2',
      type: 'text',
      options: {},
    };
    const more = { ...schema, fields: { ...schema.fields, [taken.id]: taken } };
    expect(uniqueFieldName(more, T1, 'Phone')).toBe('Phone 3');
  });
});

describe('addFieldCommand', () => {
  const input = { tableId: T1, name: ' Email ', type: 'email' as const, options: {} };

  it('builds the field with a trimmed name and adds it to every view of the table', () => {
    const schema = makeSchema();
    const { command, field } = addFieldCommand(schema, input, {}, NOW);
    expect(field).toMatchObject({ tableId: T1, name: 'Email', type: 'email', options: {} });
    expect(command.label).toBe('history.addField');
    expect(command.changes[0]).toEqual({ kind: 'field', id: field.id, after: field });
    const views = command.changes.filter((c) => c.kind === 'view');
    expect(views.map((c) => c.id)).toEqual([V_ALL, V_BIG]);
    for (const c of views) expect(c.after?.columns.at(-1)).toEqual({ fieldId: field.id });
  });

  it('inserts right of a field in every view, wherever that field is', () => {
    const world = makeWorld();
    const pos = { relativeTo: F_PHONE, side: 'right' as const };
    const { command, field } = addFieldCommand(world.schema, input, pos, NOW);
    const { applied } = expectRoundTrip(world, command);
    expect(columnIds(applied.schema.views[V_ALL])).toEqual([F_NAME, F_PHONE, field.id, F_SPEND]);
    expect(columnIds(applied.schema.views[V_BIG])).toEqual([F_NAME, F_SPEND, F_PHONE, field.id]);
  });

  it('inserts left of a field in every view', () => {
    const world = makeWorld();
    const pos = { relativeTo: F_SPEND, side: 'left' as const };
    const { command, field } = addFieldCommand(world.schema, input, pos, NOW);
    const { applied } = expectRoundTrip(world, command);
    expect(columnIds(applied.schema.views[V_ALL])).toEqual([F_NAME, F_PHONE, field.id, F_SPEND]);
    expect(columnIds(applied.schema.views[V_BIG])).toEqual([F_NAME, field.id, F_SPEND, F_PHONE]);
  });

  it('keeps the primary field first when asked to insert left of it', () => {
    const schema = makeSchema();
    const pos = { relativeTo: F_NAME, side: 'left' as const };
    const { command, field } = addFieldCommand(schema, input, pos, NOW);
    for (const c of command.changes) {
      if (c.kind !== 'view') continue;
      expect(c.after?.columns[0]?.fieldId).toBe(F_NAME);
      expect(c.after?.columns[1]?.fieldId).toBe(field.id);
    }
  });

  it('appends when the reference field is unknown, and leaves other tables alone', () => {
    const schema = makeSchema();
    const pos = { relativeTo: F_ORDER, side: 'left' as const };
    const { command, field } = addFieldCommand(schema, input, pos, NOW);
    const views = command.changes.filter((c) => c.kind === 'view');
    expect(views).toHaveLength(2);
    for (const c of views) expect(c.after?.columns.at(-1)?.fieldId).toBe(field.id);
  });
});

describe('updateFieldCommand', () => {
  it('undoes and redoes a rename with new options exactly', () => {
    const world = makeWorld();
    const before = world.schema.fields[F_SPEND] as Field;
    const after: Field = { ...before, name: 'Total spend', options: { decimals: 0 } };
    const command = updateFieldCommand(before, after, NOW);
    expect(command.changes).toEqual([{ kind: 'field', id: F_SPEND, before, after }]);
    const { applied } = expectRoundTrip(world, command);
    expect(applied.schema.fields[F_SPEND]).toEqual(after);
  });
});

describe('retypeFieldCommand', () => {
  function retypeSpendToText(values: (string | null)[]) {
    const world = makeWorld();
    const before = world.schema.fields[F_SPEND] as Field;
    const after: Field = { ...before, type: 'text', options: {} };
    const records = world.stores.get(T1)?.all() ?? [];
    return { world, command: retypeFieldCommand(before, after, records, values, NOW) };
  }

  it('emits cell changes only where the stored value changes', () => {
    // Ann 120 → '120' (changes), Bob 45.5 → '45.5' (changes), Cy null → null (no change).
    const { command } = retypeSpendToText(['120', '45.5', null]);
    const cells = command.changes.filter((c): c is CellChange => c.kind === 'cell');
    expect(command.changes[0]?.kind).toBe('field');
    expect(cells.map((c) => [c.recordId, c.before, c.after])).toEqual([
      ['rec_a', 120, '120'],
      ['rec_b', 45.5, '45.5'],
    ]);
    expect(cells.every((c) => c.fieldId === F_SPEND && c.tableId === T1)).toBe(true);
  });

  it('does not emit a change for an absent value that stays empty', () => {
    const world = makeWorld();
    const before = world.schema.fields[F_PHONE] as Field;
    const after: Field = { ...before, type: 'text' };
    const records = world.stores.get(T1)?.all() ?? [];
    // Bob has no phone at all; Cy has '' which becomes null (a real change of stored value).
    const command = retypeFieldCommand(before, after, records, ['13800000001', null, null], NOW);
    const cells = command.changes.filter((c): c is CellChange => c.kind === 'cell');
    expect(cells.map((c) => c.recordId)).toEqual(['rec_c']);
  });

  it('undoes and redoes exactly', () => {
    const { world, command } = retypeSpendToText(['120', '45.5', null]);
    const { applied } = expectRoundTrip(world, command, { ignoreModifiedAt: true });
    expect(applied.schema.fields[F_SPEND]?.type).toBe('text');
    expect(applied.records[T1]?.map((r) => r.values[F_SPEND])).toEqual(['120', '45.5', null]);
  });
});

describe('deleteFieldCommand', () => {
  it('refuses the primary field and unknown fields', () => {
    const schema = makeSchema();
    expect(deleteFieldCommand(schema, F_NAME, NOW)).toBeNull();
    expect(deleteFieldCommand(schema, 'fld_nope' as FieldId, NOW)).toBeNull();
  });

  it('removes the field and its columns, sorts and filters from every view', () => {
    const world = makeWorld();
    const command = deleteFieldCommand(world.schema, F_SPEND, NOW);
    if (!command) throw new Error('expected a command');
    const { applied } = expectRoundTrip(world, command);
    expect(applied.schema.fields[F_SPEND]).toBeUndefined();
    const big = applied.schema.views[V_BIG];
    expect(columnIds(big)).toEqual([F_NAME, F_PHONE]);
    expect(big?.sorts).toEqual([]);
    expect(big?.filters).toEqual([{ fieldId: F_PHONE, operator: 'isNotEmpty' }]);
    expect(columnIds(applied.schema.views[V_ALL])).toEqual([F_NAME, F_PHONE]);
    // Values stay in the records so that undo does not have to rewrite every row.
    expect(applied.records[T1]?.[0]?.values[F_SPEND]).toBe(120);
  });
});

describe('view column settings', () => {
  const view = () => makeSchema().views[V_BIG] as View;

  it('hides and shows a column without leaving hidden: false behind', () => {
    const shown = setColumnHiddenView(view(), F_PHONE, false);
    expect(shown.columns[2]?.hidden).toBeUndefined();
    const hidden = setColumnHiddenView(shown, F_SPEND, true);
    expect(hidden.columns[1]).toEqual({ fieldId: F_SPEND, hidden: true });
  });

  it('sets a rounded width on one column only', () => {
    const v = setColumnWidthView(view(), F_SPEND, 151.6);
    expect(v.columns).toEqual([
      { fieldId: F_NAME },
      { fieldId: F_SPEND, width: 152 },
      { fieldId: F_PHONE, hidden: true },
    ]);
  });

  it('reorders, ignoring unknown ids and keeping missing ones at the end', () => {
    const v = reorderColumnsView(view(), [F_PHONE, 'fld_nope' as FieldId, F_NAME]);
    expect(v.columns).toEqual([
      { fieldId: F_PHONE, hidden: true },
      { fieldId: F_NAME },
      { fieldId: F_SPEND },
    ]);
  });

  it.each([
    ['hide', (v: View) => setColumnHiddenView(v, F_SPEND, true)],
    ['show', (v: View) => setColumnHiddenView(v, F_PHONE, false)],
    ['resize', (v: View) => setColumnWidthView(v, F_NAME, 240)],
    ['reorder', (v: View) => reorderColumnsView(v, [F_NAME, F_PHONE, F_SPEND])],
  ])('%s undoes and redoes exactly', (_name, update) => {
    const world = makeWorld();
    const before = world.schema.views[V_BIG] as View;
    const command = updateViewCommand(before, update(before), 'history.moveField', NOW);
    expect(command).toMatchObject({ label: 'history.moveField', at: NOW });
    expectRoundTrip(world, command);
  });
});
