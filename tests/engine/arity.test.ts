/**
 * The argument counts read from HyperFormula's metadata, against what HyperFormula itself does
 * with a call of every registered function, from no argument to eight.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { takesCount } from '../../src/domain/formula';
import { argumentRule } from '../../src/engine';
import { registerCrmFunctions } from '../../src/engine/crmPlugin';

const WRONG_COUNT = 'Wrong number of arguments.';

describe('argumentRule', () => {
  it('takes exactly the counts HyperFormula runs, for every function it has', () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
    const sheet = hf.getSheetId(hf.addSheet('s')) as number;
    const at = { sheet, row: 0, col: 0 };
    const unknown: string[] = [];
    try {
      for (const name of HyperFormula.getRegisteredFunctionNames('enGB')) {
        const rule = argumentRule(name);
        if (!rule) {
          unknown.push(name);
          continue;
        }
        for (let count = 0; count <= 8; count++) {
          hf.setCellContents(at, `=${name}(${Array<string>(count).fill('1').join(',')})`);
          const value = hf.getCellValue(at);
          const refused = value instanceof DetailedCellError && value.message === WRONG_COUNT;
          // NA() answers #N/A with any count: refusing NA(1) loses nothing.
          if (name === 'NA') expect(value, `NA(${count})`).toBeInstanceOf(DetailedCellError);
          else expect(!takesCount(rule, count), `${name} with ${count}`).toBe(refused);
        }
      }
    } finally {
      hf.destroy();
    }
    // No metadata: OFFSET is read by the parser, VERSION by the interpreter.
    expect(unknown.sort()).toEqual(['OFFSET', 'VERSION']);
  });

  it('reads groups and unbounded counts', () => {
    expect(argumentRule('IFS')).toEqual({ min: 2, max: Infinity, step: 2 });
    expect(argumentRule('SUMIFS')).toEqual({ min: 3, max: Infinity, step: 2 });
    expect(argumentRule('SUM')).toEqual({ min: 1, max: Infinity, step: 1 });
    expect(argumentRule('ROUND')).toEqual({ min: 1, max: 2, step: 1 });
    expect(argumentRule('TODAY')).toEqual({ min: 0, max: 0, step: 1 });
    expect(argumentRule('TRUNC')).toEqual(argumentRule('ROUNDDOWN'));
    expect(argumentRule('NO_SUCH_FUNCTION')).toBeUndefined();
  });

  it('leaves out the customer functions’ hidden first argument', () => {
    registerCrmFunctions();
    expect(argumentRule('DAYS_SINCE')).toEqual({ min: 1, max: 1, step: 1 });
    expect(argumentRule('RFM_SCORE')).toEqual({ min: 3, max: 3, step: 1 });
    expect(argumentRule('RFM_R')).toMatchObject({ min: 1, max: 5 });
  });
});
