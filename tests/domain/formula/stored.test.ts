import { toDisplayFormula } from '../../../src/domain/formula/display';
import { toStoredFormula } from '../../../src/domain/formula/stored';
import type { Field } from '../../../src/domain/model';
import { AMOUNT, AMOUNT_YUAN, AVG, COUNT, FIELDS, ODD, R, byId, field, id } from './helpers';

function stored(display: string, fields: readonly Field[] = FIELDS, ownFieldId?: string) {
  return toStoredFormula(
    display,
    fields,
    ownFieldId === undefined ? {} : { ownFieldId: id(ownFieldId) },
  );
}

describe('toStoredFormula', () => {
  it('replaces names by ids and records refs and their names', () => {
    const result = stored('={消费金额 (元)} / {消费次数} + {消费金额 (元)}');
    expect(result).toEqual({
      ok: true,
      stored: '={fld_yuan} / {fld_count} + {fld_yuan}',
      refs: ['fld_yuan', 'fld_count'],
      refNames: { fld_yuan: '消费金额 (元)', fld_count: '消费次数' },
    });
  });

  it('resolves single-letter and escaped names', () => {
    expect(stored('=RFM_R({R}) & {a\\}b\\\\c}')).toMatchObject({
      ok: true,
      stored: '=RFM_R({fld_r}) & {fld_odd}',
    });
  });

  it('leaves braces inside strings alone', () => {
    expect(stored('=IF({R} > 3, "{VIP}", "{}")')).toMatchObject({
      ok: true,
      stored: '=IF({fld_r} > 3, "{VIP}", "{}")',
      refs: ['fld_r'],
    });
  });

  it('adds a missing = and trims', () => {
    expect(stored('  {消费金额} * 2 ')).toMatchObject({ ok: true, stored: '={fld_amount} * 2' });
    expect(stored(' = 1')).toMatchObject({ ok: true, stored: '= 1' });
  });

  it('refuses an empty formula', () => {
    for (const text of ['', '   ', '=', ' =  ']) {
      expect(stored(text)).toEqual({ ok: false, problem: { kind: 'empty' } });
    }
  });

  it('reports an unknown field with the exact offsets of its reference', () => {
    const text = '=ROUND({消费金额} / {消费 次数}, 2)';
    const result = stored(text);
    expect(result).toEqual({
      ok: false,
      problem: { kind: 'unknownField', name: '消费 次数', start: 16, end: 23 },
    });
    expect(text.slice(16, 23)).toBe('{消费 次数}');
  });

  it('reports the first problem by position', () => {
    expect(stored('={nope} & "open')).toMatchObject({
      ok: false,
      problem: { kind: 'unknownField', start: 1 },
    });
    expect(stored('="open & {nope}')).toMatchObject({
      ok: false,
      problem: { kind: 'unclosedString', start: 1 },
    });
    expect(stored('={R} + {消费')).toEqual({
      ok: false,
      problem: { kind: 'unclosedReference', start: 7, end: 10 },
    });
  });

  it('refuses a reference to the formula its own field', () => {
    expect(stored('={客单价} * 2', FIELDS, 'fld_avg')).toEqual({
      ok: false,
      problem: { kind: 'selfReference', name: '客单价', start: 1, end: 6 },
    });
    expect(stored('={客单价} * 2', FIELDS)).toMatchObject({ ok: true });
  });

  it('falls back to a case-insensitive, trimmed match when it is unambiguous', () => {
    expect(stored('={ note } & {r}')).toMatchObject({
      ok: true,
      stored: '={fld_note} & {fld_r}',
      refNames: { fld_note: 'Note', fld_r: 'R' },
    });
  });

  it('prefers the exact name and reports an ambiguous loose match', () => {
    const fields = [field('fld_a', 'Total'), field('fld_b', 'total'), field('fld_c', 'TOTAL ')];
    expect(stored('={total}', fields)).toMatchObject({ ok: true, stored: '={fld_b}' });
    expect(stored('={ToTaL}', fields)).toEqual({
      ok: false,
      problem: {
        kind: 'ambiguousField',
        name: 'ToTaL',
        start: 1,
        end: 8,
        candidates: ['fld_a', 'fld_b', 'fld_c'],
      },
    });
  });

  it('refuses a formula that closes a loop through its own field', () => {
    // 客单价 reads 消费金额; making 消费金额 a formula over 客单价 closes the loop.
    const amountAsFormula = { ...AMOUNT, type: 'formula' as const, options: { formula: '=1' } };
    const fields = [amountAsFormula, COUNT, AVG];
    expect(stored('={客单价} * 2', fields, 'fld_amount')).toEqual({
      ok: false,
      problem: { kind: 'cycle', path: ['fld_amount', 'fld_avg', 'fld_amount'] },
    });
  });
});

describe('display ↔ stored', () => {
  const fields = [AMOUNT, AMOUNT_YUAN, COUNT, R, ODD];

  it('round-trips display → stored → display', () => {
    const texts = [
      '=ROUND({消费金额 (元)} / {消费次数}, 2)',
      '=IF({R} >= 4, "{VIP}" & {a\\}b\\\\c}, "")',
      '=CONCATENATE("say ""hi""", {消费金额})',
    ];
    for (const text of texts) {
      const result = toStoredFormula(text, fields);
      if (!result.ok) throw new Error(`did not store: ${text}`);
      expect(toDisplayFormula(result.stored, byId(fields))).toEqual({ display: text, missing: [] });
    }
  });

  it('shows a renamed field by its new name without changing the stored text', () => {
    const result = toStoredFormula('={消费金额} * 0.1', fields);
    if (!result.ok) throw new Error('did not store');
    const renamed = fields.map((f) => (f.id === AMOUNT.id ? { ...f, name: '总消费 {含税}' } : f));
    expect(result.stored).toBe('={fld_amount} * 0.1');
    expect(toDisplayFormula(result.stored, byId(renamed)).display).toBe('={总消费 {含税\\}} * 0.1');
  });

  it('keeps the last known name of a deleted field and reports it missing', () => {
    const result = toStoredFormula('={消费金额} / {消费次数} + {消费次数}', fields);
    if (!result.ok) throw new Error('did not store');
    const remaining = byId(fields.filter((f) => f.id !== COUNT.id));
    expect(toDisplayFormula(result.stored, remaining, result.refNames)).toEqual({
      display: '={消费金额} / {消费次数} + {消费次数}',
      missing: [{ id: 'fld_count', name: '消费次数' }],
    });
    // Saving it again names the missing field.
    const again = toStoredFormula('={消费金额} / {消费次数}', [...remaining.values()]);
    expect(again).toMatchObject({ ok: false, problem: { kind: 'unknownField', name: '消费次数' } });
  });

  it('shows the id when no name was ever recorded, and accepts a record of fields', () => {
    const record = { [AMOUNT.id]: AMOUNT };
    expect(toDisplayFormula('={fld_gone} + {fld_amount}', record)).toEqual({
      display: '={fld_gone} + {消费金额}',
      missing: [{ id: 'fld_gone', name: 'fld_gone' }],
    });
    // Prototype keys are not fields.
    expect(toDisplayFormula('={constructor}', record).missing).toEqual([
      { id: 'constructor', name: 'constructor' },
    ]);
  });
});
