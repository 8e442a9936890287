/**
 * Gaussian tails (C20, C21): erfc against a 60-digit evaluation (Taylor series of erf below 3,
 * Laplace's continued fraction above, decimal.js), and the two-sided exceedance P(|N(m, s²)| > r)
 * against the same at 60 digits, including probabilities far below 1e-16 where 1 − Φ cancels.
 */
import { describe, expect, it } from 'vitest';
import { context } from '../../reference/context.js';
import { erfc, normalCdf, twoSidedExceedance } from './gaussianTail.js';

const { D } = context({ digits: 60 });
type Dec = InstanceType<typeof D>;

function erfcDecimal(x: Dec): Dec {
  if (x.isNeg()) return new D(2).minus(erfcDecimal(x.neg()));
  const sqrtPi = D.acos(-1).sqrt();
  if (x.lt(3)) {
    const x2 = x.times(x);
    let t = x;
    let sum = new D(0);
    for (let n = 0; n < 800 && !t.isZero(); n++) {
      sum = sum.plus(t.div(2 * n + 1));
      t = t.times(x2).neg().div(n + 1);
      if (t.abs().lt(1e-80)) break;
    }
    return new D(1).minus(sum.times(2).div(sqrtPi));
  }
  let f = new D(0);
  for (let k = 800; k >= 1; k--) f = new D(k).div(2).div(x.plus(f));
  return x.times(x).neg().exp().div(sqrtPi).div(x.plus(f));
}

const rel = (got: number, exact: Dec) => (exact.isZero() ? Math.abs(got) : new D(got).minus(exact).abs().div(exact.abs()).toNumber());

describe('Gaussian tails to full relative precision (C20, C21)', () => {
  // Points j/64: exact in double and in their shortest decimal string, so the oracle sees the same x.
  it('erfc: relative error ≤ 4e-16 on [−3, 26]', () => {
    let worst = 0;
    for (let j = -192; j < 26 * 64; j += 11) worst = Math.max(worst, rel(erfc(j / 64), erfcDecimal(new D(j / 64))));
    for (const x of [0, 2 ** -1000, 0.5 - 2 ** -30, 0.5, 0.5 + 2 ** -30, 2 ** -27]) worst = Math.max(worst, rel(erfc(x), erfcDecimal(new D(x))));
    expect(worst).toBeLessThanOrEqual(4e-16);
    expect(erfc(28)).toBe(0);
    expect(erfc(-40)).toBe(2);
    expect(erfc(NaN)).toBeNaN();
  });

  // Tolerance: the rounding of z = (r ∓ m)/s alone moves Q(z) by a relative z·|δz| ≈ z²·ulp.
  it('P(|N(m, s²)| > r): relative error ≤ 4 ulp·(2 + z²), also where it is 1e-30 (1 − Φ would give 0)', () => {
    const cases: [number, number, number][] = [[0, 1, 1], [0.3, 0.05, 1], [1.5, 0.2, 1], [-2, 0.5, 1], [0.2, 0.08, 1], [0, 1e-3, 1e-3]];
    for (const [m, s, r] of cases) {
      const exact = erfcDecimal(new D(r).minus(m).div(s).div(new D(2).sqrt())).plus(erfcDecimal(new D(r).plus(m).div(s).div(new D(2).sqrt()))).div(2);
      const z = Math.min(Math.abs(r - m), Math.abs(r + m)) / s;
      expect(rel(twoSidedExceedance(m, s, r), exact)).toBeLessThanOrEqual(4 * 2 ** -52 * (2 + z * z));
    }
    expect(twoSidedExceedance(0.2, 0.08, 1)).toBeLessThan(1e-20);
    expect(twoSidedExceedance(0.2, 0.08, 1)).toBeGreaterThan(0);
    expect(twoSidedExceedance(2, 0, 1)).toBe(1);
    expect(twoSidedExceedance(0.5, 0, 1)).toBe(0);
    // Φ(−10) = 7.61985302416052606597…e-24 (tabulated); z = 10 allows 4 ulp·102.
    expect(Math.abs(normalCdf(-10) / 7.619853024160526e-24 - 1)).toBeLessThanOrEqual(4 * 2 ** -52 * 102);
  });
});
