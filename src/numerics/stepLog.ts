/**
 * Per-eigenvalue quantities of one step size (spec/models.md §1–§2): m = 1 − ηa, ℓ = −Log m on the
 * principal branch, and T's eigenvalue t = ℓ/(ηa); plus ℓ_i + ℓ_j for pairs.
 *
 * ℓ is stored as (lre, n) with ℓ = lre − iπn, n ∈ {0, 1}: n = 1 exactly when m < 0, where
 * ℓ = −ln|m| − iπ. Accuracy devices (spec/numerics.md):
 * - ηa = x + xl exactly (TwoProduct), so m = (1 − x) − xl is correct to ~1 ulp even when
 *   ηa ≈ 1 (near the singular set, C9), where fl(1 − fl(ηa)) has an error of eps/|m| relative.
 * - lre uses log1p whenever |m| or |m| − 1 is the small quantity: −log1p(−x) for x < 1/2 (tiny
 *   η: relative error ~eps, where −log(1 − x) loses all digits at x = 1e−12), log1p(x − 2) for
 *   m ≤ −1/2 (m near −1: the pole pairs of φ), log|m| elsewhere.
 * - t = lre/x directly: log1p is accurate for every x, so the ratio needs no series.
 * - ℓ_i + ℓ_j for m_i m_j > 1/2 (near C10, the removable singularity, near φ's poles for
 *   negative pairs, and wherever Re ℓ_i and Re ℓ_j nearly cancel) is −log1p(q) with
 *   q = m_i m_j − 1 = x_i x_j − x_i − x_j formed error-free, not a difference of two logs.
 */
import { twoProductErr, twoSumErr } from './eft.js';

/** Per-eigenvalue data of (a, η); arrays indexed like the eigenvalues. */
export interface StepLogs {
  /** Number of eigenvalues. */
  d: number;
  /** High and low parts of ηa (ηa = x + xl exactly). */
  x: Float64Array;
  xl: Float64Array;
  /** m = 1 − ηa. */
  m: Float64Array;
  /** 1 where the double m equals 1 − ηa exactly (then m^k is best taken as a power). */
  mExact: Uint8Array;
  /** Re ℓ = −ln|m| (Infinity where m = 0). */
  lre: Float64Array;
  /** Im ℓ = −π·n: n = 1 where m < 0, else 0. */
  n: Int8Array;
}

/** Computes {@link StepLogs} for eigenvalues `a` and step size `eta`. */
export function stepLogs(a: Float64Array, eta: number): StepLogs {
  const d = a.length;
  const x = new Float64Array(d), xl = new Float64Array(d), m = new Float64Array(d), lre = new Float64Array(d);
  const n = new Int8Array(d);
  const mExact = new Uint8Array(d);
  for (let i = 0; i < d; i++) {
    const hi = eta * a[i];
    const lo = twoProductErr(eta, a[i], hi);
    x[i] = hi;
    xl[i] = lo;
    const t = 1 - hi;
    const mi = t - lo;
    m[i] = mi;
    mExact[i] = twoSumErr(1, -hi, t) === 0 && twoSumErr(t, -lo, mi) === 0 ? 1 : 0;
    if (mi > 0) {
      // d/dx[−log1p(−x)] = 1/(1 − x): first-order correction for the low part.
      lre[i] = hi < 0.5 ? -Math.log1p(-hi) + lo / (1 - hi) : -Math.log(1 - hi - lo);
    } else if (mi < 0) {
      n[i] = 1;
      lre[i] = hi >= 1.5 ? -Math.log1p(hi - 2 + lo) : -Math.log(hi - 1 + lo);
    } else {
      lre[i] = Infinity;
    }
  }
  return { d, x, xl, m, mExact, lre, n };
}

/**
 * m_i m_j − 1 = x_i x_j − x_i − x_j (with the low parts), evaluated with error-free sums and
 * products: relative error ~2 eps even when the result cancels to nearly 0.
 */
export function productMinusOne(s: StepLogs, i: number, j: number): number {
  const xi = s.x[i], xj = s.x[j];
  const ph = xi * xj, pl = twoProductErr(xi, xj, ph);
  const sh = -xi - xj, sl = twoSumErr(-xi, -xj, sh);
  const th = sh + ph, tl = twoSumErr(sh, ph, th);
  return th + (tl + sl + pl - s.xl[i] - s.xl[j] + xi * s.xl[j] + s.xl[i] * xj);
}

/**
 * Re(ℓ_i + ℓ_j) = −ln|m_i m_j| (Im is −π(n_i + n_j)): −log1p(q) where m_i m_j > 1/2 and q is
 * finite, to a few eps relative however much Re ℓ_i and Re ℓ_j cancel (C10, φ's poles, or
 * m_i ≫ 1 ≫ m_j); Re ℓ_i + Re ℓ_j elsewhere (absolute error ~eps(|Re ℓ_i| + |Re ℓ_j|)).
 */
export function pairLogSum(s: StepLogs, i: number, j: number): number {
  if (s.m[i] * s.m[j] > 0.5) {
    const q = productMinusOne(s, i, j);
    if (Number.isFinite(q)) return -Math.log1p(q);
  }
  return s.lre[i] + s.lre[j];
}

/**
 * m_i^k = e^{−kℓ_i}: a power of m_i when m_i is exact (error ~1 ulp for every k), otherwise
 * (−1)^{kn} e^{−k Re ℓ_i}, whose Re ℓ_i carries the digits that the rounded m lost (m ≈ 1).
 */
export function powerOfM(s: StepLogs, i: number, k: number): number {
  if (s.mExact[i]) return Math.pow(s.m[i], k);
  const e = Math.exp(-k * s.lre[i]);
  return (k * s.n[i]) % 2 === 0 ? e : -e;
}
