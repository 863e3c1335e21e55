/** The table reader's worker (see packedReader.ts): reads one table, hands its chunks over. */
import { serveTableRead } from './packedReader';
import type { PackedReadRequest } from './packedLoad';

addEventListener('message', (event: MessageEvent<PackedReadRequest>) => {
  void serveTableRead(event.data, (message, transfer) => postMessage(message, { transfer }));
});
