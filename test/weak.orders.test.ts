/**
 * Order fitting (issue #5 item 4): least-squares slopes against closed-form power laws, the
 * "exact" verdict, and the pre-asymptotic diagnostic.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { EXACT_BELOW, fitOrder, lsSlope } from '../src/weak/orders.js';

const ETAS = [0.1, 0.05, 0.025, 0.0125];

describe('fitOrder', () => {
  it('recovers p from C η^p exactly (to rounding: 1e-12 on slopes of logs of order 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 4, noNaN: true }), fc.double({ min: 1e-8, max: 1e3, noNaN: true }), fc.boolean(), (p, C, neg) => {
        const fit = fitOrder(ETAS, ETAS.map((e) => (neg ? -C : C) * e ** p));
        expect(typeof fit.order).toBe('number');
        expect(Math.abs((fit.order as number) - p)).toBeLessThan(1e-12);
        expect(fit.preAsymptotic).toBe(false);
      }),
      params(100),
    );
  });

  it('says "exact" only when every |error| < 1e-30', () => {
    expect(fitOrder(ETAS, [1e-40, -3e-35, 0, 2e-31]).order).toBe('exact');
    expect(fitOrder(ETAS, [1e-40, -3e-35, 0, 2 * EXACT_BELOW]).order).not.toBe('exact');
  });

  it('flags data whose local slopes differ by more than 0.1 as pre-asymptotic', () => {
    // η + 10η²: local slopes ≈ 1.6, 1.4, 1.2 (mixed orders).
    const fit = fitOrder(ETAS, ETAS.map((e) => e + 10 * e * e));
    expect(fit.preAsymptotic).toBe(true);
    expect(fit.localSlopes).toHaveLength(3);
  });

  it('lsSlope refuses degenerate input', () => {
    expect(() => lsSlope([1], [1])).toThrow(RangeError);
    expect(() => lsSlope([1, 1], [1, 2])).toThrow(RangeError);
  });
});
