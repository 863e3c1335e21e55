/**
 * The formula engine's Web Worker: HyperFormula and the customer functions compute here, so a
 * table of 100,000 rows never blocks the page. Requests are handled strictly in order.
 */
import { transferablesOf, type FromEngine, type ToEngine } from './protocol';
import { createEngineServer } from './server';

const receive = createEngineServer((message: FromEngine) =>
  postMessage(message, { transfer: transferablesOf(message) }),
);

addEventListener('message', (event: MessageEvent<ToEngine>) => receive(event.data));
