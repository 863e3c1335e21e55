import {
  FORMULA_FUNCTIONS,
  findArgumentCountProblem,
  takesCount,
} from '../../../src/domain/formula';
import { TEMPLATE_FORMULAS } from '../../../src/domain/template/formulas';
import { argumentRule } from '../../../src/engine';

/** The problem in `display` with the engine's argument counts. */
const problemIn = (display: string) => findArgumentCountProblem(display, argumentRule);

describe('function arity', () => {
  it('takes what the signatures the editor shows say', () => {
    for (const f of FORMULA_FUNCTIONS) {
      const rule = argumentRule(f.name);
      if (!rule) throw new Error(`The engine does not know ${f.name}`);
      const params = f.signature.slice(f.name.length + 1, -1);
      // The names before the first bracket are required; an ellipsis repeats the last ones.
      const required = (params.split('[')[0] ?? '').split(',').filter((p) => /\w/.test(p));
      expect(takesCount(rule, required.length), f.signature).toBe(true);
      expect(rule.max === Infinity, f.signature).toBe(params.includes('…'));
    }
  });

  it('finds a call with too few or too many arguments, at its name', () => {
    expect(problemIn('=SUM()')).toEqual({
      kind: 'argumentCount',
      name: 'SUM',
      count: 0,
      min: 1,
      max: Infinity,
      step: 1,
      start: 1,
      end: 4,
    });
    expect(problemIn('=1 + if({R} > 1)')).toMatchObject({
      name: 'if',
      count: 1,
      min: 2,
      start: 5,
    });
    expect(problemIn('=ROUND(1, 2, 3)')).toMatchObject({ count: 3, max: 2 });
    expect(problemIn('=TODAY(1)')).toMatchObject({ count: 1, max: 0 });
    expect(problemIn('=MAX(SUM( ), DATE(1, 2))')).toMatchObject({
      name: 'SUM',
      start: 5,
    });
    // Functions the editor does not list are checked too; unknown names are not.
    expect(problemIn('=FOO() + COS()')).toMatchObject({ name: 'COS', count: 0, min: 1, start: 9 });
    expect(problemIn('=SUMIFS({a}, {b}, 1, {c})')).toMatchObject({ min: 3, step: 2, count: 4 });
  });

  it('counts empty arguments, nested calls, text and fields as arguments', () => {
    for (const ok of [
      '=IF({R} > 1,, 2)',
      '=ROUND({消费金额})',
      '=SUM((1), "a,b", {a,b})',
      '=TODAY() + DATE(YEAR(TODAY()), 1, 1)',
      '=FOO() + COS(1)',
      '=SUMIFS({a}, {b}, 1, {c}, 2)',
      '=IF(1, 2, "SUM()")',
    ])
      expect(problemIn(ok), ok).toBeNull();
  });

  it('finds nothing wrong in the template’s formulas', () => {
    for (const build of Object.values(TEMPLATE_FORMULAS))
      expect(problemIn(build((key) => `{${key}}`))).toBeNull();
  });
});
