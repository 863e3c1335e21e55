import { findFormulaCycle } from '../../../src/domain/formula/cycles';
import {
  collectRefNames,
  formulaDependencies,
  missingReferences,
  ranksWholeColumns,
  substituteReferences,
} from '../../../src/domain/formula/references';
import { AMOUNT, COUNT, byId, field, id } from './helpers';

describe('references of a stored formula', () => {
  const stored = '=IF({fld_a} > 0, "{fld_s}", {fld_b}) + {fld_a}';

  it('lists dependencies once each, ignoring strings', () => {
    expect(formulaDependencies(stored)).toEqual(['fld_a', 'fld_b']);
    expect(formulaDependencies('="{fld_a}"')).toEqual([]);
  });

  it('lists the missing ones', () => {
    const fields = byId([field('fld_a', 'A')]);
    expect(missingReferences(stored, fields)).toEqual(['fld_b']);
  });

  it('substitutes references but not text in strings', () => {
    const cells: Record<string, string> = { fld_a: 'A1', fld_b: 'B1' };
    expect(substituteReferences(stored, (ref) => cells[ref] ?? '#REF!')).toBe(
      '=IF(A1 > 0, "{fld_s}", B1) + A1',
    );
    expect(substituteReferences('={fld_gone}*2', () => '#REF!')).toBe('=#REF!*2');
    expect(substituteReferences('={fld_a', () => 'X')).toBe('={fld_a');
  });

  it('collects current names and keeps previous names for deleted fields', () => {
    const fields = byId([{ ...AMOUNT, name: '总额' }]);
    const previous = { [AMOUNT.id]: '消费金额', [COUNT.id]: '消费次数', [id('fld_x')]: 'X' };
    expect(collectRefNames('={fld_amount}/{fld_count}', fields, previous)).toEqual({
      fld_amount: '总额',
      fld_count: '消费次数',
    });
  });
});

describe('ranksWholeColumns', () => {
  const fields = byId([
    AMOUNT,
    COUNT,
    field('fld_m', 'M', '=RFM_M({fld_amount})'),
    field('fld_double', '双倍M', '={fld_m} * 2'),
    field('fld_avg', '客单价', '={fld_amount} / {fld_count}'),
    field('fld_loop', 'Loop', '={fld_loop} + rfm_f({fld_count})'),
    { ...field('fld_was', 'Was'), options: { formula: '=RFM_F({fld_count})' } },
  ]);

  it('sees a ranking function, in any case and with spaces before its bracket', () => {
    expect(ranksWholeColumns('=RFM_M({fld_amount})', fields)).toBe(true);
    expect(
      ranksWholeColumns('=IF(rfm_segment ({fld_a}, {fld_b}, {fld_c}) = "x", 1, 0)', fields),
    ).toBe(true);
    expect(ranksWholeColumns('=RFM_SCORE({fld_a}, {fld_b}, {fld_c})', fields)).toBe(true);
  });

  it('follows formula fields at any depth, but not text, row-local functions or other fields', () => {
    expect(ranksWholeColumns('={fld_double} + 1', fields)).toBe(true);
    expect(ranksWholeColumns('={fld_avg} * 2', fields)).toBe(false);
    expect(ranksWholeColumns('="RFM_M(" & {fld_amount}', fields)).toBe(false);
    expect(ranksWholeColumns('=LOYALTY_TIER({fld_amount}) & DAYS_SINCE({fld_a})', fields)).toBe(
      false,
    );
    expect(ranksWholeColumns('={fld_was}', fields)).toBe(false);
    expect(ranksWholeColumns('={fld_gone}', fields)).toBe(false);
    expect(ranksWholeColumns('={fld_loop}', fields)).toBe(true);
  });
});

describe('findFormulaCycle', () => {
  it('finds A → B → A', () => {
    const fields = [field('fld_a', 'A', '={fld_b} + 1'), field('fld_b', 'B', '={fld_a} * 2')];
    expect(findFormulaCycle(fields)).toEqual(['fld_a', 'fld_b', 'fld_a']);
  });

  it('finds A → B → C → A and returns null once the loop is broken', () => {
    const fields = [
      field('fld_x', 'X'),
      field('fld_a', 'A', '={fld_b} + {fld_x}'),
      field('fld_b', 'B', '={fld_c}'),
      field('fld_c', 'C', '={fld_a}'),
    ];
    expect(findFormulaCycle(fields)).toEqual(['fld_a', 'fld_b', 'fld_c', 'fld_a']);
    const broken = fields.map((f) => (f.id === 'fld_c' ? field('fld_c', 'C', '={fld_x}') : f));
    expect(findFormulaCycle(broken)).toBeNull();
  });

  it('ignores references in strings and to non-formula fields', () => {
    const fields = [
      field('fld_a', 'A', '="{fld_b}"'),
      field('fld_b', 'B', '={fld_a}'),
      { ...field('fld_c', 'C'), options: { formula: '={fld_c}' } },
    ];
    expect(findFormulaCycle(fields)).toBeNull();
  });

  it('checks a formula about to be saved, for loops through that field only', () => {
    const fields = [
      field('fld_a', 'A', '={fld_b}'),
      field('fld_b', 'B', '={fld_c}'),
      field('fld_c', 'C', '=1'),
      field('fld_p', 'P', '={fld_q}'),
      field('fld_q', 'Q', '={fld_p}'),
    ];
    const change = (formula: string) => ({ fieldId: id('fld_c'), formula });
    expect(findFormulaCycle(fields, change('={fld_a} + 1'))).toEqual([
      'fld_c',
      'fld_a',
      'fld_b',
      'fld_c',
    ]);
    // Reaching the P ⇄ Q loop is not a loop through C.
    expect(findFormulaCycle(fields, change('={fld_p}'))).toBeNull();
    expect(findFormulaCycle(fields, change('={fld_c}'))).toEqual(['fld_c', 'fld_c']);
    // A new field not yet in the list.
    expect(findFormulaCycle(fields, { fieldId: id('fld_new'), formula: '={fld_a}' })).toBeNull();
  });
});
