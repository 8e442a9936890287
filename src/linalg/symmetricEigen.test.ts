/**
 * The symmetric eigensolver is backward stable: ‖A U − U Λ‖_F ≤ 4 n eps ‖A‖_F and
 * ‖UᵀU − I‖_F ≤ 4 n eps (measured: 14 and 41 eps at n = 24; spec/numerics.md), including
 * repeated, clustered, graded, diagonal and zero matrices; eigenvalues agree with the decimal
 * reference within 4 n eps ‖A‖₂.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haarOrthogonalFromSeed, fromEigen } from '../../properties/arbitraries.js';
import { params } from '../../properties/budget.js';
import { refEigSym } from '../../reference/index.js';
import { frobenius, mulABt, transpose } from './dense.js';
import { symmetricEigen, symmetricEigenvalues } from './symmetricEigen.js';

const EPS = Number.EPSILON;

/** Spectra with the structures that break naive eigensolvers. */
const spectra = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.oneof(
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
    fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 1, max: n })).map(([v, r]) =>
      Array.from({ length: n }, (_, i) => (i < r ? v : i - r)),
    ),
    fc.tuple(fc.double({ min: 1e-14, max: 1e-6, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })).map(([gap, c]) =>
      Array.from({ length: n }, (_, i) => c + i * gap),
    ),
    fc.integer({ min: 0, max: 12 }).map((g) => Array.from({ length: n }, (_, i) => 10 ** (-g * (i / Math.max(1, n - 1))))),
  ),
);

function checkDecomposition(a: Float64Array, n: number): void {
  const { values, ut } = symmetricEigen(a, n);
  const u = transpose(ut, n, n);
  const ul = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) ul[i * n + k] = u[i * n + k] * values[k];
  const resid = mulABt(ul, u, n, n, n);
  for (let q = 0; q < n * n; q++) resid[q] -= a[q];
  const gram = mulABt(ut, ut, n, n, n);
  for (let i = 0; i < n; i++) gram[i * n + i] -= 1;
  expect(frobenius(resid)).toBeLessThanOrEqual(4 * n * EPS * frobenius(a));
  expect(frobenius(gram)).toBeLessThanOrEqual(4 * n * EPS);
  for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
}

describe('symmetric eigensolver', () => {
  it('is backward stable on random, repeated, clustered and graded spectra in a Haar basis', () => {
    fc.assert(
      fc.property(spectra, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (eigs, seed) => {
        const n = eigs.length;
        const A = fromEigen(haarOrthogonalFromSeed(n, seed), eigs);
        // Exactly symmetric input, as the library passes it.
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = i <= j ? A[i][j] : A[j][i];
        checkDecomposition(a, n);
      }),
      params(60),
    );
  });

  it('diagonal and zero matrices decompose exactly', () => {
    const a = Float64Array.of(3, 0, 0, 0, -1, 0, 0, 0, 3);
    const { values, ut } = symmetricEigen(a, 3);
    expect(Array.from(values)).toEqual([-1, 3, 3]);
    expect(Array.from(ut).map(Math.abs).sort()).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1]);
    checkDecomposition(new Float64Array(16), 4);
    expect(Array.from(symmetricEigenvalues(Float64Array.of(-2), 1))).toEqual([-2]);
  });

  it('eigenvalues agree with the decimal reference within 4 n eps ‖A‖₂', () => {
    fc.assert(
      fc.property(spectra.filter((e) => e.length <= 6), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (eigs, seed) => {
        const n = eigs.length;
        const A = fromEigen(haarOrthogonalFromSeed(n, seed), eigs).map((row, i) => row.map((v, j) => (i <= j ? v : 0)));
        const S = A.map((row, i) => row.map((v, j) => (i <= j ? v : A[j][i])));
        const ref = refEigSym(S, { digits: 30 }).values.map((v) => v.toNumber());
        const mine = symmetricEigenvalues(Float64Array.from(S.flat()), n);
        const norm = Math.max(...ref.map(Math.abs));
        mine.forEach((v, i) => expect(Math.abs(v - ref[i])).toBeLessThanOrEqual(4 * n * EPS * norm));
      }),
      params(30),
    );
  });

  it('sparse integer matrices (zero rows and blocks: identity reflector steps) decompose stably, values match the reference', () => {
    // Off-diagonal zeros in random places make Householder steps vanish (h = 0) before, between and
    // after non-trivial ones, the paths that dense Haar-rotated inputs never take.
    const sparse = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -4, max: 4 })), { minLength: n * n, maxLength: n * n }).map((x) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = x[i * n + j];
        return { n, a };
      }),
    );
    fc.assert(
      fc.property(sparse, ({ n, a }) => {
        checkDecomposition(a, n);
        const rows = Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)));
        const ref = refEigSym(rows, { digits: 30 }).values.map((v) => v.toNumber());
        const norm = Math.max(1, ...ref.map(Math.abs));
        const only = symmetricEigenvalues(a, n), full = symmetricEigen(a, n).values;
        ref.forEach((r, i) => {
          expect(Math.abs(only[i] - r)).toBeLessThanOrEqual(4 * n * EPS * norm);
          expect(Math.abs(full[i] - r)).toBeLessThanOrEqual(4 * n * EPS * norm);
        });
      }),
      params(40),
    );
  });

  it('any magnitude, subnormal to 1e308: finite values, backward stable (exact power-of-two scaling)', () => {
    // Unscaled tql2 overflowed el1·e_l past ~1e154 and lost the bits of subnormal rotations; a
    // subnormal e_0 next to d_1 = 1.8e−15 made p = (d_1 − d_0)/(2e_0) overflow. The absolute term
    // 1e−318 is the rounding of subnormal outputs.
    const magnitudes = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: -3, max: 3, noNaN: true })), { minLength: n * n, maxLength: n * n }),
        fc.integer({ min: -323, max: 307 }),
      ),
    );
    const check = (n: number, a: Float64Array) => {
      const { values, ut } = symmetricEigen(a, n);
      expect(values.every(Number.isFinite)).toBe(true);
      expect(Array.from(symmetricEigenvalues(a, n))).toEqual(Array.from(values));
      const u = transpose(ut, n, n);
      const ul = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) ul[i * n + k] = u[i * n + k] * values[k];
      const resid = mulABt(ul, u, n, n, n);
      for (let q = 0; q < n * n; q++) resid[q] -= a[q];
      expect(frobenius(resid)).toBeLessThanOrEqual(4 * n * EPS * frobenius(a) + 1e-318);
      for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
    };
    check(2, Float64Array.of(0, 1e-323, 1e-323, 1.7763568394002505e-15));
    check(2, Float64Array.of(1e308, 5e307, 5e307, -1e308)); // eigenvalues ±1.118e308
    check(2, Float64Array.of(5e-324, 5e-324, 5e-324, 0));
    fc.assert(
      fc.property(magnitudes, ([n, x, k]) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = x[i * n + j] * 10 ** k;
        if (!a.every(Number.isFinite)) return;
        check(n, a);
      }),
      params(300),
    );
  });
});
