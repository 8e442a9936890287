/**
 * Samplers against the exact moments (spec/models.md §3–§6): sample mean and covariance of n = 20 000
 * draws must lie within 6 standard errors (false alarm < 1e−8 per entry under normality), and
 * the samplers must be reproducible from their seed.
 */
import { describe, expect, it } from 'vitest';
import { coefficients, HasmeInputError, moments, sampleEulerMaruyama, sampleExact, type Model, type Problem } from '../index.js';
import type { SdeModel } from '../formats/types.js';
import { MAX_SAMPLES, MAX_SIMULATED_STEPS } from './samplers.js';

/** What `f` raised: `pick` of a HasmeInputError, String(e) of anything else, 'returned' when nothing. */
function raised(f: () => unknown, pick: (e: HasmeInputError) => string): string {
  try {
    f();
    return 'returned';
  } catch (e) {
    return e instanceof HasmeInputError ? pick(e) : String(e);
  }
}

const PROBLEM: Problem = { H: [[2, 0.5], [0.5, 1]], Sigma: [[1, 0.3], [0.3, 0.5]], eta: 0.2, x0: [1, -1] };
const N = 20_000;
/** Σ rank one, misaligned with H (C7): HA-SME's Σ̃ is indefinite in regime R; Σ itself is PSD. */
const C7: Problem = { H: [[1, 0.5], [0.5, 2]], Sigma: [[1, 0], [0, 0]], eta: 0.1, x0: [1, -1] };

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

  it.each([
    ['sme2', PROBLEM],
    ['hasme', PROBLEM],
    ['sme1', C7],
  ] as [SdeModel, Problem][])('Euler–Maruyama (%s) follows the exact law of its own linear recursion X ← (I − hB)X + sqrt(ηh) D^{1/2} ξ', (model, pb) => {
    // Oracle: mean and covariance of the EM chain by the recursion (not the SDE's law: EM is biased).
    // sme1 on C7: only HA-SME's Σ̃ is indefinite there, so only hasme may refuse (spec/claims.md C7).
    const steps = 4, substeps = 4, h = pb.eta / substeps;
    const c = coefficients(pb.H, pb.Sigma, pb.eta, { model });
    const B = c.driftMatrix.re, D = c.diffusion.re;
    const A = B.map((b, q) => (q % 3 === 0 ? 1 : 0) - h * b); // I − hB (d = 2)
    let mean = Float64Array.from(pb.x0 as number[]);
    let cov = new Float64Array(4);
    const mul = (X: Float64Array, Y: Float64Array) => Float64Array.of(X[0] * Y[0] + X[1] * Y[2], X[0] * Y[1] + X[1] * Y[3], X[2] * Y[0] + X[3] * Y[2], X[2] * Y[1] + X[3] * Y[3]);
    const At = Float64Array.of(A[0], A[2], A[1], A[3]);
    for (let s = 0; s < steps * substeps; s++) {
      mean = Float64Array.of(A[0] * mean[0] + A[1] * mean[1], A[2] * mean[0] + A[3] * mean[1]);
      cov = mul(mul(A, cov), At).map((v, q) => v + pb.eta * h * D[q]);
    }
    matchesMoments(sampleEulerMaruyama(model, pb, steps, N, 11, substeps), mean, cov);
  });

  it('is reproducible from its seed and differs across seeds', () => {
    expect(sampleExact('hasme', PROBLEM, 3, 5, 42)).toEqual(sampleExact('hasme', PROBLEM, 3, 5, 42));
    expect(sampleExact('hasme', PROBLEM, 3, 5, 42)).not.toEqual(sampleExact('hasme', PROBLEM, 3, 5, 43));
    expect(sampleEulerMaruyama('spf', PROBLEM, 3, 5, 1, 2)).toEqual(sampleEulerMaruyama('spf', PROBLEM, 3, 5, 1, 2));
  });

  it('refuses a simulation of more steps than MAX_SIMULATED_STEPS instead of running for hours; exact OU sampling has no limit', () => {
    const code = (f: () => unknown) => raised(f, (e) => e.code);
    expect(code(() => sampleExact('sgd', PROBLEM, MAX_SIMULATED_STEPS + 1, 2, 1))).toBe('unsupported');
    expect(code(() => sampleEulerMaruyama('hasme', PROBLEM, MAX_SIMULATED_STEPS, 2, 1, 2))).toBe('unsupported');
    expect(sampleExact('hasme', PROBLEM, 1e9, 2, 1)).toHaveLength(2);
  });

  it('Σ = 0: every sample is the exact mean, row by row (d = 2, n = 3)', () => {
    const pb: Problem = { ...PROBLEM, Sigma: [[0, 0], [0, 0]] };
    for (const model of ['sme1', 'sme2', 'hasme'] as Model[]) {
      const mean = Array.from(moments(model, pb, 5).mean.re);
      expect(sampleExact(model, pb, 5, 3, 1), model).toEqual([mean, mean, mean]);
    }
    // SGD's recursion x ← x − ηHx against M^k x0 (a different route: the eigenbasis power).
    const want = moments('sgd', pb, 5).mean.re;
    for (const row of sampleExact('sgd', pb, 5, 2, 1)) row.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(8 * Number.EPSILON));
  });

  it('sgd is its own Euler–Maruyama discretization: the same runs from the same seed', () => {
    expect(sampleEulerMaruyama('sgd', PROBLEM, 4, 3, 9, 5)).toEqual(sampleExact('sgd', PROBLEM, 4, 3, 9));
  });

  it('Euler–Maruyama of sme1 with Σ = 0 and h = η/2 is the recursion x ← (I − hH)x', () => {
    const pb: Problem = { H: [[2, 0], [0, 1]], Sigma: [[0, 0], [0, 0]], eta: 0.2, x0: [1, -1] };
    // h = 0.1: factors 0.8 and 0.9 per substep, 3 steps × 2 substeps.
    const got = sampleEulerMaruyama('sme1', pb, 3, 1, 1, 2)[0];
    expect(Math.abs(got[0] - 0.8 ** 6)).toBeLessThanOrEqual(8 * Number.EPSILON);
    expect(Math.abs(got[1] + 0.9 ** 6)).toBeLessThanOrEqual(8 * Number.EPSILON);
  });

  it('overflowing samples are refused as `non-finite`, naming the first entry and sample that overflowed', () => {
    // m = (0.5, −3), η = 1, Σ = 0: |x_1| = 3^k, and 4·x_1 overflows at step 646 (3^645 > 1.8e308/4);
    // entry 0 is still finite then (it meets x_1 only through H_01 = 0 at that last step).
    const pb: Problem = { H: [[0.5, 0], [0, 4]], Sigma: [[0, 0], [0, 0]], eta: 1, x0: [1, 1] };
    expect(sampleExact('sgd', pb, 645, 2, 1)).toHaveLength(2);
    expect(() => sampleExact('sgd', pb, 646, 2, 1)).toThrow(/^non-finite: samples overflow double precision \(entry 1 of sample 0: Infinity\)$/);
  });

  it('refuses complex and indefinite laws, naming what is not real', () => {
    // spf in regime X (m = 1 − 3 < 0): complex pseudo-covariance.
    expect(() => sampleExact('spf', { H: [[3]], Sigma: [[1]], eta: 1, x0: [0] }, 2, 4, 1)).toThrow(/^unsupported: spf: pseudo-covariance is not a real PSD matrix here/);
    expect(() => sampleEulerMaruyama('hasme', { H: [[3]], Sigma: [[1]], eta: 1, x0: [0] }, 2, 4, 1)).toThrow(/^unsupported: hasme: drift matrix is not a real PSD matrix here/);
    expect(() => sampleExact('hasme', C7, 2, 4, 1)).toThrow(/^unsupported: hasme: covariance is not a real PSD matrix here/);
    expect(() => sampleEulerMaruyama('hasme', C7, 2, 4, 1)).toThrow(/^unsupported: hasme: diffusion is not a real PSD matrix here/);
  });

  it('an x0 of the wrong length is `shape`, naming x0, on every sampling route', () => {
    const pb: Problem = { ...PROBLEM, x0: [1] };
    const message = (f: () => unknown) => raised(f, (e) => e.message);
    expect(message(() => sampleExact('sgd', pb, 2, 2, 1))).toBe('shape: x0 has length 1, expected 2');
    expect(message(() => sampleEulerMaruyama('sme1', pb, 2, 2, 1))).toBe('shape: x0 has length 1, expected 2');
    expect(message(() => sampleExact('sme1', pb, 2, 2, 1))).toBe('shape: x0 has length 1, expected 2');
  });

  it('bad counts, seeds, substeps and models are `unsupported`; each limit is checked before any work', () => {
    const message = (f: () => unknown) => raised(f, (e) => e.message);
    expect(message(() => sampleExact('sde9' as Model, PROBLEM, 1, 1, 1))).toBe('unsupported: unknown model "sde9"');
    expect(message(() => sampleEulerMaruyama('sde9' as Model, PROBLEM, 1, 1, 1))).toBe('unsupported: unknown model "sde9"');
    expect(message(() => sampleExact('sme1', PROBLEM, 1, 1, 1.5))).toBe('unsupported: seed must be an integer, got 1.5');
    expect(message(() => sampleExact('sme1', PROBLEM, 1, -1, 1))).toMatch(/^unsupported: n must be a non-negative integer/);
    expect(message(() => sampleEulerMaruyama('sme1', PROBLEM, -1, 1, 1))).toMatch(/^unsupported: steps must be a non-negative integer/);
    for (const substeps of [0, 1.5]) expect(message(() => sampleEulerMaruyama('sme1', PROBLEM, 1, 1, 1, substeps))).toBe(`unsupported: substeps must be a positive integer, got ${substeps}`);
    expect(message(() => sampleExact('sme1', PROBLEM, 1, MAX_SAMPLES + 1, 1))).toBe(`unsupported: n = ${MAX_SAMPLES + 1} samples exceeds the limit of ${MAX_SAMPLES} (spec/protocol.md §3)`);
    // At the limits exactly the request passes the limit checks: a bad H is then what is reported.
    const badH: Problem = { ...PROBLEM, H: [[1, 2], [3, 4]] };
    expect(message(() => sampleExact('sgd', badH, MAX_SIMULATED_STEPS, MAX_SAMPLES, 1))).toMatch(/^not-symmetric/);
    expect(message(() => sampleEulerMaruyama('sme1', badH, MAX_SIMULATED_STEPS / 2, 1, 1, 2))).toMatch(/^not-symmetric/);
    expect(message(() => sampleExact('sgd', PROBLEM, MAX_SIMULATED_STEPS + 1, 1, 1))).toBe(
      `unsupported: simulating ${MAX_SIMULATED_STEPS + 1} steps exceeds the limit of ${MAX_SIMULATED_STEPS} (SGD sampling and Euler–Maruyama simulate every step)`,
    );
  });
});
