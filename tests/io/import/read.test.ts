import { ImportRunner } from '../../../src/io/import/session';
import { detectEncoding } from '../../../src/io/import/encoding';
import { sniffDelimiter } from '../../../src/io/import/delimiter';
import { ctx, encode, headers, openRunner, previewOf } from './helpers';

const CUSTOMERS =
  '姓名,电话,城市\n张三,13800138000,北京\n李四,021-6234 5678,上海\n王五,+86 139 0000 1111,广州\n';

const TRADITIONAL =
  '姓名,電話,城市\n張三,13800138000,北京\n李四,021-6234 5678,上海\n王五,+86 139 0000 1111,廣州\n';

describe('encodings', () => {
  it.each([
    ['utf-8', false, 'utf-8'],
    ['utf-8', true, 'utf-8'],
    ['utf-16le', true, 'utf-16le'],
    ['utf-16be', true, 'utf-16be'],
    ['gbk', false, 'gb18030'],
    ['big5', false, 'big5'],
  ])('reads %s (BOM %s) as %s', (enc, bom, expected) => {
    const text = enc === 'big5' ? TRADITIONAL : CUSTOMERS;
    const bytes = encode(text, enc, bom);
    const runner = openRunner(bytes);
    expect(runner.info.encoding).toBe(expected);
    const p = runner.preview({ sheet: 0, headerRow: null }, ctx);
    expect(p.encoding).toBe(expected);
    expect(headers(p)).toEqual(
      enc === 'big5' ? ['姓名', '電話', '城市'] : ['姓名', '电话', '城市'],
    );
    expect(p.rows[0]).toEqual([enc === 'big5' ? '張三' : '张三', '13800138000', '北京']);
    expect(p.rows).toHaveLength(3);
    expect(p.totalRows).toBe(3);
  });

  it('tells a longer GBK file from Big5 and back', () => {
    const zh = '客户姓名,会员等级,备注\n' + '张小明,金卡会员,喜欢喝绿茶和乌龙茶\n'.repeat(20);
    expect(detectEncoding(encode(zh, 'gbk'))).toBe('gb18030');
    const tw = '客戶姓名,會員等級,備註\n' + '張小明,金卡會員,喜歡喝綠茶和烏龍茶\n'.repeat(20);
    expect(detectEncoding(encode(tw, 'big5'))).toBe('big5');
  });

  it('re-decodes with an encoding the user picks', () => {
    const runner = openRunner(encode(CUSTOMERS, 'gbk'));
    const wrong = runner.preview({ sheet: 0, headerRow: 0, encoding: 'big5' }, ctx);
    expect(wrong.encoding).toBe('big5');
    expect(headers(wrong)).not.toEqual(['姓名', '电话', '城市']);
    const right = runner.preview({ sheet: 0, headerRow: 0, encoding: 'gb18030' }, ctx);
    expect(headers(right)).toEqual(['姓名', '电话', '城市']);
  });
});

describe('delimiters and CSV shapes', () => {
  it.each([',', '\t', ';', '|'] as const)('sniffs %j', (d) => {
    const text = ['name', 'city', 'note'].join(d) + '\n' + ['Ann', 'Paris', 'a, b'].join(d) + '\n';
    const safe = d === ',' ? 'name,city,note\nAnn,Paris,"a, b"\n' : text;
    expect(sniffDelimiter(safe)).toBe(d);
    const runner = openRunner(encode(safe, 'utf-8'));
    expect(runner.info.delimiter).toBe(d);
    expect(runner.preview({ sheet: 0, headerRow: null }, ctx).rows[0]).toEqual([
      'Ann',
      'Paris',
      'a, b',
    ]);
  });

  it('keeps quoted commas, quotes and line breaks inside one field', () => {
    const text = 'name,address,note\n"Wu, Jun","Line 1\nLine 2","said ""hi"""\nLi,Road 2,ok\n';
    const p = previewOf(encode(text, 'utf-8'));
    expect(p.rows).toEqual([
      ['Wu, Jun', 'Line 1\nLine 2', 'said "hi"'],
      ['Li', 'Road 2', 'ok'],
    ]);
    expect(p.totalRows).toBe(2);
  });

  it('takes off the apostrophe a CSV export put before + - = @, and keeps every other one', () => {
    const csv = "姓名,电话,备注\n王五,'+86 139 0000 1111,'=SUM(A1)\n赵六,'007,it's ok\n";
    const runner = openRunner(encode(csv, 'utf-8'));
    const rows = runner.preview({ sheet: 0, headerRow: 0 }, ctx).rows;
    expect(rows[0]).toEqual(['王五', '+86 139 0000 1111', '=SUM(A1)']);
    expect(rows[1]).toEqual(['赵六', "'007", "it's ok"]);
  });

  it('pads ragged rows to the widest row and names blank headers', () => {
    const p = previewOf(encode('a,b\n1\n2,3,4\r\n5,6\r\n', 'utf-8'));
    expect(headers(p)).toEqual(['a', 'b', '列 3']);
    expect(p.rows).toEqual([['1'], ['2', '3', '4'], ['5', '6']]);
    expect(p.columns).toHaveLength(3);
  });

  it('marks columns with no header and no values as empty (trailing commas)', () => {
    const p = previewOf(encode('a,,c,,\n1,,3,,\n2,x,4,,\n', 'utf-8'));
    expect(p.columns.map((c) => c.empty ?? false)).toEqual([false, false, false, true, true]);
  });

  it('finds the header under a title row and a blank line', () => {
    const text =
      '2024年会员名单,,\n,,\n姓名,电话,消费\n张三,13800138000,100\n李四,13900139000,200\n';
    const p = previewOf(encode(text, 'utf-8'));
    expect(p.headerRow).toBe(2);
    expect(p.top[0]?.[0]).toBe('2024年会员名单');
    expect(headers(p)).toEqual(['姓名', '电话', '消费']);
    expect(p.totalRows).toBe(2);
    expect(p.columns.map((c) => c.inferred.type)).toEqual(['text', 'phone', 'number']);
  });

  it('reads a pasted single column as one column, commas and all', () => {
    const r = ImportRunner.openText('金额\n1,200\n3,500\n', '粘贴');
    if (typeof r === 'string') throw new Error(r);
    const p = r.preview({ sheet: 0, headerRow: null }, ctx);
    expect(p.rows).toEqual([['1,200'], ['3,500']]);
    expect(p.columns[0]?.inferred.type).toBe('number');
  });

  it('reads pasted tab-separated cells', () => {
    const r = ImportRunner.openText('名字\t金额\n甲\t¥1,200\n乙\t¥300\n', '粘贴');
    if (typeof r === 'string') throw new Error(r);
    expect(r.info.delimiter).toBe('\t');
    const p = r.preview({ sheet: 0, headerRow: null }, ctx);
    expect(p.columns[1]?.inferred).toEqual({
      type: 'currency',
      options: { currencySymbol: '¥', decimals: 0 },
    });
  });
});
