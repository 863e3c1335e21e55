import type { FieldId, TableId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';
import { formatFormulaResult } from '../../../src/ui/grid/formulaCells';
import { showFormulaResult } from '../../../src/ui/formula/formulaSupport';

const tableId = 'tbl_c' as TableId;
const ctx = { language: 'zh-CN' as const, today: '2025-01-01' };
const spent: Field = {
  id: 'fld_amount' as FieldId,
  tableId,
  name: '消费金额',
  type: 'currency',
  options: { currencySymbol: '¥' },
};
const count: Field = { ...spent, id: 'fld_count' as FieldId, name: '消费次数', type: 'number' };
const fields = new Map([spent, count].map((f) => [f.id, f]));
const of = (stored: string, options: Field['options'] = {}): Field => ({
  id: 'fld_f' as FieldId,
  tableId,
  name: 'f',
  type: 'formula',
  options: { formula: stored, ...options },
});

describe('formula results of money', () => {
  it('show as their currency field does in the automatic format, ratios of it as numbers', () => {
    expect(formatFormulaResult(of('={fld_amount}'), 1220, 'number', ctx, fields)).toBe('¥1,220.00');
    expect(formatFormulaResult(of('=ROUND({fld_amount}*0.05,2)'), 61, 'number', ctx, fields)).toBe(
      '¥61.00',
    );
    expect(formatFormulaResult(of('={fld_amount}/{fld_amount}'), 0.5, 'number', ctx, fields)).toBe(
      '0.5',
    );
    expect(formatFormulaResult(of('={fld_amount}/{fld_count}'), -12.5, 'number', ctx, fields)).toBe(
      '-¥12.50',
    );
  });

  it('follow the currency field’s symbol and decimals; a format chosen by hand wins', () => {
    const dollars = new Map(fields).set(spent.id, {
      ...spent,
      options: { currencySymbol: '$', decimals: 0 },
    });
    expect(formatFormulaResult(of('={fld_amount}*10'), 12200, 'number', ctx, dollars)).toBe(
      '$12,200',
    );
    const chosen = of('={fld_amount}', { formulaFormat: 'number' });
    expect(formatFormulaResult(chosen, 1220, 'number', ctx, fields)).toBe('1220');
  });

  it('show the same in the dialog’s preview, which formats with the draft’s stored formula', () => {
    expect(
      showFormulaResult(61, { formula: '=ROUND({fld_amount}*0.05, 2)' }, ctx, fields).text,
    ).toBe('¥61.00');
    expect(
      showFormulaResult(0.5, { formula: '={fld_amount}/{fld_amount}' }, ctx, fields).text,
    ).toBe('0.5');
  });
});
