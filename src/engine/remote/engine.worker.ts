/**
 * The formula engine's Web Worker: HyperFormula and the customer functions compute here, so a
 * table of 100,000 rows never blocks the page. Requests are handled strictly in order.
 */
import { EngineHost } from './host';
import type { EngineEnvelope, EngineMessage } from './protocol';

const host = new EngineHost();
const post = (message: EngineMessage): void => postMessage(message);
let queue: Promise<void> = Promise.resolve();

async function serve(req: EngineEnvelope): Promise<void> {
  try {
    for (const update of await host.handle(req)) post({ id: req.id, update });
    post({ id: req.id, done: true });
  } catch (err) {
    post({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
}

addEventListener('message', (event: MessageEvent<EngineEnvelope>) => {
  queue = queue.then(() => serve(event.data));
});
