/**
 * CDFs and quantiles of the distributions behind the sample tests (src/conformance/sampleTest.ts),
 * from jstat (one small package); the tests also use `normal` as an independent check of the escape
 * curves' Gaussian tails.
 *
 * Accuracy, measured against scipy.stats over the ranges the tests use (p-values in
 * [1e-10, 0.5], the band around the Bonferroni thresholds α/m with α = 1e-6, m ≤ 37):
 * F(d, n − d) and F(1, n − 2) upper tails (1 − cdf) for d ≤ 8, n = 100 … 1e7: relative error
 * ≤ 5e-7; χ²(n − 1) tails for n ≤ 1e6: ≤ 4e-7 (at n = 1e7 jstat's fixed-length series drifts to
 * 1e-2); the normal CDF ≤ 1e-9 for p ≥ 1e-8 and ≤ 5e-7 down to 4e-11. A verdict at α/m is thus
 * decided to 6 digits.
 * Test: src/stats/distributions.test.ts.
 */
import jStat from 'jstat';

/** F distribution with d1, d2 degrees of freedom. */
export const F = {
  cdf: (x: number, d1: number, d2: number): number => jStat.centralF.cdf(x, d1, d2),
};

/** χ² distribution with k degrees of freedom. */
export const chisquare = {
  cdf: (x: number, k: number): number => jStat.chisquare.cdf(x, k),
};

/** Normal distribution N(mu, sigma²). */
export const normal = {
  cdf: (x: number, mu: number, sigma: number): number => jStat.normal.cdf(x, mu, sigma),
  quantile: (p: number, mu: number, sigma: number): number => jStat.normal.inv(p, mu, sigma),
};
