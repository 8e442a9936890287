/**
 * Accuracy of the jstat-backed CDFs (src/stats/distributions.ts) in the tails the sample tests
 * use (p ∈ [1e-10, 0.5] around the thresholds α/m, α = 1e-6), against closed forms computed here:
 * - F(2, ν) upper tail: P(F > f) = (1 + 2f/ν)^(−ν/2);
 * - χ²(2m) upper tail: the Poisson sum e^(−x/2) Σ_{j<m} (x/2)^j / j!, at 30 digits (decimal.js);
 * - the normal CDF at tabulated points (scipy.stats.norm.cdf) and a quantile round trip.
 */
import { describe, expect, it } from 'vitest';
import { context } from '../../reference/context.js';
import { F, chisquare, normal } from './distributions.js';

const relErr = (got: number, exact: number) => Math.abs(got - exact) / Math.abs(exact);

/** P(χ²(2m) > x) at 30 digits. */
function chisquareUpperTail(x: number, m: number): number {
  const { D } = context({ digits: 30 });
  const y = new D(x).div(2);
  let term = y.neg().exp();
  let sum = term;
  for (let j = 1; j < m; j++) {
    term = term.mul(y).div(j);
    sum = sum.add(term);
  }
  return sum.toNumber();
}

describe('F, χ² and normal CDFs in the tails of the sample tests', () => {
  it('F(2, ν) upper tail matches (1 + 2f/ν)^(−ν/2) to 1e-6 for ν up to 1e6', () => {
    let checked = 0;
    for (const nu of [98, 998, 99_998, 999_998]) {
      for (let f = 1; f <= 25; f += 0.5) {
        const exact = Math.exp(-(nu / 2) * Math.log1p((2 * f) / nu));
        if (exact < 1e-10) continue;
        expect(relErr(1 - F.cdf(f, 2, nu), exact), `ν = ${nu}, f = ${f}`).toBeLessThan(1e-6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('χ²(k) both tails match the Poisson sum to 1e-6 for k up to 1e5', () => {
    let checked = 0;
    for (const k of [100, 1000, 10_000, 100_000]) {
      for (let z = -6.5; z <= 6.5; z += 1) {
        const x = k + z * Math.sqrt(2 * k);
        const upper = chisquareUpperTail(x, k / 2);
        const lower = 1 - upper;
        const c = chisquare.cdf(x, k);
        const [got, exact] = upper < lower ? [1 - c, upper] : [c, lower];
        if (exact < 1e-10) continue;
        expect(relErr(got, exact), `k = ${k}, x = ${x}`).toBeLessThan(1e-6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('normal CDF matches tabulated values to 1e-6 down to 4e-11 and the quantile inverts it', () => {
    const table: [number, number][] = [[-1, 0.15865525393145707], [-3, 0.0013498980316300933], [-5.5, 1.898956246588768e-8], [-6.5, 4.016000583859088e-11]];
    for (const [x, p] of table) expect(relErr(normal.cdf(x, 0, 1), p), `x = ${x}`).toBeLessThan(1e-6);
    for (const p of [1e-10, 1e-8, 1e-6, 0.01, 0.3]) expect(relErr(normal.cdf(normal.quantile(p, 0, 1), 0, 1), p), `p = ${p}`).toBeLessThan(1e-6);
    expect(normal.cdf(2, 1, 0.5)).toBeCloseTo(normal.cdf(2, 0, 1), 15);
  });
});
