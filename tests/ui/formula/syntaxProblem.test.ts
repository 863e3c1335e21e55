import { describe, expect, it } from 'vitest';
import { locateSyntaxProblem } from '../../../src/ui/formula/syntaxProblem';

describe('locateSyntaxProblem', () => {
  it('accepts what the engine accepts', () => {
    for (const ok of [
      '=1 + 2',
      '=-{消费金额} * 10%',
      '=IF({a} > 1, "高", "低")',
      '=IF(1,,2)',
      '=SUM()',
      '=SUM(1,)',
      '=ROUND(({a} + {b}) / 2, 1) & "元"',
      '=1 <> 2',
      '=TRUE',
      '=1e3 + .5',
      '=#N/A',
      '  {a} >= {b}  ',
      '=',
    ]) {
      expect(locateSyntaxProblem(ok), ok).toBeNull();
    }
  });

  it('points at the token that breaks the formula', () => {
    expect(locateSyntaxProblem('=1 +* 2')).toEqual({
      position: 4,
      reason: 'missingValue',
      name: '*',
    });
    expect(locateSyntaxProblem('=*2')).toMatchObject({ position: 1, reason: 'missingValue' });
    expect(locateSyntaxProblem('={a} {b}')).toEqual({
      position: 5,
      reason: 'missingOperator',
      name: '{b}',
    });
    expect(locateSyntaxProblem('=(1)(2)')).toMatchObject({
      position: 4,
      reason: 'missingOperator',
    });
    expect(locateSyntaxProblem('=SUM(1 2)')).toMatchObject({ position: 7, name: '2' });
    expect(locateSyntaxProblem('=1, 2')).toMatchObject({ position: 2, reason: 'misplacedComma' });
    expect(locateSyntaxProblem('=(1, 2)')).toMatchObject({ reason: 'misplacedComma' });
    expect(locateSyntaxProblem('=()')).toMatchObject({ position: 1, reason: 'emptyBrackets' });
    expect(locateSyntaxProblem('=SUM(1 +, 2)')).toMatchObject({
      position: 8,
      reason: 'missingValue',
    });
    expect(locateSyntaxProblem('=1;2')).toEqual({ position: 2, reason: 'unexpected', name: ';' });
    expect(locateSyntaxProblem('=消费金额*2')).toEqual({
      position: 1,
      reason: 'bareName',
      name: '消费金额',
    });
  });

  it('names brackets, strings and endings that are left open', () => {
    expect(locateSyntaxProblem('=1 + ')).toMatchObject({ position: 3, reason: 'incomplete' });
    expect(locateSyntaxProblem('=ROUND((1 + 2), 1')).toMatchObject({
      position: 6,
      reason: 'unclosedParen',
    });
    expect(locateSyntaxProblem('=1)')).toMatchObject({ position: 2, reason: 'unmatchedParen' });
    expect(locateSyntaxProblem('="abc & 1')).toMatchObject({
      position: 1,
      reason: 'unclosedString',
    });
  });
});
