import { EmptyChoiceError, createRandom } from '../../../src/domain/random';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps next in [0, 1) and int within its inclusive bounds, reaching both ends', () => {
    const rnd = createRandom(1);
    const xs = Array.from({ length: 5000 }, () => rnd.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const seen = new Set(Array.from({ length: 5000 }, () => rnd.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks by weight: a zero weight is never chosen, 3:1 comes out near 75%', () => {
    const rnd = createRandom(2);
    let a = 0;
    let never = 0;
    for (let i = 0; i < 10000; i++) {
      const x = rnd.weighted(['a', 'b', 'never'], [3, 1, 0]);
      if (x === 'never') never += 1;
      if (x === 'a') a += 1;
    }
    expect(never).toBe(0);
    expect(a / 10000).toBeGreaterThan(0.73);
    expect(a / 10000).toBeLessThan(0.77);
  });

  it('draws normal with mean ≈ 0 and deviation ≈ 1, Pareto never below its minimum', () => {
    const rnd = createRandom(3);
    const xs = Array.from({ length: 20000 }, () => rnd.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    const ps = Array.from({ length: 5000 }, () => rnd.pareto(2, 1.5));
    expect(Math.min(...ps)).toBeGreaterThanOrEqual(2);
    // Median of Pareto(xm, α) is xm·2^(1/α) ≈ 3.17.
    const sorted = [...ps].sort((x, y) => x - y);
    expect(sorted[2500]).toBeGreaterThan(3.0);
    expect(sorted[2500]).toBeLessThan(3.35);
  });

  it('throws a named error for an empty choice', () => {
    const rnd = createRandom(4);
    expect(() => rnd.pick([])).toThrow(EmptyChoiceError);
    expect(() => rnd.weighted(['a'], [0])).toThrow(EmptyChoiceError);
  });
});
