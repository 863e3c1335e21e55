import type { FieldId, TableId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';
import type { WorkerPort } from '../../../src/io/import/client';
import { ImportClient, openImportClient } from '../../../src/io/import/client';
import type { WorkerRequest, WorkerResponse } from '../../../src/io/import/protocol';
import { createWorkerState, handleWorkerMessage } from '../../../src/io/import/protocol';
import type { ConvertedChunk } from '../../../src/io/import/session';
import { createPooledRandomIds } from '../../../src/io/import/workerIds';
import { ctx } from './helpers';

/** A worker stand-in that structured-clones every message both ways, as a real one does. */
function clonePort(): WorkerPort & { sent: WorkerRequest['kind'][] } {
  const state = createWorkerState();
  const port: WorkerPort & { sent: WorkerRequest['kind'][] } = {
    sent: [],
    onmessage: null,
    postMessage(message) {
      port.sent.push(message.kind);
      const copy = structuredClone(message);
      setTimeout(() => {
        void handleWorkerMessage(state, copy, (reply: WorkerResponse) => {
          const back = structuredClone(reply);
          setTimeout(() => port.onmessage?.({ data: back } as MessageEvent<WorkerResponse>), 0);
        });
      }, 0);
    },
    terminate() {
      port.onmessage = null;
    },
  };
  return port;
}

const field = (i: number, type: Field['type']): Field => ({
  id: `fld_${i}` as FieldId,
  tableId: 'tbl_t' as TableId,
  name: `c${i}`,
  type,
  options: type === 'singleSelect' ? { choices: [] } : {},
});

function bigCsv(rows: number): ArrayBuffer {
  const lines = ['名字,数量,状态'];
  for (let i = 0; i < rows; i++) lines.push(`n${i},${i},${i % 2 ? '甲' : '乙'}`);
  return new TextEncoder().encode(lines.join('\n')).buffer as ArrayBuffer;
}

describe('ImportClient over a cloning port', () => {
  it('opens, previews and streams converted chunks; messages survive structured cloning', async () => {
    const port = clonePort();
    const opened = await openImportClient({ bytes: bigCsv(25_000) }, 'a.csv', port);
    if (!opened.ok) throw new Error(opened.problem);
    const client = opened.client;
    expect(client.info).toMatchObject({ fileName: 'a.csv', format: 'csv', encoding: 'utf-8' });
    const preview = await client.preview({ sheet: 0, headerRow: null }, ctx);
    expect(preview.totalRows).toBe(25_000);
    const chunks: ConvertedChunk[] = [];
    const fields = [field(0, 'text'), field(1, 'number'), field(2, 'singleSelect')];
    const result = await client.convert({ sheet: 0, headerRow: 0, fields, ctx }, (c) =>
      chunks.push(c),
    );
    expect(chunks.map((c) => c.done)).toEqual([10_000, 20_000, 25_000]);
    expect(chunks[2]?.columns.map((col) => col.at(-1))).toEqual(['n24999', 24999, '甲']);
    expect(chunks[0]?.rows[0]).toBe(2);
    expect(new Set(chunks.flatMap((c) => c.ids)).size).toBe(25_000);
    expect(result?.columns).toEqual([0, 1, 2]);
    expect(result?.fields[2]?.options.choices?.map((c) => c.name)).toEqual(['乙', '甲']);
    client.close();
  });

  it('cancels a conversion between chunks', async () => {
    const port = clonePort();
    const client = new ImportClient(port);
    await client.open({ bytes: bigCsv(50_000) }, 'b.csv');
    const ctrl = new AbortController();
    let chunks = 0;
    const result = await client.convert(
      { sheet: 0, headerRow: 0, fields: [field(0, 'text'), null, null], ctx },
      () => {
        chunks++;
        ctrl.abort();
      },
      ctrl.signal,
    );
    expect(result).toBeNull();
    expect(chunks).toBeLessThan(5);
    expect(port.sent).toContain('cancel');
    client.close();
  });

  it('turns a worker error into a rejection, and a failed open into a problem', async () => {
    const port = clonePort();
    const client = new ImportClient(port);
    await expect(client.preview({ sheet: 0, headerRow: null }, ctx)).rejects.toThrow(
      /NotOpenError/,
    );
    const bad = await openImportClient({ bytes: new ArrayBuffer(0) }, 'e.csv', clonePort());
    expect(bad).toEqual({ ok: false, problem: 'empty' });
  });

  it('fails every pending request when the worker dies', async () => {
    const port: WorkerPort = { onmessage: null, onerror: null, postMessage() {}, terminate() {} };
    const client = new ImportClient(port);
    const pending = client.preview({ sheet: 0, headerRow: null }, ctx);
    port.onerror?.({ message: 'Out of memory', preventDefault() {} } as ErrorEvent);
    await expect(pending).rejects.toThrow('Out of memory');
  });
});

describe('pooled worker ids', () => {
  it('have the random ids shape and do not repeat', () => {
    const ids = createPooledRandomIds();
    const made = Array.from({ length: 20_000 }, () => ids.next('rec'));
    expect(made.every((id) => /^rec_[0-9a-z]{12}$/.test(id))).toBe(true);
    expect(new Set(made).size).toBe(made.length);
  });
});
