import { suggestCompletions } from '../../../src/domain/formula/completions';
import { FORMULA_FUNCTIONS } from '../../../src/domain/formula/functions';
import { highlightFormula } from '../../../src/domain/formula/highlight';
import { AVG, FIELDS, ODD, id } from './helpers';

const suggest = (source: string, cursor = source.length, ownFieldId?: string) =>
  suggestCompletions(
    source,
    cursor,
    FIELDS,
    FORMULA_FUNCTIONS,
    ownFieldId === undefined ? {} : { ownFieldId: id(ownFieldId) },
  );

describe('suggestCompletions', () => {
  it('offers field names after {消, prefix matches first, replacing from the brace', () => {
    const result = suggest('=ROUND({消');
    expect(result).toMatchObject({ from: 7, to: 9 });
    expect(result?.items.map((i) => i.label)).toEqual(['消费金额', '消费金额 (元)', '消费次数']);
    expect(result?.items[1]).toEqual({
      kind: 'field',
      label: '消费金额 (元)',
      insertText: '{消费金额 (元)}',
      fieldId: 'fld_yuan',
    });
  });

  it('then offers names that contain the typed text', () => {
    expect(suggest('={金额')?.items.map((i) => i.label)).toEqual(['消费金额', '消费金额 (元)']);
    expect(suggest('={单')?.items.map((i) => i.label)).toEqual(['客单价']);
  });

  it('offers every field after a bare { except the own field, escaping names', () => {
    const result = suggest('=1 + {', undefined, AVG.id);
    expect(result?.items.map((i) => i.label)).toEqual(
      FIELDS.filter((f) => f.id !== AVG.id).map((f) => f.name),
    );
    expect(result?.items.find((i) => i.label === ODD.name)?.insertText).toBe('{a\\}b\\\\c}');
  });

  it('replaces a reference that is already closed further on', () => {
    expect(suggest('={消费}+1', 3)).toMatchObject({ from: 1, to: 5 });
  });

  it('offers function names after =RO with the word as the range', () => {
    const result = suggest('=RO');
    expect(result).toMatchObject({ from: 1, to: 3 });
    expect(result?.items.map((i) => i.label)).toEqual(['ROUND', 'ROUNDUP', 'ROUNDDOWN']);
    expect(result?.items[0]).toMatchObject({
      kind: 'function',
      insertText: 'ROUND(',
      signature: 'ROUND(number, digits)',
    });
    expect(suggest('=if({R}, rfm_s')?.items.map((i) => i.label)).toEqual([
      'RFM_SCORE',
      'RFM_SEGMENT',
    ]);
  });

  it('covers the whole word when the cursor is inside it', () => {
    expect(suggest('=ROUN + 1', 3)).toMatchObject({ from: 1, to: 5 });
  });

  it('offers nothing inside strings, after closed references, numbers or operators', () => {
    expect(suggest('="RO')).toBeNull();
    expect(suggest('="{消')).toBeNull();
    expect(suggest('={R}')).toBeNull();
    expect(suggest('=1E5')).toBeNull();
    expect(suggest('=1 + ')).toBeNull();
    expect(suggest('=ZZZ')).toBeNull();
    expect(suggest('')).toBeNull();
  });
});

describe('highlightFormula', () => {
  it('colours references, strings, functions, numbers and operators', () => {
    const text = '=IF({消费金额 (元)} > 1000, "{VIP}", {gone})';
    const segments = highlightFormula(text, FIELDS);
    expect(segments).toEqual([
      { text: '=', kind: 'operator' },
      { text: 'IF', kind: 'function' },
      { text: '(', kind: 'operator' },
      { text: '{消费金额 (元)}', kind: 'field', fieldId: 'fld_yuan' },
      { text: ' ', kind: 'plain' },
      { text: '>', kind: 'operator' },
      { text: ' ', kind: 'plain' },
      { text: '1000', kind: 'number' },
      { text: ',', kind: 'operator' },
      { text: ' ', kind: 'plain' },
      { text: '"{VIP}"', kind: 'string' },
      { text: ',', kind: 'operator' },
      { text: ' ', kind: 'plain' },
      { text: '{gone}', kind: 'missingField' },
      { text: ')', kind: 'operator' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('treats a word without ( as plain, merges neighbours and marks an unclosed reference', () => {
    expect(highlightFormula('=TRUE<>{r}*2.5e3&{R', FIELDS)).toEqual([
      { text: '=', kind: 'operator' },
      { text: 'TRUE', kind: 'plain' },
      { text: '<>', kind: 'operator' },
      { text: '{r}', kind: 'field', fieldId: 'fld_r' },
      { text: '*', kind: 'operator' },
      { text: '2.5e3', kind: 'number' },
      { text: '&', kind: 'operator' },
      { text: '{R', kind: 'missingField' },
    ]);
  });

  it('keeps every character, including ones it does not know', () => {
    const text = '=ROUND ({R}，2) # ~';
    const segments = highlightFormula(text, FIELDS);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments[1]).toEqual({ text: 'ROUND', kind: 'function' });
  });
});
