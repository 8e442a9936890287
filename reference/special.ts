/**
 * Real elementary functions that decimal.js lacks, evaluated without cancellation:
 * expm1 and log1p (accurate relative to their result near 0). Each works at the precision
 * of its argument's constructor.
 */
import type { Decimal } from 'decimal.js';

function ctorOf(x: Decimal): Decimal.Constructor {
  return x.constructor as Decimal.Constructor;
}

/** e^x − 1, accurate to working precision relative to the result for every x (Taylor series for |x| ≤ 1/2). */
export function expm1(x: Decimal): Decimal {
  const D = ctorOf(x);
  if (x.isZero()) return new D(0);
  if (x.abs().gt(0.5)) return x.exp().minus(1);
  const tiny = new D(10).pow(-(D.precision + 2));
  let term = x;
  let sum = x;
  for (let k = 2; term.abs().gt(tiny.times(sum.abs())); k++) {
    term = term.times(x).div(k);
    sum = sum.plus(term);
  }
  return sum;
}

/**
 * ln(1 + x) for x > −1, accurate relative to the result near 0: 2 atanh(u), u = x/(2 + x),
 * summed as a series for |x| ≤ 1/2 (|u| ≤ 1/3).
 */
export function log1p(x: Decimal): Decimal {
  const D = ctorOf(x);
  if (x.isZero()) return new D(0);
  if (x.abs().gt(0.5)) return x.plus(1).ln();
  const u = x.div(x.plus(2));
  const u2 = u.times(u);
  const tiny = new D(10).pow(-(D.precision + 2));
  let power = u;
  let sum = u;
  for (let k = 3; power.abs().gt(tiny.times(sum.abs())); k += 2) {
    power = power.times(u2);
    sum = sum.plus(power.div(k));
  }
  return sum.times(2);
}
