// @vitest-environment node
import { buildExportFileName, toSafeFileName } from '../../../src/io/export/fileName';

describe('export file names', () => {
  it('joins table, view and date', () => {
    expect(buildExportFileName('客户', '全部', '2024-05-01', 'csv')).toBe(
      '客户 - 全部 - 2024-05-01.csv',
    );
    expect(buildExportFileName('客户', null, '2024-05-01', 'xlsx')).toBe('客户 - 2024-05-01.xlsx');
  });
  it('removes characters file systems refuse', () => {
    expect(toSafeFileName('a/b:c*?"<>|\u0001d')).toBe('a b c d');
    expect(toSafeFileName('..')).toBe('export');
  });
});
