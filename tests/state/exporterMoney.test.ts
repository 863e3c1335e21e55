import { read } from '@e965/xlsx';
import { listTables, listViews } from '../../src/domain/schemaState';
import { addField } from '../../src/state/actions';
import { exportView } from '../../src/state/exporter';
import { ensureRecords } from '../../src/state/session';
import { createWorkspace } from '../../src/state/workspace';
import { resetApp, schemaNow } from './helpers';

beforeEach(resetApp);
afterEach(resetApp);

describe('exportView of formulas of money', () => {
  it('gives an automatic formula of money the currency number format in XLSX, not a ratio', async () => {
    await createWorkspace({
      kind: 'template',
      language: 'zh-CN',
      names: { workspace: '我的店', table: '客户', primaryField: '姓名', view: '全部' },
    });
    const table = listTables(schemaNow())[0];
    const view = table ? listViews(schemaNow(), table.id)[0] : undefined;
    if (!table || !view) throw new Error('no template');
    await ensureRecords(table.id);
    const amount = Object.values(schemaNow().fields).find(
      (f) => f.tableId === table.id && f.name === '消费金额',
    );
    expect(amount?.type).toBe('currency');
    const add = (name: string, formula: string) =>
      addField(table.id, { name, type: 'formula', options: { formula } }, {});
    await add('返现', `=ROUND({${amount?.id}}*0.05, 2)`);
    await add('比例', `={${amount?.id}}/{${amount?.id}}`);
    const result = await exportView({
      viewId: view.id,
      format: 'xlsx',
      recordIds: null,
      language: 'zh-CN',
    });
    if (!result.ok) throw new Error(result.problem);
    const book = read(new Uint8Array(await result.blob.arrayBuffer()), { cellNF: true });
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
