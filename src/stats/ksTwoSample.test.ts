/**
 * The exact two-sample KS test (C21): p-values against brute-force enumeration of every
 * interleaving (n ≤ 7), the Stirling route of the binomial ratio against a 40-digit product, and
 * the test's calibration on simulated null samples.
 */
import { describe, expect, it } from 'vitest';
import { context } from '../../reference/context.js';
import { ksCriticalCount, ksExactPValue, ksTwoSample, logBinomialRatio } from './ksTwoSample.js';
import { polarNormals } from './polarNormals.js';

/** P(max |i − j| ≥ k) over the C(2n, n) equally likely interleavings of two samples of size n. */
function enumeratedPValue(n: number, k: number): number {
  let hits = 0;
  let total = 0;
  const walk = (i: number, j: number, worst: number) => {
    if (i === n && j === n) {
      total++;
      if (worst >= k) hits++;
      return;
    }
    if (i < n) walk(i + 1, j, Math.max(worst, Math.abs(i + 1 - j)));
    if (j < n) walk(i, j + 1, Math.max(worst, Math.abs(i - j - 1)));
  };
  walk(0, 0, 0);
  return hits / total;
}

describe('C21: exact two-sample KS null distribution', () => {
  it('matches enumeration of all interleavings for n ≤ 7', () => {
    for (let n = 1; n <= 7; n++) {
      for (let k = 0; k <= n; k++) expect(ksExactPValue(n, k)).toBeCloseTo(enumeratedPValue(n, k), 14);
    }
  });

  it('log C(2n, n − m)/C(2n, n) by Stirling agrees with a 40-digit product to 1e-12 relative', () => {
    const { D } = context({ digits: 40 });
    for (const n of [64, 1000, 123457]) {
      for (const m of [1, 7, Math.round(Math.sqrt(n)), Math.round(3 * Math.sqrt(n)), n - 11]) {
        let r = new D(1);
        for (let i = 1; i <= Math.min(m, 5000); i++) r = r.times(n - m + i).div(n + i);
        if (m > 5000) continue;
        const exact = r.ln().toNumber();
        expect(Math.abs(logBinomialRatio(n, m) - exact)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(exact)));
      }
    }
  });

  it('statistic: the largest gap of the empirical CDFs, ties processed together', () => {
    expect(ksTwoSample([1, 2, 3], [4, 5, 6])).toMatchObject({ k: 3, statistic: 1 });
    expect(ksTwoSample([1, 3, 5], [2, 4, 6])).toMatchObject({ k: 1 });
    expect(ksTwoSample([1, 2, 2], [2, 2, 3])).toMatchObject({ k: 1 });
    expect(() => ksTwoSample([1], [1, 2])).toThrow(RangeError);
    expect(() => ksTwoSample([NaN], [1])).toThrow(RangeError);
  });

  it('critical count: the smallest k with p ≤ α', () => {
    for (const [n, alpha] of [[50, 0.05], [2000, 1e-9]] as const) {
      const k = ksCriticalCount(n, alpha);
      expect(ksExactPValue(n, k)).toBeLessThanOrEqual(alpha);
      expect(ksExactPValue(n, k - 1)).toBeGreaterThan(alpha);
    }
    expect(ksCriticalCount(2, 1e-9)).toBe(3);
  });

  it('is calibrated: 2000 null pairs of N(0, 1) samples (n = 100) reject at α = 0.05 at most at rate 0.05 + 3 sd', () => {
    const next = polarNormals(20240528);
    const kCrit = ksCriticalCount(100, 0.05);
    let rejections = 0;
    for (let r = 0; r < 2000; r++) {
      const a = Array.from({ length: 100 }, next);
      const b = Array.from({ length: 100 }, next);
      if (ksTwoSample(a, b).k >= kCrit) rejections++;
    }
    const size = ksExactPValue(100, kCrit);
    expect(rejections / 2000).toBeLessThanOrEqual(size + 3 * Math.sqrt((size * (1 - size)) / 2000));
    expect(rejections / 2000).toBeGreaterThanOrEqual(size - 3 * Math.sqrt((size * (1 - size)) / 2000));
  });
});
