/**
 * The import worker: reads, previews and converts one file off the main thread. All logic is
 * in protocol.ts/session.ts so that tests (jsdom has no Worker) run the same code in-process.
 */
import { setIdSource } from '../../domain/ids';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { createWorkerState, handleWorkerMessage } from './protocol';
import { createPooledRandomIds } from './workerIds';

// The worker makes the new records' ids; this context has its own id source.
setIdSource(createPooledRandomIds());

const state = createWorkerState();
const post = (message: WorkerResponse): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  void handleWorkerMessage(state, event.data, post);
};
