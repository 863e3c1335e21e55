import iconv from 'iconv-lite';
import { CFB, utils, write } from '@e965/xlsx';
import { ImportRunner } from '../../../src/io/import/session';
import { isEncryptedOle, sniffKind } from '../../../src/io/import/sniff';
import { ImportSource } from '../../../src/io/import/source';
import { ctx, encode, headers, openRunner, workbook } from './helpers';

const SHEETS = {
  客户: [
    ['客户名单（2024）'],
    ['姓名', '生日', '上次到店', '消费', '会员'],
    ['张三', new Date(1990, 4, 17), new Date(2024, 0, 5, 14, 30), 1280.5, true],
    ['李四', new Date(1985, 11, 1), new Date(2024, 1, 29, 9, 5), 99, false],
  ],
  订单: [
    ['单号', '金额'],
    ['A001', 10],
    ['A002', 20],
    ['A003', 30],
  ],
};

describe.each(['xlsx', 'xls', 'ods'] as const)('%s workbooks', (bookType) => {
  const bytes = workbook(SHEETS, bookType);

  it('lists both sheets and reads real date cells as ISO text', () => {
    const runner = openRunner(bytes, `会员.${bookType}`);
    expect(runner.info.format).toBe(bookType);
    expect(runner.info.sheets).toEqual(['客户', '订单']);
    const p = runner.preview({ sheet: 0, headerRow: null }, ctx);
    expect(p.headerRow).toBe(1);
    expect(headers(p)).toEqual(['姓名', '生日', '上次到店', '消费', '会员']);
    expect(p.rows[0]).toEqual(['张三', '1990-05-17', '2024-01-05T14:30', 1280.5, true]);
    expect(p.rows[1]).toEqual(['李四', '1985-12-01', '2024-02-29T09:05', 99, false]);
    expect(p.columns.map((c) => c.inferred.type)).toEqual([
      'text',
      'date',
      'dateTime',
      'number',
      'checkbox',
    ]);
  });

  it('previews the second sheet', () => {
    const p = openRunner(bytes, `x.${bookType}`).preview({ sheet: 1, headerRow: null }, ctx);
    expect(p.sheet).toBe(1);
    expect(headers(p)).toEqual(['单号', '金额']);
    expect(p.totalRows).toBe(3);
    expect(p.rows.map((r) => r[1])).toEqual([10, 20, 30]);
  });
});

/** Replaces every occurrence of `from` (ASCII) with the same number of bytes `to`. */
function patchBytes(bytes: Uint8Array, from: string, to: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + from.length <= bytes.length; i++) {
    if ([...from].every((ch, j) => bytes[i + j] === ch.charCodeAt(0))) {
      bytes.set(to, i);
      n++;
    }
  }
  return n;
}

describe('number formats', () => {
  it.each(['xlsx', 'xls', 'ods'] as const)(
    '%s: percent and money columns by their format',
    (bookType) => {
      const ws = utils.aoa_to_sheet([
        ['折扣', '金额', '数量'],
        [0.25, 1200.5, 3],
        [0.125, 35, 4],
      ]);
      const cells = ws as unknown as Record<string, { z?: string }>;
      for (const a of ['A2', 'A3']) (cells[a] as { z?: string }).z = '0.0%';
      for (const a of ['B2', 'B3']) (cells[a] as { z?: string }).z = '"¥"#,##0.00';
      const wb = utils.book_new();
      utils.book_append_sheet(wb, ws, 'S');
      const bytes = new Uint8Array(write(wb, { type: 'array', bookType }) as ArrayBuffer);
      const p = openRunner(bytes, `f.${bookType}`).preview({ sheet: 0, headerRow: null }, ctx);
      expect(p.columns.map((c) => c.inferred)).toEqual([
        // SheetJS writes every ODS percent format as 0.00%.
        { type: 'percent', options: { decimals: bookType === 'ods' ? 2 : 1 } },
        { type: 'currency', options: { currencySymbol: '¥', decimals: 2 } },
        { type: 'number', options: {} },
      ]);
      expect(p.rows).toEqual([
        [0.25, 1200.5, 3],
        [0.125, 35, 4],
      ]);
    },
  );
});

describe('sheet coordinates', () => {
  it('shows error cells as Excel does and cuts rows after their last filled cell', () => {
    const ws = utils.aoa_to_sheet([
      ['名', '值', '备注'],
      ['a', 1, null],
    ]);
    (ws as unknown as Record<string, unknown>)['B2'] = { t: 'e', v: 0x2a };
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const p = openRunner(bytes, 'e.xlsx').preview({ sheet: 0, headerRow: null }, ctx);
    expect(p.rows).toEqual([['a', '#N/A']]);
  });

  it('counts rows from the first sheet row even when the data starts lower', () => {
    const ws = utils.aoa_to_sheet([]);
    utils.sheet_add_aoa(
      ws,
      [
        ['姓名', '电话'],
        ['张三', '138'],
      ],
      { origin: 'B3' },
    );
    ws['!ref'] = 'B3:C4'; // the used range, as Excel stores it
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const p = openRunner(bytes, 'x.xlsx').preview({ sheet: 0, headerRow: null }, ctx);
    expect(p.headerRow).toBe(2);
    expect(headers(p)).toEqual(['姓名', '电话']);
    expect(p.rows).toEqual([['张三', '138']]);
  });
});

describe('Excel 5 (.xls) with GBK text', () => {
  it('decodes the strings with the workbook code page (936)', () => {
    // SheetJS writes BIFF5 strings as single bytes: write ASCII stand-ins of the same length,
    // then put the GBK bytes and code page 936 in their place, as Chinese Excel 95 did.
    const words = { QQQQ: '姓名', WWWW: '城市', EEEE: '张三', RRRR: '北京' };
    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['QQQQ', 'WWWW'],
        ['EEEE', 'RRRR'],
      ]),
      'S',
    );
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'biff5' }) as ArrayBuffer);
    for (const [stand, word] of Object.entries(words)) {
      expect(patchBytes(bytes, stand, new Uint8Array(iconv.encode(word, 'gbk')))).toBe(1);
    }
    // CODEPAGE record: type 0x0042, length 2, then the code page.
    const cp = new Uint8Array([0x42, 0, 2, 0, 0xe4, 0x04]);
    expect(
      patchBytes(bytes, String.fromCharCode(...cp), new Uint8Array([0x42, 0, 2, 0, 0xa8, 0x03])),
    ).toBe(1);
    const p = openRunner(bytes, '老文件.xls').preview({ sheet: 0, headerRow: null }, ctx);
    expect(headers(p)).toEqual(['姓名', '城市']);
    expect(p.rows).toEqual([['张三', '北京']]);
  });
});

describe('files called .xls that are something else', () => {
  it('reads an HTML table saved as .xls (GBK), keeping texts exact', () => {
    const html =
      '<html><head><meta charset="gbk"></head><body><table>' +
      '<tr><td>姓名</td><td>电话</td></tr>' +
      '<tr><td>张三</td><td>0755 8888 6666</td></tr>' +
      '<tr><td>李四</td><td>02162345678</td></tr></table></body></html>';
    const runner = openRunner(encode(html, 'gbk'), '导出.xls');
    expect(runner.info.format).toBe('xls');
    const p = runner.preview({ sheet: 0, headerRow: null }, ctx);
    expect(headers(p)).toEqual(['姓名', '电话']);
    expect(p.rows).toEqual([
      ['张三', '0755 8888 6666'],
      ['李四', '02162345678'],
    ]);
  });

  it('reads a bare BIFF2 worksheet', () => {
    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['name', 'n'],
        ['a', 1],
      ]),
      'S',
    );
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'biff2' }) as ArrayBuffer);
    const p = openRunner(bytes, 'old.xls').preview({ sheet: 0, headerRow: null }, ctx);
    expect(p.rows).toEqual([['a', 1]]);
  });

  it('reads a CSV named .xls as text', () => {
    const runner = openRunner(encode('姓名,电话\n张三,138\n', 'gbk'), 'fake.xls');
    expect(runner.info).toMatchObject({ format: 'csv', encoding: 'gb18030' });
  });
});

function problemOf(bytes: Uint8Array, name = 'x.csv'): string {
  const r = ImportRunner.open(bytes, name);
  return typeof r === 'string' ? r : 'ok';
}

describe('bad files', () => {
  it('empty: no bytes, or only a BOM and whitespace', () => {
    expect(problemOf(new Uint8Array(0))).toBe('empty');
    expect(problemOf(encode(' \r\n\t\n', 'utf-8', true))).toBe('empty');
    expect(problemOf(encode('  \n', 'utf-16le', true))).toBe('empty');
  });

  it('binary: NUL and control bytes in a "text" file', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72,
    ]);
    expect(sniffKind(png)).toBe('text');
    expect(problemOf(png, 'photo.csv')).toBe('binary');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(problemOf(noise)).toBe('binary');
  });

  it('badZip: a truncated workbook', () => {
    const full = workbook(SHEETS, 'xlsx');
    expect(problemOf(full.slice(0, Math.floor(full.length / 2)), 'x.xlsx')).toBe('badZip');
    expect(problemOf(full.slice(0, 40), 'x.xlsx')).toBe('badZip');
  });

  it('encrypted: an OLE file holding EncryptionInfo (a password-protected xlsx)', () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 64, 0, 0, 0]));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
    const bytes = new Uint8Array(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    expect(sniffKind(bytes)).toBe('ole');
    expect(isEncryptedOle(bytes)).toBe(true);
    expect(problemOf(bytes, 'secret.xlsx')).toBe('encrypted');
    expect(isEncryptedOle(workbook(SHEETS, 'xls'))).toBe(false);
  });

  it('tooLarge: over the limit', () => {
    const huge = { length: 513 * 1024 * 1024 } as Uint8Array;
    const opened = ImportSource.open(huge, 'big.csv');
    expect(opened.ok ? 'ok' : opened.problem).toBe('tooLarge');
  });

  it('noRows: only separators, or a workbook of empty sheets', () => {
    expect(problemOf(encode(',,,\n,,\n', 'utf-8'))).toBe('noRows');
    expect(problemOf(workbook({ 空: [] }, 'xlsx'), 'x.xlsx')).toBe('noRows');
  });
});
