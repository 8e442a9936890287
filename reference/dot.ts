/**
 * Dot products for the reference's real matrix products, bit-identical to the Decimal loop
 * `s = 0; for k: s = s.plus(a_k.times(b_k))` at precision p (round half even), but computed on
 * scaled BigInts: each product and each partial sum is rounded to p significant digits exactly as
 * decimal.js rounds them (decimal.js returns correctly rounded products and sums), without a
 * Decimal object per operation. Only the result is converted back to a Decimal.
 */
import type { Decimal } from 'decimal.js';
import type { RealMatrix } from './matrix.js';

/** x = m·10^e exactly (m = 0n for x = 0); n is the number of decimal digits of |m| (0 for 0). */
export interface Scaled {
  readonly m: bigint;
  readonly e: number;
  readonly n: number;
}

const ZERO: Scaled = { m: 0n, e: 0, n: 0 };

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i++) POW10.push(POW10[i - 1] * 10n);
  return POW10[k];
}

/**
 * Exponent gaps beyond this many digits (data spanning more than ~10^±1000 within one sum) fall
 * back to Decimal arithmetic, so the integers stay small.
 */
const MAX_SHIFT = 2000;

/** Conversions already made (Decimals are immutable; eigenvectors enter several products). */
const converted = new WeakMap<Decimal, Scaled>();

/** A finite Decimal as an exact scaled integer (decimal.js stores base-10^7 words `d` and the exponent `e`). */
export function toScaled(x: Decimal): Scaled {
  if (x.isZero()) return ZERO;
  if (!x.isFinite()) throw new RangeError(`dot product of a non-finite value ${x.toString()}`);
  const known = converted.get(x);
  if (known) return known;
  const words = x.d;
  let s = String(words[0]);
  for (let i = 1; i < words.length; i++) s += String(words[i]).padStart(7, '0');
  const m = BigInt(s);
  const scaled = { m: x.isNegative() ? -m : m, e: x.e - (s.length - 1), n: s.length };
  converted.set(x, scaled);
  return scaled;
}

/** Digits of |m| > 0 given an upper bound `atMost` (found by comparisons with powers of ten). */
function digitCount(abs: bigint, atMost: number): number {
  let n = atMost;
  for (let steps = 0; n > 1 && abs < pow10(n - 1); n--) if (++steps > 8) return abs.toString().length; // deep cancellation
  return n;
}

/** m·10^e (|m| with at most `atMost` digits) rounded to p significant digits, round half even (decimal.js's ROUND_HALF_EVEN). */
function round(m: bigint, e: number, atMost: number, p: number): Scaled {
  if (m === 0n) return ZERO;
  const neg = m < 0n;
  const abs = neg ? -m : m;
  const n = digitCount(abs, atMost);
  if (n <= p) return { m, e, n };
  const k = n - p;
  const unit = pow10(k);
  let q = abs / unit;
  const twice = (abs - q * unit) * 2n;
  if (twice > unit || (twice === unit && (q & 1n) === 1n)) q += 1n;
  // q = 10^p after rounding up has p + 1 digits; it is still exact (the value 10^(p + k + e)).
  return { m: neg ? -q : q, e: e + k, n: q === pow10(p) ? p + 1 : p };
}

/** a·b rounded to p significant digits, as decimal.js's times at precision p (round half even). */
export function roundedProduct(a: Scaled, b: Scaled, p: number): Scaled {
  return a.m === 0n || b.m === 0n ? ZERO : round(a.m * b.m, a.e + b.e, a.n + b.n, p);
}

/**
 * Σ_k a_k b_k with every product and partial sum rounded to D's precision (round half even), as
 * the Decimal loop would; `fallback` computes the same loop in Decimal for extreme exponent gaps.
 */
export function sequentialDot(a: readonly Scaled[], b: readonly Scaled[], D: Decimal.Constructor, fallback: () => Decimal): Decimal {
  if (D.rounding !== 6) return fallback(); // only ROUND_HALF_EVEN is emulated
  const p = D.precision;
  let s = ZERO;
  for (let k = 0; k < a.length; k++) {
    if (a[k].m === 0n || b[k].m === 0n) continue; // s + (±0) = s
    const t = round(a[k].m * b[k].m, a[k].e + b[k].e, a[k].n + b[k].n, p);
    if (s.m === 0n) {
      s = t;
      continue;
    }
    const e = Math.min(s.e, t.e);
    if (Math.max(s.e, t.e) - e > MAX_SHIFT) return fallback();
    const bound = Math.max(s.n + s.e, t.n + t.e) - e + 1;
    s = round((s.e === e ? s.m : s.m * pow10(s.e - e)) + (t.e === e ? t.m : t.m * pow10(t.e - e)), e, bound, p);
  }
  return s.m === 0n ? new D(0) : new D(`${s.m}e${s.e}`);
}

/** A matrix's entries as scaled integers. */
export function scaledMatrix(A: RealMatrix): Scaled[][] {
  return A.map((row) => row.map(toScaled));
}

/** Columns of A as scaled integers (the rows of Aᵀ). */
export function scaledColumns(A: RealMatrix): Scaled[][] {
  const cols = A.length ? A[0].length : 0;
  return Array.from({ length: cols }, (_, j) => A.map((row) => toScaled(row[j])));
}
