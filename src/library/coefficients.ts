/**
 * Drift T, drift matrix B and diffusion of the four SDE models (spec/models.md §1–§2), with diagnostics.
 */
import { HasmeInputError } from '../errors.js';
import { SDE_MODELS, type Regime, type SdeModel } from '../formats/types.js';
import { congruence, frobenius, mulABt, spectralFunction } from '../linalg/dense.js';
import { complexFrobenius, type ComplexMatrix } from '../linalg/complex.js';
import { symmetricEigenvalues } from '../linalg/symmetricEigen.js';
import { pairLogSum } from '../numerics/stepLog.js';
import { driftRates, hasmeKernel, requireNonsingular, sigmaHat } from './eigenbasis.js';
import type { MatrixInput } from './input.js';
import { prepare, type Prepared } from './prepare.js';

/** Options of {@link coefficients}. */
export interface CoefficientsOptions {
  /** The SDE model; default 'hasme'. */
  model?: SdeModel;
}

/** Diagnostics reported with every coefficient set (spec/numerics.md). */
export interface CoefficientDiagnostics {
  /**
   * λ_min of the diffusion when it is real symmetric: λ_min(Σ̃) for hasme in regime R (negative
   * values are spec/claims.md C7's indefinite Σ̃), λ_min(Σ) for sme1/sme2/spf; null for hasme in X.
   * Computed on first access (one O(d³) symmetric eigenvalue solve) and cached.
   */
  lambdaMinDiffusion: number | null;
  /** Distance to the singular set in units of m = 1 − ηa (see RegimeInfo.singularDistance). */
  singularDistance: number;
  /**
   * Condition estimate κ ≥ 1: the library's relative Frobenius error is expected within about
   * 15·eps·κ (measured, spec/numerics.md). For hasme
   *   κ = (1 + max_i η‖H‖₂/|m_i| · (1 + max_{m_i,m_j<0} 1/|ln(m_i m_j)|)) · max(1, max|K|·‖Σ‖_F/‖Σ̃‖_F):
   * the first factor bounds the relative change of ℓ_i and K_ij = φ(ℓ_i + ℓ_j) under a relative
   * perturbation eps of H (the eigensolver's backward error; 1/|ln(m_i m_j)| is φ's pole
   * distance), the second the cancellation when Σ̃ is much smaller than K's largest entry times Σ.
   * spf: 1 + max_i η‖H‖₂/|m_i|; sme1, sme2: 1 (computed without eigendecomposition).
   */
  condition: number;
}

/** The coefficients of one model at (H, Σ, η). */
export interface Coefficients {
  model: SdeModel;
  regime: Regime;
  /** T: the SDE is dX = −T∇f dt + sqrt(η D) dW. sme1: I; sme2: I + ηH/2; spf, hasme: −log(I − ηH)(ηH)⁻¹. */
  drift: ComplexMatrix;
  /** D: Σ̃ for hasme, Σ for the others. */
  diffusion: ComplexMatrix;
  /** B = T H (on quadratics the drift is −B x). */
  driftMatrix: ComplexMatrix;
  diagnostics: CoefficientDiagnostics;
}

/**
 * Coefficients of an SDE model (default HA-SME) for Hessian H, noise covariance Σ and step
 * size η (spec/models.md §1–§2). Throws HasmeInputError: `shape`, `non-finite`, `not-symmetric`,
 * `not-psd`, `eta`, and `singular` for spf and hasme in regime S (C9), naming the eigenvalue
 * or pair; `non-finite` if a result overflows double precision.
 */
export function coefficients(H: MatrixInput, Sigma: MatrixInput, eta: number, opts: CoefficientsOptions = {}): Coefficients {
  const model = opts.model ?? 'hasme';
  if (!SDE_MODELS.includes(model)) throw new HasmeInputError('unsupported', `unknown SDE model ${JSON.stringify(model)}`);
  return coefficientsOf(prepare(H, Sigma, eta), model);
}

/** {@link coefficients} on an already validated and decomposed problem. */
export function coefficientsOf(p: Prepared, model: SdeModel): Coefficients {
  requireNonsingular(p, model);
  const { d, eta } = p;
  const real = (re: Float64Array): ComplexMatrix => ({ rows: d, cols: d, re, im: null });
  const base = { model, regime: p.info.regime, diffusion: real(p.sigma) };
  const sigmaDiag = (condition: number) => diagnostics(p.sigma, d, p.info.singularDistance, condition);
  let result: Coefficients;
  if (model === 'sme1') {
    const identity = new Float64Array(d * d);
    for (let i = 0; i < d; i++) identity[i * d + i] = 1;
    result = { ...base, drift: real(identity), driftMatrix: real(p.h), diagnostics: sigmaDiag(1) };
  } else if (model === 'sme2') {
    // T = I + (η/2)H, B = H + (η/2)H² — direct products, no eigendecomposition error.
    const drift = p.h.map((v, k) => (eta / 2) * v + (k % (d + 1) === 0 ? 1 : 0));
    const h2 = mulABt(p.h, p.h, d, d, d, true);
    const b = p.h.map((v, k) => v + (eta / 2) * h2[k]);
    result = { ...base, drift: real(drift), driftMatrix: real(b), diagnostics: sigmaDiag(1) };
  } else {
    const kappaL = logSensitivity(p);
    const drift = spectralComplex(p, (i) => driftEigenvalueRe(p, i), (i) => (-Math.PI * p.logs.n[i]) / p.logs.x[i]);
    const rates = driftRates(p, model);
    const driftMatrix = spectralComplex(p, (i) => rates.x[i] / eta, (i) => (-Math.PI * rates.n[i]) / eta);
    if (model === 'spf') {
      result = { ...base, drift, driftMatrix, diagnostics: sigmaDiag(1 + kappaL) };
    } else {
      const { diffusion, amplification } = hasmeDiffusion(p);
      const condition = (1 + kappaL * (1 + poleSensitivity(p))) * amplification;
      const diag = diagnostics(diffusion.im ? null : diffusion.re, d, p.info.singularDistance, condition);
      result = { ...base, drift, diffusion, driftMatrix, diagnostics: diag };
    }
  }
  for (const [name, m] of [['drift', result.drift], ['diffusion', result.diffusion], ['driftMatrix', result.driftMatrix]] as const) {
    requireFinite(name, m);
  }
  return result;
}

/** Diagnostics whose λ_min (of the real symmetric `diffusion`, or null) is computed on first access. */
function diagnostics(diffusion: Float64Array | null, d: number, singularDistance: number, condition: number): CoefficientDiagnostics {
  let lambdaMin: number | null | undefined = diffusion ? undefined : null;
  return {
    singularDistance,
    condition,
    get lambdaMinDiffusion() {
      if (lambdaMin === undefined) lambdaMin = symmetricEigenvalues(diffusion!, d)[0];
      return lambdaMin;
    },
  };
}

/** Re t_i = Re ℓ_i / (η a_i), = 1 at a_i = 0 (T's eigenvalue, spec/models.md §1–§2). */
function driftEigenvalueRe(p: Prepared, i: number): number {
  const x = p.logs.x[i];
  return x === 0 ? 1 : p.logs.lre[i] / x;
}

/** U diag(f) Uᵀ with complex f; the imaginary part only where some m_i < 0 (regime X). */
function spectralComplex(p: Prepared, re: (i: number) => number, im: (i: number) => number): ComplexMatrix {
  const { d } = p;
  const fr = new Float64Array(d).map((_, i) => re(i));
  const fi = p.complex ? new Float64Array(d).map((_, i) => (p.logs.n[i] ? im(i) : 0)) : null;
  return { rows: d, cols: d, re: spectralFunction(p.u, fr, d), im: fi ? spectralFunction(p.u, fi, d) : null };
}

/** Σ̃ = U (K ∘ Σ̂) Uᵀ (spec/models.md §1–§2) and the cancellation factor max|K|·‖Σ‖_F/‖Σ̃‖_F. */
export function hasmeDiffusion(p: Prepared): { diffusion: ComplexMatrix; amplification: number } {
  const { d } = p;
  const k = hasmeKernel(p);
  const s = sigmaHat(p);
  const xr = new Float64Array(d * d);
  const xi = k.im ? new Float64Array(d * d) : null;
  let maxK = 0;
  for (let q = 0; q < d * d; q++) {
    xr[q] = k.re[q] * s[q];
    if (xi && k.im) xi[q] = k.im[q] * s[q];
    maxK = Math.max(maxK, Math.hypot(k.re[q], k.im ? k.im[q] : 0));
  }
  const diffusion: ComplexMatrix = { rows: d, cols: d, re: congruence(p.u, xr, d), im: xi ? congruence(p.u, xi, d) : null };
  const normOut = complexFrobenius(diffusion.re, diffusion.im);
  const normSigma = frobenius(p.sigma);
  const amplification = normSigma === 0 ? 1 : Math.max(1, (maxK * normSigma) / normOut);
  return { diffusion, amplification };
}

/** max_i η‖H‖₂ / |m_i|: sensitivity of ℓ_i to a relative perturbation of H. */
export function logSensitivity(p: Prepared): number {
  let k = 0;
  for (let i = 0; i < p.d; i++) k = Math.max(k, (p.eta * p.normH) / Math.abs(p.logs.m[i]));
  return k;
}

/** max over pairs with m_i, m_j < 0 of 1/|ln(m_i m_j)|: inverse distance to a pole of φ. */
export function poleSensitivity(p: Prepared): number {
  let k = 0;
  const { logs } = p;
  for (let i = 0; i < p.d; i++) {
    if (!logs.n[i]) continue;
    for (let j = i; j < p.d; j++) if (logs.n[j]) k = Math.max(k, 1 / Math.abs(pairLogSum(logs, i, j)));
  }
  return k;
}

/** Throws `non-finite` when a result overflowed double precision (never returns NaN/Infinity). */
export function requireFinite(name: string, m: { re: Float64Array; im: Float64Array | null }): void {
  for (const part of [m.re, m.im]) {
    if (!part) continue;
    for (let q = 0; q < part.length; q++) {
      if (!Number.isFinite(part[q])) throw new HasmeInputError('non-finite', `${name} is not representable in double precision (entry ${q}: ${part[q]})`);
    }
  }
}
