import { encodeReference, scanFormula } from '../../../src/domain/formula/scan';

describe('scanFormula', () => {
  it('splits references, strings and the rest, with offsets of the whole {…}', () => {
    const source = '={消费金额 (元)} & "x"';
    const { tokens, problem } = scanFormula(source);
    expect(problem).toBeUndefined();
    expect(tokens).toEqual([
      { kind: 'text', start: 0, end: 1, text: '=' },
      { kind: 'reference', start: 1, end: 11, name: '消费金额 (元)', closed: true },
      { kind: 'text', start: 11, end: 14, text: ' & ' },
      { kind: 'string', start: 14, end: 17, text: '"x"', closed: true },
    ]);
    expect(source.slice(1, 11)).toBe('{消费金额 (元)}');
  });

  it('decodes \\} and \\\\ inside a name and keeps a lone backslash', () => {
    const [ref] = scanFormula('{a\\}b\\\\c}').tokens;
    expect(ref).toMatchObject({ kind: 'reference', name: 'a}b\\c', closed: true, end: 9 });
    expect(scanFormula('{a\\b}').tokens[0]).toMatchObject({ name: 'a\\b', closed: true });
  });

  it('does not see references inside string literals, including "" escapes', () => {
    const { tokens } = scanFormula('="say ""{hi}"" {x}" & {R}');
    expect(tokens.map((t) => t.kind)).toEqual(['text', 'string', 'text', 'reference']);
    expect(tokens[1]).toMatchObject({ text: '"say ""{hi}"" {x}"' });
    expect(tokens[3]).toMatchObject({ name: 'R' });
  });

  it('reports an unclosed reference and an unclosed string at their start', () => {
    expect(scanFormula('=1 + {消费').problem).toEqual({
      kind: 'unclosedReference',
      start: 5,
      end: 8,
    });
    expect(scanFormula('=IF({R}, "abc').problem).toEqual({
      kind: 'unclosedString',
      start: 9,
      end: 13,
    });
    // Inside an unclosed string a brace is text, so the string is the problem.
    expect(scanFormula('="{a}').problem).toMatchObject({ kind: 'unclosedString', start: 1 });
  });

  it('reports a stray closing brace', () => {
    expect(scanFormula('=1}+{R}').problem).toEqual({ kind: 'unexpectedBrace', start: 2, end: 3 });
  });

  it('encodes names so that scanning gives them back', () => {
    for (const name of ['消费金额 (元)', 'a}b\\c', '{x}', 'ends\\', '"q"']) {
      const encoded = encodeReference(name);
      const { tokens, problem } = scanFormula(encoded);
      expect(problem).toBeUndefined();
      expect(tokens).toEqual([
        { kind: 'reference', start: 0, end: encoded.length, name, closed: true },
      ]);
    }
    expect(encodeReference('a}b\\c')).toBe('{a\\}b\\\\c}');
  });
});
