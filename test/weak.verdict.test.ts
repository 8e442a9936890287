/**
 * Richardson limits and order verdicts (C14–C17, spec/weak.md §4): closed-form error expansions,
 * including the two shapes that produced false failures of C14 (issue 10 item 1), and injected
 * wrong orders that must fail.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { judgeOrder } from '../src/weak/orderVerdict.js';
import { richardsonLimit, richardsonWeights } from '../src/weak/richardson.js';

/** η = 0.1/2^j, j = first..first + n − 1 (coarse → fine). */
const halved = (first: number, n: number) => Array.from({ length: n }, (_, i) => 0.1 / 2 ** (first + i));
const ETAS = halved(3, 4);

describe('Richardson extrapolation on halvings', () => {
  it('level-L weights sum to 1 and annihilate η, …, η^L', () => {
    for (let L = 1; L <= 4; L++) {
      const w = richardsonWeights(L);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
      for (let k = 1; k <= L; k++) expect(Math.abs(w.reduce((s, wi, i) => s + wi * 2 ** (-k * i), 0))).toBeLessThan(1e-13);
    }
  });

  it('recovers C from C + aη + bη² + cη³ to rounding, and estimates its error', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 3, maxLength: 3 }), (C, [a, b, c]) => {
        const v = ETAS.map((e) => C + a * e + b * e * e + c * e ** 3);
        const lim = richardsonLimit(v);
        // Level 2 leaves c η³ terms: |error| ≤ the estimate, both tiny.
        expect(Math.abs(lim.value - C)).toBeLessThanOrEqual(lim.error + 1e-12);
        expect(lim.error).toBeLessThan(1e-3 * (Math.abs(c) + 1));
      }),
      params(100),
    );
  });

  it('propagates per-value error bounds', () => {
    const lim = richardsonLimit([1, 1, 1, 1], [1e-3, 1e-3, 1e-3, 1e-3]);
    expect(lim.value).toBeCloseTo(1, 14);
    const w = richardsonWeights(2);
    expect(lim.error).toBeCloseTo(1e-3 * w.reduce((s, x) => s + Math.abs(x), 0), 15);
  });
});

describe('judgeOrder (C14–C17 verdicts)', () => {
  it('holds on a small η² constant behind a large η³ term (SPF on C14 seed 12346: LS slope 2.7, err/η² → −3.2e-4)', () => {
    const v = judgeOrder(ETAS, ETAS.map((e) => -3.2e-4 * e * e - 0.25 * e ** 3 + 0.05 * e ** 4), 2);
    expect(v.fit.order as number).toBeGreaterThan(2.15);
    expect(v.verdict).toBe('holds');
    expect(v.constant!.value).toBeCloseTo(-3.2e-4, 9);
  });

  it('holds on the recorded SPF errors of C14 seed 12346 (exact engine, 30 digits), which the ±0.15 slope test failed', () => {
    const recorded = [-6.460406664238572e-7, -8.695524534358768e-8, -1.242763075111979e-8, -1.943497178792833e-9];
    const v = judgeOrder(ETAS, recorded, 2);
    expect(v.fit.order as number).toBeGreaterThan(2.5);
    expect(v.verdict).toBe('holds');
    expect(v.constant!.value).toBeCloseTo(-3.1965e-4, 7);
  });

  it('holds on an order-1 error that changes sign inside the window (SME-1 on C14: LS slope 0.48)', () => {
    const v = judgeOrder(ETAS, ETAS.map((e) => 1.297e-3 * e - 0.65 * e * e + 3 * e ** 3), 1);
    expect(Math.abs((v.fit.order as number) - 1)).toBeGreaterThan(0.15);
    expect(v.verdict).toBe('holds');
  });

  it('fails an injected order-1 error where order 2 is claimed, naming both orders', () => {
    const v = judgeOrder(ETAS, ETAS.map((e) => 0.05 * e + 0.3 * e * e), 2);
    expect(v.verdict).toBe('fails');
    expect(v.actual!.order).toBe(1);
    expect(v.why).toMatch(/order 1, expected 2/);
  });

  it('fails an order-2 error where order 1 is claimed, and "exact" claims with non-zero errors', () => {
    expect(judgeOrder(ETAS, ETAS.map((e) => 0.47 * e * e), 1).verdict).toBe('fails');
    expect(judgeOrder(ETAS, ETAS.map((e) => 0.47 * e * e), 'exact').verdict).toBe('fails');
    expect(judgeOrder(ETAS, [1e-40, -2e-38, 0, 3e-35], 'exact').verdict).toBe('holds');
    expect(judgeOrder(ETAS, [1e-40, -2e-38, 0, 3e-35], 2).verdict).toBe('fails');
  });

  it('is inconclusive, not failed, while an order-1 term hides under the order-2 one (pre-asymptotic mixture)', () => {
    const v = judgeOrder(ETAS, ETAS.map((e) => -3.2e-4 * e * e - 0.25 * e ** 3 + 1e-7 * e), 2);
    expect(v.verdict).toBe('inconclusive');
    expect(v.why).toMatch(/pre-asymptotic: local slopes/);
    // Refined far enough, the same error is a confident failure.
    const fine = halved(14, 4);
    expect(judgeOrder(fine, fine.map((e) => -3.2e-4 * e * e - 0.25 * e ** 3 + 1e-7 * e), 2).verdict).toBe('fails');
  });

  it('does not certify an order its engine noise cannot resolve', () => {
    const errs = ETAS.map((e) => 0.2 * e * e);
    expect(judgeOrder(ETAS, errs, 2, errs.map((e) => 0.5 * e)).verdict).toBe('inconclusive');
    expect(judgeOrder(ETAS, errs, 2, errs.map((e) => 1e-4 * e)).verdict).toBe('holds');
  });

  it('refuses step sizes that are not halvings', () => {
    expect(() => judgeOrder([0.1, 0.04, 0.02, 0.01], [1, 1, 1, 1], 2)).toThrow(RangeError);
  });
});
