/**
 * The generator's seeded random source. Nexmark's reference generator draws from an unseeded
 * java.util.SplittableRandom; we need the same events on every run (both engines read one event
 * set, and the tests pin it), so randomness is a seeded xoshiro128** (32-bit state words, which JS
 * integer math handles without BigInt) seeded through splitmix32.
 */
export interface Random {
  /** Uniform integer in [0, bound); bound must be in [1, 2^31]. */
  nextInt(bound: number): number;
  /** Uniform double in [0, 1). */
  nextDouble(): number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

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

export function seededRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1; // xoshiro must not start from the all-zero state

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

  return {
    nextInt(bound: number): number {
      if (!(bound >= 1 && bound <= 2 ** 31 && Number.isInteger(bound))) throw new RangeError(`nextInt bound ${bound}`);
      // Rejection sampling keeps every value equally likely (no modulo bias).
      const limit = TWO_POW_32 - (TWO_POW_32 % bound);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % bound;
      }
    },
    nextDouble(): number {
      const hi = nextUint32() >>> 5; // 27 bits
      const lo = nextUint32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / TWO_POW_53;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
