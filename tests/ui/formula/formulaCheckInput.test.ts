/**
 * What the formula editor makes of input that reads well to a person but not to the engine:
 * field names without braces, and what else it refuses or accepts before the engine sees it.
 */
import { checkFormula, describeFormulaIssue } from '../../../src/ui/formula/formulaCheck';
import type { FormulaContext } from '../../../src/ui/formula/formulaCheck';
import { initI18n } from '../../../src/ui/i18n';
import type { TableEngine } from '../../../src/engine';
import type { FieldId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';
import { amountId, checkingEngine, countId, makeFields, makeSupport, tableId } from './helpers';

const pointsId = 'fld_points' as FieldId;
const rId = 'fld_r' as FieldId;
const e3Id = 'fld_e3' as FieldId;
const number = (id: FieldId, name: string): Field => ({
  id,
  tableId,
  name,
  type: 'number',
  options: {},
});
const fields: Field[] = [
  ...makeFields(),
  number(pointsId, 'Points'),
  number(rId, 'R'),
  number(e3Id, 'E3'),
  number('fld_vip' as FieldId, '会员积分'),
];

let engine: TableEngine;
beforeAll(async () => {
  engine = await checkingEngine([amountId, countId, pointsId, rId, e3Id], 4);
});
afterAll(() => engine.destroy());

type Language = 'en' | 'zh-CN';

/** The message users read for `display` with the real engine's check, or 'ok' and the stored text. */
function messageFor(display: string, language: Language = 'en'): string {
  const context: FormulaContext = { fields };
  const support = { ...makeSupport(), validate: (s: string) => engine.validate(s) };
  const check = checkFormula(display, context, support);
  if (check.ok) return `ok ${check.stored}`;
  const text = describeFormulaIssue(check.issue, context);
  const t = initI18n(language).getFixedT(language);
  const message = t(text.key, text.values);
  return text.position === undefined
    ? message
    : t('formula.problems.at', { position: text.position, message });
}

describe('a field name typed without braces', () => {
  it('is refused with the braced name, ASCII or not, in either language', () => {
    expect(messageFor('=Points * 2')).toBe('At character 2: write field names in braces: {Points}');
    expect(messageFor('=R + 1', 'zh-CN')).toBe('第 2 个字符：字段名要写在花括号里：{R}');
    expect(messageFor('=会员积分 * 2', 'zh-CN')).toBe(
      '第 2 个字符：字段名要写在花括号里：{会员积分}',
    );
    expect(messageFor('={消费金额} + points')).toBe(
      'At character 11: write field names in braces: {Points}',
    );
    expect(messageFor('=IF({消费金额} > 1, R, 0)')).toBe(
      'At character 17: write field names in braces: {R}',
    );
  });

  it('is refused when it also reads as a cell reference: the user meant the field', () => {
    expect(messageFor('=E3 * 2')).toBe('At character 2: write field names in braces: {E3}');
  });

  it('leaves calls, numbers, booleans, error literals and text alone', () => {
    expect(messageFor('=ROUND({Points}, 2)')).toBe('ok =ROUND({fld_points}, 2)');
    expect(messageFor('=1e3 + 2')).toMatch(/^ok /);
    expect(messageFor('=IF({R} > 1, TRUE, FALSE)')).toMatch(/^ok /);
    expect(messageFor('=IFERROR({R}, #N/A)')).toMatch(/^ok /);
    expect(messageFor('="Points " & {Points}')).toBe('ok ="Points " & {fld_points}');
  });

  it('is refused when it is a cell address, which would read one of the engine’s hidden cells', () => {
    expect(messageFor('=R1 + 1e3 + 2')).toBe(
      'At character 2: “R1” is a cell address: formulas here work on each row’s fields, so write a column’s name in braces instead',
    );
    expect(messageFor('={R} * $B$2', 'zh-CN')).toBe(
      '第 8 个字符：“$B$2”是单元格地址：这里的公式按行计算，请改用花括号写列名',
    );
  });

  it('is refused when it names nothing at all, rather than #NAME? in every row', () => {
    expect(messageFor('=IF({R} > 1, yes, no)')).toBe(
      'At character 14: “yes” is not a field or a function: write a field name in braces ({yes}) and text in quotes ("yes")',
    );
    expect(messageFor('=Pointz * 2', 'zh-CN')).toBe(
      '第 2 个字符：“Pointz”不是字段也不是函数：字段名要写在花括号里（{Pointz}），文字要加引号（"Pointz"）',
    );
  });
});

describe('numbers with an upper-case exponent', () => {
  it('are accepted as numbers and stored as the engine reads them', () => {
    expect(messageFor('=1E3')).toBe('ok =1e3');
    expect(messageFor('={消费金额} * 1.5E-2', 'zh-CN')).toBe(`ok ={${amountId}} * 1.5e-2`);
    expect(messageFor('="1E3" & 2E+1')).toBe('ok ="1E3" & 2e+1');
  });
});

describe('full-width punctuation typed with a Chinese input method', () => {
  it('is read as its half-width form outside text', () => {
    expect(messageFor('=ROUND（{消费金额}, 2）', 'zh-CN')).toBe(`ok =ROUND({${amountId}}, 2)`);
    expect(messageFor('=ROUND({消费金额}，2)')).toBe(`ok =ROUND({${amountId}},2)`);
    expect(messageFor('=IF({消费金额}>1000, “VIP”, “”)')).toBe(
      `ok =IF({${amountId}}>1000, "VIP", "")`,
    );
    expect(messageFor('=　{消费金额}')).toBe(`ok = {${amountId}}`);
  });

  it('stays as typed inside text and field names', () => {
    expect(messageFor('="他说“好”（真的），" & {消费金额}')).toBe(
      `ok ="他说“好”（真的），" & {${amountId}}`,
    );
    expect(messageFor('=“他说"')).toBe('ok ="他说"');
  });

  it('keeps positions in the typed text when something else is wrong', () => {
    expect(messageFor('=ROUND（{消费金额}, 2', 'zh-CN')).toBe('第 7 个字符：这个 ( 没有对应的 )');
    expect(messageFor('=IF({消费金额}>1000, “VIP, 1)')).toBe(
      'At character 18: the text has no closing quote (")',
    );
  });

  it('is named, with the half-width form to type, where it cannot be read', () => {
    expect(messageFor('={消费金额} ＋ 1', 'zh-CN')).toBe(
      '第 9 个字符：公式里不能使用全角的“＋”，请改用半角的 +',
    );
    expect(messageFor('={消费金额} ＋ 1')).toBe(
      'At character 9: the full-width “＋” cannot be used in a formula: type the half-width +',
    );
    expect(messageFor('=ROUND({消费金额}； 2)', 'zh-CN')).toBe(
      '第 14 个字符：公式里不能使用全角的“；”，函数的参数之间请用半角逗号 , 分隔',
    );
  });
});

describe('a function called with a wrong number of arguments', () => {
  it('is refused at the function’s name with its arity, in either language', () => {
    expect(messageFor('=SUM()', 'zh-CN')).toBe('第 2 个字符：SUM 至少需要 1 个参数');
    expect(messageFor('=SUM()')).toBe('At character 2: SUM needs at least 1 argument');
    expect(messageFor('={消费金额} + if({消费次数} > 1)')).toBe(
      'At character 11: IF needs at least 2 arguments',
    );
    expect(messageFor('=DATE(2025, 1)', 'zh-CN')).toBe('第 2 个字符：DATE 需要 3 个参数');
    expect(messageFor('=ROUND({消费金额}, 2, 3)')).toBe(
      'At character 2: ROUND takes at most 2 arguments',
    );
    expect(messageFor('=TODAY(1)', 'zh-CN')).toBe('第 2 个字符：TODAY 不需要参数：请写成 TODAY()');
  });

  it('is refused for functions outside the editor’s list too, as the engine counts them', () => {
    expect(messageFor('=CHAR()')).toBe('At character 2: CHAR needs 1 argument');
    expect(messageFor('=ISOWEEKNUM()', 'zh-CN')).toBe('第 2 个字符：ISOWEEKNUM 需要 1 个参数');
    expect(messageFor('=1 + WEEKNUM(TODAY(), 1, 2)')).toBe(
      'At character 6: WEEKNUM takes at most 2 arguments',
    );
    expect(messageFor('=CODE("a") + WEEKNUM(TODAY(), 2)')).toMatch(/^ok /);
  });

  it('is refused when arguments that come in groups are left one short', () => {
    expect(messageFor('=IFS({消费金额} > 1, "A", {消费次数} > 2)')).toBe(
      'At character 2: IFS takes 2, 4, 6… arguments, not 3',
    );
    expect(messageFor('=COUNTIFS({消费金额}, ">1", {消费次数})', 'zh-CN')).toBe(
      '第 2 个字符：COUNTIFS 的参数个数应为 2、4、6……，不能是 3 个',
    );
    expect(messageFor('=IFS({消费金额} > 1, "A", {消费次数} > 2, "B")')).toMatch(/^ok /);
  });

  it('is accepted as the engine accepts it', () => {
    expect(messageFor('=ROUND({消费金额})')).toBe(`ok =ROUND({${amountId}})`);
    expect(messageFor('=IF({消费金额} > 1,, 2) + TODAY()')).toMatch(/^ok /);
  });
});
