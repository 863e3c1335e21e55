// @vitest-environment node
import { hfValue } from '../../src/engine/directSupport';
import type { EngineValue, InputKind } from '../../src/engine/types';
import { isoToSerial, toCellContent } from '../../src/engine/values';

/** What HyperFormula holds once `toCellContent` is written: the text read back. */
function readBack(value: EngineValue, kind: InputKind) {
  const c = toCellContent(value, kind);
  if (typeof c !== 'string') return c;
  return c.startsWith("'") ? c.slice(1) : isoToSerial(c);
}

describe('hfValue', () => {
  const values: EngineValue[] = [
    null,
    '',
    'text',
    "'quoted",
    '2024-02-29',
    '2024-02-30',
    '2024/1/5',
    '12',
    0,
    -3.5,
    true,
    false,
  ];
  it.each(['text', 'number', 'date', 'boolean'] as InputKind[])(
    'is what HyperFormula holds for a %s input, for every kind of value',
    (kind) => {
      for (const v of values) expect([v, hfValue(v, kind)]).toEqual([v, readBack(v, kind)]);
    },
  );
});
