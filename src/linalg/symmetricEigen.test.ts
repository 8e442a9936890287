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

function checkDecomposition(a: Float64Array, n: number): Float64Array {
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
  return values;
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

/** Rows of a symmetric matrix given by f(i, j) for i ≤ j. */
function symmetric(n: number, f: (i: number, j: number) => number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = f(i, j);
  return a;
}

/** Σ λ = tr A and Σ λ² = ‖A‖_F² (invariants of the spectrum; each sum within n eps of its scale). */
function checkInvariants(a: Float64Array, n: number, values: Float64Array): void {
  let trace = 0, traceScale = 0, sumSq = 0;
  for (let i = 0; i < n; i++) {
    trace += a[i * n + i];
    traceScale += Math.abs(a[i * n + i]);
  }
  let valueSum = 0, valueScale = 0;
  for (const v of values) {
    valueSum += v;
    valueScale += Math.abs(v);
    sumSq += v * v;
  }
  const fro = frobenius(a);
  expect(Math.abs(valueSum - trace)).toBeLessThanOrEqual(4 * n * EPS * (traceScale + valueScale));
  expect(Math.abs(Math.sqrt(sumSq) - fro)).toBeLessThanOrEqual(4 * n * EPS * fro);
}

describe('symmetric eigensolver: closed forms and the documented conventions (spec/numerics.md "The symmetric eigensolver")', () => {
  it('the sweep limit: a 2×2 needs one QL sweep (its shift is an eigenvalue), none allowed is refused by name', () => {
    for (const [x, b, c] of [[2, 1, 3], [1, 1e-9, 1], [-5, 3, 7e-3]]) {
      const a = Float64Array.of(x, b, b, c);
      expect(Array.from(symmetricEigenvalues(a, 2, 1))).toEqual(Array.from(symmetricEigenvalues(a, 2)));
      expect(() => symmetricEigenvalues(a, 2, 0)).toThrow('symmetric eigensolver: no convergence at index 0');
    }
    // A diagonal block needs no sweep at all.
    expect(Array.from(symmetricEigenvalues(Float64Array.of(2, 0, 0, 1), 2, 0))).toEqual([1, 2]);
  });

  it('refuses non-finite entries instead of returning finite values', () => {
    // Before: [[1, ∞], [∞, 1]] returned the eigenvalues 1, 1 (the infinite coupling dropped).
    for (const a of [Float64Array.of(1, Infinity, Infinity, 1), Float64Array.of(Infinity, 0, 0, 1), Float64Array.of(1, 0, 0, -Infinity), Float64Array.of(NaN, 0, 0, 1)]) {
      expect(() => symmetricEigen(a, 2)).toThrow(/non-finite/);
      expect(() => symmetricEigenvalues(a, 2)).toThrow(/non-finite/);
    }
  });

  it('2×2: eigenvalues (a + c)/2 ∓ hypot((a − c)/2, b), vectors orthonormal', () => {
    const cases: [number, number, number][] = [
      [2, 1, 2], [1, 1e-9, 1], [3, -2, -1], [0, 1, 0], [1e-300, 3e-300, -2e-300], [7e200, -1e200, 1e199], [5, 0, -5], [-1, 1e-17, 1],
    ];
    for (const [x, b, c] of cases) {
      const a = Float64Array.of(x, b, b, c);
      const { values } = symmetricEigen(a, 2);
      const mid = x / 2 + c / 2, rad = Math.hypot(x / 2 - c / 2, b);
      const scale = Math.max(Math.abs(x), Math.abs(b), Math.abs(c));
      expect(Math.abs(values[0] - (mid - rad))).toBeLessThanOrEqual(4 * EPS * scale);
      expect(Math.abs(values[1] - (mid + rad))).toBeLessThanOrEqual(4 * EPS * scale);
      checkDecomposition(a, 2);
    }
  });

  it('tridiagonal Toeplitz (dense in a Haar basis too): λ_k = α + 2β cos(kπ/(n+1)), v_k ∝ sin(jkπ/(n+1))', () => {
    for (let n = 1; n <= 13; n++) {
      for (const [alpha, beta] of [[0.5, 1], [-2, -0.75]]) {
        const exact = Array.from({ length: n }, (_, k) => alpha + 2 * beta * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort((x, y) => x - y);
        const norm = Math.abs(alpha) + 2 * Math.abs(beta);
        const t = symmetric(n, (i, j) => (i === j ? alpha : j === i + 1 ? beta : 0));
        const { values, ut } = symmetricEigen(t, n);
        exact.forEach((x, k) => expect(Math.abs(values[k] - x)).toBeLessThanOrEqual(4 * n * EPS * norm));
        // The sine vectors belong to the ascending order of α + 2β cos(kπ/(n+1)); distinct gaps ≥ (π/(n+1))²·|β|.
        for (let k = 1; k <= n; k++) {
          const lambda = alpha + 2 * beta * Math.cos((k * Math.PI) / (n + 1));
          const idx = exact.findIndex((x) => Math.abs(x - lambda) <= 8 * EPS * norm);
          let dotProduct = 0, sq = 0;
          for (let j = 1; j <= n; j++) {
            const s = Math.sin((j * k * Math.PI) / (n + 1));
            dotProduct += ut[idx * n + j - 1] * s;
            sq += s * s;
          }
          expect(Math.abs(Math.abs(dotProduct) / Math.sqrt(sq) - 1)).toBeLessThanOrEqual(1e3 * n * EPS);
        }
        checkDecomposition(t, n);
        const dense = fromEigen(haarOrthogonalFromSeed(n, 17 * n), exact);
        const mine = symmetricEigenvalues(Float64Array.from(dense.flat()), n);
        exact.forEach((x, k) => expect(Math.abs(mine[k] - x)).toBeLessThanOrEqual(8 * n * EPS * norm));
      }
    }
  });

  it('c·I + wwᵀ: eigenvalue c (n − 1 times) and c + ‖w‖², vectors orthonormal in the repeated eigenspace', () => {
    for (let n = 2; n <= 9; n++) {
      const w = Array.from({ length: n }, (_, i) => (i % 3) - 1 + 0.25 * i);
      const c = -1.5;
      const a = symmetric(n, (i, j) => (i === j ? c : 0) + w[i] * w[j]);
      const ww = w.reduce((s, x) => s + x * x, 0);
      const values = checkDecomposition(a, n);
      const scale = Math.abs(c) + ww;
      for (let k = 0; k + 1 < n; k++) expect(Math.abs(values[k] - c)).toBeLessThanOrEqual(4 * n * EPS * scale);
      expect(Math.abs(values[n - 1] - (c + ww))).toBeLessThanOrEqual(4 * n * EPS * scale);
    }
  });

  it('every zero pattern of the off-diagonal (n = 4 and 5): backward stable, ascending, trace and ‖A‖_F kept', () => {
    // Zero rows and blocks make Householder steps vanish (h = 0) before, between and after
    // non-trivial ones, and make QL deflate in every position.
    for (const n of [4, 5]) {
      const pairs: [number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
      for (let mask = 0; mask < 2 ** pairs.length; mask++) {
        const a = symmetric(n, (i, j) => {
          if (i === j) return ((3 * i + mask) % 7) - 3;
          const bit = pairs.findIndex(([p, q]) => p === i && q === j);
          return (mask >> bit) & 1 ? 1 + ((i * 5 + j * 3 + mask) % 4) * (mask % 2 ? 1 : -1) : 0;
        });
        const values = checkDecomposition(a, n);
        checkInvariants(a, n, values);
      }
    }
  });

  it('U is Uᵀ transposed, and the eigenvalues-only route returns the same values bit for bit', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const a = Float64Array.from(fromEigen(haarOrthogonalFromSeed(n, n), Array.from({ length: n }, (_, i) => Math.sin(i + 1))).flat());
      const { values, u, ut } = symmetricEigen(a, n);
      expect(Array.from(u)).toEqual(Array.from(transpose(ut, n, n)));
      expect(Array.from(symmetricEigenvalues(a, n))).toEqual(Array.from(values));
    }
  });

  it('2^k A decomposes as A does, exactly (the scaling is a power of two): values times 2^k, the same vectors', () => {
    for (const n of [2, 3, 5, 8]) {
      const a = Float64Array.from(fromEigen(haarOrthogonalFromSeed(n, 3 * n), Array.from({ length: n }, (_, i) => i - n / 3)).flat());
      const base = symmetricEigen(a, n);
      for (const k of [-1000, -300, -1, 1, 7, 300, 1000]) {
        const s = 2 ** k;
        const { values, ut } = symmetricEigen(a.map((x) => x * s), n);
        expect(Array.from(values)).toEqual(Array.from(base.values, (x) => x * s));
        expect(Array.from(ut)).toEqual(Array.from(base.ut));
      }
    }
  });

  it('deflation: a coupling ≤ eps·max_i(|d_i| + |e_i|) of the tridiagonal is dropped, a larger one is resolved', () => {
    // [[c, δ], [δ, c]] has the eigenvectors (1, ±1)/√2 for every δ ≠ 0: QL resolves them when it
    // does not deflate, and returns unit vectors when it does (both within the backward error).
    // Tridiagonal input is reduced exactly (signed permutations), so T's entries are the input's.
    const tri = (d: number[], e: number[]) => symmetric(d.length, (i, j) => (i === j ? d[i] : j === i + 1 ? e[i] : 0));
    const cases = [
      { name: 'one pair', a: tri([1.5, 1.5], [0]), at: 0, norm: 1.5 },
      // The largest |d_i| + |e_i| sits away from the pair (tql2 saw only d_0, e_0 at l = 0), last row or first.
      { name: 'scale in the last row', a: tri([1, 1, 4], [0, 0]), at: 0, norm: 4 },
      { name: 'scale in the first row', a: tri([4, 1, 1], [0, 0]), at: 1, norm: 4 },
      // The largest |d_i| + |e_i| is an off-diagonal's: |d_2| + |e_2| = 0 + 1.5.
      { name: 'scale from an off-diagonal', a: tri([1, 1, 0, 0], [0, 0, 1.5]), at: 0, norm: 1.5 },
    ];
    for (const { name, a, at, norm } of cases) {
      const n = Math.round(Math.sqrt(a.length));
      // At exactly eps·norm the coupling is still dropped (the test is |e| > eps·‖T‖).
      for (const [delta, resolved] of [[0.5 * EPS * norm, false], [EPS * norm, false], [2 * EPS * norm, true]] as const) {
        const m = a.slice();
        m[at * n + at + 1] = m[(at + 1) * n + at] = delta;
        const { ut } = symmetricEigen(m, n);
        const mixing = Math.max(...Array.from({ length: n }, (_, k) => Math.abs(ut[k * n + at] * ut[k * n + at + 1])));
        expect(mixing, `${name}, δ = ${delta}`).toBeCloseTo(resolved ? 0.5 : 0, 12);
      }
    }
  });
});
