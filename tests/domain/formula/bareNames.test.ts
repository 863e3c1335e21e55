import { toStoredFormula } from '../../../src/domain/formula/stored';
import { FIELDS } from './helpers';

describe('words outside braces', () => {
  it('names the field a bare word matches, at its position', () => {
    expect(toStoredFormula('=R + 1', FIELDS)).toEqual({
      ok: false,
      problem: { kind: 'bareName', name: 'R', start: 1, end: 2, field: 'R' },
    });
    expect(toStoredFormula('={消费次数} * note', FIELDS)).toEqual({
      ok: false,
      problem: { kind: 'bareName', name: 'note', start: 10, end: 14, field: 'Note' },
    });
  });

  it('reports a word that names nothing, without a field', () => {
    expect(toStoredFormula('=1 + Bonus', FIELDS)).toEqual({
      ok: false,
      problem: { kind: 'bareName', name: 'Bonus', start: 5, end: 10 },
    });
  });

  it('refuses a cell address that names no field: it would read a hidden cell of the engine', () => {
    for (const [formula, name, start] of [
      ['=A1 * 2', 'A1', 1],
      ['={R} + $B$2', '$B$2', 7],
      ['=SUM(T!C3)', 'T!C3', 5],
    ] as const)
      expect(toStoredFormula(formula, FIELDS)).toEqual({
        ok: false,
        problem: { kind: 'bareName', name, start, end: start + name.length, cell: true },
      });
  });

  it('lets calls, booleans, numbers, error values and strings through', () => {
    for (const ok of [
      '=RFM_R({R}) + ROUND (1.5e3, 0)',
      '=IF(TRUE, false, #N/A) & #DIV/0!',
      '="R and Note" & {Note}',
      '=WORKDAY.INTL({R}, 1)',
    ])
      expect(toStoredFormula(ok, FIELDS).ok, ok).toBe(true);
  });
});
