/**
 * A small seedable generator for bootstraps, fold assignment and simulations, so that every
 * interval and every test is reproducible from its seed. xoshiro128** (Blackman & Vigna, 2018):
 * 32-bit arithmetic only, period 2^128 − 1, its authors' all-purpose 32-bit choice. Seeded through
 * splitmix32 so that nearby seeds (1, 2, 3 …) still give unrelated streams. Not for anything secret.
 */
export interface Random {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** 1 with probability p, else 0. */
  bernoulli(p: number): 0 | 1;
  /** Number of successes in n independent trials with probability p (by counting; meant for n of a few thousand). */
  binomial(n: number, p: number): number;
  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** The raw 32-bit output (unsigned), for known-answer tests against the reference implementation. */
  nextUint32(): number;
}

const TWO_POW_32 = 4294967296;
/** Up to 2^21 the product of a 32-bit draw and n stays an exact double. */
const SMALL_RANGE = 2097152;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** splitmix32: turns one 32-bit seed into a well-mixed sequence for the four state words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator from four state words (not all zero), exactly as the reference C code. */
export function xoshiro128ss(s0: number, s1: number, s2: number, s3: number): Random {
  let a = s0 >>> 0;
  let b = s1 >>> 0;
  let c = s2 >>> 0;
  let d = s3 >>> 0;
  if ((a | b | c | d) === 0) throw new RangeError('xoshiro128** needs a state that is not all zero');
  let spareNormal: number | undefined;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextUint32() / TWO_POW_32;

  return {
    nextUint32,
    next,
    int(n) {
      if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) throw new RangeError(`int(n) needs an integer 1 ≤ n ≤ 2^32, got ${n}`);
      if (n <= SMALL_RANGE) {
        // Lemire's multiply-and-reject: x·n < 2^53 is exact, and the slow remainder is computed only
        // for the rare draw that might fall in the biased sliver
        let product = nextUint32() * n;
        let high = Math.floor(product / TWO_POW_32);
        if (product - high * TWO_POW_32 < n) {
          const threshold = (TWO_POW_32 - n) % n;
          while (product - high * TWO_POW_32 < threshold) {
            product = nextUint32() * n;
            high = Math.floor(product / TWO_POW_32);
          }
        }
        return high;
      }
      // rejection keeps every value equally likely when n does not divide 2^32
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return x % n;
    },
    normal() {
      if (spareNormal !== undefined) {
        const value = spareNormal;
        spareNormal = undefined;
        return value;
      }
      // 1 − next() lies in (0, 1], so the logarithm is finite
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    bernoulli(p) {
      return next() < p ? 1 : 0;
    },
    binomial(n, p) {
      let successes = 0;
      for (let i = 0; i < n; i++) if (next() < p) successes++;
      return successes;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = this.int(i + 1);
        const held = items[i];
        items[i] = items[j];
        items[j] = held;
      }
      return items;
    },
  };
}

/** The generator for a seed (any integer; only its low 32 bits count). */
export function createRandom(seed: number): Random {
  const mix = splitmix32(seed);
  return xoshiro128ss(mix(), mix(), mix(), mix());
}
