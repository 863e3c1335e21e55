import type { Change } from '../../src/domain/changes';
import type { FieldId, RecordId, TableId, ViewId, WorkspaceId } from '../../src/domain/ids';
import type { Field, Table, View } from '../../src/domain/model';
import type { SchemaState } from '../../src/domain/schemaState';
import {
  applySchemaChanges,
  hasSchemaChanges,
  listFields,
  listTables,
  listViewColumns,
  listViews,
} from '../../src/domain/schemaState';

const T1 = 'tbl_b' as TableId;
const T2 = 'tbl_a' as TableId;
const T3 = 'tbl_c' as TableId;

const table = (id: TableId, order: number): Table => ({
  id,
  name: id,
  order,
  primaryFieldId: 'fld_1' as FieldId,
});
const field = (id: string, tableId: TableId): Field => ({
  id: id as FieldId,
  tableId,
  name: id,
  type: 'text',
  options: {},
});
const view = (id: string, tableId: TableId, order: number, columns: View['columns']): View => ({
  id: id as ViewId,
  tableId,
  name: id,
  order,
  columns,
  sorts: [],
  filters: [],
  filterMode: 'and',
});
const fid = (id: string) => id as FieldId;

function makeState(): SchemaState {
  const fields = [
    field('fld_1', T1),
    field('fld_2', T1),
    field('fld_3', T1),
    field('fld_orphan', T1),
    field('fld_x', T2),
  ];
  const views = [
    view('viw_second', T1, 1, [{ fieldId: fid('fld_1') }]),
    view('viw_first', T1, 0, [
      { fieldId: fid('fld_1'), width: 200 },
      { fieldId: fid('fld_3'), hidden: true },
      { fieldId: fid('fld_gone') },
      { fieldId: fid('fld_2') },
    ]),
    view('viw_z', T2, 0, [{ fieldId: fid('fld_x') }]),
    view('viw_y', T2, 0, [{ fieldId: fid('fld_x') }]),
  ];
  return {
    meta: { id: 'wsp_1' as WorkspaceId, name: 'W', createdAt: 0 },
    tables: { [T1]: table(T1, 1), [T2]: table(T2, 1), [T3]: table(T3, 0) },
    fields: Object.fromEntries(fields.map((f) => [f.id, f])),
    views: Object.fromEntries(views.map((v) => [v.id, v])),
  };
}

describe('listTables', () => {
  it('sorts by order, then by id', () => {
    expect(listTables(makeState()).map((t) => t.id)).toEqual([T3, T2, T1]);
  });
});

describe('listViews', () => {
  it("returns only the table's views, by order then id", () => {
    const s = makeState();
    expect(listViews(s, T1).map((v) => v.id)).toEqual(['viw_first', 'viw_second']);
    expect(listViews(s, T2).map((v) => v.id)).toEqual(['viw_y', 'viw_z']);
    expect(listViews(s, T3)).toEqual([]);
  });
});

describe('listFields', () => {
  it("follows the first view's column order; fields missing from it come last", () => {
    const ids = listFields(makeState(), T1).map((f) => f.id);
    expect(ids).toEqual(['fld_1', 'fld_3', 'fld_2', 'fld_orphan']);
  });

  it('returns the fields of a table without views', () => {
    const s = makeState();
    const noViews = { ...s, views: {} };
    expect(listFields(noViews, T2).map((f) => f.id)).toEqual(['fld_x']);
    expect(listFields(s, T3)).toEqual([]);
  });
});

describe('listViewColumns', () => {
  it('gives fields in view order with width and hidden, skipping unknown fields', () => {
    const s = makeState();
    const cols = listViewColumns(s, s.views['viw_first' as ViewId] as View);
    expect(cols.map((c) => [c.field.id, c.width, c.hidden])).toEqual([
      ['fld_1', 200, false],
      ['fld_3', undefined, true],
      ['fld_2', undefined, false],
    ]);
  });
});

describe('applySchemaChanges', () => {
  it('creates, updates and deletes entities without touching the old state', () => {
    const s = makeState();
    const t4 = table('tbl_d' as TableId, 5);
    const renamed = { ...field('fld_2', T1), name: 'Renamed' };
    const changes: Change[] = [
      { kind: 'table', id: t4.id, after: t4 },
      { kind: 'field', id: renamed.id, before: s.fields[renamed.id], after: renamed },
      { kind: 'view', id: 'viw_z' as ViewId, before: s.views['viw_z' as ViewId] },
      { kind: 'meta', before: s.meta, after: { ...s.meta, name: 'New' } },
    ];
    const next = applySchemaChanges(s, changes);
    expect(next.tables[t4.id]).toBe(t4);
    expect(next.fields[renamed.id]?.name).toBe('Renamed');
    expect('viw_z' in next.views).toBe(false);
    expect(next.meta.name).toBe('New');
    expect(s).toEqual(makeState());
  });

  it('ignores record and cell changes, returning the same object', () => {
    const s = makeState();
    const changes: Change[] = [
      {
        kind: 'cell',
        tableId: T1,
        recordId: 'rec_1' as RecordId,
        fieldId: fid('fld_1'),
        before: 'a',
        after: 'b',
      },
    ];
    expect(applySchemaChanges(s, changes)).toBe(s);
    expect(hasSchemaChanges(changes)).toBe(false);
    expect(hasSchemaChanges([...changes, { kind: 'meta', before: s.meta, after: s.meta }])).toBe(
      true,
    );
  });
});
