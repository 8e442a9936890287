/**
 * Seeded standard normals for the checks' own simulations (C21's SGD runs): Mersenne Twister
 * (pure-rand) with Marsaglia's polar method. Deliberately not the library's sampler stream
 * (xoroshiro128+ with Box–Muller, src/library/samplers.ts), so a check's samples share neither
 * generator nor transform with the implementation it tests.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';

export function polarNormals(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const rng = mersenne(seed | 0);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    for (;;) {
      const u = 2 * uniformFloat64(rng) - 1;
      const v = 2 * uniformFloat64(rng) - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };
}
