/**
 * Gaussian tail probabilities to full relative precision (C20's escape probabilities, C21's power
 * design), without the cancellation of 1 − Φ and beyond jstat's erfc (whose relative error reaches
 * 1 past x ≈ 6). erfc by the Taylor series of erf for x < 1/2 and Laplace's continued fraction
 * erfc x = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) evaluated bottom-up (all terms
 * positive) for x ≥ 1/2, with e^{−x²} split so that x² is not rounded. Measured relative error
 * ≤ 4e-16 for erfc on [0, 26] against a 60-digit evaluation (gaussianTail.test.ts).
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** erf x for |x| < 1/2 by its Taylor series (alternating, terms shrink by x² ≤ 1/4 per step). */
function erfSmall(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 40; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * sum;
}

/** e^{−x²} without rounding x²: x = h + l with h = x rounded to 2⁻¹², x² = h² + (x − h)(x + h), h² exact. */
function expMinusSquare(x: number): number {
  const h = Math.round(x * 4096) / 4096;
  return Math.exp(-h * h) * Math.exp(-(x - h) * (x + h));
}

/** Complementary error function, relative error ≤ 4e-16 (measured) for every real x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 0.5) return 1 - erfSmall(x);
  if (x > 27.3) return 0; // erfc(27.3) < 1e-325: below the smallest subnormal
  // Depth for 1e-16 (measured: 800 terms at x = 1/2, 200 at 1, 100 at 2).
  const depth = Math.ceil(200 / (x * x)) + 50;
  let f = 0;
  for (let k = depth; k >= 1; k--) f = k / 2 / (x + f);
  return expMinusSquare(x) / SQRT_PI / (x + f);
}

/** Q(z) = P(N(0, 1) > z) = erfc(z/√2)/2; relative error ≲ (2 + z²) ulp (the rounding of z/√2). */
export function normalUpperTail(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

/** Φ(z) = P(N(0, 1) ≤ z) = Q(−z), accurate in the lower tail. */
export function normalCdf(z: number): number {
  return normalUpperTail(-z);
}

/**
 * P(|X| > r) for X ~ N(m, s²), r ≥ 0, as Q((r − m)/s) + Q((r + m)/s): two positive terms, so
 * small escape probabilities keep their relative precision; s = 0 gives the indicator of |m| > r.
 */
export function twoSidedExceedance(m: number, s: number, r: number): number {
  if (s === 0) return Math.abs(m) > r ? 1 : 0;
  // (r − m)/s + (r + m)/s ≥ 0, so the exact sum is ≤ 1; the clamp removes a rounding ulp.
  return Math.min(1, normalUpperTail((r - m) / s) + normalUpperTail((r + m) / s));
}
