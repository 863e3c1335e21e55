/**
 * The page's side of the formula engine: requests go to the engine worker and resolve with the
 * changed formula columns. Where there are no workers (unit tests under jsdom) the same host
 * runs in the page, behind the same asynchronous interface.
 */
import type { EngineHost } from './host';
import type { ColumnUpdate, EngineEnvelope, EngineMessage, EngineRequest } from './protocol';

export interface EngineClient {
  request(req: EngineRequest): Promise<ColumnUpdate[]>;
  terminate(): void;
}

export class EngineWorkerError extends Error {
  override name = 'EngineWorkerError';
}

export function createEngineClient(): EngineClient {
  return typeof Worker === 'undefined' ? inPageClient() : workerClient();
}

function inPageClient(): EngineClient {
  // Loaded on first use, so that a page with workers never loads HyperFormula itself.
  let host: Promise<EngineHost> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    request(req) {
      host ??= import('./host').then((m) => new m.EngineHost());
      const reply = queue.then(async () => (await (host as Promise<EngineHost>)).handle(req));
      queue = reply.catch(() => undefined);
      return reply;
    },
    terminate: () => undefined,
  };
}

interface Pending {
  parts: ColumnUpdate[];
  resolve: (updates: ColumnUpdate[]) => void;
  reject: (err: Error) => void;
}

function workerClient(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.addEventListener('message', (event: MessageEvent<EngineMessage>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if ('update' in msg) p.parts.push(msg.update);
    else {
      pending.delete(msg.id);
      if ('done' in msg) p.resolve(p.parts);
      else p.reject(new EngineWorkerError(msg.error));
    }
  });
  worker.addEventListener('error', (event) => {
    for (const p of pending.values()) p.reject(new EngineWorkerError(event.message));
    pending.clear();
  });
  return {
    request(req) {
      const id = nextId++;
      return new Promise<ColumnUpdate[]>((resolve, reject) => {
        pending.set(id, { parts: [], resolve, reject });
        const envelope: EngineEnvelope = { ...req, id };
        worker.postMessage(envelope);
      });
    },
    terminate: () => worker.terminate(),
  };
}
