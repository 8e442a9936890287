/**
 * Complex numbers over decimal.js. A value works at the precision of the Decimal constructor
 * of its parts (one {@link Ctx} per computation); values are immutable.
 */
import type { Decimal } from 'decimal.js';
import { expm1 } from './special.js';

export class Complex {
  constructor(
    readonly re: Decimal,
    readonly im: Decimal,
  ) {}

  /** The real number x as a complex value. */
  static real(x: Decimal): Complex {
    return new Complex(x, x.times(0).abs());
  }

  /** The Decimal constructor (precision) this value computes with. */
  get D(): Decimal.Constructor {
    return this.re.constructor as Decimal.Constructor;
  }

  isZero(): boolean {
    return this.re.isZero() && this.im.isZero();
  }

  isReal(): boolean {
    return this.im.isZero();
  }

  add(o: Complex): Complex {
    return new Complex(this.re.plus(o.re), this.im.plus(o.im));
  }

  sub(o: Complex): Complex {
    return new Complex(this.re.minus(o.re), this.im.minus(o.im));
  }

  mul(o: Complex): Complex {
    return new Complex(this.re.times(o.re).minus(this.im.times(o.im)), this.re.times(o.im).plus(this.im.times(o.re)));
  }

  /** Multiplication by a real scalar. */
  scale(s: Decimal): Complex {
    return new Complex(this.re.times(s), this.im.times(s));
  }

  /** Division; throws RangeError on division by zero (callers check singular cases first). */
  div(o: Complex): Complex {
    if (o.isZero()) throw new RangeError('complex division by zero');
    if (o.im.isZero()) return new Complex(this.re.div(o.re), this.im.div(o.re));
    const den = o.re.times(o.re).plus(o.im.times(o.im));
    return new Complex(
      this.re.times(o.re).plus(this.im.times(o.im)).div(den),
      this.im.times(o.re).minus(this.re.times(o.im)).div(den),
    );
  }

  neg(): Complex {
    return new Complex(this.re.neg(), this.im.neg());
  }

  conj(): Complex {
    return new Complex(this.re, this.im.neg());
  }

  /** |z| (without overflow concerns: Decimal's exponent range is ±9e15). */
  abs(): Decimal {
    if (this.im.isZero()) return this.re.abs();
    if (this.re.isZero()) return this.im.abs();
    return this.re.times(this.re).plus(this.im.times(this.im)).sqrt();
  }

  exp(): Complex {
    const r = this.re.exp();
    if (this.im.isZero()) return new Complex(r, this.im.abs());
    return new Complex(r.times(this.im.cos()), r.times(this.im.sin()));
  }

  /** e^z − 1, accurate relative to |e^z − 1| near z = 0: Re = expm1(x) cos y − 2 sin²(y/2), Im = e^x sin y. */
  expm1(): Complex {
    const x = this.re;
    const y = this.im;
    if (y.isZero()) return new Complex(expm1(x), y.abs());
    const h = y.div(2).sin();
    const re = expm1(x).times(y.cos()).minus(h.times(h).times(2));
    return new Complex(re, x.exp().times(y.sin()));
  }

  /**
   * Principal logarithm: ln|z| + i Arg z with Arg z ∈ (−π, π]. A negative real z (zero imaginary
   * part of either sign) gets Arg = +π, so −Log m = −ln|m| − iπ for m < 0 (spec/models.md §1–§2).
   */
  log(): Complex {
    if (this.isZero()) throw new RangeError('log of zero');
    const D = this.D;
    if (this.im.isZero()) {
      return new Complex(this.re.abs().ln(), this.re.isPositive() ? new D(0) : D.acos(-1));
    }
    return new Complex(this.abs().ln(), D.atan2(this.im, this.re));
  }

  /** Principal square root (Re ≥ 0; branch cut on the negative real axis, which maps to +i√|x|). */
  sqrt(): Complex {
    const D = this.D;
    if (this.isZero()) return new Complex(new D(0), new D(0));
    const r = this.abs();
    if (this.re.gte(0)) {
      const t = r.plus(this.re).div(2).sqrt();
      return new Complex(t, this.im.div(t.times(2)));
    }
    const t = r.minus(this.re).div(2).sqrt();
    return new Complex(this.im.abs().div(t.times(2)), this.im.isNegative() && !this.im.isZero() ? t.neg() : t);
  }

  toString(): string {
    return `${this.re.toString()} + ${this.im.toString()}i`;
  }
}
