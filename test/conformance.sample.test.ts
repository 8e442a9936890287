/**
 * The statistical verdict on `sample` (spec/protocol.md §9): calibration of the exact
 * tests on correct Gaussian samples (false rejections bounded by the adjusted p-value), power
 * against wrong means and covariances, and, at n = 10⁵ on the default sample cases, detection of
 * the classic sampler bugs of the Python fixture (√η instead of η, Σ instead of Σ̃ (C4), a
 * missing OU factor).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normal } from '../src/stats/distributions.js';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { seed as suiteSeed } from '../properties/budget.js';
import { runCheck } from '../src/conformance/check.js';
import { DEFAULT_SAMPLE_CASES, DEFAULT_SAMPLE_N } from '../src/conformance/defaults.js';
import { sampleCases } from '../src/conformance/sampleCases.js';
import { cholesky, SAMPLE_ALPHA, testSamples } from '../src/conformance/sampleTest.js';
import { loadVectors } from '../src/conformance/vectors.js';
import { conformanceVectors } from './fixtures/impls/vectorSet.js';

/** This test file's directory (import.meta.dirname needs Node ≥ 20.11). */
const HERE = fileURLToPath(new URL('.', import.meta.url));

/** n draws of N(mu, C) (Box–Muller on pure-rand uniforms). */
function gaussianSamples(mu: number[], C: number[][], n: number, seed: number): number[][] {
  const rng = xoroshiro128plus(seed);
  const L = cholesky(C)!;
  const normal = () => {
    const u = 1 - uniformFloat64(rng);
    const v = uniformFloat64(rng);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return Array.from({ length: n }, () => {
    const z = mu.map(() => normal());
    return mu.map((m, i) => m + L[i].reduce((s, l, k) => s + l * z[k], 0));
  });
}

const MU = [1, -2, 0.5];
const C = [[2, 0.6, 0.1], [0.6, 1, -0.3], [0.1, -0.3, 0.5]];

describe('sample tests: exact null distributions, Bonferroni within the case', () => {
  it('correct samples: adjusted p-values are valid (P(p_adj ≤ x) ≤ x) and never reach α = 1e-6', () => {
    const trials = 150;
    const base = suiteSeed();
    const p = Array.from({ length: trials }, (_, t) => testSamples(gaussianSamples(MU, C, 400, base + t), { mean: MU, cov: C, n: 400 }).pAdjusted);
    const below = (x: number) => p.filter((q) => q <= x).length / trials;
    // Binomial slack: 3 standard deviations above x.
    for (const x of [0.05, 0.2, 0.5]) expect(below(x)).toBeLessThanOrEqual(x + 3 * Math.sqrt((x * (1 - x)) / trials));
    expect(Math.min(...p)).toBeGreaterThan(1e-6);
    // The tests are not vacuous: small p-values do occur at about their nominal rate.
    expect(below(0.5)).toBeGreaterThan(0.2);
  });

  it('rejects a mean off by 0.3 standard deviations and a covariance 1.3× too large (n = 2000)', () => {
    const shifted = testSamples(gaussianSamples([MU[0] + 0.3 * Math.sqrt(2), MU[1], MU[2]], C, 2000, 7), { mean: MU, cov: C, n: 2000 });
    expect(shifted.pass).toBe(false);
    expect(shifted.message).toMatch(/^mean: Hotelling T² = .*; mean\[0\] = /);
    const wide = testSamples(gaussianSamples(MU, C.map((r) => r.map((x) => 1.3 * x)), 2000, 8), { mean: MU, cov: C, n: 2000 });
    expect(wide.pass).toBe(false);
    expect(wide.message).toMatch(/^covariance: variance along whitened axis/);
  });

  it('rejects a correlation the exact law does not have', () => {
    const rotated = [[2, 1.2, 0.1], [1.2, 1, -0.3], [0.1, -0.3, 0.5]];
    const r = testSamples(gaussianSamples(MU, rotated, 3000, 9), { mean: MU, cov: C, n: 3000 });
    expect(r.pass).toBe(false);
    expect(r.message).toContain('covariance');
  });

  it('fails the wrong number of samples or the wrong dimension without testing', () => {
    const eight = gaussianSamples(MU, C, 8, 1);
    expect(testSamples(eight.slice(1), { mean: MU, cov: C, n: 8 }).message).toBe('7 samples, expected 8');
    expect(testSamples([...eight.slice(1), [1, 2]], { mean: MU, cov: C, n: 8 }).message).toBe('samples[7] has length 2, expected 3');
    expect(testSamples([...eight.slice(1), [1, 2, 1e400]], { mean: MU, cov: C, n: 8 }).message).toBe('samples[7] has a non-finite entry');
    expect(() => testSamples(eight.slice(1), { mean: MU, cov: C, n: 7 })).toThrow('sample tests need n ≥ max(d + 3, 8)');
  });
});

const PY = join(HERE, 'fixtures/impls/hasme_impl.py');

describe('power of the default sample cases against the classic sampler bugs (exact, no sampling)', () => {
  it('each bug moves the law of some default case beyond 5× the detection threshold at n = 1e5', () => {
    const cases = sampleCases(loadVectors(conformanceVectors()), DEFAULT_SAMPLE_CASES, DEFAULT_SAMPLE_N);
    expect(cases.every((c) => c.powerful)).toBe(true);
    const input = cases.map((c) => JSON.stringify({ request: c.request, cov: c.expectation.cov })).join('\n') + '\n';
    const rows = execFileSync('python3', [join(HERE, 'fixtures/impls/sample_power.py')], { input })
      .toString().trim().split('\n').map((l) => JSON.parse(l) as { id: string; bug: string; var_dev: number; corr_dev: number });
    // Thresholds of spec/protocol.md §9: two-sided normal quantile at α/(2m) for the case's m tests.
    const margin = (r: (typeof rows)[number]) => {
      const d = cases.find((c) => c.request.id === r.id)!.expectation.mean.length;
      const m = 1 + d + (d * (d - 1)) / 2;
      const z = normal.quantile(1 - SAMPLE_ALPHA / m / 2, 0, 1);
      return Math.max(r.var_dev / (z * Math.sqrt(2 / DEFAULT_SAMPLE_N)), r.corr_dev / (z / Math.sqrt(DEFAULT_SAMPLE_N)));
    };
    for (const bug of ['sample-sqrt-eta', 'sample-sigma', 'sample-no-ou']) {
      const best = Math.max(...rows.filter((r) => r.bug === bug).map(margin));
      expect(best, bug).toBeGreaterThan(5);
    }
  });
});

describe('sample op at n = 1e5 on the first three default sample cases (hasme, sme1, spf)', () => {
  it.each([
    ['sample-sqrt-eta', 'sqrt(η) instead of η'],
    ['sample-sigma', 'Σ instead of Σ̃ (C4)'],
    ['sample-no-ou', 'missing OU factor'],
  ])('catches --bug %s (%s) and names the sample op', async (bug) => {
    const r = await runCheck({ command: 'python3', args: [PY, '--bug', bug], vectors: conformanceVectors(), ops: ['sample'], rtol: 1e-9, sampleN: 100_000, sampleCases: 3 });
    expect(r.weakSampleCases).toEqual([]);
    expect(r.problems).toEqual([]);
    const failed = r.verdicts.filter((v) => !v.pass);
    expect(failed.length).toBeGreaterThan(0);
    for (const v of failed) {
      expect(v.op).toBe('sample');
      expect(v.worst).toBeLessThan(1e-12); // far beyond the threshold, not a near miss
    }
  });
});
