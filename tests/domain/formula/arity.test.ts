import { HyperFormula } from 'hyperformula';
import type { FunctionMetadata } from 'hyperformula';
import { FORMULA_FUNCTIONS, findArgumentCountProblem } from '../../../src/domain/formula';
import { TEMPLATE_FORMULAS } from '../../../src/domain/template/formulas';
import { CrmFunctionPlugin, registerCrmFunctions } from '../../../src/engine/crmPlugin';

/** HyperFormula's arity of `name`, as users call it (the customer functions' Env argument is hidden). */
function engineArity(name: string): { min: number; max: number } {
  const own = CrmFunctionPlugin.implementedFunctions[name];
  const plugin = HyperFormula.getFunctionPlugin(name);
  // An alias (TRUNC → ROUNDDOWN) has its target's metadata.
  const target = plugin?.aliases?.[name] ?? name;
  const meta: FunctionMetadata | undefined = own ?? plugin?.implementedFunctions[target];
  if (!meta) throw new Error(`No metadata for ${name}`);
  const params = meta.parameters ?? [];
  const hidden = own && params[0]?.argumentType === 'RANGE' ? 1 : 0;
  const required = params.map((p) => !p.optionalArg && p.defaultValue === undefined);
  const min = required.lastIndexOf(true) + 1 - hidden;
  return { min, max: meta.repeatLastArgs ? Infinity : params.length - hidden };
}

describe('function arity', () => {
  it('matches HyperFormula’s metadata for every catalogued function', () => {
    registerCrmFunctions();
    for (const f of FORMULA_FUNCTIONS)
      expect({ min: f.minArgs, max: f.maxArgs }, f.name).toEqual(engineArity(f.name));
  });

  it('finds a call with too few or too many arguments, at its name', () => {
    expect(findArgumentCountProblem('=SUM()')).toEqual({
      kind: 'argumentCount',
      name: 'SUM',
      count: 0,
      min: 1,
      max: Infinity,
      start: 1,
      end: 4,
    });
    expect(findArgumentCountProblem('=1 + if({R} > 1)')).toMatchObject({
      name: 'if',
      count: 1,
      min: 2,
      start: 5,
    });
    expect(findArgumentCountProblem('=ROUND(1, 2, 3)')).toMatchObject({ count: 3, max: 2 });
    expect(findArgumentCountProblem('=TODAY(1)')).toMatchObject({ count: 1, max: 0 });
    expect(findArgumentCountProblem('=MAX(SUM( ), DATE(1, 2))')).toMatchObject({
      name: 'SUM',
      start: 5,
    });
  });

  it('counts empty arguments, nested calls, text and fields as arguments', () => {
    for (const ok of [
      '=IF({R} > 1,, 2)',
      '=ROUND({消费金额})',
      '=SUM((1), "a,b", {a,b})',
      '=TODAY() + DATE(YEAR(TODAY()), 1, 1)',
      '=FOO() + COS()',
      '=IF(1, 2, "SUM()")',
    ])
      expect(findArgumentCountProblem(ok), ok).toBeNull();
  });

  it('finds nothing wrong in the template’s formulas', () => {
    for (const build of Object.values(TEMPLATE_FORMULAS))
      expect(findArgumentCountProblem(build((key) => `{${key}}`))).toBeNull();
  });
});
