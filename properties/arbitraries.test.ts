/**
 * Tests of the arbitraries themselves: the spectra, bases, condition numbers, ranks, regimes
 * and labels they claim are the ones realised, and shrinking ends in readable cases.
 * Tolerances: eigenvalues of a matrix assembled in double from an orthogonal basis are exact
 * to a few eps·‖A‖·d (backward-stable ml-matrix EVD plus assembly rounding), so 1e-12·‖A‖ is
 * ~100× above the expected error and ~1e4× below any structural mistake.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix, determinant } from 'ml-matrix';
import { params } from './budget.js';
import {
  commutingPair,
  etaFor,
  nonCommutingPair,
  rankDeficientPsd,
  symmetricWithSpectrum,
  haarOrthogonalFromSeed,
  matmul,
  problem,
  singularDistance,
  spdWithCondition,
  spectrum,
  transpose,
  type Mat,
  type Problem,
} from './arbitraries.js';

const symEig = (A: Mat) => new EigenvalueDecomposition(new Matrix(A), { assumeSymmetric: true }).realEigenvalues.sort((x, y) => x - y);
const maxAbs = (xs: number[]) => Math.max(1e-300, ...xs.map(Math.abs));
const offOrth = (U: Mat) => Math.max(...matmul(transpose(U), U).flat().map((x, k) => Math.abs(x - (k % (U.length + 1) === 0 ? 1 : 0))));

function checkProblemRealised(p: Problem): void {
  const scaleH = maxAbs(p.eigH);
  expect(offOrth(p.U)).toBeLessThan(1e-13 * p.d);
  expect(offOrth(p.V)).toBeLessThan(1e-13 * p.d);
  const eH = symEig(p.H);
  const want = [...p.eigH].sort((x, y) => x - y);
  eH.forEach((x, i) => expect(Math.abs(x - want[i])).toBeLessThanOrEqual(1e-12 * scaleH));
  const eS = symEig(p.Sigma);
  const wantS = [...p.sigmaEig].sort((x, y) => x - y);
  eS.forEach((x, i) => expect(Math.abs(x - wantS[i])).toBeLessThanOrEqual(1e-12 * maxAbs(p.sigmaEig)));
  // The commuting label is the truth about [H, Σ].
  const SH = matmul(p.Sigma, p.H).flat();
  const comm = Math.max(...matmul(p.H, p.Sigma).flat().map((x, k) => Math.abs(x - SH[k])));
  const scale = Math.max(...p.H.flat().map(Math.abs)) * Math.max(...p.Sigma.flat().map(Math.abs));
  if (p.commuting) expect(comm).toBeLessThanOrEqual(1e-10 * scale);
  else expect(comm).toBeGreaterThan(1e-10 * scale);
  // Symmetric exactly.
  p.H.forEach((row, i) => row.forEach((x, j) => expect(x).toBe(p.H[j][i])));
  p.Sigma.forEach((row, i) => row.forEach((x, j) => expect(x).toBe(p.Sigma[j][i])));
}

describe('arbitraries', () => {
  it('Haar orthogonal matrices are orthogonal and have Haar second moments E[Q_ij²] = 1/d', () => {
    for (const d of [1, 2, 3, 5, 8]) {
      const n = 800;
      const sum = Array.from({ length: d }, () => new Array<number>(d).fill(0));
      let negDet = 0;
      for (let s = 0; s < n; s++) {
        const Q = haarOrthogonalFromSeed(d, s);
        expect(offOrth(Q)).toBeLessThan(1e-14 * d * 10);
        Q.forEach((row, i) => row.forEach((x, j) => (sum[i][j] += x * x)));
        if (determinant(new Matrix(Q)) < 0) negDet++;
      }
      // Var(Q_ij²) ≤ E[Q_ij⁴] ≤ 3/d², so the mean over n has sd ≤ √3/(d√n); allow 5 sd.
      const tol = (5 * Math.sqrt(3)) / (d * Math.sqrt(n));
      sum.forEach((row) => row.forEach((x) => expect(Math.abs(x / n - 1 / d)).toBeLessThan(tol)));
      // Haar on O(d) puts half its mass on det = −1 (sd of the count is √n/2; allow 5 sd).
      if (d > 1) expect(Math.abs(negDet - n / 2)).toBeLessThan(2.5 * Math.sqrt(n));
    }
  });

  it('spectra are realised, including repeated and clustered eigenvalues', () => {
    for (const structure of ['distinct', 'repeated', 'clustered'] as const) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 6 }).chain((d) => spectrum(d, { structure })), (a) => {
          if (a.length >= 2 && structure === 'repeated') expect(a[a.length - 1]).toBe(a[a.length - 2]);
          if (a.length >= 2 && structure === 'clustered') {
            const gap = Math.abs(a[a.length - 1] - a[a.length - 2]);
            expect(gap).toBeGreaterThan(0);
            expect(gap).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(a[a.length - 2])) * (1 + 1e-12));
          }
        }),
        params(100),
      );
    }
  });

  it('Σ ≻ 0 has the chosen condition number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((d) => fc.tuple(fc.constant(d), fc.constantFrom(1, 7, 1e3, 1e6))),
        ([d, kappa]) => {
          const [S] = fc.sample(spdWithCondition(d, fc.constant(kappa)), { numRuns: 1, seed: d });
          const e = symEig(S);
          // Relative eigenvalue error of the smallest is ≲ κ·eps·d: ratio within 1e-9·κ.
          expect(Math.abs(e[e.length - 1] / e[0] - kappa)).toBeLessThan(1e-9 * kappa * kappa);
        },
      ),
      params(40),
    );
  });

  for (const target of ['R', 'X', 'S', 'removable'] as const) {
    it(`problems aimed at ${target} realise their spectrum, basis, Σ and regime`, () => {
      const seen: Record<string, number> = {};
      fc.assert(
        fc.property(problem({ target, commuting: 'any', sigma: 'any', structure: 'any', dMax: 5 }), (p) => {
          checkProblemRealised(p);
          for (const l of p.labels) seen[l] = (seen[l] ?? 0) + 1;
          const m = p.eigH.map((a) => 1 - p.eta * a);
          if (target === 'R' || target === 'removable') expect(m.every((x) => x > 0)).toBe(true);
          if (target === 'X') {
            expect(m.some((x) => x < 0)).toBe(true);
            expect(singularDistance(p.z)).toBeGreaterThanOrEqual(0.05 - 1e-12);
          }
          if (target === 'S') {
            // Exact: H is a signed permutation conjugate of diag(a), η a power of two.
            const exactS =
              m.some((x) => x === 0) || m.some((x, i) => m.some((y, j) => j >= i && x < 0 && y < 0 && x * y === 1));
            expect(exactS).toBe(true);
          }
          if (target === 'removable') {
            const prod = (1 - p.eta * p.eigH[0]) * (1 - p.eta * p.eigH[1]);
            // removableOffset is |ℓ_0 + ℓ_1| = |log(m_0 m_1)| to first order.
            expect(Math.abs(prod - 1)).toBeLessThanOrEqual(1.01 * (p.removableOffset ?? 0) + 1e-15 * 16);
            if (p.removableOffset === 0) expect(prod).toBe(1);
          }
          if (p.sigmaKind === 'rank1') expect(p.sigmaEig.filter((s) => s !== 0).length).toBe(1);
          if (p.sigmaKind === 'rank-deficient') expect(p.sigmaEig.filter((s) => s === 0).length).toBeGreaterThan(0);
        }),
        params(150),
      );
      // Coverage: both commuting and non-commuting cases and every Σ kind are generated.
      for (const l of ['commuting', 'noncommuting', 'pd', 'rank1', 'rank-deficient']) expect(seen[l] ?? 0).toBeGreaterThan(0);
    });
  }

  it('pair builders: commuting pairs commute, misaligned pairs do not, rank and spectrum are realised', () => {
    const comm = (A: Mat, B: Mat) => {
      const BA = matmul(B, A).flat();
      return Math.max(...matmul(A, B).flat().map((x, k) => Math.abs(x - BA[k])));
    };
    const scale = (A: Mat) => Math.max(...A.flat().map(Math.abs));
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain((d) => fc.tuple(commutingPair(d), nonCommutingPair(d), rankDeficientPsd(d, d - 1))), ([c, n, r]) => {
        expect(comm(c.H, c.Sigma)).toBeLessThanOrEqual(1e-10 * scale(c.H) * scale(c.Sigma));
        expect(comm(n.H, n.Sigma)).toBeGreaterThan(1e-10 * scale(n.H) * scale(n.Sigma));
        const e = symEig(r);
        expect(Math.abs(e[0])).toBeLessThanOrEqual(1e-12 * maxAbs(e));
        expect(e[1]).toBeGreaterThan(1e-3 * maxAbs(e));
      }),
      params(60),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 1, maxLength: 6 }).chain((a) => fc.tuple(fc.constant(a), symmetricWithSpectrum(a))), ([a, { H }]) => {
        const want = [...a].sort((x, y) => x - y);
        symEig(H).forEach((x, i) => expect(Math.abs(x - want[i])).toBeLessThanOrEqual(1e-12 * maxAbs(a)));
      }),
      params(60),
    );
  });

  it('etaFor aims at each regime for a given spectrum', () => {
    const eigs = [-2, 1, 3];
    const pick = (t: 'R' | 'X' | 'S' | 'removable') => fc.sample(etaFor(eigs, t), { numRuns: 50, seed: 7 });
    for (const eta of pick('R')) expect(eigs.every((a) => 1 - eta * a > 0)).toBe(true);
    for (const eta of pick('X')) expect(eigs.some((a) => 1 - eta * a < 0)).toBe(true);
    for (const eta of pick('S')) {
      const m = eigs.map((a) => 1 - eta * a);
      const near = Math.min(...m.map(Math.abs), ...m.flatMap((x) => m.map((y) => (x < 0 && y < 0 ? Math.abs(x * y - 1) : 1))));
      expect(near).toBeLessThan(1e-15);
    }
    for (const eta of pick('removable')) expect((1 - eta * -2) * (1 - eta * 1)).toBeCloseTo(1, 14);
  });

  it('shrinking ends in a readable case: d = 2, identity basis, grid eigenvalues, η a power of two', () => {
    // A property that fails exactly on rank-deficient Σ: the shrunk counterexample should be minimal.
    const out = fc.check(
      fc.property(problem({ target: 'R', commuting: 'any', sigma: 'any', dMax: 6 }), (p) => p.sigmaEig.every((s) => s > 0)),
      params(200),
    );
    expect(out.failed).toBe(true);
    const p = out.counterexample![0];
    expect(p.d).toBe(2);
    expect(p.U).toEqual([[1, 0], [0, 1]]);
    expect(Math.log2(p.eta) % 1).toBe(0);
    for (const z of p.z) expect((z * 4) % 1).toBe(0);
  });
});
