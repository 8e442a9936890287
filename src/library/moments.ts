/**
 * Exact moments on quadratics with additive Gaussian noise (spec/models.md §3–§6): SGD after k steps and
 * the OU process of each SDE model at t = kη, all in H's eigenbasis.
 *
 * Every exponential has the form e^{−z} with z = x − iπn (see numerics/phi.ts), so
 * (1 − e^{−st})/s is η k g(k z) with g(w) = (1 − e^{−w})/w evaluated without cancellation, and
 * SGD's (1 − p^k)/(1 − p) is a ratio of two expm1's: no subtraction of nearly equal powers.
 */
import { HasmeInputError } from '../errors.js';
import { MODELS, type Model, type SdeModel } from '../formats/types.js';
import { congruence, mulABt, mulVec } from '../linalg/dense.js';
import type { ComplexMatrix, ComplexVector } from '../linalg/complex.js';
import { symmetricEigen, symmetricEigenvalues } from '../linalg/symmetricEigen.js';
import { geometricSum, invPhiInto, type ComplexOut } from '../numerics/phi.js';
import { pairLogSum, powerOfM } from '../numerics/stepLog.js';
import { coefficientsOf, requireFinite } from './coefficients.js';
import { driftRates, requireNonsingular, sigmaHat, hasmeKernel } from './eigenbasis.js';
import { EPS, PSD_TOL_EPS, requireCount, toVector, type Problem } from './input.js';
import { prepare, type Prepared } from './prepare.js';

/** Moments at step k (SGD) or time kη (SDE models). */
export interface Moments {
  /** E X (always real on these problems). */
  mean: ComplexVector;
  /** Pseudo-covariance E[(X−μ)(X−μ)ᵀ]. */
  pcov: ComplexMatrix;
  /**
   * Covariance E[(X−μ)(X−μ)ᴴ] where the diffusion D is real PSD (sgd, sme1, sme2, spf; hasme in
   * regime R with Σ̃ ⪰ 0); null otherwise (hasme in X, or Σ̃ indefinite, spec/claims.md C7).
   */
  cov: ComplexMatrix | null;
}

/**
 * Exact moments of `model` on f(x) = ½xᵀHx with gradient noise N(0, Σ), from x0, after `steps`
 * SGD steps or at t = steps·η (spec/models.md §3–§6). Throws HasmeInputError like {@link coefficients},
 * `singular` for spf/hasme in regime S (sgd, sme1, sme2 are defined there), `unsupported` for
 * an unknown model or a negative/non-integer `steps`.
 */
export function moments(model: Model, problem: Problem, steps: number): Moments {
  if (!MODELS.includes(model)) throw new HasmeInputError('unsupported', `unknown model ${JSON.stringify(model)}`);
  const k = requireCount('steps', steps);
  const p = prepare(problem.H, problem.Sigma, problem.eta);
  const x0 = toVector('x0', problem.x0, p.d);
  const result = model === 'sgd' ? sgdMoments(p, x0, k) : sdeMoments(p, model, x0, k);
  requireFinite('mean', result.mean);
  requireFinite('pcov', result.pcov);
  if (result.cov) requireFinite('cov', result.cov);
  return result;
}

/** U diag(f) Uᵀ x0 as a real vector. */
function evolveMean(p: Prepared, x0: Float64Array, f: (i: number) => number): ComplexVector {
  const y = mulVec(p.ut, x0, p.d, p.d).map((yi, i) => yi * f(i));
  return { length: p.d, re: mulVec(p.u, y, p.d, p.d), im: null };
}

/** e^{−k x}: e^{−kρ} for the real rates of sme1 and sme2. */
function decay(x: number, k: number): number {
  return Math.exp(-k * x);
}

/** SGD: μ_k = M^k x0, Ĉ_k,ij = η² Σ̂_ij (1 − (m_i m_j)^k)/(1 − m_i m_j) (spec/models.md §3–§6). */
function sgdMoments(p: Prepared, x0: Float64Array, k: number): Moments {
  const { d, logs, eta } = p;
  const mean = evolveMean(p, x0, (i) => powerOfM(logs, i, k));
  const s = sigmaHat(p);
  const c = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      // m_i m_j = 0: (1 − 0^k)/(1 − 0).
      const r = logs.m[i] === 0 || logs.m[j] === 0 ? (k === 0 ? 0 : 1) : geometricSum(pairLogSum(logs, i, j), logs.n[i] + logs.n[j], k);
      c[i * d + j] = c[j * d + i] = eta * eta * s[i * d + j] * r;
    }
  }
  const cov: ComplexMatrix = { rows: d, cols: d, re: congruence(p.u, c, d), im: null };
  return { mean, pcov: cov, cov };
}

/**
 * OU moments at t = kη: mean U diag(e^{−kρ_i}) Uᵀ x0; P̂_ij = η² k D̂_ij g(k(ρ_i + ρ_j)), and the
 * covariance with ρ_j → conj ρ_j where D is real PSD (spec/models.md §3–§6).
 */
function sdeMoments(p: Prepared, model: SdeModel, x0: Float64Array, k: number): Moments {
  requireNonsingular(p, model);
  const { d, eta } = p;
  const rates = driftRates(p, model);
  const ellBased = model === 'spf' || model === 'hasme';
  const mean = evolveMean(p, x0, (i) => (ellBased ? powerOfM(p.logs, i, k) : decay(rates.x[i], k)));
  const s = sigmaHat(p);
  const kernel = model === 'hasme' ? hasmeKernel(p) : null;
  const complex = rates.n.some((v) => v !== 0);
  const integral = (conjugate: boolean): ComplexMatrix => {
    const re = new Float64Array(d * d);
    const im = complex ? new Float64Array(d * d) : null;
    const g: ComplexOut = { re: 0, im: 0 };
    const scale = eta * eta * k;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const n = conjugate ? rates.n[i] - rates.n[j] : rates.n[i] + rates.n[j];
        invPhiInto(k * rates.pairSum(i, j), k * n, g);
        const q = i * d + j;
        const dr = kernel ? kernel.re[q] * s[q] : s[q];
        const di = kernel?.im ? kernel.im[q] * s[q] : 0;
        re[q] = scale * (dr * g.re - di * g.im);
        if (im) im[q] = scale * (dr * g.im + di * g.re);
      }
    }
    // The covariance is Hermitian: its imaginary part is antisymmetric.
    return { rows: d, cols: d, re: congruence(p.u, re, d), im: im ? congruence(p.u, im, d, !conjugate) : null };
  };
  const pcov = integral(false);
  let cov: ComplexMatrix | null;
  if (model === 'hasme') cov = p.complex || !hasmeDiffusionPsd(p) ? null : pcov;
  else cov = complex ? integral(true) : pcov; // spf in X: complex β, real D = Σ
  return { mean, pcov, cov };
}

/**
 * Whether Σ̃ ⪰ 0 (regime R), i.e. whether the covariance is defined. Decided by λ_min(Σ̃) when it
 * is resolved: |λ_min| > τ = PSD_TOL_EPS·d·eps·‖Σ̃‖₂·κ (κ the coefficient condition estimate).
 * Inside ±τ the double computation cannot tell the sign, and the answer comes from structure:
 * with Σ's null space N and range R (Σ rank-deficient), the Schur complement of Σ̃'s N-block is
 * −(η²/12)·H_NR S H_RN + O(η³) (from spec/claims.md C11's expansion; C7 is its rank-one case), so Σ̃ is
 * indefinite exactly when H couples N to R; if it does not (‖H_RN‖ within rounding), Σ̃ is
 * block-diagonal with a zero N-block and counts as PSD.
 */
export function hasmeDiffusionPsd(p: Prepared): boolean {
  const c = coefficientsOf(p, 'hasme');
  const d = p.d;
  const values = symmetricEigenvalues(c.diffusion.re, d);
  const norm = Math.max(Math.abs(values[0]), Math.abs(values[d - 1]));
  const tol = PSD_TOL_EPS * d * EPS * norm * c.diagnostics.condition;
  if (values[0] >= tol) return true;
  if (values[0] < -tol) return false;
  return !couplesNullSpace(p);
}

/** Whether H couples the (numerical) null space of Σ to its range: ‖V_Rᵀ H V_N‖_F > rounding. */
function couplesNullSpace(p: Prepared): boolean {
  const d = p.d;
  const { values, u, ut } = symmetricEigen(p.sigma, d);
  const top = Math.max(Math.abs(values[0]), Math.abs(values[d - 1]));
  const nullTol = PSD_TOL_EPS * d * EPS * top;
  const inNull = Array.from(values, (v) => Math.abs(v) <= nullTol);
  if (!inNull.some(Boolean) || inNull.every(Boolean)) return false;
  // (H V)_{:,j} for every eigenvector j, then the R×N block of Vᵀ H V.
  const hv = mulABt(p.h, ut, d, d, d);
  let coupling = 0;
  for (let r = 0; r < d; r++) {
    if (inNull[r]) continue;
    for (let n = 0; n < d; n++) {
      if (!inNull[n]) continue;
      let s = 0;
      for (let k = 0; k < d; k++) s += u[k * d + r] * hv[k * d + n];
      coupling = Math.max(coupling, Math.abs(s));
    }
  }
  return coupling > PSD_TOL_EPS * d * EPS * p.normH;
}
