import type { FieldId, TableId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';
import {
  deletedReferenceNames,
  formatFormulaResult,
  formulaErrorTooltip,
} from '../../../src/ui/grid/formulaCells';
import { initI18n } from '../../../src/ui/i18n';

const tableId = 'tbl_c' as TableId;
const field = (id: string, name: string, options: Field['options'] = {}): Field => ({
  id: id as FieldId,
  tableId,
  name,
  type: options.formula ? 'formula' : 'number',
  options,
});
const amount = field('fld_amount', '消费金额');
const count = field('fld_count', '消费次数');
const ratio = field('fld_ratio', '客单价', {
  formula: '={fld_amount} / {fld_count} + {fld_points} + LEN("{fld_gone}")',
  formulaRefNames: { ['fld_count' as FieldId]: '消费次数', ['fld_points' as FieldId]: '积分' },
});

describe('formula error tooltips', () => {
  it('names the deleted fields a formula refers to, by their last known names', () => {
    const all = new Map([amount, count, ratio].map((f) => [f.id, f]));
    expect(deletedReferenceNames(ratio, all)).toEqual(['积分']);
    all.delete(count.id);
    expect(deletedReferenceNames(ratio, all)).toEqual(['消费次数', '积分']);
    expect(deletedReferenceNames(amount, all)).toEqual([]);
  });

  it('says which deleted column a #REF! comes from, in either language', async () => {
    const t = (await initI18n('zh-CN').changeLanguage('zh-CN')) as never;
    const ref = { error: 'REF' };
    expect(formulaErrorTooltip(ref, t, ['消费次数'])).toBe(
      '#REF! 公式引用的列“消费次数”已被删除，请编辑公式。',
    );
    expect(formulaErrorTooltip(ref, t, ['消费次数', '积分'])).toBe(
      '#REF! 公式引用的列“消费次数”和“积分”已被删除，请编辑公式。',
    );
    expect(formulaErrorTooltip(ref, t)).toBe('#REF! 公式引用的列已被删除，请编辑公式。');
    // Other errors keep their own explanation.
    expect(formulaErrorTooltip({ error: 'DIV_BY_ZERO' }, t, ['消费次数'])).toContain('除数为零');
    expect(formulaErrorTooltip(12, t, ['消费次数'])).toBeUndefined();
    const en = (await initI18n('en').changeLanguage('en')) as never;
    expect(formulaErrorTooltip(ref, en, ['Visits'])).toBe(
      '#REF! The formula refers to the deleted column “Visits”. Edit the formula to fix it.',
    );
    expect(formulaErrorTooltip(ref, en, ['Visits', 'Points'])).toBe(
      '#REF! The formula refers to the deleted columns “Visits” and “Points”. Edit the formula to fix it.',
    );
  });
});

describe('formula results in the grid', () => {
  const ctx = { language: 'zh-CN' as const, today: '2025-01-01' };
  const formula = (options: Field['options']): Field =>
    field('fld_next', '回访日期', { formula: '={fld_amount} + 30', ...options });

  it('shows a number in the date format as the date it counts (days from 1899-12-30)', () => {
    const asDate = formula({ formulaFormat: 'date' });
    expect(formatFormulaResult(asDate, 45_717, 'number', ctx)).toBe('2025-03-01');
    expect(formatFormulaResult(asDate, 45_717.75, 'mixed', ctx)).toBe('2025-03-01');
    expect(
      formatFormulaResult(
        formula({ formulaFormat: 'date', dateFormat: 'DD/MM/YYYY' }),
        60,
        'number',
        ctx,
      ),
    ).toBe('28/02/1900');
    // Beyond year 9999 there is no date to show: the number stays.
    expect(formatFormulaResult(asDate, 3_000_000, 'number', ctx)).toBe('3000000');
    expect(formatFormulaResult(asDate, '', 'date', ctx)).toBe('');
  });

  it("shows a word in a date column as it is, and its dates in the column's date format", () => {
    const dated = formula({ dateFormat: 'DD/MM/YYYY' });
    expect(formatFormulaResult(dated, '未消费', 'date', ctx)).toBe('未消费');
    expect(formatFormulaResult(dated, '2025-03-01', 'date', ctx)).toBe('01/03/2025');
  });

  it('shows numbers as numbers and ISO dates as dates in the automatic format', () => {
    const auto = formula({});
    expect(formatFormulaResult(auto, 45_717, 'number', ctx)).toBe('45717');
    expect(formatFormulaResult(auto, '2025-03-01', 'date', ctx)).toBe('2025-03-01');
    expect(formatFormulaResult(auto, '', 'date', ctx)).toBe('');
  });
});
