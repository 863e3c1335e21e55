import { planImport } from '../../../src/domain/import/plan';
import type { FieldId, TableId, ViewId, WorkspaceId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';
import type { SchemaState } from '../../../src/domain/schemaState';

const t1 = 'tbl_1' as TableId;
const t2 = 'tbl_2' as TableId;
const f = (id: string, tableId: TableId, name: string, type: Field['type']): Field => ({
  id: id as FieldId,
  tableId,
  name,
  type,
  options: {},
});
const phone = f('fld_p', t1, '电话', 'phone');
const name = f('fld_n', t1, '姓名', 'text');
const formula = f('fld_f', t1, '合计', 'formula');
const other = f('fld_o', t2, '别的', 'text');
const schema: SchemaState = {
  meta: { id: 'wsp_1' as WorkspaceId, name: 'W', createdAt: 0 },
  tables: {
    [t1]: { id: t1, name: '客户', order: 0, primaryFieldId: name.id },
    [t2]: { id: t2, name: '订单', order: 1, primaryFieldId: other.id },
  },
  fields: { [phone.id]: phone, [name.id]: name, [formula.id]: formula, [other.id]: other },
  views: {
    ['viw_1' as ViewId]: {
      id: 'viw_1' as ViewId,
      tableId: t1,
      name: 'All',
      order: 0,
      columns: [{ fieldId: name.id }, { fieldId: phone.id }, { fieldId: formula.id }],
      sorts: [],
      filters: [],
      filterMode: 'and',
    },
  },
};

describe('planImport', () => {
  it('new table: unique names, the first mapped column primary, computed types as text', () => {
    const long = '表'.repeat(150);
    const plan = planImport(
      schema,
      {
        sheet: 0,
        headerRow: 0,
        mode: 'newTable',
        tableName: long,
        columns: [
          { kind: 'skip' },
          { kind: 'new', name: '名字', type: 'text', options: {} },
          { kind: 'new', name: '名字', type: 'formula', options: { formula: '1' } },
        ],
      },
      ['a', 'b', 'c'],
      'x.csv',
      'zh-CN',
    );
    expect(plan.isNewTable).toBe(true);
    expect(plan.table.name).toBe('表'.repeat(95));
    expect(plan.columns.map((c) => [c.field.name, c.field.type, c.field.options])).toEqual([
      ['名字', 'text', {}],
      ['名字 2', 'text', {}],
    ]);
    expect(plan.table.primaryFieldId).toBe(plan.columns[0]?.field.id);
    expect(plan.views[0]?.name).toBe('全部');
    expect(plan.views[0]?.columns.map((c) => c.fieldId)).toEqual(
      plan.columns.map((c) => c.field.id),
    );
    expect(plan.sourceFields.map((x) => x?.name ?? null)).toEqual([null, '名字', '名字 2']);
  });

  it('new table: the first text column is primary and shown first', () => {
    const plan = planImport(
      schema,
      {
        sheet: 0,
        headerRow: 0,
        mode: 'newTable',
        columns: [
          { kind: 'new', name: '序号', type: 'number', options: {} },
          { kind: 'new', name: '姓名', type: 'text', options: {} },
          { kind: 'new', name: '电话', type: 'phone', options: {} },
        ],
      },
      ['序号', '姓名', '电话'],
      'x.csv',
      'zh-CN',
    );
    const byId = new Map(plan.columns.map((c) => [c.field.id, c.field.name]));
    expect(byId.get(plan.table.primaryFieldId)).toBe('姓名');
    expect(plan.views[0]?.columns.map((c) => byId.get(c.fieldId))).toEqual([
      '姓名',
      '序号',
      '电话',
    ]);
    // Conversion order stays the source order.
    expect(plan.columns.map((c) => c.field.name)).toEqual(['序号', '姓名', '电话']);
  });

  it('new table named after the file; a unique name when taken', () => {
    const spec = { sheet: 0, headerRow: 0, mode: 'newTable' as const, columns: [] };
    expect(planImport(schema, spec, [], '客户.xlsx', 'en').table.name).toBe('客户 2');
    const empty = planImport(schema, spec, [], '.csv', 'en');
    expect(empty.table.name).toBe('Imported table');
    expect(empty.columns.map((c) => c.field.name)).toEqual(['Name']);
  });

  it('upsert: existing editable fields of the table only; the key index among mapped columns', () => {
    const plan = planImport(
      schema,
      {
        sheet: 0,
        headerRow: 0,
        mode: 'upsert',
        tableId: t1,
        keyColumn: 3,
        policies: { [name.id]: 'keep' },
        columns: [
          { kind: 'field', fieldId: formula.id },
          { kind: 'field', fieldId: other.id },
          { kind: 'field', fieldId: name.id },
          { kind: 'field', fieldId: phone.id },
          { kind: 'new', name: '姓名', type: 'text', options: {} },
        ],
      },
      ['合计', '别的', '姓名', '电话', '姓名'],
      'u.csv',
      'zh-CN',
    );
    expect(plan.columns.map((c) => [c.header, c.field.name, c.policy, c.isNew])).toEqual([
      ['姓名', '姓名', 'keep', false],
      ['电话', '电话', 'overwrite', false],
      ['姓名', '姓名 2', 'overwrite', true],
    ]);
    expect(plan.keyIndex).toBe(1);
    expect(plan.views).toHaveLength(1);
  });
});
