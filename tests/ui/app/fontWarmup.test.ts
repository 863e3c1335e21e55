import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmFonts } from '../../../src/ui/fontWarmup';

describe('warmFonts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lays out one hidden line per weight, each in a task of its own, and leaves nothing behind', async () => {
    const laidOut: { weight: string; task: number; hidden: boolean }[] = [];
    let task = 0;
    // Counts the event loop's turns: a timer chain that re-arms itself until the warm-up ends.
    let running = true;
    const tick = (): void => {
      task += 1;
      if (running) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      laidOut.push({
        weight: this.style.fontWeight,
        task,
        hidden: this.style.visibility === 'hidden' && this.getAttribute('aria-hidden') === 'true',
      });
      return new DOMRect();
    });
    const before = document.body.childElementCount;

    await warmFonts(document, [400, 600]);
    running = false;

    expect(laidOut.map((l) => l.weight)).toEqual(['400', '600']);
    expect(laidOut.every((l) => l.hidden)).toBe(true);
    expect(laidOut[1]!.task).toBeGreaterThan(laidOut[0]!.task);
    expect(document.body.childElementCount).toBe(before);
  });
});
