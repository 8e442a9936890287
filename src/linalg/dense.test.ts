/**
 * The dense kernels against a naive triple loop written here. Entries are small integers, so every
 * product and sum is exact in double precision whatever the summation order: equality is exact,
 * not a tolerance. Shapes run over every remainder of the 4×2 register blocking (n, m = 1..9).
 */
import { describe, expect, it } from 'vitest';
import { congruence, dot, frobenius, mirrorUpper, mulABt, mulVec, spectralFunction, transpose } from './dense.js';

/** Deterministic small integers in [−9, 9] (a linear congruential sequence). */
function ints(count: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s % 19) - 9;
  });
}

/** A·Bᵀ by the definition, A n×p, B m×p. */
function naiveABt(a: Float64Array, b: Float64Array, n: number, m: number, p: number): number[] {
  const c: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += a[i * p + k] * b[j * p + k];
      c.push(s);
    }
  }
  return c;
}

describe('mulABt = A·Bᵀ', () => {
  it('general: every n, m in 1..9 and p in 1..4 (all remainders of the 4×2 blocking)', () => {
    for (let n = 1; n <= 9; n++) {
      for (let m = 1; m <= 9; m++) {
        for (let p = 1; p <= 4; p++) {
          const a = ints(n * p, 7 * n + 3 * m + p), b = ints(m * p, 11 * m + 5 * n + p);
          expect(Array.from(mulABt(a, b, n, m, p)), `n=${n} m=${m} p=${p}`).toEqual(naiveABt(a, b, n, m, p));
        }
      }
    }
  });

  it('symmetric: A·Aᵀ for n in 1..9 is complete and exactly symmetric', () => {
    for (let n = 1; n <= 9; n++) {
      const a = ints(n * 3, 13 * n);
      expect(Array.from(mulABt(a, a, n, n, 3, true)), `n=${n}`).toEqual(naiveABt(a, a, n, n, 3));
    }
  });

  it('writes into and returns a caller-supplied buffer', () => {
    const a = ints(6, 1), b = ints(6, 2);
    const out = new Float64Array(4).fill(NaN);
    expect(mulABt(a, b, 2, 2, 3, false, out)).toBe(out);
    expect(Array.from(out)).toEqual(naiveABt(a, b, 2, 2, 3));
  });
});

describe('mulABt writes exactly the n×m entries of C', () => {
  it('a longer caller buffer keeps its tail (n = 3..5 around the 4-row block, odd m: a column remainder)', () => {
    for (const n of [3, 4, 5]) {
      for (const symmetric of [false, true]) {
        const m = symmetric ? n : 3;
        const a = ints(n * 2, 3 + n), b = symmetric ? a : ints(m * 2, 4 + n);
        const out = new Float64Array(n * m + 7).fill(-1234);
        mulABt(a, b, n, m, 2, symmetric, out);
        expect(Array.from(out.subarray(0, n * m)), `n ${n} symmetric ${symmetric}`).toEqual(naiveABt(a, b, n, m, 2));
        expect(Array.from(out.subarray(n * m)), `n ${n} symmetric ${symmetric}`).toEqual(new Array(7).fill(-1234));
      }
    }
  });
});

describe('dot, mirrorUpper, transpose, mulVec', () => {
  it('dot reads p entries from the given offsets', () => {
    const a = Float64Array.of(9, 1, 2, 3, 9), b = Float64Array.of(4, 5, 6, 9);
    expect(dot(a, 1, b, 0, 3)).toBe(1 * 4 + 2 * 5 + 3 * 6);
    expect(dot(a, 2, b, 1, 2)).toBe(2 * 5 + 3 * 6);
    expect(dot(a, 0, b, 0, 0)).toBe(0);
  });

  it('mirrorUpper copies the strict upper triangle down and leaves the rest', () => {
    const c = Float64Array.of(1, 2, 3, 0, 5, 6, 0, 0, 9);
    mirrorUpper(c, 3);
    expect(Array.from(c)).toEqual([1, 2, 3, 2, 5, 6, 3, 6, 9]);
  });

  it('transpose of a 2×3 matrix is 3×2', () => {
    expect(Array.from(transpose(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('mulVec: y = A x for a 3×2 A', () => {
    expect(Array.from(mulVec(Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(1, -1), 3, 2))).toEqual([-1, -1, -1]);
  });
});

describe('frobenius: scaled, neither overflows nor underflows', () => {
  it.each([
    [[3, 4], 5],
    [[3e200, -4e200], 5e200],
    [[3e-200, 4e-200, 0], 5e-200],
    [[0, 0], 0],
    [[1, Infinity], Infinity],
  ])('‖%j‖_F = %d', (entries, want) => {
    const got = frobenius(Float64Array.from(entries));
    if (want === 0 || !Number.isFinite(want)) expect(got).toBe(want);
    else expect(Math.abs(got / want - 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
  });
});

describe('spectralFunction and congruence', () => {
  // U = [[3/5, −4/5], [4/5, 3/5]] (columns orthonormal); with f = (1, 2):
  // U diag(f) Uᵀ = [[9/25 + 32/25, 12/25 − 24/25], …] = [[41/25, −12/25], [−12/25, 34/25]].
  const u = Float64Array.of(0.6, -0.8, 0.8, 0.6);
  const close = (got: Float64Array, want: number[]) => want.forEach((w, q) => expect(Math.abs(got[q] - w), `entry ${q}`).toBeLessThanOrEqual(4 * Number.EPSILON));
  it('U diag(f) Uᵀ against its closed form, exactly symmetric', () => {
    const s = spectralFunction(u, Float64Array.of(1, 2), 2);
    close(s, [41 / 25, -12 / 25, -12 / 25, 34 / 25]);
    expect(s[1]).toBe(s[2]);
  });
  it('symmetric results are exactly symmetric for inexact entries (n = 5): spectralFunction and congruence by default', () => {
    // A rotation-like U with inexact entries and a symmetric X: computing both triangles separately
    // would round (U_ik f_k) U_jk and (U_jk f_k) U_ik differently.
    const n = 5;
    const un = Float64Array.from({ length: n * n }, (_, q) => Math.sin(1.3 * q + 0.7) / 1.7);
    const x = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) x[i * n + j] = x[j * n + i] = Math.cos(0.9 * (i * n + j)) / 3;
    const f = Float64Array.from({ length: n }, (_, k) => Math.exp(0.37 * k) / 7);
    for (const [name, c] of [['spectralFunction', spectralFunction(un, f, n)], ['congruence', congruence(un, x, n)]] as const) {
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(Object.is(c[i * n + j], c[j * n + i]), `${name} (${i}, ${j})`).toBe(true);
    }
  });
  it('U X Uᵀ for a symmetric and a general X', () => {
    close(congruence(u, Float64Array.of(1, 0, 0, 2), 2), [41 / 25, -12 / 25, -12 / 25, 34 / 25]);
    // X = [[0, 1], [0, 0]]: U X Uᵀ = u_{:,0} u_{:,1}ᵀ = [[0.6], [0.8]]·[−0.8, 0.6].
    close(congruence(u, Float64Array.of(0, 1, 0, 0), 2, false), [-0.48, 0.36, -0.64, 0.48]);
  });
});
