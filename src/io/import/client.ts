/**
 * The page's side of an import: talks to the import worker, or, where there is no Worker
 * (tests under jsdom), runs the same message handler in-process with the same asynchrony.
 */
import type { TypeContext } from '../../domain/fields/fieldType';
import type { Preview, PreviewRequest, SourceInfo, SourceProblem } from '../../domain/import/types';
import type { OpenReply, WorkerRequest, WorkerResponse } from './protocol';
import type { ConvertRequest, ConvertResult, ConvertedChunk } from './session';

/** The little of a Worker the client uses (tests pass a fake). */
export interface WorkerPort {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  /** A worker that dies (out of memory, failed to load) says so here. */
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export class ImportWorkerError extends Error {
  override name = 'ImportWorkerError';
}

/**
 * Runs the worker's handler on this thread; replies arrive asynchronously, like a worker's.
 * The handler (the whole import pipeline, SheetJS included) is loaded on first use, so the
 * page never carries it when a real worker does the work.
 */
export function createInProcessPort(): WorkerPort {
  const handler = import('./protocol').then((m) => ({ m, state: m.createWorkerState() }));
  const port: WorkerPort = {
    onmessage: null,
    postMessage(message) {
      // Structured cloning is skipped on purpose: nothing is shared mutably across the call.
      void handler.then(({ m, state }) =>
        setTimeout(() => {
          void m.handleWorkerMessage(state, message, (reply) => {
            port.onmessage?.({ data: reply } as MessageEvent<WorkerResponse>);
          });
        }, 0),
      );
    },
    terminate() {
      void handler.then(({ state }) => (state.runner = null));
      port.onmessage = null;
    },
  };
  return port;
}

export function createDefaultPort(): WorkerPort {
  if (typeof Worker === 'undefined') return createInProcessPort();
  return new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerPort;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  onChunk?: (chunk: ConvertedChunk) => void;
}

export class ImportClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  info: SourceInfo | null = null;

  constructor(private readonly port: WorkerPort) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      this.failAll(new ImportWorkerError(event.message || 'The import worker stopped'));
    };
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private receive(msg: WorkerResponse): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'chunk') {
      p.onChunk?.(msg.chunk);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.kind === 'error') p.reject(new ImportWorkerError(msg.message));
    else p.resolve(msg.value);
  }

  private request<T>(
    msg: WorkerRequest,
    transfer: Transferable[] = [],
    onChunk?: (chunk: ConvertedChunk) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject, onChunk });
      this.port.postMessage(msg, transfer);
    });
  }

  async open(
    source: { bytes: ArrayBuffer } | { text: string },
    fileName: string,
  ): Promise<OpenReply> {
    const id = this.nextId++;
    const reply =
      'bytes' in source
        ? await this.request<OpenReply>({ id, kind: 'open', bytes: source.bytes, fileName }, [
            source.bytes,
          ])
        : await this.request<OpenReply>({ id, kind: 'openText', text: source.text, fileName });
    if (reply.ok) this.info = reply.info;
    return reply;
  }

  preview(request: PreviewRequest, ctx: TypeContext): Promise<Preview> {
    return this.request<Preview>({ id: this.nextId++, kind: 'preview', request, ctx });
  }

  /** Streams converted chunks to `onChunk`; resolves null when `signal` aborted it. */
  convert(
    request: ConvertRequest,
    onChunk: (chunk: ConvertedChunk) => void,
    signal?: AbortSignal,
  ): Promise<ConvertResult | null> {
    const id = this.nextId++;
    const cancel = () => this.port.postMessage({ id, kind: 'cancel' });
    signal?.addEventListener('abort', cancel, { once: true });
    const done = this.request<ConvertResult | null>({ id, kind: 'convert', request }, [], onChunk);
    return done.finally(() => signal?.removeEventListener('abort', cancel));
  }

  close(): void {
    this.failAll(new ImportWorkerError('closed'));
    this.port.terminate();
  }
}

export type OpenedClient =
  { ok: true; client: ImportClient } | { ok: false; problem: SourceProblem };

/** Starts a worker for one file and opens it there (the bytes are moved, not copied). */
export async function openImportClient(
  source: { bytes: ArrayBuffer } | { text: string },
  fileName: string,
  port: WorkerPort = createDefaultPort(),
): Promise<OpenedClient> {
  const client = new ImportClient(port);
  try {
    const reply = await client.open(source, fileName);
    if (reply.ok) return { ok: true, client };
    client.close();
    return { ok: false, problem: reply.problem };
  } catch (err) {
    client.close();
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      problem: /RangeError|memory|allocation/i.test(message) ? 'tooLarge' : 'unreadable',
    };
  }
}
