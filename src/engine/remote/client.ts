/**
 * The page's side of the formula engine: requests go to the engine worker and resolve with the
 * changed formula columns. Big columns go out in parts, a few milliseconds of posting per task,
 * and come back in chunks. Where there are no workers (unit tests under jsdom) the same server
 * runs in the page, behind the same messages.
 */
import { yieldToEventLoop } from '../../domain/pause';
import type { EngineRequest, FromEngine, ReceivedUpdate, ToEngine } from './protocol';
import { CHUNK_VALUES, EngineProtocolError, UpdateAssembler, splitRequest, takePart } from './wire';

export interface EngineClient {
  /**
   * Sends `req`. Its input columns are read as their parts are posted, over later tasks: they
   * must not change until the reply (the page copies a column before changing it meanwhile).
   */
  request(req: EngineRequest): Promise<ReceivedUpdate[]>;
  terminate(): void;
}

export interface EngineClientOptions {
  /** Values per message, both ways (default CHUNK_VALUES). */
  chunkValues?: number;
  /** Longest stretch of posting messages before the page gets a turn, in ms (default 6). */
  sliceMs?: number;
}

export class EngineWorkerError extends Error {
  override name = 'EngineWorkerError';
}

interface Transport {
  post(message: ToEngine): void;
  terminate(): void;
}

interface Pending {
  assembler: UpdateAssembler;
  resolve: (updates: ReceivedUpdate[]) => void;
  reject: (err: Error) => void;
}

export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  const chunkValues = options.chunkValues ?? CHUNK_VALUES;
  const pending = new Map<number, Pending>();
  const failAll = (err: Error): void => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const receive = createReceiver(pending, failAll);
  const fail = (message: string): void => failAll(new EngineWorkerError(message));
  const transport =
    typeof Worker === 'undefined'
      ? inPageTransport(receive, fail, chunkValues)
      : workerTransport(receive, fail);
  const send = createOutbox((m) => transport.post(m), options.sliceMs ?? 6);
  let nextId = 1;
  let seq = 0;
  return {
    request(req) {
      const id = nextId++;
      const { parts, request } = splitRequest(req, chunkValues);
      // Numbered now, in order; each part's values are copied only when it is posted.
      const messages: (() => ToEngine)[] = parts.map((part) => {
        const at = seq++;
        return () => ({ seq: at, id, input: takePart(part) });
      });
      const last: ToEngine = { seq: seq++, id, request };
      messages.push(() => last);
      return new Promise<ReceivedUpdate[]>((resolve, reject) => {
        pending.set(id, { assembler: new UpdateAssembler(), resolve, reject });
        send(messages);
      });
    },
    terminate() {
      transport.terminate();
      failAll(new EngineWorkerError('The formula engine was stopped.'));
    },
  };
}

/** Takes the engine's messages in order; a gap in their numbers fails every open request. */
function createReceiver(
  pending: Map<number, Pending>,
  failAll: (err: Error) => void,
): (message: FromEngine) => void {
  let expected = 0;
  return (message) => {
    if (message.seq !== expected) {
      expected = message.seq + 1;
      failAll(new EngineProtocolError(`Engine reply ${message.seq} arrived out of order.`));
      return;
    }
    expected += 1;
    const p = pending.get(message.id);
    if (!p) return;
    try {
      if ('chunk' in message) return p.assembler.add(message.chunk);
      pending.delete(message.id);
      if ('done' in message) p.resolve(p.assembler.finish());
      else p.reject(new EngineWorkerError(message.error));
    } catch (err) {
      pending.delete(message.id);
      p.reject(err instanceof Error ? err : new EngineProtocolError(String(err)));
    }
  };
}

/**
 * Posts messages in order, at most `sliceMs` of posting (making and cloning each message) per
 * task: a build's million-row inputs go out over many tasks, and later requests wait their turn
 * behind them.
 */
function createOutbox(
  post: (m: ToEngine) => void,
  sliceMs: number,
): (m: (() => ToEngine)[]) => void {
  const waiting: (() => ToEngine)[] = [];
  let scheduled = false;
  const flush = (): void => {
    const t0 = performance.now();
    for (let m = waiting.shift(); m; m = waiting.shift()) {
      post(m());
      if (waiting.length > 0 && performance.now() - t0 >= sliceMs) {
        scheduled = true;
        void yieldToEventLoop().then(() => {
          scheduled = false;
          flush();
        });
        return;
      }
    }
  };
  return (messages) => {
    for (const m of messages) waiting.push(m);
    if (!scheduled) flush();
  };
}

function workerTransport(
  receive: (message: FromEngine) => void,
  fail: (message: string) => void,
): Transport {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<FromEngine>) => receive(event.data));
  worker.addEventListener('error', (event) => fail(event.message));
  return { post: (m) => worker.postMessage(m), terminate: () => worker.terminate() };
}

function inPageTransport(
  receive: (message: FromEngine) => void,
  fail: (message: string) => void,
  chunkValues: number,
): Transport {
  // Loaded on first use, so that a page with workers never loads HyperFormula itself. Replies
  // arrive asynchronously and in order, as a worker's would.
  let server: Promise<(m: ToEngine) => void> | null = null;
  const later = (reply: FromEngine): void => void Promise.resolve(reply).then(receive);
  return {
    post(message) {
      server ??= import('./server').then((m) => m.createEngineServer(later, chunkValues));
      server.then((serve) => serve(message)).catch((err: unknown) => fail(String(err)));
    },
    terminate: () => undefined,
  };
}
