/** The font warm-up worker (see fontWarmup.ts): measures text once per weight, then answers. */
import { measureInWeights, type WarmRequest } from './fontWarmup';

self.onmessage = (event: MessageEvent<WarmRequest>) => {
  const context =
    typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  measureInWeights(event.data, context);
  self.postMessage(null);
};
