import { describe, expect, it } from 'vitest';
import type { FieldId, RecordId, TableId } from '../../../src/domain/ids';
import type { Field, TableRecord } from '../../../src/domain/model';
import { recordSearchText, splitTerms } from '../../../src/ui/grid/search';

const tableId = 'tbl_a' as TableId;
const f = (id: string, type: Field['type'], options: Field['options'] = {}): Field => ({
  id: id as FieldId,
  tableId,
  name: id,
  type,
  options,
});
const name = f('fld_name', 'text');
const spent = f('fld_spent', 'currency', { currencySymbol: '¥', decimals: 2 });
const vip = f('fld_vip', 'checkbox');
const link = f('fld_link', 'link', { linkTableId: 'tbl_b' as TableId });
const rec: TableRecord = {
  id: 'rec_1' as RecordId,
  tableId,
  order: 0,
  values: { [name.id]: '王小明 Wang', [spent.id]: 1234.5, [vip.id]: true, [link.id]: ['rec_x'] },
  createdAt: 0,
  modifiedAt: 0,
};
const ctx = { language: 'zh-CN' as const, today: '2025-01-01' };

describe('search text', () => {
  it('holds each cell as shown, lower-cased, with link titles', () => {
    const text = recordSearchText(rec, [name, spent, vip, link], ctx, (_f, ids) =>
      ids.map(() => '李四'),
    );
    expect(text).toContain('王小明 wang');
    expect(text).toContain('¥1,234.50');
    expect(text).toContain('李四');
    expect(text).not.toContain('rec_x');
  });

  it('splits terms on any whitespace and ignores case', () => {
    expect(splitTerms('  王小明   WANG ')).toEqual(['王小明', 'wang']);
    expect(splitTerms('   ')).toEqual([]);
  });
});
