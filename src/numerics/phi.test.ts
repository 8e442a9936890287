/**
 * φ(z) = z/(1 − e^{−z}), g = 1/φ and SGD's geometric sum on z = x − iπn, against closed forms
 * evaluated in 60-digit decimal arithmetic (spec/models.md §1–§6). Errors in eps, relative to |value|.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../../properties/budget.js';
import { exactDecimal } from '../../test/differential.support.js';
import { geometricSum, invPhiInto, phiInto } from './phi.js';

const D = Decimal.clone({ precision: 60 });
const X = (x: number) => exactDecimal(x, D);

/** e^y − 1 without cancellation (series for |y| < 1e−5). */
function expm1Exact(y: Decimal): Decimal {
  if (y.abs().gte(1e-5)) return y.exp().minus(1);
  let term = y, sum = y;
  for (let j = 2; j < 16; j++) {
    term = term.times(y).div(j);
    sum = sum.plus(term);
  }
  return sum;
}
const PI = D.acos(-1);
const EPS = Number.EPSILON;

/** Exact φ(x − iπn) = (x − iπn) / (1 − (−1)^n e^{−x}) as [re, im]. */
function phiExact(x: number, n: number): [Decimal, Decimal] {
  const den = n % 2 === 0 ? expm1Exact(X(-x)).neg() : new D(1).plus(X(-x).exp());
  return [X(x).div(den), PI.times(-n).div(den)];
}

function relErr(got: { re: number; im: number }, [re, im]: [Decimal, Decimal]): number {
  const dr = X(got.re).minus(re), di = X(got.im).minus(im);
  const num = dr.times(dr).plus(di.times(di)).sqrt();
  const den = re.times(re).plus(im.times(im)).sqrt();
  return num.div(den).div(EPS).toNumber();
}

const xs = fc.oneof(
  fc.double({ min: -700, max: 700, noNaN: true }),
  fc.integer({ min: -300, max: -1 }).chain((e) => fc.constantFrom(10 ** e, -(10 ** e))),
);

describe('φ and g on z = x − iπn', () => {
  it('φ is within 4 eps of the closed form for n = 0, 1, 2 (poles excluded)', () => {
    fc.assert(
      fc.property(xs, fc.integer({ min: 0, max: 2 }), (x, n) => {
        // Poles (x = 0, n = 2) and their 1e−290-neighbourhood, where φ ≈ −2πi/x overflows, excluded.
        fc.pre(!(x === 0 && n !== 1) && !(n === 2 && Math.abs(x) < 1e-290));
        const got = phiInto(x, n, { re: 0, im: 0 });
        expect(relErr(got, phiExact(x, n))).toBeLessThanOrEqual(4);
      }),
      params(300),
    );
  });

  it('φ(0) = 1 and φ = 0 where e^{−x} overflows', () => {
    expect(phiInto(0, 0, { re: 0, im: 0 })).toEqual({ re: 1, im: 0 });
    const far = phiInto(-800, 2, { re: 0, im: 0 });
    // |φ| < |z| e^{−800}: both parts are zero (of either sign).
    expect([Math.abs(far.re), Math.abs(far.im)]).toEqual([0, 0]);
  });

  it('g = 1/φ is within 4 eps of the closed form, also at large k·n', () => {
    fc.assert(
      fc.property(xs, fc.integer({ min: -3000, max: 3000 }), (x, n) => {
        // |x| > 1e−290: below it g's parts underflow (x·g ≈ x/(πn)²).
        fc.pre(!(x === 0 && n !== 0 && n % 2 === 0) && Math.abs(x) < 700 && (x === 0 || Math.abs(x) > 1e-290));
        const got = invPhiInto(x, n, { re: 0, im: 0 });
        if (x === 0 && n === 0) return expect(got).toEqual({ re: 1, im: 0 });
        const [pr, pi] = phiExact(x, n);
        const m2 = pr.times(pr).plus(pi.times(pi));
        expect(relErr(got, [pr.div(m2), pi.neg().div(m2)])).toBeLessThanOrEqual(4);
      }),
      params(300),
    );
  });

  it('g = 1/φ stays within 4 eps where x² + π²n² would overflow (x = 1e200) or π²n²/x would (x ~ 1e−307)', () => {
    for (const [x, n] of [[1e200, 1], [1e200, 2], [1e200, 7], [4e-308, 1], [-4e-308, 3], [1e-307, 2]] as const) {
      const got = invPhiInto(x, n, { re: 0, im: 0 });
      const [pr, pi] = phiExact(x, n);
      const m2 = pr.times(pr).plus(pi.times(pi));
      expect(relErr(got, [pr.div(m2), pi.neg().div(m2)]), `x = ${x}, n = ${n}`).toBeLessThanOrEqual(4);
    }
  });

  it('exact values on the imaginary axis: φ(−iπ) = −iπ/2, g(−iπn) = 2i/(πn) (n odd), 0 (n even); Σ_{r<k} p^r at p = ±1', () => {
    expect(phiInto(0, 1, { re: 0, im: 0 })).toEqual({ re: 0, im: -Math.PI / 2 });
    for (const n of [1, -1, 3]) {
      const g = invPhiInto(0, n, { re: 0, im: 0 });
      expect([Math.abs(g.re), g.im]).toEqual([0, 2 / (Math.PI * n)]);
    }
    for (const n of [2, -2, 4]) {
      const g = invPhiInto(0, n, { re: 0, im: 0 });
      expect([Math.abs(g.re), Math.abs(g.im)]).toEqual([0, 0]);
    }
    for (const k of [0, 1, 2, 7]) {
      expect(geometricSum(0, 0, k)).toBe(k); // p = 1
      expect(geometricSum(0, 2, k)).toBe(k); // p = e^{2πi} = 1
      expect(geometricSum(0, 1, k)).toBe(k % 2); // p = −1: 1, 0, 1, 0, …
    }
  });

  it('geometric sum (1 − p^k)/(1 − p), p = (−1)^n e^{−x}, within (8 + |kx|/2) eps (k = 1 … 10⁴)', () => {
    // |kx|/2 eps: the rounding of the product k·x (½ ulp), amplified by d/dw e^{w} = e^{w}.
    fc.assert(
      fc.property(fc.double({ min: -0.05, max: 5, noNaN: true }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 10_000 }), (x, n, k) => {
        fc.pre(Math.abs(k * x) < 700);
        const got = geometricSum(x, n, k);
        const sign = new D(-1).pow(n);
        const oneMinus = (y: Decimal, s: Decimal) => (s.eq(1) ? expm1Exact(y.neg()).neg() : new D(1).plus(y.neg().exp()));
        const exact = x === 0 && n % 2 === 0 ? new D(k) : oneMinus(X(x).times(k), sign.pow(k)).div(oneMinus(X(x), sign));
        if (exact.isZero()) return expect(got).toBe(0); // p = −1, k even
        const err = X(got).minus(exact).abs().div(exact.abs()).div(EPS).toNumber();
        expect(err).toBeLessThanOrEqual(8 + Math.abs(k * x) / 2);
      }),
      params(200),
    );
  });

  it('the naive φ = z/(1 − exp(−z)) loses ~1e3 relative accuracy at z = 1e−13, the library does not', () => {
    const x = 1e-13;
    const naive = x / (1 - Math.exp(-x));
    const exact = phiExact(x, 0);
    expect(relErr({ re: naive, im: 0 }, exact)).toBeGreaterThan(1e11);
    expect(relErr(phiInto(x, 0, { re: 0, im: 0 }), exact)).toBeLessThanOrEqual(1);
  });
});
