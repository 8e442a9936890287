/**
 * Exact decimal constructions for conformance vectors: orthogonal matrices with finite decimal
 * entries (signed permutations times Givens rotations with Pythagorean (c, s) such as (0.6, 0.8)),
 * congruences Q diag(a) Qᵀ, Gram matrices A Aᵀ. Arithmetic runs at 600 digits, far more than
 * any product formed here carries, so every result is exact (checked by {@link assertExact}).
 */
import type { Decimal } from 'decimal.js';
import { context } from '../../reference/index.js';
import type { Rng } from './random.js';

const X = context({ digits: 600 });
export type DMatrix = Decimal[][];

/** Pythagorean cosine/sine pairs with short decimal expansions. */
const PYTHAGOREAN: [string, string][] = [
  ['0.6', '0.8'],
  ['0.8', '0.6'],
  ['0.28', '0.96'],
  ['0.96', '0.28'],
  ['0.352', '0.936'],
];

export function dec(x: string | number): Decimal {
  return new X.D(x);
}

/** Throws if a value carries so many digits that the 600-digit arithmetic may have rounded it. */
function assertExact(x: Decimal): Decimal {
  if (x.sd() > X.work - 20) throw new Error(`exact construction overflowed ${X.work} digits`);
  return x;
}

/**
 * A random exactly orthogonal d×d matrix: a signed permutation followed by `rotations` Givens
 * rotations on random planes with Pythagorean (c, s) (only the two shortest pairs when `short`).
 */
export function exactOrthogonal(d: number, rng: Rng, rotations = d - 1, short = d > 5): DMatrix {
  const perm = rng.permutation(d);
  let Q: DMatrix = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => dec(j === perm[i] ? (rng.int(0, 1) ? 1 : -1) : 0)));
  const pairs = short ? PYTHAGOREAN.slice(0, 2) : PYTHAGOREAN;
  for (let r = 0; r < rotations && d > 1; r++) {
    const p = rng.int(0, d - 2);
    const q = rng.int(p + 1, d - 1);
    const [c, s] = rng.pick(pairs).map(dec);
    Q = Q.map((row) => {
      const out = row.slice();
      out[p] = assertExact(row[p].times(c).minus(row[q].times(s)));
      out[q] = assertExact(row[p].times(s).plus(row[q].times(c)));
      return out;
    });
  }
  return Q;
}

/** Q diag(a) Qᵀ, exactly. */
export function congruence(Q: DMatrix, a: Decimal[]): DMatrix {
  const d = Q.length;
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => assertExact(a.reduce((s, ak, k) => s.plus(Q[i][k].times(ak).times(Q[j][k])), X.zero))),
  );
}

/** A Aᵀ (PSD, rank ≤ columns of A), exactly. */
export function gram(A: DMatrix): DMatrix {
  return A.map((ri) => A.map((rj) => assertExact(ri.reduce((s, x, k) => s.plus(x.times(rj[k])), X.zero))));
}

/** Decimal strings (exact; exponent notation for very small or large magnitudes). */
export function toStrings(M: DMatrix): string[][] {
  return M.map((row) => row.map((x) => x.toString()));
}
