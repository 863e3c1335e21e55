import { describe, expect, it } from 'vitest';
import { mergePositions, sortPositions } from '../../src/domain/sortSlices';

/** A deterministic pseudo-random sequence (no flaky seeds). */
function randomInts(n: number, max: number, seed = 7): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % max;
  });
}

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('sortPositions', () => {
  it('sorts like Array.prototype.sort, stably, over many ties and run boundaries', async () => {
    for (const n of [0, 1, 31, 32, 33, 1000, 5000]) {
      const values = randomInts(n, 17);
      const sorted = await sortPositions(identity(n), (a, b) => values[a]! - values[b]!);
      const expected = [...identity(n)].sort((a, b) => values[a]! - values[b]! || a - b);
      expect([...(sorted ?? [])]).toEqual(expected);
    }
  });

  it('pauses between slices and gives the same order as one pass', async () => {
    const values = randomInts(20_000, 1000, 3);
    let compares = 0;
    let pauses = 0;
    const slow = (a: number, b: number) => {
      compares++;
      return values[a]! - values[b]!;
    };
    const sorted = await sortPositions(identity(values.length), slow, {
      budgetMs: 0,
      cancelled: () => {
        pauses++;
        return false;
      },
    });
    expect(pauses).toBeGreaterThan(10);
    expect(compares).toBeGreaterThan(0);
    expect([...(sorted ?? [])]).toEqual(
      [...identity(values.length)].sort((a, b) => values[a]! - values[b]! || a - b),
    );
  });

  it("awaits the caller's own pause instead of its time budget", async () => {
    const values = randomInts(10_000, 50, 11);
    let pauses = 0;
    const sorted = await sortPositions(identity(values.length), (a, b) => values[a]! - values[b]!, {
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBeGreaterThan(5);
    expect([...(sorted ?? [])]).toEqual(
      [...identity(values.length)].sort((a, b) => values[a]! - values[b]! || a - b),
    );
  });

  it('gives up when cancelled at a pause', async () => {
    const values = randomInts(50_000, 100);
    const sorted = await sortPositions(identity(values.length), (a, b) => values[a]! - values[b]!, {
      budgetMs: 0,
      cancelled: () => true,
    });
    expect(sorted).toBeNull();
  });
});

describe('mergePositions', () => {
  it('merges a few placed-again positions into the sorted rest', () => {
    const values = [50, 10, 40, 20, 30];
    const compare = (a: number, b: number) => values[a]! - values[b]! || a - b;
    const rest = Int32Array.from([1, 3, 0]); // 10, 20, 50
    const incoming = Int32Array.from([4, 2]); // 30, 40
    expect([...mergePositions(rest, incoming, compare)]).toEqual([1, 3, 4, 2, 0]);
    expect([...mergePositions(new Int32Array(0), incoming, compare)]).toEqual([4, 2]);
    expect([...mergePositions(rest, new Int32Array(0), compare)]).toEqual([1, 3, 0]);
  });
});
