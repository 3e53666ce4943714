/**
 * A small seeded random generator (sfc32, seeded through splitmix32) and the distributions the
 * day simulator needs. Same seed, same day: runs can be compared and reproduced.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(min: number, max: number): number;
  /** Exponentially distributed with the given mean (time between Poisson arrivals). */
  exponential(mean: number): number;
  /** Log-normally distributed with the given mean and coefficient of variation (service times). */
  lognormal(mean: number, cv: number): number;
  chance(p: number): boolean;
  /** One item, chosen with probability proportional to its weight. */
  pick<T>(items: readonly T[], weights?: readonly number[]): T;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const normal = (): number => {
    // Box–Muller; 1 - next() is in (0, 1], so the logarithm is finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    exponential: (mean) => -mean * Math.log(1 - next()),
    lognormal: (mean, cv) => {
      if (cv <= 0) return mean;
      const sigma2 = Math.log(1 + cv * cv);
      return mean * Math.exp(Math.sqrt(sigma2) * normal() - sigma2 / 2);
    },
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[], weights?: readonly number[]): T => {
      if (items.length === 0) throw new Error('pick from nothing');
      const w = weights ?? items.map(() => 1);
      const total = w.reduce((s, x) => s + Math.max(0, x), 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= Math.max(0, w[i] ?? 0);
        if (r < 0) return items[i] as T;
      }
      return items[items.length - 1] as T;
    },
  };
}
