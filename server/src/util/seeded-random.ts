/**
 * mulberry32: a 32-bit seeded PRNG. Start geometries and sampled attributions must be reproducible
 * from a recorded integer seed; Math.random cannot be seeded and statistical quality needs are modest here.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
