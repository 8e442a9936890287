/**
 * Per-eigenvalue step quantities against exact decimal arithmetic on the exact doubles:
 * Re ℓ = −ln|1 − ηa| (principal branch, spec/models.md §1–§2), T's eigenvalue ℓ/(ηa), and the pair
 * quantities m_i m_j − 1 and ℓ_i + ℓ_j near the removable singularity (C10) and φ's poles.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../../properties/budget.js';
import { exactDecimal } from '../../test/differential.support.js';
import { pairLogSum, powerOfM, productMinusOne, stepLogs } from './stepLog.js';

const D = Decimal.clone({ precision: 80 });
const X = (x: number) => exactDecimal(x, D);
const EPS = Number.EPSILON;

/** ηa spread over every regime: tiny, near 1 (m → 0), near 2 (m → −1), large, negative. */
const etaA = fc.record({
  eta: fc.oneof(fc.constant(1), fc.double({ min: 1e-12, max: 4, noNaN: true })),
  x: fc.oneof(
    fc.double({ min: -50, max: 50, noNaN: true }),
    fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
    fc.integer({ min: 1, max: 3 }).chain((c) => fc.double({ min: -1e-9, max: 1e-9, noNaN: true }).map((t) => c + t)),
  ),
});

function relEps(got: number, exact: Decimal): number {
  if (exact.isZero()) return got === 0 ? 0 : Infinity;
  return X(got).minus(exact).div(exact).abs().div(EPS).toNumber();
}

describe('step logs', () => {
  it('Re ℓ = −ln|m| within 2 eps relative, with m = 1 − ηa exact, and the branch n = [m < 0]', () => {
    fc.assert(
      fc.property(etaA, ({ eta, x }) => {
        const a = x / eta;
        const m = new D(1).minus(X(eta).times(X(a)));
        fc.pre(!m.isZero() && (x === 0 || Math.abs(x) > 1e-60)); // the 80-digit oracle resolves ln(1 − 1e−60)
        const s = stepLogs(Float64Array.of(a), eta);
        expect(s.n[0]).toBe(m.isNegative() ? 1 : 0);
        expect(relEps(s.lre[0], m.abs().ln().neg())).toBeLessThanOrEqual(2);
      }),
      params(400),
    );
  });

  it('m_i m_j − 1 within 4 eps relative (+ 4 eps² (1 + |x_i|)(1 + |x_j|) absolute) where it cancels (C10, poles)', () => {
    // The absolute floor is the rounding of the O(eps)-sized cross terms x_i·xl_j; below it the
    // eigensolver's own error (≥ eps·η‖H‖ in m) dominates anyway.
    const pair = fc.record({ eta: fc.double({ min: 0.01, max: 4, noNaN: true }), mu: fc.double({ min: 0.1, max: 10, noNaN: true }), neg: fc.boolean(), t: fc.double({ min: -1e-6, max: 1e-6, noNaN: true }) });
    fc.assert(
      fc.property(pair, ({ eta, mu, neg, t }) => {
        // m_0 = ±μ, m_1 = ±(1 + t)/μ: product 1 + t.
        const m0 = neg ? -mu : mu, m1 = (neg ? -(1 + t) : 1 + t) / mu;
        const a = Float64Array.of((1 - m0) / eta, (1 - m1) / eta);
        const s = stepLogs(a, eta);
        const em = (i: number) => new D(1).minus(X(eta).times(X(a[i])));
        const exact = em(0).times(em(1)).minus(1);
        fc.pre(!exact.isZero());
        const floor = 4 * EPS * EPS * (1 + Math.abs(s.x[0])) * (1 + Math.abs(s.x[1]));
        const err = X(productMinusOne(s, 0, 1)).minus(exact).abs().toNumber();
        expect(err).toBeLessThanOrEqual(4 * EPS * Math.abs(exact.toNumber()) + floor);
        if (!neg && Math.abs(exact.toNumber()) > 1e-12) expect(relEps(pairLogSum(s, 0, 1), em(0).times(em(1)).ln().neg())).toBeLessThanOrEqual(4);
      }),
      params(300),
    );
  });

  it('ℓ_i + ℓ_j by the difference of logs would cancel: the library keeps relative accuracy at 1e−13 from C10', () => {
    const eta = 0.5, a0 = -2, a1 = 1 + 1e-13; // m0 = 2, m1 = 1/2 − 5e−14
    const s = stepLogs(Float64Array.of(a0, a1), eta);
    const em = (a: number) => new D(1).minus(X(eta).times(X(a)));
    const exact = em(a0).times(em(a1)).ln().neg();
    expect(relEps(pairLogSum(s, 0, 1), exact)).toBeLessThanOrEqual(4);
    expect(relEps(s.lre[0] + s.lre[1], exact)).toBeGreaterThan(100);
  });

  it('m^k within (4 + 4k|Re ℓ|) eps of (1 − ηa)^k, exact m or not, both signs of m, odd and even k', () => {
    // e^{−k Re ℓ}: Re ℓ's 2 eps relative error becomes 2k|Re ℓ| eps; a power of an exact m, ~1 ulp.
    fc.assert(
      fc.property(etaA, fc.integer({ min: 0, max: 100_000 }), ({ eta, x }, k) => {
        const a = x / eta;
        const m = new D(1).minus(X(eta).times(X(a)));
        const s = stepLogs(Float64Array.of(a), eta);
        fc.pre(!m.isZero() && Math.abs(k * s.lre[0]) < 700);
        const exact = m.pow(k);
        expect(relEps(powerOfM(s, 0, k), exact)).toBeLessThanOrEqual(4 + 4 * k * Math.abs(s.lre[0]));
      }),
      params(300),
    );
  });
});
