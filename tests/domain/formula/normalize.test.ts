import { normalizeFormulaInput } from '../../../src/domain/formula/normalize';
import { highlightFormula } from '../../../src/domain/formula/highlight';
import { toStoredFormula } from '../../../src/domain/formula/stored';
import { FIELDS } from './helpers';

describe('normalizeFormulaInput', () => {
  it('writes an upper-case exponent in lower case, which the engine reads as a number', () => {
    expect(normalizeFormulaInput('=1E3 + 1.5E-2 * .5E+2 - 2.E1')).toBe(
      '=1e3 + 1.5e-2 * .5e+2 - 2.e1',
    );
  });

  it('leaves cells, words, strings and references alone', () => {
    const same = ['=E3 + A1E3 + LOG10E2', '="1E3" & {1E3}', '=1E + 2', '=RFM_R2E3'];
    for (const text of same) expect(normalizeFormulaInput(text)).toBe(text);
  });

  it('is what toStoredFormula stores', () => {
    expect(toStoredFormula('={消费金额} * 1.5E-2', FIELDS)).toMatchObject({
      ok: true,
      stored: '={fld_amount} * 1.5e-2',
    });
  });
});

describe('full-width punctuation', () => {
  it('becomes half-width outside strings and references, keeping every position', () => {
    const typed = '=IF（{消费金额}＞1，“VIP”：“”）　& {（备注）} & "“引号”，"';
    const read = normalizeFormulaInput(typed);
    expect(read).toBe('=IF({消费金额}＞1,"VIP":"") & {（备注）} & "“引号”，"');
    expect(read).toHaveLength(typed.length);
  });

  it('closes curly-quoted text at the next quote of any kind', () => {
    expect(normalizeFormulaInput('=”a“ & “b" & “c')).toBe('="a" & "b" & "c');
  });

  it('is highlighted as what it is read as, with the text as typed', () => {
    const segments = highlightFormula('=IF（1，“VIP”，1E3）', FIELDS);
    expect(segments.map((s) => s.text).join('')).toBe('=IF（1，“VIP”，1E3）');
    expect(segments).toContainEqual({ text: '“VIP”', kind: 'string' });
    expect(segments).toContainEqual({ text: '1E3', kind: 'number' });
    expect(segments).toContainEqual({ text: 'IF', kind: 'function' });
  });
});
