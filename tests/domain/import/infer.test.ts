import { createColumnConverter } from '../../../src/domain/import/convert';
import { inferColumnType } from '../../../src/domain/import/infer';
import type { FieldId, TableId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';
import type { InferredType, RawCell } from '../../../src/domain/import/types';

const ctx = { language: 'zh-CN', today: '2024-06-01' } as const;
const infer = (header: string, values: RawCell[]): InferredType =>
  inferColumnType(header, values, { today: ctx.today });

/** Converts values the way an import does, under the inferred type. */
function convertAll(inferred: InferredType, values: RawCell[]) {
  const field: Field = {
    id: 'fld_x' as FieldId,
    tableId: 'tbl_x' as TableId,
    name: 'x',
    type: inferred.type,
    options: inferred.options,
  };
  const conv = createColumnConverter(field, ctx);
  return { values: values.map((v) => conv.convert(v)), field: conv.field };
}

describe('inferColumnType', () => {
  it('numbers with thousands separators and decimals', () => {
    const values = ['1,234.5', '12', '-3.25', '1,000,000'];
    const t = infer('数量', values);
    expect(t).toEqual({ type: 'number', options: { decimals: 2, thousands: true } });
    expect(convertAll(t, values).values).toEqual([1234.5, 12, -3.25, 1000000]);
  });

  it('currency with ¥, ￥ and 元; $ and € keep their symbol', () => {
    const values = ['¥1,200', '￥35.50', '80元', '0'];
    const t = infer('消费', values);
    expect(t).toEqual({ type: 'currency', options: { currencySymbol: '¥', decimals: 2 } });
    expect(convertAll(t, values).values).toEqual([1200, 35.5, 80, 0]);
    expect(infer('price', ['$5', '$7.25'])).toMatchObject({ options: { currencySymbol: '$' } });
    expect(infer('price', ['€5', '€7'])).toMatchObject({ options: { currencySymbol: '€' } });
  });

  it('percents store fractions', () => {
    const values = ['25%', '12.5%', '100%'];
    const t = infer('折扣', values);
    expect(t.type).toBe('percent');
    expect(convertAll(t, values).values).toEqual([0.25, 0.125, 1]);
  });

  it('mixed date forms in one column', () => {
    const values = ['2024-01-05', '2024/1/6', '2024.1.7', '2024年1月8日', '1月9日'];
    const t = infer('日期', values);
    expect(t.type).toBe('date');
    expect(convertAll(t, values).values).toEqual([
      '2024-01-05',
      '2024-01-06',
      '2024-01-07',
      '2024-01-08',
      '2024-01-09',
    ]);
  });

  it('DD/MM when a first part exceeds 12, MM/DD when a second part does', () => {
    const dm = ['05/01/2024', '25/12/2023'];
    const t1 = infer('date', dm);
    expect(t1).toEqual({ type: 'date', options: { dateFormat: 'DD/MM/YYYY' } });
    expect(convertAll(t1, dm).values).toEqual(['2024-01-05', '2023-12-25']);
    const md = ['05/01/2024', '12/25/2023'];
    const t2 = infer('date', md);
    expect(t2).toEqual({ type: 'date', options: { dateFormat: 'MM/DD/YYYY' } });
    expect(convertAll(t2, md).values).toEqual(['2024-05-01', '2023-12-25']);
    // Ambiguous throughout: day first, like the date field's own default.
    expect(infer('date', ['05/01/2024', '03/02/2024']).options.dateFormat).toBe('DD/MM/YYYY');
  });

  it('date-times, real date cells and Excel serials under a date header', () => {
    const dt = ['2024-01-05 14:30', '2024/1/6 9:05'];
    const t = infer('到店时间', dt);
    expect(t.type).toBe('dateTime');
    expect(convertAll(t, dt).values).toEqual(['2024-01-05T14:30', '2024-01-06T09:05']);
    expect(infer('生日', ['1990-05-17', '1985-12-01']).type).toBe('date');
    const serials = [45296, 45297];
    const s = infer('下单日期', serials);
    expect(s.type).toBe('date');
    expect(convertAll(s, serials).values).toEqual(['2024-01-05', '2024-01-06']);
    // The same numbers under another header stay numbers.
    expect(infer('积分', serials).type).toBe('number');
  });

  it('phone numbers keep leading zeros, +86, spaces and dashes exactly', () => {
    const values = ['13800138000', '021-6234 5678', '+86 139 0000 1111', '0755 8888 6666'];
    const t = infer('电话', values);
    expect(t.type).toBe('phone');
    expect(convertAll(t, values).values).toEqual(values);
    // Plain landline digits are phones under a phone header, numbers otherwise.
    expect(infer('座机', ['62345678', '87654321']).type).toBe('phone');
    expect(infer('数量', ['62345678', '87654321']).type).toBe('number');
    // Spreadsheet number cells of mobile numbers are phones too.
    expect(infer('手机', [13800138000, 13900139000]).type).toBe('phone');
  });

  it('emails, checkboxes, single selects, long text, text', () => {
    expect(infer('邮箱', ['a@b.cn', '张三@例子.中国']).type).toBe('email');
    const yes = ['是', '否', '是', ''];
    const t = infer('会员', yes);
    expect(t.type).toBe('checkbox');
    expect(convertAll(t, yes).values).toEqual([true, false, true, null]);
    expect(infer('x', ['Y', 'N', '✓']).type).toBe('checkbox');
    expect(infer('x', ['1', '0', '1']).type).toBe('number');
    const levels = ['金卡', '银卡', '金卡', '普通', '银卡', '金卡'];
    const sel = infer('等级', levels);
    expect(sel.type).toBe('singleSelect');
    expect(sel.options.choices?.map((c) => [c.name, c.color])).toEqual([
      ['金卡', 'gray'],
      ['银卡', 'red'],
      ['普通', 'orange'],
    ]);
    expect(convertAll(sel, levels).values).toEqual(levels);
    expect(infer('备注', ['x'.repeat(120), 'short']).type).toBe('longText');
    expect(infer('姓名', ['张三', '李四', '王五']).type).toBe('text');
    expect(infer('空', [null, '', '  ']).type).toBe('text');
  });

  it('keeps a value that does not fit as {invalid}', () => {
    const values = [...Array.from({ length: 30 }, (_, i) => String(i)), 'n/a'];
    const t = infer('数量', values);
    expect(t.type).toBe('number');
    expect(convertAll(t, values).values.at(-1)).toEqual({ invalid: 'n/a' });
  });

  it('select conversion adds choices it meets instead of flagging them', () => {
    const t: InferredType = { type: 'singleSelect', options: { choices: [] } };
    const r = convertAll(t, ['甲', '乙', '甲']);
    expect(r.values).toEqual(['甲', '乙', '甲']);
    expect(r.field.options.choices?.map((c) => c.name)).toEqual(['甲', '乙']);
  });

  it('spreadsheet numbers are not re-read through text', () => {
    const pct = convertAll({ type: 'percent', options: {} }, [0.25]);
    expect(pct.values).toEqual([0.25]);
    const text = convertAll({ type: 'text', options: {} }, [0.1 + 0.2, true]);
    expect(text.values).toEqual(['0.3', 'TRUE']);
  });
});

describe('columns that only look numeric', () => {
  it('keeps leading zeros and long digit runs as text', () => {
    expect(infer('会员号', ['00123', '00456', '01000']).type).toBe('text');
    expect(infer('身份证', ['110105194912310021', '110105195001010022']).type).toBe('text');
    expect(infer('金额', ['0.5', '10', '0'])).toMatchObject({ type: 'number' });
  });
});
