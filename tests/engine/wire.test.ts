import { describe, expect, it } from 'vitest';
import type { ColumnUpdate, EngineRequest, UpdateChunk } from '../../src/engine/remote/protocol';
import { transferablesOf } from '../../src/engine/remote/protocol';
import { readEncoded } from './helpers';
import {
  EngineProtocolError,
  InputAssembler,
  UpdateAssembler,
  splitRequest,
  takePart,
  splitUpdate,
} from '../../src/engine/remote/wire';

const whole: ColumnUpdate = {
  fieldId: 'fld_a',
  type: 'mixed',
  rows: null,
  values: [1, 'two', null, true, { error: 'DIV_BY_ZERO' }, 6, 7],
};
const someRows: ColumnUpdate = {
  fieldId: 'fld_b',
  type: 'number',
  rows: [2, 5, 9, 11, 40],
  values: [20, 50, 90, 110, 400],
};

/** The updates put back together, their typed values read back as lists. */
function assemble(chunks: readonly UpdateChunk[]): ColumnUpdate[] {
  const assembler = new UpdateAssembler();
  for (const c of chunks) assembler.add(c);
  return assembler.finish().map((u) => ({ ...u, values: u.values.toArray() }));
}

const chunkValues = (c: UpdateChunk) => readEncoded(c.results);

describe('reply chunks', () => {
  it('split a column into parts of at most the given size and put it back exactly', () => {
    const chunks = splitUpdate(whole, 3);
    expect(chunks.map((c) => [c.at, c.results.codes.length, c.total])).toEqual([
      [0, 3, 7],
      [3, 3, 7],
      [6, 1, 7],
    ]);
    expect(assemble(chunks)).toEqual([whole]);
  });

  it('keep each row with its value when a row update is split', () => {
    const chunks = splitUpdate(someRows, 2);
    expect(chunks.map((c) => c.rows)).toEqual([[2, 5], [9, 11], [40]]);
    expect(chunks.map(chunkValues)).toEqual([[20, 50], [90, 110], [400]]);
    expect(assemble([...splitUpdate(whole, 2), ...chunks])).toEqual([whole, someRows]);
  });

  it('send an empty update as one chunk', () => {
    const empty: ColumnUpdate = { fieldId: 'fld_c', type: 'number', rows: [], values: [] };
    expect(splitUpdate(empty, 5)).toHaveLength(1);
    expect(assemble(splitUpdate(empty, 5))).toEqual([empty]);
  });

  it('refuse a lost, repeated or reordered chunk instead of shifting values', () => {
    const [a, b, c] = splitUpdate(whole, 3) as [UpdateChunk, UpdateChunk, UpdateChunk];
    expect(() => assemble([a, c])).toThrow(EngineProtocolError);
    expect(() => assemble([a, b, b, c])).toThrow(EngineProtocolError);
    expect(() => assemble([a, c, b])).toThrow(EngineProtocolError);
    expect(() => assemble([a, b])).toThrow(/ended at 6 of 7/);
    expect(() => assemble([b, a, c])).toThrow(EngineProtocolError);
    const other = splitUpdate(someRows, 3)[1] as UpdateChunk;
    expect(() => assemble([a, { ...other, at: 3 }])).toThrow(EngineProtocolError);
  });

  it('refuse a chunk whose rows and values differ in length', () => {
    const bad: UpdateChunk = { ...(splitUpdate(someRows, 5)[0] as UpdateChunk), rows: [1] };
    expect(() => assemble([bad])).toThrow(/rows and values differ/);
  });
});

const build: EngineRequest = {
  op: 'build',
  table: 'tbl_x',
  asOf: '2025-06-30',
  language: 'en',
  rowCount: 5,
  inputs: [
    { fieldId: 'fld_n', kind: 'number', values: [1, 2, null, 4, 5] },
    { fieldId: 'fld_t', kind: 'text', values: ['a', 'b', 'c', 'd', 'e'] },
  ],
  formulas: [{ fieldId: 'fld_f', formula: '={fld_n}*2' }],
};

describe('request parts', () => {
  it('carry a build’s input columns in parts and rebuild the request', () => {
    const { parts: refs, request } = splitRequest(build, 2);
    // The parts point into the columns; their values are copied only when taken (posted).
    expect(
      refs.every((r) => build.op === 'build' && build.inputs.some((c) => c.values === r.column)),
    ).toBe(true);
    const parts = refs.map(takePart);
    expect(parts.map((p) => [p.fieldId, p.values])).toEqual([
      ['fld_n', [1, 2]],
      ['fld_n', [null, 4]],
      ['fld_n', [5]],
      ['fld_t', ['a', 'b']],
      ['fld_t', ['c', 'd']],
      ['fld_t', ['e']],
    ]);
    expect(request.op === 'build' && request.inputs.every((c) => c.values.length === 0)).toBe(true);
    const assembler = new InputAssembler();
    for (const p of parts) assembler.add(7, p);
    expect(assembler.complete(7, request)).toEqual(build);
  });

  it('carry the input columns of a preview in parts too', () => {
    const preview: EngineRequest = {
      op: 'preview',
      table: 'tbl_x',
      formula: '=RFM_M({fld_p})',
      rows: [0, 1],
      rowCount: 3,
      inputs: [{ fieldId: 'fld_p', kind: 'number', values: [3, 1, 2] }],
    };
    const { parts: refs, request } = splitRequest(preview, 2);
    const parts = refs.map(takePart);
    expect(parts.map((p) => p.values)).toEqual([[3, 1], [2]]);
    const assembler = new InputAssembler();
    for (const p of parts) assembler.add(2, p);
    expect(assembler.complete(2, request)).toEqual(preview);
  });

  it('carry inserted rows in parts; other requests go as they are', () => {
    const insert: EngineRequest = {
      op: 'insertRows',
      table: 'tbl_x',
      at: 1,
      count: 3,
      values: [{ fieldId: 'fld_n', values: [7, 8, 9] }],
    };
    const { parts: refs, request } = splitRequest(insert, 2);
    const parts = refs.map(takePart);
    expect(parts).toHaveLength(2);
    const assembler = new InputAssembler();
    for (const p of parts) assembler.add(1, p);
    expect(assembler.complete(1, request)).toEqual(insert);
    const edit: EngineRequest = { op: 'removeRows', table: 'tbl_x', rows: [1] };
    expect(splitRequest(edit, 2)).toEqual({ parts: [], request: edit });
  });

  it('refuse a request whose parts are missing, repeated or meant for another request', () => {
    const { parts: refs, request } = splitRequest(build, 2);
    const parts = refs.map(takePart);
    const missing = new InputAssembler();
    for (const p of parts.slice(1)) missing.add(1, p);
    expect(() => missing.complete(1, request)).toThrow(EngineProtocolError);
    const repeated = new InputAssembler();
    for (const p of [...parts, parts[0]!]) repeated.add(1, p);
    expect(() => repeated.complete(1, request)).toThrow(/7 of 5/);
    const elsewhere = new InputAssembler();
    for (const p of parts) elsewhere.add(2, p);
    expect(() => elsewhere.complete(1, request)).toThrow(EngineProtocolError);
  });
});

describe('the buffers a reply hands over', () => {
  it('are a chunk’s typed values, and nothing for the other replies', () => {
    const [chunk] = splitUpdate(whole, 10) as [UpdateChunk];
    expect(transferablesOf({ seq: 0, id: 1, chunk })).toEqual([
      chunk.results.numbers.buffer,
      chunk.results.codes.buffer,
    ]);
    expect(transferablesOf({ seq: 1, id: 1, done: true })).toEqual([]);
    expect(transferablesOf({ seq: 1, id: 1, error: 'x' })).toEqual([]);
  });
});
