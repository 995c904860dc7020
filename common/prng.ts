/**
 * mulberry32: a small seeded pseudo-random generator, so a failing seeded test or a benchmark's
 * random points are reproducible from the seed (as Yjs's tests use `tc.prng`).
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
