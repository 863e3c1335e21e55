import { detectHeaderRow } from '../../../src/domain/import/header';
import type { RawCell } from '../../../src/domain/import/types';

describe('detectHeaderRow', () => {
  it('is the first row when it is a row of labels', () => {
    expect(
      detectHeaderRow([
        ['姓名', '电话'],
        ['张三', '138'],
      ]),
    ).toBe(0);
  });

  it('passes over one-cell titles, blank rows and export notes', () => {
    const rows: RawCell[][] = [
      ['2024年会员名单', null, null, null],
      [null, null, null, null],
      ['导出时间：2024-06-01', null, null, null],
      ['姓名', '电话', '消费', '生日'],
      ['张三', '138', 100, '1990-01-01'],
    ];
    expect(detectHeaderRow(rows)).toBe(3);
  });

  it('skips a row that is too narrow or mostly numbers', () => {
    const rows: RawCell[][] = [
      ['报表', '第1页', null, null, null, null],
      [1, 2, 3, 4, 5, 6],
      ['a', 'b', 'c', 'd', 'e', 'f'],
      ['x', 1, 2, 3, 4, 5],
    ];
    expect(detectHeaderRow(rows)).toBe(2);
  });

  it('falls back to the first filled row when nothing looks like a header', () => {
    expect(detectHeaderRow([[null], [1, 2], [3, 4]])).toBe(1);
    expect(detectHeaderRow([])).toBe(0);
  });
});
