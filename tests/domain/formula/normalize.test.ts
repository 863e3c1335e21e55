import { normalizeFormulaInput } from '../../../src/domain/formula/normalize';
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
