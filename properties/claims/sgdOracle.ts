/**
 * SGD's exact moments on a quadratic with additive noise, computed by the checks themselves from
 * (H, Σ, η, x0, k) in the 60-digit check context, with no decomposition and no code of the
 * implementation under test (spec/models.md §3–§6): μ_k = M^k x0 by k matrix-vector products,
 * C_k = Σ_{j<k} M^j (η²Σ) M^{jᵀ} by binary powering of the recursion C' = MCMᵀ + η²Σ, using
 * C_{a+b} = C_a + M^a C_b M^{aᵀ}. Each C_k is a sum of PSD terms (no cancellation), so 60 digits
 * lose at most a few digits per doubling (log₂ k ≤ 10 doublings for k ≤ 1000).
 *
 * Scales for errors: rounding the inputs (H, Σ as doubles, an implementation's eigenbasis) by a
 * relative δ moves M^k x0 by up to ≈ kδ‖M‖₂^k‖x0‖ and C_k by ≈ δ η²‖Σ‖ Σ_{j<k} ‖M‖₂^{2j}, which
 * can exceed ‖M^k x0‖ and ‖C_k‖ by many orders (e.g. Σ with no weight on an expanding mode
 * |m| > 1: its rounding there grows like |m|^{2k}). Errors are measured relative to these scales.
 */
import type { Decimal } from 'decimal.js';
import { realOps, toComplex, type Complex, type ComplexMatrix, type RealMatrix } from '../../reference/index.js';
import type { Mat } from '../arbitraries.js';
import { CHECK_CTX } from '../impl.js';
import { eigSymDouble } from './compare.js';

const R = realOps(CHECK_CTX);
const dec = (x: number): Decimal => new CHECK_CTX.D(x);
const decMat = (A: Mat): RealMatrix => A.map((row) => row.map(dec));

/** M = I − ηH in the check context. */
function step(H: Mat, eta: number): RealMatrix {
  return R.sub(R.identity(H.length), R.scale(decMat(H), dec(eta)));
}

/** SGD's mean M^k x0 after k steps, by k products with M. */
export function sgdMean(H: Mat, eta: number, x0: number[], k: number): Complex[] {
  const M = step(H, eta);
  let mu = x0.map(dec);
  for (let i = 0; i < k; i++) mu = R.mulVec(M, mu);
  return toComplex([mu])[0];
}

/** SGD's covariance C_k after k steps from a deterministic start (C_0 = 0), by binary powering. */
export function sgdCovariance(H: Mat, Sigma: Mat, eta: number, k: number): ComplexMatrix {
  const d = H.length;
  const e = dec(eta);
  // (P, S) = (M^n, C_n) for the accumulated n and for the current power of two.
  let accP = R.identity(d);
  let accS = R.zeros(d, d);
  let baseP = step(H, eta);
  let baseS = R.scale(decMat(Sigma), e.times(e));
  for (let n = k; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) {
      accS = R.add(accS, R.congruence(accP, baseS));
      accP = R.mul(accP, baseP);
    }
    if (n > 1) {
      baseS = R.add(baseS, R.congruence(baseP, baseS));
      baseP = R.mul(baseP, baseP);
    }
  }
  return toComplex(accS);
}

/** ‖M‖₂ = max_i |1 − ηa_i| for the symmetric M = I − ηH, in Decimal (M is symmetric, so ‖M‖₂ = ρ(M)). */
function stepNorm(H: Mat, eta: number): Decimal {
  const M = step(H, eta).map((row) => row.map((x) => x.toNumber()));
  return dec(Math.max(...eigSymDouble(M).map(Math.abs)));
}

/** ‖M‖₂^k ‖x0‖₂: the scale of SGD's mean's sensitivity to rounding (see above). */
export function meanScale(H: Mat, eta: number, x0: number[], k: number): Decimal {
  return stepNorm(H, eta).pow(k).times(dec(Math.hypot(...x0)));
}

/** η²‖Σ‖_F Σ_{j<k} ‖M‖₂^{2j}: the scale of C_k's sensitivity to rounding (see above). */
export function covarianceScale(H: Mat, Sigma: Mat, eta: number, k: number): Decimal {
  const r2 = stepNorm(H, eta).pow(2);
  const sum = r2.eq(1) ? dec(k) : r2.pow(k).minus(1).div(r2.minus(1));
  return dec(eta).pow(2).times(dec(Math.hypot(...Sigma.flat()))).times(sum);
}
