import { read, utils } from '@e965/xlsx';
import type { ParsingOptions, WorkSheet } from '@e965/xlsx';
import type { ViewId } from '../../src/domain/ids';
import type { Field } from '../../src/domain/model';
import { listTables, listViews } from '../../src/domain/schemaState';
import { addField, setCellValue, setColumnHidden } from '../../src/state/actions';
import { exportView } from '../../src/state/exporter';
import { formulaValue } from '../../src/state/formulas';
import { ensureRecords, flushWrites, recordStore } from '../../src/state/session';
import { createWorkspace } from '../../src/state/workspace';
import { resetApp, schemaNow } from './helpers';

beforeEach(resetApp);
afterEach(resetApp);

async function openCustomers() {
  await createWorkspace({
    kind: 'template',
    language: 'zh-CN',
    names: { workspace: '我的店', table: '客户', primaryField: '姓名', view: '全部' },
  });
  const schema = schemaNow();
  const table = listTables(schema)[0];
  const view = table ? listViews(schema, table.id)[0] : undefined;
  if (!table || !view) throw new Error('no template');
  await ensureRecords(table.id);
  const byName = (name: string): Field => {
    const f = Object.values(schemaNow().fields).find(
      (x) => x.tableId === table.id && x.name === name,
    );
    if (!f) throw new Error(`no field ${name}`);
    return f;
  };
  return { table, view, byName, records: recordStore(table.id).all() };
}

/** The whole view exported as XLSX (Chinese headers) and read back with `options`. */
async function exportWholeXlsx(viewId: ViewId, options: ParsingOptions) {
  const result = await exportView({ viewId, format: 'xlsx', recordIds: null, language: 'zh-CN' });
  if (!result.ok) throw new Error(result.problem);
  return {
    rows: result.rows,
    book: read(new Uint8Array(await result.blob.arrayBuffer()), options),
  };
}

function sheetRows(sheet: WorkSheet | undefined): unknown[][] {
  if (!sheet) throw new Error('no sheet');
  return utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, raw: true });
}

describe('exportView', () => {
  it('writes the visible columns in view order and the given rows in the given order (CSV)', async () => {
    const { view, byName, records } = await openCustomers();
    const [a, b, c] = [records[5], records[0], records[9]];
    if (!a || !b || !c) throw new Error('template too small');
    await setColumnHidden(view.id, byName('微信').id, true);
    await setCellValue(byName('姓名'), b.id, '=HYPERLINK("http://x")');
    await flushWrites();

    const result = await exportView({
      viewId: view.id,
      format: 'csv',
      recordIds: [a.id, b.id, c.id],
      language: 'zh-CN',
    });
    if (!result.ok) throw new Error(result.problem);
    expect(result.rows).toBe(3);
    expect(result.fileName).toMatch(/^客户 - 全部 - \d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await result.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = sheetRows(read(text, { type: 'string', raw: true }).Sheets.Sheet1);
    const visible = view.columns.filter((col) => col.fieldId !== byName('微信').id);
    expect(rows[0]).toEqual(visible.map((col) => schemaNow().fields[col.fieldId]?.name));
    expect(rows).toHaveLength(4);
    const nameAt = (rows[0] as string[]).indexOf('姓名');
    expect(rows[1]?.[nameAt]).toBe(a.values[byName('姓名').id]);
    expect(rows[2]?.[nameAt]).toBe(`'=HYPERLINK("http://x")`);
    // A formula column exports its computed value.
    const f = byName('F');
    expect(f.type).toBe('formula');
    const value = formulaValue(f.tableId, f.id, a.id);
    expect(typeof value).toBe('number');
    expect(rows[1]?.[(rows[0] as string[]).indexOf('F')]).toBe(String(value));
    const stage = byName('生命周期');
    const stageText = formulaValue(stage.tableId, stage.id, a.id);
    expect(typeof stageText).toBe('string');
    expect(rows[1]?.[(rows[0] as string[]).indexOf('生命周期')]).toBe(stageText);
  }, 60_000);

  it('writes typed cells to XLSX: numbers, dates, formula values; invalid values as text', async () => {
    const { view, byName, records } = await openCustomers();
    const [a, b] = records;
    if (!a || !b) throw new Error('template too small');
    await setCellValue(byName('会员积分'), b.id, { invalid: '很多' });
    await setCellValue(byName('生日'), a.id, '1990-05-17');
    await setCellValue(byName('会员积分'), a.id, 1280);
    await flushWrites();
    const { rows: exported, book } = await exportWholeXlsx(view.id, { cellDates: true });
    expect(exported).toBe(records.length);
    const sheet = book.Sheets['客户'];
    const rows = sheetRows(sheet);
    expect(rows).toHaveLength(records.length + 1);
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(rows[1]?.[col('会员积分')]).toBe(1280);
    expect(rows[2]?.[col('会员积分')]).toBe('很多');
    const birthday = rows[1]?.[col('生日')];
    expect(birthday).toBeInstanceOf(Date);
    expect((birthday as Date).getFullYear()).toBe(1990);
    expect(rows[1]?.[col('消费金额')]).toBe(a.values[byName('消费金额').id]);
    expect(sheet?.['A1']?.v).toBe('姓名');
    const rfm = byName('RFM');
    expect(rfm.type).toBe('formula');
    const rfmValue = formulaValue(rfm.tableId, rfm.id, a.id);
    expect(typeof rfmValue).toBe('number');
    expect(rows[1]?.[col('RFM')]).toBe(rfmValue);
  }, 60_000);
  it('writes dates from formulas as dates: a date or blank column, and numbers shown as dates', async () => {
    const { view, byName, records } = await openCustomers();
    const [a, b] = records;
    if (!a || !b) throw new Error('template too small');
    const last = byName('最近消费日期');
    await setCellValue(last, a.id, '2025-01-31');
    await setCellValue(last, b.id, null);
    await flushWrites();
    const tableId = last.tableId;
    await addField(
      tableId,
      {
        name: '回访日期',
        type: 'formula',
        options: { formula: `=IF({${last.id}} = "", "", {${last.id}} + 30)` },
      },
      {},
    );
    await addField(
      tableId,
      { name: '到期日', type: 'formula', options: { formula: '=45717', formulaFormat: 'date' } },
      {},
    );
    const exported = async (format: 'csv' | 'xlsx') => {
      const result = await exportView({
        viewId: view.id,
        format,
        recordIds: [a.id, b.id],
        language: 'zh-CN',
      });
      if (!result.ok) throw new Error(result.problem);
      return new Uint8Array(await result.blob.arrayBuffer());
    };
    const csv = new TextDecoder().decode(await exported('csv'));
    const rows = sheetRows(read(csv, { type: 'string', raw: true }).Sheets.Sheet1);
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect([rows[1]?.[col('回访日期')], rows[2]?.[col('回访日期')]]).toEqual(['2025-03-02', null]);
    expect(rows[1]?.[col('到期日')]).toBe('2025-03-01');

    const book = read(await exported('xlsx'), { cellDates: true });
    const cells = sheetRows(book.Sheets['客户']);
    const day = (v: unknown) =>
      v instanceof Date ? [v.getFullYear(), v.getMonth() + 1, v.getDate()] : v;
    expect(day(cells[1]?.[col('回访日期')])).toEqual([2025, 3, 2]);
    expect(cells[2]?.[col('回访日期')]).toBeNull();
    expect(day(cells[1]?.[col('到期日')])).toEqual([2025, 3, 1]);
  }, 60_000);
});

describe('exportView of formulas of money', () => {
  it('gives an automatic formula of money the currency number format in XLSX, not a ratio', async () => {
    const { table, view, byName } = await openCustomers();
    const amount = byName('消费金额');
    expect(amount.type).toBe('currency');
    const add = (name: string, formula: string) =>
      addField(table.id, { name, type: 'formula', options: { formula } }, {});
    await add('返现', `=ROUND({${amount.id}}*0.05, 2)`);
    await add('比例', `={${amount.id}}/{${amount.id}}`);
    const { book } = await exportWholeXlsx(view.id, { cellNF: true });
    const sheet = book.Sheets['客户'];
    if (!sheet) throw new Error('no sheet');
    const header = Object.keys(sheet).filter((k) => /^[A-Z]+1$/.test(k));
    const columnOf = (name: string) =>
      header.find((k) => sheet[k]?.v === name)?.replace(/1$/, '') ?? '';
    const cashback = sheet[`${columnOf('返现')}2`];
    expect(typeof cashback?.v).toBe('number');
    expect(cashback?.z).toBe('"¥"#,##0.00');
    expect(sheet[`${columnOf('比例')}2`]?.z).not.toContain('¥');
  }, 60_000);
});
