import { describe, expect, it } from 'vitest';
import { ResultColumn } from '../../src/engine/resultColumn';
import { readEncoded } from './helpers';
import type { FormulaResult } from '../../src/engine/types';

const encode = (values: readonly FormulaResult[], from: number, to: number) =>
  ResultColumn.of(values, from, to).encoded();

const mixed: FormulaResult[] = [
  1.5,
  'VIP',
  null,
  true,
  false,
  { error: 'DIV_BY_ZERO' },
  -0,
  'VIP',
  { error: 'VALUE', message: '“消费金额” is text' },
  '',
  { error: 'DIV_BY_ZERO' },
  46_000,
];

describe('a typed column of results', () => {
  it('gives back every kind of result as it was', () => {
    const column = ResultColumn.of(mixed);
    expect(column.length).toBe(mixed.length);
    expect(column.toArray()).toEqual(mixed);
    expect(Object.is(column.get(6), -0)).toBe(true);
    expect(column.get(mixed.length)).toBeUndefined();
  });

  it('encodes each distinct text and error of a part once, and numbers as numbers', () => {
    const encoded = encode(mixed, 1, 11);
    expect(encoded.codes).toHaveLength(10);
    // 'VIP', the division error, the VALUE error and '' (null and booleans have fixed codes).
    expect(encoded.others).toEqual([
      'VIP',
      { error: 'DIV_BY_ZERO' },
      { error: 'VALUE', message: '“消费金额” is text' },
      '',
    ]);
    expect(encoded.numbers[5]).toBe(-0);
    expect(readEncoded(encoded)).toEqual(mixed.slice(1, 11));
  });

  it('puts parts encoded apart back together, each with its own codes', () => {
    const values: FormulaResult[] = ['b', 'a', 3, 'a', { error: 'NAME' }, 'c', 'b', null, 7.25];
    const column = ResultColumn.empty(values.length);
    for (const [from, to] of [
      [0, 4],
      [4, 6],
      [6, 9],
    ] as const)
      column.write(from, encode(values, from, to));
    expect(column.toArray()).toEqual(values);
  });

  it('sets single rows, and inserts and removes rows in copies', () => {
    const column = ResultColumn.of([1, 2, 3, 4, 5]);
    column.set(1, 'two');
    column.set(2, { error: 'REF' });
    column.set(3, 4.5);
    expect(column.toArray()).toEqual([1, 'two', { error: 'REF' }, 4.5, 5]);
    const longer = column.inserted(2, 3);
    expect(longer.toArray()).toEqual([1, 'two', null, null, null, { error: 'REF' }, 4.5, 5]);
    longer.set(3, 'new');
    expect(longer.without([0, 3, 7]).toArray()).toEqual(['two', null, null, { error: 'REF' }, 4.5]);
    expect(longer.without([]).toArray()).toEqual(longer.toArray());
    // The copies leave the column they came from as it was.
    expect(column.toArray()).toEqual([1, 'two', { error: 'REF' }, 4.5, 5]);
  });
});
