import { afterStartup, markGridMade } from '../../src/state/startup';

describe('the start-up gate of large reads', () => {
  it('opens after a while when no grid is made, and at once after the first grid', async () => {
    vi.useFakeTimers();
    try {
      let opened = false;
      void afterStartup(1_000).then(() => (opened = true));
      await vi.advanceTimersByTimeAsync(900);
      expect(opened).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(opened).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    let waiting = true;
    const gate = afterStartup(60_000).then(() => (waiting = false));
    await Promise.resolve();
    expect(waiting).toBe(true);
    markGridMade();
    await gate;
    expect(waiting).toBe(false);
    // Once made, later reads do not wait for a timer.
    await expect(afterStartup(60_000)).resolves.toBeUndefined();
  });
});
