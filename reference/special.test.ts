// Unit tests of the reference's scalar functions: expm1/log1p near 0, complex branches, φ and ψ.
import { describe, expect, it } from 'vitest';
import type { Decimal } from 'decimal.js';
import { Complex, context, expm1, log1p, phi, psiPhase } from './index.js';

const ctx = context({ digits: 50 });
const hi = context({ digits: 120 });
const D = (x: string | number) => new ctx.D(x);

/** Significant digits on which a and b agree. */
function agree(a: Decimal, b: Decimal): number {
  const diff = a.minus(b).abs();
  if (diff.isZero()) return Infinity;
  return -Math.log10(diff.div(b.abs()).toNumber());
}

describe('expm1 and log1p keep full relative accuracy near 0', () => {
  for (const x of ['1e-40', '-3e-20', '1e-5', '-0.3', '0.49', '0.7', '-2.5', '40']) {
    it(`x = ${x}`, () => {
      // Reference values at 120 digits, where exp(x) − 1 has enough digits to spare.
      const e = new hi.D(x).exp().minus(1);
      const l = new hi.D(x).gt(-1) ? new hi.D(x).plus(1).ln() : null;
      expect(agree(expm1(D(x)), e)).toBeGreaterThan(ctx.digits);
      if (l) expect(agree(log1p(D(x)), l)).toBeGreaterThan(ctx.digits);
    });
  }
});

describe('Complex', () => {
  it('principal log of a negative real is ln|x| + iπ (so ℓ = −ln|m| − iπ for m < 0)', () => {
    const z = new Complex(D(-2), D(0)).log();
    expect(agree(z.re, D(2).ln())).toBeGreaterThan(ctx.digits);
    expect(agree(z.im, ctx.pi)).toBeGreaterThan(ctx.digits);
    const w = new Complex(D(-2), D(0).neg()).log(); // −0 imaginary part: still +π
    expect(w.im.gt(0)).toBe(true);
  });

  it('exp(log z) = z and sqrt(z)² = z off the branch cut', () => {
    for (const [re, im] of [['0.3', '-1.7'], ['-4', '0.25'], ['2', '0'], ['-9', '0']]) {
      const z = new Complex(D(re), D(im));
      const back = z.log().exp();
      expect(back.sub(z).abs().lte(z.abs().times('1e-55'))).toBe(true);
      const s = z.sqrt();
      expect(s.re.gte(0)).toBe(true);
      expect(s.mul(s).sub(z).abs().lte(z.abs().times('1e-55'))).toBe(true);
    }
  });

  it('expm1 of a tiny complex argument is accurate (no cancellation)', () => {
    const z = new Complex(D('1e-30'), D('-2e-30'));
    const e = z.expm1();
    // e^z − 1 = z + z²/2 + …: relative error of the leading term is ~|z|.
    expect(e.sub(z).abs().div(z.abs()).lte('1e-29')).toBe(true);
    expect(e.sub(z.add(z.mul(z).scale(D(0.5)))).abs().lte(z.abs().pow(3))).toBe(true);
  });

  it('division by zero throws instead of returning NaN', () => {
    expect(() => new Complex(D(1), D(0)).div(new Complex(D(0), D(0)))).toThrow(RangeError);
  });
});

describe('φ and ψ', () => {
  it('φ(0) = 1 and φ(z) → 1 + z/2 near 0 (C10: no 0/0)', () => {
    expect(phi(new Complex(D(0), D(0))).re.eq(1)).toBe(true);
    const z = new Complex(D('1e-45'), D(0));
    expect(phi(z).re.minus(1).minus(D('5e-46')).abs().lte('1e-60')).toBe(true);
  });

  it('ψ(y − iπp) equals (1 − e^{−z})/z computed in complex arithmetic', () => {
    for (const [y, p] of [['0.7', 0], ['-1.3', 1], ['2.2', 2], ['1e-40', 0], ['0', 3]] as [string, number][]) {
      const z = new Complex(D(y), ctx.pi.times(-p));
      const want = z.neg().exp().neg().add(new Complex(D(1), D(0))).div(z);
      const got = psiPhase(D(y), p, ctx);
      expect(got.sub(want).abs().lte(want.abs().times('1e-40'))).toBe(true);
    }
  });
});
