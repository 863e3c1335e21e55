import { checkFormula, describeFormulaIssue } from '../../../src/ui/formula/formulaCheck';
import type { FormulaContext } from '../../../src/ui/formula/formulaCheck';
import { initI18n } from '../../../src/ui/i18n';
import type { TableEngine } from '../../../src/engine';
import { amountId, bId, checkingEngine, countId, makeFields, makeSupport } from './helpers';

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

describe('syntax problems found by the engine', () => {
  let engine: TableEngine;
  beforeAll(async () => {
    engine = await checkingEngine([amountId, countId], 1);
  });
  afterAll(() => engine.destroy());

  /** The problem for `display`, as the engine finds it, placed in the typed text. */
  function problemOf(display: string, language: 'en' | 'zh-CN' = 'en'): string {
    const support = { ...makeSupport(), validate: (s: string) => engine.validate(s) };
    const check = checkFormula(display, { fields }, support);
    if (check.ok) return 'ok';
    const text = describeFormulaIssue(check.issue, { fields });
    const t = initI18n(language).getFixedT(language);
    return t('formula.problems.at', { position: text.position, message: t(text.key, text.values) });
  }

  it('points at the character in the typed text, not in the stored one', () => {
    expect(problemOf('={消费金额} +')).toBe(
      'At character 9: the formula ends with an operator: something is missing after it',
    );
    expect(problemOf('  {消费金额} / {消费次数} *  ')).toBe(
      'At character 19: the formula ends with an operator: something is missing after it',
    );
    expect(problemOf('=ROUND({消费金额}, 2')).toBe('At character 7: this ( is never closed');
    expect(problemOf('={消费金额})')).toBe('At character 8: this ) has no matching (');
    expect(problemOf('=1 + FOO({消费次数})')).toBe(
      'At character 6: there is no function called FOO',
    );
    expect(problemOf('={消费金额} / {消费次数}')).toBe('ok');
  });

  it('says it in the workspace language', () => {
    expect(problemOf('={消费金额} +', 'zh-CN')).toBe(
      '第 9 个字符：公式以运算符结尾，后面还缺少内容',
    );
  });

  it('finds the offending token when the engine refuses without saying where', () => {
    expect(problemOf('={消费金额} +* 2')).toBe(
      'At character 10: a value or a field is missing before “*”',
    );
    expect(problemOf('={消费金额} {消费次数}')).toBe(
      'At character 9: an operator such as + or * is missing before “{消费次数}”',
    );
    expect(problemOf('=ROUND({消费金额} 2)')).toBe(
      'At character 15: an operator such as + or * is missing before “2”',
    );
    expect(problemOf('={消费金额}, 2')).toBe(
      'At character 8: a comma can only separate the arguments of a function',
    );
    expect(problemOf('=() + 1')).toBe('At character 2: these brackets are empty');
    expect(problemOf('=1 @ 2')).toBe('At character 4: “@” cannot be used in a formula');
    expect(problemOf('=消费金额 * 2')).toBe(
      'At character 2: write field names in braces: {消费金额}',
    );
    expect(problemOf('={消费金额} +* 2', 'zh-CN')).toBe('第 10 个字符：“*”前面缺少数值或字段');
    expect(problemOf('=消费金额 * 2', 'zh-CN')).toBe(
      '第 2 个字符：字段名要写在花括号里：{消费金额}',
    );
  });

  it('says a general message from the catalogue when no token is to blame, never the engine’s', () => {
    const support = { ...makeSupport(), validate: (s: string) => engine.validate(s) };
    const check = checkFormula('=1%%', { fields }, support);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const text = describeFormulaIssue(check.issue, { fields });
    expect(text.position).toBeUndefined();
    expect(initI18n('en').getFixedT('en')(text.key, text.values)).toBe(
      'The formula cannot be read: check its operators, commas and brackets.',
    );
    expect(initI18n('zh-CN').getFixedT('zh-CN')(text.key, text.values)).toBe(
      '公式写法有误，无法计算：请检查运算符、逗号和括号。',
    );
  });
});
