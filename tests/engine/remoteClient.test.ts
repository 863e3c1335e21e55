import { describe, expect, it } from 'vitest';
import { EngineWorkerError, createEngineClient } from '../../src/engine/remote/client';
import type { FromEngine, ReceivedUpdate, ToEngine } from '../../src/engine/remote/protocol';
import { createEngineServer } from '../../src/engine/remote/server';

const table = 'tbl_t';
const build = {
  op: 'build' as const,
  table,
  asOf: '2025-06-30',
  language: 'en' as const,
  rowCount: 7,
  inputs: [{ fieldId: 'fld_n', kind: 'number' as const, values: [1, 2, 3, 4, 5, 6, 7] }],
  formulas: [
    { fieldId: 'fld_d', formula: '={fld_n} * 2' },
    { fieldId: 'fld_s', formula: '=IF({fld_n} > 3, "big", "small")' },
  ],
};

/** One field's update, its typed values read back as a list. */
const column = (updates: ReceivedUpdate[], fieldId: string) => {
  const update = updates.find((u) => u.fieldId === fieldId);
  return update && { ...update, values: update.values.toArray() };
};

describe('the engine client over parts of two values', () => {
  it('builds from inputs sent in parts and answers whole columns', async () => {
    const client = createEngineClient({ chunkValues: 2, sliceMs: 0 });
    const updates = await client.request(build);
    expect(column(updates, 'fld_d')).toEqual({
      fieldId: 'fld_d',
      type: 'number',
      rows: null,
      values: [2, 4, 6, 8, 10, 12, 14],
    });
    expect(column(updates, 'fld_s')?.values).toEqual([
      'small',
      'small',
      'small',
      'big',
      'big',
      'big',
      'big',
    ]);
  });

  it('answers requests sent while a build is still going out, in order, on the right rows', async () => {
    const client = createEngineClient({ chunkValues: 2, sliceMs: 0 });
    const done: string[] = [];
    const track = <T>(name: string, p: Promise<T>) => p.then((v) => (done.push(name), v));
    const built = track('build', client.request(build));
    const edited = track(
      'edit',
      client.request({
        op: 'setValues',
        table,
        changes: [{ fieldId: 'fld_n', row: 5, value: 50 }],
      }),
    );
    const inserted = track(
      'insert',
      client.request({
        op: 'insertRows',
        table,
        at: 1,
        count: 3,
        values: [{ fieldId: 'fld_n', values: [100, 200, 300] }],
      }),
    );
    const removed = track('remove', client.request({ op: 'removeRows', table, rows: [0] }));
    const [, edit, insert, remove] = await Promise.all([built, edited, inserted, removed]);
    expect(done).toEqual(['build', 'edit', 'insert', 'remove']);
    expect(column(edit, 'fld_d')).toMatchObject({ rows: [5], values: [100] });
    // Rows 1–3 are new: 200, 400, 600 (the whole column or those rows, either way the same).
    const d = column(insert, 'fld_d');
    const byRow = new Map(d?.rows ? d.rows.map((r, i) => [r, d.values[i]]) : d?.values.entries());
    expect([byRow.get(1), byRow.get(2), byRow.get(3)]).toEqual([200, 400, 600]);
    expect(remove).toEqual([]);
    const after = await client.request({
      op: 'setValues',
      table,
      changes: [{ fieldId: 'fld_n', row: 0, value: 0.5 }],
    });
    // Row 0 is now the first inserted row (100 → 0.5): the removal reached the engine last.
    expect(column(after, 'fld_d')).toMatchObject({ rows: [0], values: [1] });
  });
});

describe('stopping the engine client', () => {
  it('fails the requests still open instead of leaving them waiting forever', async () => {
    const client = createEngineClient({ chunkValues: 2 });
    const open = client.request(build);
    client.terminate();
    await expect(open).rejects.toThrow(EngineWorkerError);
  });
});

describe('the engine server', () => {
  it('refuses a request whose messages arrive out of order', async () => {
    const replies: FromEngine[] = [];
    const receive = createEngineServer((m) => replies.push(m), 2);
    const messages: ToEngine[] = [
      { seq: 0, id: 1, input: { fieldId: 'fld_n', values: [1, 2] } },
      { seq: 2, id: 1, input: { fieldId: 'fld_n', values: [5, 6] } },
      { seq: 1, id: 1, input: { fieldId: 'fld_n', values: [3, 4] } },
      {
        seq: 3,
        id: 1,
        request: { ...build, rowCount: 6, inputs: [{ ...build.inputs[0]!, values: [] }] },
      },
    ];
    for (const m of messages) receive(m);
    await expect.poll(() => replies.length).toBeGreaterThan(0);
    expect(replies[0]).toMatchObject({ seq: 0, id: 1, error: expect.any(String) });
  });

  it('numbers its replies and sends each column in chunks', async () => {
    const replies: FromEngine[] = [];
    const receive = createEngineServer((m) => replies.push(m), 3);
    receive({ seq: 0, id: 1, input: { fieldId: 'fld_n', values: [1, 2, 3, 4, 5, 6, 7] } });
    receive({
      seq: 1,
      id: 1,
      request: { ...build, inputs: [{ ...build.inputs[0]!, values: [] }] },
    });
    await expect.poll(() => replies.some((r) => 'done' in r), { timeout: 10_000 }).toBe(true);
    expect(replies.map((r) => r.seq)).toEqual(replies.map((_, i) => i));
    const chunks = replies.flatMap((r) => ('chunk' in r ? [r.chunk] : []));
    expect(chunks.map((c) => [c.fieldId, c.at, c.results.codes.length])).toEqual([
      ['fld_d', 0, 3],
      ['fld_d', 3, 3],
      ['fld_d', 6, 1],
      ['fld_s', 0, 3],
      ['fld_s', 3, 3],
      ['fld_s', 6, 1],
    ]);
  });
});
