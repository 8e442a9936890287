/**
 * Issue 13 item 10 (false PASS on sampling) and item 4 (huge samples): the sample verdict catches
 * repeated samples and dependent samples (lagged pairs, halves), names the overflow of huge finite
 * samples, and still passes correct i.i.d. samples (its p-values stay valid, spec/protocol.md §9).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { cholesky, coincidenceBound, testSamples } from '../src/conformance/sampleTest.js';

const MU = [1, -2];
const C = [[2, 0.6], [0.6, 1]];

/** A stream of standard normals (Box–Muller on pure-rand uniforms). */
function normals(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
}

/** n draws of N(MU, C), the k-th built from whitened vector z(k). */
function draws(n: number, z: (k: number) => number[]): number[][] {
  const L = cholesky(C)!;
  return Array.from({ length: n }, (_, k) => {
    const w = z(k);
    return MU.map((m, i) => m + L[i].reduce((s, l, j) => s + l * w[j], 0));
  });
}

const iid = (n: number, seed: number) => {
  const g = normals(seed);
  return draws(n, () => [g(), g()]);
};
const exp = (n: number) => ({ mean: MU, cov: C, n });

describe('sample verdict: dependence and duplication (issue 13 item 10)', () => {
  const n = 20_000;

  it('correct i.i.d. samples pass (the new tests do not create false failures)', () => {
    for (const seed of [1, 2, 3]) expect(testSamples(iid(n, seed), exp(n)).pass).toBe(true);
  });

  it('n/2 genuine samples each given twice (shuffled or adjacent) fail on repeats', () => {
    const half = iid(n / 2, 4);
    const adjacent = half.flatMap((x) => [x, x]);
    const stacked = [...half, ...half];
    for (const s of [adjacent, stacked]) {
      const r = testSamples(s, exp(n));
      expect(r.pass).toBe(false);
      expect(r.message).toMatch(/10000 of 20000 samples repeat an earlier one exactly|correlate/);
    }
    // Each sample repeated 10 times (the second case).
    const tenfold = iid(n / 10, 5).flatMap((x) => Array.from({ length: 10 }, () => x));
    expect(testSamples(tenfold, exp(n)).pass).toBe(false);
  });

  it('an AR(1) chain with the right marginal law (ρ = 0.1, no repeated sample) fails on lagged pairs', () => {
    const g = normals(6);
    const rho = 0.1;
    let prev = [g(), g()];
    const chain = draws(n, () => (prev = prev.map((p) => rho * p + Math.sqrt(1 - rho * rho) * g())));
    const r = testSamples(chain, exp(n));
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/^independence: consecutive samples correlate/);
  });

  it('a second half that mirrors the first (x and 2μ − x: distinct values, right law) fails on halves', () => {
    const half = iid(n / 2, 7);
    const mirrored = [...half, ...half.map((x) => x.map((v, i) => 2 * MU[i] - v))];
    const r = testSamples(mirrored, exp(n));
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/^independence: samples i and i \+ 10000 correlate/);
  });

  it('the coincidence bound is tiny for well-scaled laws and grows with |μ|/σ', () => {
    expect(coincidenceBound(MU, C)).toBeLessThan(1e-13);
    expect(coincidenceBound([1e12], [[1]])).toBeGreaterThan(1e-4);
  });
});

describe('sample verdict: huge finite samples (issue 13 item 4)', () => {
  it('entries near 1e300 are reported as an overflow, not as a singular covariance', () => {
    const s = iid(100, 8).map((x, k) => (k === 3 ? [1e300, -1e300] : x));
    const r = testSamples(s, exp(100));
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/^sample moments overflow double precision \(entries as large as 1\.00e\+300\)/);
  });
});
