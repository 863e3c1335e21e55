import { ImportBuilder, normaliseKey } from '../../../src/domain/import/build';
import type { ImportColumn } from '../../../src/domain/import/build';
import { problemReportCsv } from '../../../src/domain/import/report';
import type { FieldId, RecordId, TableId } from '../../../src/domain/ids';
import type { CellValue, Field, Table, TableRecord, View } from '../../../src/domain/model';

const tableId = 'tbl_a' as TableId;
const table: Table = { id: tableId, name: 'A', order: 0, primaryFieldId: 'fld_phone' as FieldId };
const field = (id: string, type: Field['type']): Field => ({
  id: id as FieldId,
  tableId,
  name: id,
  type,
  options: {},
});
const phone = field('fld_phone', 'phone');
const note = field('fld_note', 'text');
const view: View = {
  id: 'viw_a' as View['id'],
  tableId,
  name: 'All',
  order: 0,
  columns: [{ fieldId: phone.id }, { fieldId: note.id }],
  sorts: [],
  filters: [],
  filterMode: 'and',
};
/** Rows → the column-by-column shape addRows takes. */
const byColumn = (rows: CellValue[][]): CellValue[][] =>
  (rows[0] ?? []).map((_, c) => rows.map((r) => r[c] ?? null));

const record = (id: string, order: number, values: TableRecord['values']): TableRecord => ({
  id: id as RecordId,
  tableId,
  order,
  values,
  createdAt: 1,
  modifiedAt: 1,
});

describe('normaliseKey', () => {
  it('compares phone digits (keeping a leading +) and other text trimmed, case-folded', () => {
    expect(normaliseKey('138-0013 8000', true)).toBe('13800138000');
    expect(normaliseKey(' +86 (138) 0013 ', true)).toBe('+861380013');
    expect(normaliseKey({ invalid: '１３８' }, true)).toBe('138');
    expect(normaliseKey('  Ann@X.cn ', false)).toBe('ann@x.cn');
    expect(normaliseKey(null, false)).toBe('');
  });
});

describe('ImportBuilder', () => {
  const existing = [
    record('rec_1', 0, { [phone.id]: '138 0013 8000', [note.id]: 'old' }),
    record('rec_2', 3.5, { [phone.id]: '139' }),
  ];
  const columns: ImportColumn[] = [
    { header: '电话', field: phone, isNew: false, before: phone, policy: 'overwrite' },
    { header: '备注', field: note, isNew: false, before: note, policy: 'fillEmpty' },
  ];

  it('upserts: fill-only-empty leaves filled cells, empty keys insert, repeats skip', () => {
    const b = new ImportBuilder(
      { mode: 'upsert', table, isNewTable: false, views: [view], existing, keyIndex: 0, now: 9 },
      columns,
    );
    b.addRows(
      [2, 3, 4, 5],
      byColumn([
        ['13800138000', 'new'],
        ['139', 'filled'],
        ['', 'no key'],
        ['138-0013-8000', 'again'],
      ]),
    );
    const { command, counts } = b.finish('history.import');
    expect(counts).toMatchObject({ added: 1, updated: 1, unchanged: 1, skipped: 1, flagged: 0 });
    expect(command.changes).toEqual([
      {
        kind: 'cell',
        tableId,
        recordId: 'rec_2',
        fieldId: note.id,
        before: undefined,
        after: 'filled',
      },
      expect.objectContaining({ kind: 'record', after: expect.objectContaining({ order: 4 }) }),
    ]);
    // The inserted record follows the last order; the cell change is kept in row order.
    expect(counts.problems).toEqual([
      { row: 5, column: '电话', value: '138-0013-8000', reason: 'duplicateKey' },
    ]);
  });

  it('indexes existing keys in steps', () => {
    const b = new ImportBuilder(
      { mode: 'upsert', table, isNewTable: false, views: [view], existing, keyIndex: 0, now: 9 },
      columns,
    );
    expect(b.indexExisting(1)).toBe(false);
    expect(b.indexExisting(1)).toBe(true);
    b.addRows([2], byColumn([['139', 'x']]));
    expect(b.finish('history.import').counts).toMatchObject({ updated: 1, added: 0 });
  });

  it('appends: flags invalid values, adds new fields to views, grows select fields', () => {
    const tag: Field = { ...field('fld_tag', 'singleSelect'), options: { choices: [] } };
    const grown: Field = {
      ...tag,
      options: { choices: [{ id: 'o1', name: 'VIP', color: 'gray' }] },
    };
    const amount = field('fld_amount', 'number');
    const b = new ImportBuilder(
      { mode: 'append', table, isNewTable: false, views: [view], existing, now: 9 },
      [
        { header: '标签', field: tag, isNew: false, before: tag, policy: 'overwrite' },
        { header: '金额', field: amount, isNew: true, policy: 'overwrite' },
      ],
    );
    b.addRows(
      [2, 3],
      byColumn([
        ['VIP', { invalid: '十块' }],
        [null, 5],
      ]),
    );
    const { command, counts } = b.finish('history.import', [grown, amount]);
    expect(counts).toMatchObject({ added: 2, flagged: 1 });
    expect(counts.problems).toEqual([
      { row: 2, column: '金额', value: '十块', reason: 'notNumber' },
    ]);
    const kinds = command.changes.map((c) => c.kind);
    expect(kinds).toEqual(['field', 'field', 'view', 'record', 'record']);
    expect(command.changes[0]).toEqual({ kind: 'field', id: tag.id, before: tag, after: grown });
    expect(command.changes[1]).toEqual({ kind: 'field', id: amount.id, after: amount });
    const viewChange = command.changes[2];
    expect(viewChange?.kind === 'view' && viewChange.after?.columns.map((c) => c.fieldId)).toEqual([
      phone.id,
      note.id,
      amount.id,
    ]);
    const records = command.changes.slice(3).map((c) => (c.kind === 'record' ? c.after : null));
    expect(records.map((r) => [r?.order, r?.values])).toEqual([
      [4, { [tag.id]: 'VIP', [amount.id]: { invalid: '十块' } }],
      [5, { [amount.id]: 5 }],
    ]);
    expect(problemReportCsv({ tableId, ...counts }, 'en')).toBe(
      'Row,Column,Value,Reason\r\n2,金额,十块,Not a number\r\n',
    );
  });
});

describe('problemReportCsv', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    const csv = problemReportCsv(
      {
        tableId,
        added: 0,
        updated: 0,
        skipped: 0,
        flagged: 2,
        problems: [
          { row: 7, column: 'a,b', value: 'say "hi"\nnow', reason: 'notDate' },
          { row: 8, column: 'c', value: '=SUM(A1)', reason: 'notNumber' },
        ],
      },
      'zh-CN',
    );
    expect(csv).toBe(
      '行号,列,值,原因\r\n7,"a,b","say ""hi""\nnow",不是日期\r\n8,c,\'=SUM(A1),不是数字\r\n',
    );
  });
});
