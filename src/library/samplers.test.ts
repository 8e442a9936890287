/**
 * Samplers against the exact moments (spec/models.md §3–§6): sample mean and covariance of n = 20 000
 * draws must lie within 6 standard errors (false alarm < 1e−8 per entry under normality), and
 * the samplers must be reproducible from their seed.
 */
import { describe, expect, it } from 'vitest';
import { coefficients, HasmeInputError, moments, sampleEulerMaruyama, sampleExact, type Model, type Problem } from '../index.js';
import { MAX_SIMULATED_STEPS } from './samplers.js';

const PROBLEM: Problem = { H: [[2, 0.5], [0.5, 1]], Sigma: [[1, 0.3], [0.3, 0.5]], eta: 0.2, x0: [1, -1] };
const N = 20_000;

/** |sample − exact| ≤ 6 standard errors for the mean and every covariance entry. */
function matchesMoments(samples: number[][], mean: Float64Array, cov: Float64Array): void {
  const d = mean.length, n = samples.length;
  const m = new Float64Array(d);
  for (const s of samples) for (let i = 0; i < d; i++) m[i] += s[i] / n;
  for (let i = 0; i < d; i++) expect(Math.abs(m[i] - mean[i])).toBeLessThanOrEqual(6 * Math.sqrt(cov[i * d + i] / n));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let c = 0;
      for (const s of samples) c += ((s[i] - mean[i]) * (s[j] - mean[j])) / n;
      // Var of a product of jointly normal centred variables: C_ii C_jj + C_ij².
      const se = Math.sqrt((cov[i * d + i] * cov[j * d + j] + cov[i * d + j] ** 2) / n);
      expect(Math.abs(c - cov[i * d + j])).toBeLessThanOrEqual(6 * se);
    }
  }
}

describe('samplers', () => {
  it.each(['sgd', 'sme1', 'hasme'] as Model[])('sampleExact(%s) reproduces the exact mean and covariance', (model) => {
    const exact = moments(model, PROBLEM, 6);
    matchesMoments(sampleExact(model, PROBLEM, 6, N, 7), exact.mean.re, exact.cov!.re);
  });

  it('Euler–Maruyama follows the exact law of its own linear recursion X ← (I − hB)X + sqrt(ηh) D^{1/2} ξ', () => {
    // Oracle: mean and covariance of the EM chain by the recursion (not the SDE's law: EM is biased).
    const steps = 4, substeps = 4, h = PROBLEM.eta / substeps;
    const c = coefficients(PROBLEM.H, PROBLEM.Sigma, PROBLEM.eta, { model: 'sme2' });
    const B = c.driftMatrix.re, D = c.diffusion.re;
    const A = B.map((b, q) => (q % 3 === 0 ? 1 : 0) - h * b); // I − hB (d = 2)
    let mean = Float64Array.from(PROBLEM.x0 as number[]);
    let cov = new Float64Array(4);
    const mul = (X: Float64Array, Y: Float64Array) => Float64Array.of(X[0] * Y[0] + X[1] * Y[2], X[0] * Y[1] + X[1] * Y[3], X[2] * Y[0] + X[3] * Y[2], X[2] * Y[1] + X[3] * Y[3]);
    const At = Float64Array.of(A[0], A[2], A[1], A[3]);
    for (let s = 0; s < steps * substeps; s++) {
      mean = Float64Array.of(A[0] * mean[0] + A[1] * mean[1], A[2] * mean[0] + A[3] * mean[1]);
      cov = mul(mul(A, cov), At).map((v, q) => v + PROBLEM.eta * h * D[q]);
    }
    matchesMoments(sampleEulerMaruyama('sme2', PROBLEM, steps, N, 11, substeps), mean, cov);
  });

  it('is reproducible from its seed and differs across seeds', () => {
    expect(sampleExact('hasme', PROBLEM, 3, 5, 42)).toEqual(sampleExact('hasme', PROBLEM, 3, 5, 42));
    expect(sampleExact('hasme', PROBLEM, 3, 5, 42)).not.toEqual(sampleExact('hasme', PROBLEM, 3, 5, 43));
    expect(sampleEulerMaruyama('spf', PROBLEM, 3, 5, 1, 2)).toEqual(sampleEulerMaruyama('spf', PROBLEM, 3, 5, 1, 2));
  });

  it('refuses a simulation of more steps than MAX_SIMULATED_STEPS instead of running for hours; exact OU sampling has no limit', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'returned';
      } catch (e) {
        return e instanceof HasmeInputError ? e.code : String(e);
      }
    };
    expect(code(() => sampleExact('sgd', PROBLEM, MAX_SIMULATED_STEPS + 1, 2, 1))).toBe('unsupported');
    expect(code(() => sampleEulerMaruyama('hasme', PROBLEM, MAX_SIMULATED_STEPS, 2, 1, 2))).toBe('unsupported');
    expect(sampleExact('hasme', PROBLEM, 1e9, 2, 1)).toHaveLength(2);
  });
});
