/**
 * φ(z) = z / (1 − e^{−z}) and its reciprocal g(z) = (1 − e^{−z}) / z (spec/models.md §1–§2, §2) on the
 * arguments the library meets: z = x − iπn with x real and n an integer. Every ℓ_i has imaginary
 * part 0 or −π (principal branch), so every ℓ_i + ℓ_j, k(ℓ_i + ℓ_j) and ℓ_i + conj(ℓ_j) has this
 * form, and e^{−z} = (−1)^n e^{−x} EXACTLY. Carrying n as an integer instead of a rounded
 * imaginary part removes the error of a generic complex exp at Im z = −2πk (where
 * e^{−z} − 1 must cancel to O(x) near a pole) and gives 1 − e^{−z} as a real number:
 *   n even: 1 − e^{−z} = −expm1(−x)   (cancellation-free near x = 0)
 *   n odd:  1 − e^{−z} = 1 + e^{−x}    (no cancellation at all)
 * Results are written into a caller-owned pair to avoid allocation in O(d²) loops.
 */

/** Mutable complex pair written by the evaluators below. */
export interface ComplexOut {
  re: number;
  im: number;
}

/** 1 − e^{−z} for z = x − iπn (real: e^{−z} = (−1)^n e^{−x}). */
export function oneMinusExpNeg(x: number, n: number): number {
  return n % 2 === 0 ? -Math.expm1(-x) : 1 + Math.exp(-x);
}

/**
 * out ← φ(x − iπn). φ(0) = 1; at a pole (x = 0, n even ≠ 0) out ← NaN: callers exclude the
 * singular set (spec/claims.md C9) before evaluating.
 */
export function phiInto(x: number, n: number, out: ComplexOut): ComplexOut {
  const im = -Math.PI * n;
  if (x === 0 && n === 0) {
    out.re = 1;
    out.im = 0;
    return out;
  }
  // Where e^{−x} overflows (x < −709), den = ∞ and both parts come out as (signed) zeros:
  // |φ| < |z| e^{−|x|} is below the smallest subnormal.
  const den = oneMinusExpNeg(x, n);
  out.re = x / den;
  out.im = im / den;
  return out;
}

/** out ← g(x − iπn) = (1 − e^{−z}) / z, with g(0) = 1; g(z) = 0 at z = −2πik, k ≠ 0. */
export function invPhiInto(x: number, n: number, out: ComplexOut): ComplexOut {
  if (x === 0 && n === 0) {
    out.re = 1;
    out.im = 0;
    return out;
  }
  const num = oneMinusExpNeg(x, n);
  // num / (x − iπn) = num (x + iπn) / (x² + π²n²), scaled against overflow of x²
  // (n = 0 takes the first branch with r = 0, den = x: out = num/x exactly, Im = ±0).
  const y = Math.PI * n;
  if (Math.abs(x) >= Math.abs(y)) {
    const r = y / x, den = x + y * r;
    out.re = num / den;
    out.im = (num * r) / den;
  } else {
    const r = x / y, den = x * r + y;
    out.re = (num * r) / den;
    out.im = num / den;
  }
  return out;
}

/**
 * (1 − p^k) / (1 − p) for p = e^{−z}, z = x − iπn, i.e. the geometric sum Σ_{j<k} p^j of SGD's
 * covariance (spec/models.md §3–§6), evaluated as a ratio of two cancellation-free differences; = k at p = 1.
 */
export function geometricSum(x: number, n: number, k: number): number {
  if (x === 0 && n % 2 === 0) return k;
  return oneMinusExpNeg(k * x, k * n) / oneMinusExpNeg(x, n);
}
