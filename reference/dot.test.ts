// The BigInt dot products behind the reference's real matrix products: bit-identical to the Decimal
// loop s = s + a_k·b_k (so the committed vectors do not change), including ties, cancellation to
// zero, operands longer than the precision and wide exponent ranges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { context, realOps } from './index.js';
import { sequentialDot, toScaled } from './dot.js';
import { matrixOps, realField } from './matrix.js';

/** A decimal from digits, a scale and a sign; short ones make exact ties and cancellations likely. */
const decimal = fc.record({ digits: fc.bigInt({ min: 0n, max: 10n ** 80n }), short: fc.integer({ min: 0, max: 3 }), exp: fc.integer({ min: -40, max: 40 }), neg: fc.boolean() });

describe('sequentialDot (reference/dot.ts)', () => {
  it('equals the Decimal loop bit for bit (value, digits and sign of zero) at 6, 20 and 50 digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(6, 20, 50), fc.array(fc.tuple(decimal, decimal), { minLength: 1, maxLength: 9 }), fc.boolean(), (digits, pairs, cancel) => {
        const ctx = context({ digits });
        const make = (x: { digits: bigint; short: number; exp: number; neg: boolean }) => {
          const s = x.short === 0 ? x.digits.toString() : (x.digits % 10n ** BigInt(x.short)).toString();
          return new ctx.D(`${x.neg ? '-' : ''}${s}e${x.exp}`);
        };
        const a = pairs.map(([x]) => make(x));
        const b = pairs.map(([, y]) => make(y));
        if (cancel && a.length > 1) [a[1], b[1]] = [a[0].neg(), b[0]];
        const loop = a.reduce((s, x, k) => s.plus(x.times(b[k])), ctx.zero);
        const got = sequentialDot(a.map(toScaled), b.map(toScaled), ctx.D, () => loop);
        expect(got.toString()).toBe(loop.toString());
        expect(got.isNegative()).toBe(loop.isNegative());
      }),
      params(300),
    );
  });

  it('realOps products equal the generic Decimal matrix operations bit for bit', () => {
    const ctx = context({ digits: 30 });
    const fast = realOps(ctx);
    const generic = matrixOps(realField(ctx), ctx);
    const entry = fc.integer({ min: -1e6, max: 1e6 }).map((k) => new ctx.D(k).div(7777));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })), (A) => {
        const X = A.map((row, i) => row.map((_, j) => A[Math.min(i, j)][Math.max(i, j)]));
        const same = (P: typeof A, Q: typeof A) => expect(P.map((r) => r.map(String))).toEqual(Q.map((r) => r.map(String)));
        same(fast.mul(A, X), generic.mul(A, X));
        same(fast.congruence(A, X), generic.congruence(A, X));
        expect(fast.mulVec(A, X[0]).map(String)).toEqual(generic.mulVec(A, X[0]).map(String));
      }),
      params(40),
    );
  });
});
