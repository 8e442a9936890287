/**
 * Σ̂ = UᵀΣU is exactly symmetric (eigenbasis.ts): the SGD covariance reads only its upper triangle
 * and mirrors it, and congruence() assumes a symmetric argument, so a Σ̂ that is symmetric only to
 * rounding would make those results depend on which triangle is read. Bitwise equality is the
 * property here (the mirror makes it exact), not a float comparison with a tolerance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../../properties/budget.js';
import { sigmaHat } from './eigenbasis.js';
import { prepare } from './prepare.js';

const symmetric = (d: number) =>
  fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: d * d, maxLength: d * d }).map((x) =>
    Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => x[Math.min(i, j) * d + Math.max(i, j)])),
  );

describe('Σ̂ = UᵀΣU', () => {
  it('is exactly symmetric for dense H and Σ (d = 2..6), and UΣ̂Uᵀ returns Σ', () => {
    const problem = fc.integer({ min: 2, max: 6 }).chain((d) => fc.tuple(symmetric(d), symmetric(d)));
    fc.assert(
      fc.property(problem, ([H, B]) => {
        const d = H.length;
        const Sigma = B.map((row, i) => row.map((_, j) => B[i].reduce((s, _v, k) => s + B[i][k] * B[j][k], 0))); // BBᵀ ⪰ 0
        const p = prepare(H, Sigma, 0.01);
        const s = sigmaHat(p);
        for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) expect(Object.is(s[i * d + j], s[j * d + i]), `(${i}, ${j})`).toBe(true);
        // Back-transform: Σ_ij = Σ_kl U_ik Σ̂_kl U_jl, to 16·d·eps·‖Σ‖ (two products with orthonormal U).
        const norm = Math.max(1e-300, ...Sigma.flat().map(Math.abs));
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < d; j++) {
            let v = 0;
            for (let k = 0; k < d; k++) for (let l = 0; l < d; l++) v += p.u[i * d + k] * s[k * d + l] * p.u[j * d + l];
            expect(Math.abs(v - Sigma[i][j])).toBeLessThanOrEqual(16 * d * Number.EPSILON * d * norm);
          }
        }
      }),
      params(40),
    );
  });
});
