/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the sample data needs.
 * Same seed, same sequence, on every engine: only 32-bit integer arithmetic is used.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (mean 0, deviation 1), Box–Muller. */
  normal(): number;
  /** Pareto with minimum xm and shape alpha (smaller alpha, heavier tail). */
  pareto(xm: number, alpha: number): number;
}

export class EmptyChoiceError extends Error {
  constructor() {
    super('Cannot pick from an empty list (or weights that sum to zero).');
    this.name = 'EmptyChoiceError';
  }
}

function createMulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const next = createMulberry32(seed);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick(items) {
      if (items.length === 0) throw new EmptyChoiceError();
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(items, weights) {
      const total = weights.reduce((s, w) => s + w, 0);
      if (items.length === 0 || !(total > 0)) throw new EmptyChoiceError();
      let x = next() * total;
      for (let i = 0; i < items.length; i++) {
        x -= weights[i] ?? 0;
        if (x < 0) return items[i] as (typeof items)[number];
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    chance: (p) => next() < p,
    normal() {
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    pareto: (xm, alpha) => xm / Math.pow(1 - next(), 1 / alpha),
  };
  return random;
}
