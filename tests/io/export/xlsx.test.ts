// @vitest-environment node
import { read, SSF, utils } from '@e965/xlsx';
import {
  buildXlsx,
  TooManyRowsError,
  toExcelSerial,
  toSheetName,
} from '../../../src/io/export/xlsx';
import type { ExportColumn, TypedCell } from '../../../src/io/export/types';

type Row = readonly (TypedCell | null)[];
const column = (header: string, i: number): ExportColumn<Row> => ({
  header,
  text: () => '',
  typed: (row) => row[i] ?? null,
});

describe('toExcelSerial', () => {
  it('counts days from 1899-12-30 like Excel', () => {
    expect(toExcelSerial('1900-03-01')).toBe(61);
    expect(toExcelSerial('2024-01-05')).toBe(45296);
    expect(toExcelSerial('2024-01-05T18:00')).toBe(45296.75);
  });
  it('refuses dates Excel cannot show and non-dates', () => {
    expect(toExcelSerial('1900-01-15')).toBeNull();
    expect(toExcelSerial('not a date')).toBeNull();
  });
});

describe('toSheetName', () => {
  it('drops forbidden characters and keeps 31 characters', () => {
    expect(toSheetName('客户 [全部]/2024')).toBe('客户  全部  2024');
    expect(toSheetName('x'.repeat(40))).toHaveLength(31);
    expect(toSheetName('')).toBe('Sheet1');
  });
});

describe('buildXlsx', () => {
  const headers = ['姓名', '消费金额', '占比', '生日', '到店时间', '会员', '备注'];
  const rows: Row[] = [
    [
      { t: 's', v: '张三' },
      { t: 'n', v: 1234.5, z: '"¥"#,##0.00' },
      { t: 'n', v: 0.25, z: '0%' },
      { t: 'd', iso: '1990-05-17' },
      { t: 'd', iso: '2024-01-05T09:30' },
      { t: 'b', v: true },
      { t: 's', v: '=1+1' },
    ],
    [{ t: 's', v: '李四' }, { t: 's', v: 'abc' }, null, null, null, { t: 'b', v: false }, null],
  ];
  const bytes = buildXlsx(headers.map(column), rows, '客户');

  it('reads back with typed cells', () => {
    const book = read(bytes, { type: 'array', cellDates: true });
    expect(book.SheetNames).toEqual(['客户']);
    const sheet = book.Sheets['客户'];
    if (!sheet) throw new Error('no sheet');
    const data = utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
    expect(data[0]).toEqual(headers);
    expect(data).toHaveLength(3);
    expect(sheet['B2']).toMatchObject({ t: 'n', v: 1234.5 });
    expect(sheet['C2']).toMatchObject({ t: 'n', v: 0.25 });
    expect(sheet['D2']?.t).toBe('d');
    expect(sheet['D2']?.v).toBeInstanceOf(Date);
    expect(sheet['E2']?.t).toBe('d');
    expect(sheet['F2']).toMatchObject({ t: 'b', v: true });
    expect(sheet['F3']).toMatchObject({ t: 'b', v: false });
    // Text is text, never a formula, even when it looks like one.
    expect(sheet['G2']).toMatchObject({ t: 's', v: '=1+1' });
    expect(sheet['G2']?.f).toBeUndefined();
    expect(sheet['B3']).toMatchObject({ t: 's', v: 'abc' });
    expect(sheet['C3']).toBeUndefined();
  });

  it('stores dates as serials with a date format (the calendar day survives any time zone)', () => {
    const book = read(bytes, { type: 'array', cellNF: true });
    const sheet = book.Sheets['客户'];
    const birthday = sheet?.['D2'];
    expect(birthday?.t).toBe('n');
    expect(SSF.is_date(String(birthday?.z))).toBe(true);
    expect(SSF.parse_date_code(Number(birthday?.v))).toMatchObject({ y: 1990, m: 5, d: 17 });
    const visit = SSF.parse_date_code(Number(sheet?.['E2']?.v));
    expect(visit).toMatchObject({ y: 2024, m: 1, d: 5, H: 9, M: 30 });
    expect(sheet?.['B2']?.z).toBe('"¥"#,##0.00');
  });

  it('refuses more rows than a sheet holds', () => {
    const many = { length: 1_048_576 } as unknown as Row[];
    expect(() => buildXlsx([column('a', 0)], many, 's')).toThrow(TooManyRowsError);
  });
});
