import { checkFormula, describeFormulaIssue } from '../../../src/ui/formula/formulaCheck';
import type { FormulaContext } from '../../../src/ui/formula/formulaCheck';
import { initI18n } from '../../../src/ui/i18n';
import { amountId, bId, makeFields, makeSupport } from './helpers';

const fields = makeFields();

/** The message users read for `display`, in English. */
function messageFor(display: string, context: FormulaContext = { fields }): string {
  const i18n = initI18n('en');
  const check = checkFormula(display, context, makeSupport());
  if (check.ok) return 'ok';
  const text = describeFormulaIssue(check.issue, context);
  const message = i18n.t(text.key, text.values);
  return text.position === undefined
    ? message
    : i18n.t('formula.problems.at', { position: text.position, message });
}

describe('formula problems as messages', () => {
  beforeAll(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('names each kind of problem with its position', () => {
    expect(messageFor('={消费金额')).toBe('At character 2: the field name has no closing }');
    expect(messageFor('="abc')).toBe('At character 2: the text has no closing quote (")');
    expect(messageFor('=1}')).toBe('At character 3: a } without a matching {');
    expect(messageFor('  ')).toBe('Write a formula first.');
    expect(messageFor('={B}+1', { fields, ownFieldId: bId })).toBe(
      'At character 2: a formula cannot use its own column “B”',
    );
  });

  it('reports two fields with the same loose name as ambiguous', () => {
    const twins = [
      ...fields,
      { ...fields[1]!, id: 'fld_twin' as typeof amountId, name: '消费金额 ' },
    ];
    expect(messageFor('={消费金额 }', { fields: twins })).toBe('ok');
    expect(messageFor('={ 消费金额}', { fields: twins })).toBe(
      'At character 2: several fields are called “ 消费金额”; type the name exactly',
    );
  });

  it('converts a good formula to ids with the referenced names', () => {
    const check = checkFormula('{消费金额} * 2', { fields }, makeSupport());
    expect(check).toEqual({
      ok: true,
      stored: `={${amountId}} * 2`,
      refNames: { [amountId]: '消费金额' },
    });
  });
});
