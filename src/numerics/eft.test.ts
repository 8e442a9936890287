/**
 * TwoSum and TwoProduct (spec/numerics.md) against the exact remainder a + b − fl(a + b) and
 * a·b − fl(a·b), computed in decimal arithmetic wide enough to hold every double exactly.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../../properties/budget.js';
import { exactDecimal } from '../../test/differential.support.js';
import { twoProductErr, twoSumErr } from './eft.js';

// 2200 digits: a double is m·2^e with |e| ≤ 1074, exact in ≤ 1100 decimal digits; a product of two, ≤ 2200.
const D = Decimal.clone({ precision: 2200 });
const X = (x: number) => exactDecimal(x, D);

/** Doubles of every magnitude the library feeds in (η, a, ηa, m), signs and exponents mixed. */
const dbl = fc.oneof(
  fc.double({ min: -4, max: 4, noNaN: true }),
  fc.double({ min: -1e150, max: 1e150, noNaN: true, noDefaultInfinity: true }),
  fc.tuple(fc.double({ min: 1, max: 2, noNaN: true }), fc.integer({ min: -80, max: 80 }), fc.boolean()).map(([f, e, s]) => (s ? -1 : 1) * f * 2 ** e),
);

describe('error-free transformations', () => {
  it('TwoSum returns exactly a + b − fl(a + b)', () => {
    fc.assert(
      fc.property(dbl, dbl, (a, b) => {
        const s = a + b;
        fc.pre(Number.isFinite(s));
        const err = twoSumErr(a, b, s);
        expect(X(err).eq(X(a).plus(X(b)).minus(X(s)))).toBe(true);
      }),
      params(300),
    );
  });

  it('TwoProduct returns exactly a·b − fl(a·b) (no underflow of the low part)', () => {
    fc.assert(
      fc.property(dbl, dbl, (a, b) => {
        const p = a * b;
        // Exact while a, b and a·b stay far above the subnormal range (Dekker; the low halves are ~2^−27 a).
        const normal = (x: number) => x === 0 || Math.abs(x) > 1e-250;
        fc.pre(Number.isFinite(p) && normal(a) && normal(b) && (a === 0 || b === 0 || Math.abs(p) > 1e-250));
        const err = twoProductErr(a, b, p);
        expect(X(err).eq(X(a).times(X(b)).minus(X(p)))).toBe(true);
      }),
      params(300),
    );
  });

  it('the remainders are nonzero where rounding happened: 1 + 2^−60 and (1 + 2^−30)²', () => {
    expect(twoSumErr(1, 2 ** -60, 1 + 2 ** -60)).toBe(2 ** -60);
    expect(twoSumErr(2 ** -60, 1, 1 + 2 ** -60)).toBe(2 ** -60);
    const a = 1 + 2 ** -30;
    expect(twoProductErr(a, a, a * a)).toBe(2 ** -60);
    expect(twoProductErr(-a, a, -a * a)).toBe(-(2 ** -60));
  });
});
