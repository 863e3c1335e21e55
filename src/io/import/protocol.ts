/**
 * Messages between the page and the import worker, and the worker's side of the conversation
 * as a plain function (the worker file only wires it to `self`; tests drive it directly).
 */
import type { TypeContext } from '../../domain/fields/fieldType';
import type { Preview, PreviewRequest, SourceInfo, SourceProblem } from '../../domain/import/types';
import type { ConvertRequest, ConvertResult, ConvertedChunk } from './session';
import { ImportRunner } from './session';

export type WorkerRequest =
  | { id: number; kind: 'open'; bytes: ArrayBuffer; fileName: string }
  | { id: number; kind: 'openText'; text: string; fileName: string }
  | { id: number; kind: 'preview'; request: PreviewRequest; ctx: TypeContext }
  | { id: number; kind: 'convert'; request: ConvertRequest }
  /** Stops the conversion whose request had this id. */
  | { id: number; kind: 'cancel' };

export type OpenReply = { ok: true; info: SourceInfo } | { ok: false; problem: SourceProblem };

export type WorkerResponse =
  | { id: number; kind: 'done'; value: OpenReply | Preview | ConvertResult | null }
  | { id: number; kind: 'chunk'; chunk: ConvertedChunk }
  | { id: number; kind: 'error'; message: string };

export type Post = (message: WorkerResponse) => void;

/** The worker's state: one opened source and the conversions being cancelled. */
export interface WorkerState {
  runner: ImportRunner | null;
  cancelled: Set<number>;
}

export function createWorkerState(): WorkerState {
  return { runner: null, cancelled: new Set() };
}

function openReply(result: ImportRunner | SourceProblem, state: WorkerState): OpenReply {
  if (typeof result === 'string') return { ok: false, problem: result };
  state.runner = result;
  return { ok: true, info: result.info };
}

class NotOpenError extends Error {
  override name = 'NotOpenError';
}

function requireRunner(state: WorkerState): ImportRunner {
  if (!state.runner) throw new NotOpenError('No import source is open');
  return state.runner;
}

async function answer(state: WorkerState, msg: WorkerRequest, post: Post): Promise<void> {
  switch (msg.kind) {
    case 'open': {
      const value = openReply(ImportRunner.open(new Uint8Array(msg.bytes), msg.fileName), state);
      post({ id: msg.id, kind: 'done', value });
      return;
    }
    case 'openText':
      post({
        id: msg.id,
        kind: 'done',
        value: openReply(ImportRunner.openText(msg.text, msg.fileName), state),
      });
      return;
    case 'preview':
      post({ id: msg.id, kind: 'done', value: requireRunner(state).preview(msg.request, msg.ctx) });
      return;
    case 'convert': {
      const value = await requireRunner(state).convert(
        msg.request,
        (chunk) => post({ id: msg.id, kind: 'chunk', chunk }),
        () => state.cancelled.has(msg.id),
      );
      state.cancelled.delete(msg.id);
      post({ id: msg.id, kind: 'done', value });
      return;
    }
    case 'cancel':
      state.cancelled.add(msg.id);
      return;
  }
}

/** Handles one message; failures go back as an error reply instead of killing the worker. */
export async function handleWorkerMessage(
  state: WorkerState,
  msg: WorkerRequest,
  post: Post,
): Promise<void> {
  try {
    await answer(state, msg, post);
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    post({ id: msg.id, kind: 'error', message });
  }
}
