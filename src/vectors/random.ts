/** Seeded randomness for the vector generator (pure-rand xoroshiro128+): deterministic per seed. */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  permutation(n: number): number[];
  /** A decimal string k·10^−decimals with k uniform in [lo, hi]. */
  decimal(lo: number, hi: number, decimals: number): string;
}

/** Formats the integer k·10^−decimals exactly. */
export function scaledInt(k: number, decimals: number): string {
  if (decimals === 0) return String(k);
  const sign = k < 0 ? '-' : '';
  const digits = String(Math.abs(k)).padStart(decimals + 1, '0');
  const s = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`.replace(/\.?0+$/, '');
  return s === '0' ? '0' : sign + s;
}

export function makeRng(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  const int = (lo: number, hi: number) => uniformInt(g, lo, hi);
  return {
    int,
    pick: (xs) => xs[int(0, xs.length - 1)],
    permutation(n) {
      const p = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = int(0, i);
        [p[i], p[j]] = [p[j], p[i]];
      }
      return p;
    },
    decimal: (lo, hi, decimals) => scaledInt(int(lo, hi), decimals),
  };
}
