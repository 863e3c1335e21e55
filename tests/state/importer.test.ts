import iconv from 'iconv-lite';
import type { FieldId, TableId } from '../../src/domain/ids';
import type { ColumnTarget, ImportSpec, ImportSummary } from '../../src/domain/import/types';
import type { Field, TableRecord } from '../../src/domain/model';
import { listFields, listTables, listViews } from '../../src/domain/schemaState';
import type { ImportHandle } from '../../src/state/importer';
import {
  defaultKeyColumn,
  openImportFile,
  openImportText,
  problemReportCsv,
} from '../../src/state/importer';
import { flushWrites, recordStore, undo } from '../../src/state/session';
import { useAppStore } from '../../src/state/store';
import { expectStoredMatchesMemory, openEmpty, readStored, resetApp, schemaNow } from './helpers';

beforeEach(resetApp);
afterEach(resetApp);

const CSV = [
  '会员名单',
  '姓名,电话,消费,生日,等级',
  '张三,13800138000,"1,200",1990-05-17,金卡',
  '李四,021-6234 5678,35.5,1985/12/1,银卡',
  '王五,+86 139 0000 1111,abc,1月5日,金卡',
  ',,,,',
  '赵六,0755 8888 6666,80,2001.2.3,银卡',
].join('\r\n');

async function open(bytes: Uint8Array, name: string): Promise<ImportHandle> {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  const opened = await openImportFile(file);
  if (!opened.ok) throw new Error(`open failed: ${opened.problem}`);
  return opened.handle;
}

async function newTargets(handle: ImportHandle, headerRow: number | null = null) {
  const preview = await handle.preview({ sheet: 0, headerRow });
  const columns: ColumnTarget[] = preview.columns.map((c) => ({
    kind: 'new',
    name: c.header,
    type: c.inferred.type,
    options: c.inferred.options,
  }));
  return { preview, columns };
}

async function run(handle: ImportHandle, spec: ImportSpec, signal = new AbortController().signal) {
  const progress: number[] = [];
  const summary = await handle.run(spec, (p) => progress.push(p.percent), signal);
  return { summary, progress };
}

const fieldsOf = (tableId: TableId): Field[] => listFields(schemaNow(), tableId);
const valuesByName = (tableId: TableId): Record<string, unknown>[] => {
  const fields = fieldsOf(tableId);
  return recordStore(tableId)
    .all()
    .map((r) => Object.fromEntries(fields.map((f) => [f.name, r.values[f.id] ?? null])));
};

async function importNewTable(): Promise<{ tableId: TableId; summary: ImportSummary }> {
  const handle = await open(new Uint8Array(iconv.encode(CSV, 'gbk')), '会员.csv');
  expect(handle.info.encoding).toBe('gb18030');
  const { preview, columns } = await newTargets(handle);
  expect(preview.headerRow).toBe(1);
  const spec: ImportSpec = { sheet: 0, headerRow: 1, columns, mode: 'newTable' };
  const { summary, progress } = await run(handle, spec);
  handle.close();
  if (!summary) throw new Error('cancelled');
  expect(progress.at(-1)).toBe(100);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  return { tableId: summary.tableId, summary };
}

describe('new table', () => {
  it('creates the table, typed fields, a view and the records, as one undo step', async () => {
    await openEmpty();
    const before = await readStored();
    const { tableId, summary } = await importNewTable();
    expect(listTables(schemaNow()).map((t) => t.name)).toEqual(['T', '会员']);
    expect(fieldsOf(tableId).map((f) => [f.name, f.type])).toEqual([
      ['姓名', 'text'],
      ['电话', 'phone'],
      ['消费', 'number'],
      ['生日', 'date'],
      ['等级', 'singleSelect'],
    ]);
    expect(schemaNow().tables[tableId]?.primaryFieldId).toBe(fieldsOf(tableId)[0]?.id);
    expect(listViews(schemaNow(), tableId)).toHaveLength(1);
    expect(valuesByName(tableId)).toEqual([
      { 姓名: '张三', 电话: '13800138000', 消费: 1200, 生日: '1990-05-17', 等级: '金卡' },
      { 姓名: '李四', 电话: '021-6234 5678', 消费: 35.5, 生日: '1985-12-01', 等级: '银卡' },
      {
        姓名: '王五',
        电话: '+86 139 0000 1111',
        消费: { invalid: 'abc' },
        生日: `${new Date().getFullYear()}-01-05`,
        等级: '金卡',
      },
      { 姓名: '赵六', 电话: '0755 8888 6666', 消费: 80, 生日: '2001-02-03', 等级: '银卡' },
    ]);
    expect(
      recordStore(tableId)
        .all()
        .map((r) => r.order),
    ).toEqual([0, 1, 2, 3]);
    expect(summary).toMatchObject({ added: 4, updated: 0, skipped: 0, flagged: 1 });
    expect(summary.problems).toEqual([
      { row: 5, column: '消费', value: 'abc', reason: 'notNumber' },
    ]);
    expect(problemReportCsv(summary, 'zh-CN')).toBe('行号,列,值,原因\r\n5,消费,abc,不是数字\r\n');
    expect(problemReportCsv(summary, 'en')).toBe(
      'Row,Column,Value,Reason\r\n5,消费,abc,Not a number\r\n',
    );
    await expectStoredMatchesMemory();
    expect(useAppStore.getState().history.undo).toHaveLength(1);
    await undo();
    await expectStoredMatchesMemory();
    const after = await readStored();
    expect(after.tables).toEqual(before.tables);
    expect(after.fields).toEqual(before.fields);
    expect(after.views).toEqual(before.views);
    expect(after.total).toBe(before.total);
  });
});

async function upsertSetup() {
  await openEmpty();
  const { tableId } = await importNewTable();
  const fields = fieldsOf(tableId);
  const byName = (n: string) => fields.find((f) => f.name === n)?.id as FieldId;
  return { tableId, byName };
}

describe('append and update-or-insert', () => {
  it('appends after the last record and adds new fields to every view', async () => {
    const { tableId, byName } = await upsertSetup();
    const handle = await open(
      new TextEncoder().encode('姓名,备注\n钱七,新客\n孙八,老客\n'),
      'b.csv',
    );
    const spec: ImportSpec = {
      sheet: 0,
      headerRow: 0,
      mode: 'append',
      tableId,
      columns: [
        { kind: 'field', fieldId: byName('姓名') },
        { kind: 'new', name: '备注', type: 'text', options: {} },
      ],
    };
    const { summary } = await run(handle, spec);
    expect(summary).toMatchObject({ tableId, added: 2, updated: 0 });
    const records = recordStore(tableId).all();
    expect(records.map((r) => r.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(
      valuesByName(tableId)
        .slice(4)
        .map((v) => [v['姓名'], v['备注']]),
    ).toEqual([
      ['钱七', '新客'],
      ['孙八', '老客'],
    ]);
    const note = byNameNow(tableId, '备注');
    for (const v of listViews(schemaNow(), tableId)) {
      expect(v.columns.map((c) => c.fieldId)).toContain(note);
    }
    await expectStoredMatchesMemory();
  });

  it('matches on the phone key with per-field policies; duplicates skipped, reported', async () => {
    const { tableId, byName } = await upsertSetup();
    const snapshot: TableRecord[] = recordStore(tableId).all();
    const text = [
      '电话,姓名,消费,等级,备注',
      '138-0013-8000,张三丰,999,银卡,A', // matches 张三 (digits only)
      '021 6234 5678,李四,,钻石卡,B', // matches 李四: empty 消费 never erases
      '13800138000,重复,1,金卡,C', // duplicate key in the file
      '15000000000,新人,5,金卡,D', // new
      ',无号,6,银卡,E', // empty key: inserted as new
    ].join('\n');
    const handle = await open(new TextEncoder().encode(text), 'u.csv');
    const columns: ColumnTarget[] = [
      { kind: 'field', fieldId: byName('电话') },
      { kind: 'field', fieldId: byName('姓名') },
      { kind: 'field', fieldId: byName('消费') },
      { kind: 'field', fieldId: byName('等级') },
      { kind: 'new', name: '备注', type: 'text', options: {} },
    ];
    expect(defaultKeyColumn(columns, tableId)).toBe(0);
    const spec: ImportSpec = {
      sheet: 0,
      headerRow: 0,
      mode: 'upsert',
      tableId,
      columns,
      keyColumn: 0,
      policies: {
        [byName('姓名')]: 'keep',
        [byName('消费')]: 'overwrite',
        [byName('等级')]: 'fillEmpty',
      },
    };
    const { summary } = await run(handle, spec);
    expect(summary).toMatchObject({ added: 2, updated: 2, skipped: 1, flagged: 0 });
    expect(summary?.problems).toEqual([
      { row: 4, column: '电话', value: '13800138000', reason: 'duplicateKey' },
    ]);
    const rows = valuesByName(tableId);
    expect(rows[0]).toMatchObject({
      姓名: '张三',
      消费: 999,
      等级: '金卡',
      备注: 'A',
      电话: '13800138000',
    });
    expect(rows[1]).toMatchObject({ 姓名: '李四', 消费: 35.5, 等级: '银卡', 备注: 'B' });
    expect(rows.slice(4).map((r) => [r['姓名'], r['电话']])).toEqual([
      ['新人', '15000000000'],
      ['无号', null],
    ]);
    // 钻石卡 was met in the file: the select field gained it as a choice.
    const grade = schemaNow().fields[byName('等级')];
    expect(grade?.options.choices?.map((c) => c.name)).toEqual(['金卡', '银卡', '钻石卡']);
    await expectStoredMatchesMemory();
    // Undo restores the exact previous records and field.
    await undo();
    await expectStoredMatchesMemory();
    // Undo stamps the records it touches with a new modifiedAt; everything else is as before.
    const strip = (list: readonly TableRecord[]) => list.map((r) => ({ ...r, modifiedAt: 0 }));
    expect(strip(recordStore(tableId).all())).toEqual(strip(snapshot));
    expect(schemaNow().fields[byName('等级')]?.options.choices?.map((c) => c.name)).toEqual([
      '金卡',
      '银卡',
    ]);
    expect(fieldsOf(tableId).map((f) => f.name)).not.toContain('备注');
  });
});

function byNameNow(tableId: TableId, name: string): FieldId {
  const f = fieldsOf(tableId).find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f.id;
}

describe('cancel and bad input', () => {
  it('cancel during conversion or writing leaves everything unchanged', async () => {
    await openEmpty();
    const before = await readStored();
    const lines = ['名字,数'];
    for (let i = 0; i < 30_000; i++) lines.push(`n${i},${i}`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    for (const stopAt of ['converting', 'writing'] as const) {
      const handle = await open(bytes, 'big.csv');
      const { columns } = await newTargets(handle);
      const ctrl = new AbortController();
      const summary = await handle.run(
        { sheet: 0, headerRow: 0, columns, mode: 'newTable' },
        (p) => {
          if (p.phase === stopAt && p.percent > (stopAt === 'writing' ? 61 : 10)) ctrl.abort();
        },
        ctrl.signal,
      );
      handle.close();
      expect(summary).toBeNull();
      await flushWrites();
      expect(listTables(schemaNow())).toHaveLength(1);
      const stored = await readStored();
      expect(stored.tables).toEqual(before.tables);
      expect(stored.total).toBe(before.total);
      expect(useAppStore.getState().history.undo).toHaveLength(0);
    }
  });

  it('reports bad files without touching the workspace', async () => {
    await openEmpty();
    expect(await openImportFile(new File([], 'e.csv'))).toEqual({ ok: false, problem: 'empty' });
    const huge = { size: 600 * 1024 * 1024, name: 'h.csv' } as File;
    expect(await openImportFile(huge)).toEqual({ ok: false, problem: 'tooLarge' });
    const failing = {
      size: 10,
      name: 'x.csv',
      arrayBuffer: () => Promise.reject(new RangeError('Array buffer allocation failed')),
    } as unknown as File;
    expect(await openImportFile(failing)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(await openImportText('   ', 'paste')).toEqual({ ok: false, problem: 'empty' });
  });

  it('imports pasted cells', async () => {
    await openEmpty();
    const opened = await openImportText('名字\t会员\n甲\t是\n乙\t否\n', '粘贴');
    if (!opened.ok) throw new Error(opened.problem);
    const { columns } = await newTargets(opened.handle);
    const { summary } = await run(opened.handle, {
      sheet: 0,
      headerRow: 0,
      columns,
      mode: 'newTable',
      tableName: '粘贴',
    });
    expect(summary?.added).toBe(2);
    expect(valuesByName(summary?.tableId as TableId)).toEqual([
      { 名字: '甲', 会员: true },
      { 名字: '乙', 会员: false },
    ]);
  });
});

describe('a large file', () => {
  it('converts and stores 100,000 rows', async () => {
    await openEmpty();
    const lines = ['订单号,电话,金额,日期,状态,备注'];
    for (let i = 0; i < 100_000; i++) {
      lines.push(
        `A${i},1380000${String(i % 10000).padStart(4, '0')},${i % 500}.5,2024-0${(i % 9) + 1}-1${i % 10},${i % 3 ? '已付' : '未付'},第${i}单`,
      );
    }
    const handle = await open(new TextEncoder().encode(lines.join('\n')), 'orders.csv');
    const { preview, columns } = await newTargets(handle);
    expect(preview.totalRows).toBe(100_000);
    expect(columns.map((c) => (c.kind === 'new' ? c.type : c.kind))).toEqual([
      'text',
      'phone',
      'number',
      'date',
      'singleSelect',
      'text',
    ]);
    const { summary } = await run(handle, { sheet: 0, headerRow: 0, columns, mode: 'newTable' });
    expect(summary).toMatchObject({ added: 100_000, flagged: 0 });
    const records = recordStore(summary?.tableId as TableId).all();
    expect(records).toHaveLength(100_000);
    const last = valuesByName(summary?.tableId as TableId).at(-1);
    expect(last).toEqual({
      订单号: 'A99999',
      电话: '13800009999',
      金额: 499.5,
      日期: '2024-01-19',
      状态: '未付',
      备注: '第99999单',
    });
    expect((await readStored()).total).toBe(100_000);
  }, 60_000);
});
