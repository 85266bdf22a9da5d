/**
 * mulberry32: a small seeded PRNG, so a failing randomized trial replays from its seed. Plain ESM
 * (types in prng.d.mts) so that child-process fixtures, which cannot run TypeScript on Node 20,
 * share it with the tests.
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
