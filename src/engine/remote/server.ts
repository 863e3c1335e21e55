/**
 * The engine's side of the message protocol: reassembles requests from their parts, runs them
 * strictly in order on an EngineHost and answers in chunks. The worker wraps it; without workers
 * (unit tests) the client runs it in the page behind the same messages.
 */
import { EngineHost } from './host';
import type { FromEngine, ToEngine } from './protocol';
import { CHUNK_VALUES, InputAssembler, splitUpdate } from './wire';

type WithoutSeq<M> = M extends unknown ? Omit<M, 'seq'> : never;
type Reply = WithoutSeq<FromEngine>;

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Returns the function that takes each message from the page; replies go out through `post`. */
export function createEngineServer(
  post: (message: FromEngine) => void,
  chunkValues = CHUNK_VALUES,
): (message: ToEngine) => void {
  const host = new EngineHost();
  const inputs = new InputAssembler();
  let expected = 0;
  let sent = 0;
  let queue: Promise<void> = Promise.resolve();
  const reply = (r: Reply): void => post({ ...r, seq: sent++ });

  return (message) => {
    const inOrder = message.seq === expected;
    expected = message.seq + 1;
    if ('input' in message) {
      if (inOrder) inputs.add(message.id, message.input);
      return;
    }
    const { id } = message;
    let run: () => Promise<void>;
    try {
      if (!inOrder) throw new Error(`Engine message ${message.seq} arrived out of order.`);
      const req = inputs.complete(id, message.request);
      run = async () => {
        for (const update of await host.handle(req))
          for (const chunk of splitUpdate(update, chunkValues)) reply({ id, chunk });
        reply({ id, done: true });
      };
    } catch (err) {
      run = async () => reply({ id, error: messageOf(err) });
    }
    queue = queue.then(run).catch((err: unknown) => reply({ id, error: messageOf(err) }));
  };
}
