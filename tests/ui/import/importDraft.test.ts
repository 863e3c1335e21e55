import type { Preview, SourceColumn } from '../../../src/domain/import/types';
import {
  buildSpec,
  checkDraft,
  createDraft,
  mapColumns,
  retarget,
  stripExtension,
  takeUniqueName,
} from '../../../src/ui/import/importDraft';
import { buildSchema, choosePhoneKey, CUSTOMERS, F } from './fakeSource';

const col = (index: number, header: string): SourceColumn => ({
  index,
  header,
  inferred: { type: 'text', options: {} },
});

function preview(columns: SourceColumn[]): Preview {
  return { sheet: 2, encoding: 'big5', headerRow: 3, top: [], columns, rows: [], totalRows: 0 };
}

describe('importDraft', () => {
  it('strips one extension and makes names unique case-insensitively', () => {
    expect(stripExtension('会员.2024.xlsx')).toBe('会员.2024');
    expect(stripExtension('.csv')).toBe('.csv');
    const taken = new Set(['customers', 'customers 2']);
    expect(takeUniqueName('Customers', taken)).toBe('Customers 3');
    expect(takeUniqueName('Customers', taken)).toBe('Customers 4');
  });

  it('maps each field once, by trimmed case-insensitive name, the rest as new fields', () => {
    const schema = buildSchema();
    const names = [' NAME', 'phone', 'name', 'Visits ', 'Note'];
    const columns = names.map((h, i) => col(i, h));
    expect(mapColumns(schema, CUSTOMERS, columns, names)).toEqual([
      { kind: 'field', fieldId: F.name },
      { kind: 'field', fieldId: F.phone },
      { kind: 'new', name: 'name 2', type: 'text', options: {} },
      { kind: 'field', fieldId: F.visits },
      { kind: 'new', name: 'Note', type: 'text', options: {} },
    ]);
  });

  it('builds a spec by source column index, with the key and policies of an upsert', () => {
    const schema = buildSchema();
    const p = preview([col(0, 'Phone'), col(3, 'Visits')]);
    const input = { schema, preview: p, names: ['Phone', 'Visits'], chooseKey: choosePhoneKey };
    const fresh = createDraft({ ...input, tableId: CUSTOMERS, tableName: 'Customers' });
    expect(fresh.tableName).toBe('Customers 2');
    const draft = retarget(fresh, { mode: 'upsert' }, input);
    expect(draft.keyColumn).toBe(0);
    expect(checkDraft(draft, schema, input.names)).toBeNull();
    const spec = buildSpec({ ...draft, policies: { [F.visits]: 'keep' } }, p);
    expect(spec).toEqual({
      sheet: 2,
      headerRow: 3,
      encoding: 'big5',
      mode: 'upsert',
      tableId: CUSTOMERS,
      keyColumn: 0,
      policies: { [F.visits]: 'keep' },
      columns: [
        { kind: 'field', fieldId: F.phone },
        { kind: 'skip' },
        { kind: 'skip' },
        { kind: 'field', fieldId: F.visits },
      ],
    });
  });

  it('finds a new column named like an existing field or two columns into one field', () => {
    const schema = buildSchema();
    const p = preview([col(0, 'a'), col(1, 'b')]);
    const names = ['a', 'b'];
    const base = createDraft({
      schema,
      preview: p,
      names,
      chooseKey: choosePhoneKey,
      tableId: CUSTOMERS,
      tableName: 'X',
    });
    const append = { ...base, mode: 'append' as const };
    expect(
      checkDraft(
        {
          ...append,
          columns: [{ kind: 'new', name: ' visits', type: 'text', options: {} }, { kind: 'skip' }],
        },
        schema,
        names,
      ),
    ).toEqual({ key: 'fieldNameTaken', params: { column: 'a', name: ' visits' } });
    expect(
      checkDraft(
        {
          ...append,
          columns: [
            { kind: 'field', fieldId: F.name },
            { kind: 'field', fieldId: F.name },
          ],
        },
        schema,
        names,
      ),
    ).toEqual({ key: 'fieldTwice', params: { column: 'b' } });
    expect(checkDraft({ ...append, tableId: undefined }, schema, names)).toEqual({
      key: 'noTable',
    });
  });
});
