/** Long reads, writes and imports pause between blocks so the page keeps painting and answering. */

/** Resolves on the next task: a message is not clamped like a timer, and it lets input in. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
