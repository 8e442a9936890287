/**
 * Coefficients of the four SDE models (MATH.md §1) in H's eigenbasis: drift T, drift matrix
 * B = T H and diffusion (Σ̃ for HA-SME, Σ otherwise). Per eigenvalue:
 *   sme1: T_i = 1,           β_i = a_i
 *   sme2: T_i = 1 + ηa_i/2,  β_i = a_i (1 + ηa_i/2)
 *   spf, hasme: T_i = ℓ_i/(ηa_i) (1 on a_i = 0), β_i = ℓ_i/η
 * and Σ̃ = U (K ∘ (UᵀΣU)) Uᵀ with K_ij = φ(ℓ_i + ℓ_j).
 */
import type { Decimal } from 'decimal.js';
import type { SdeModel } from '../src/formats/types.js';
import { Complex } from './complex.js';
import type { Ctx } from './context.js';
import { complexOps, realOps, toComplex, type ComplexMatrix, type RealMatrix } from './matrix.js';
import { kernelEntry, raiseSingular, type Spectral } from './spectral.js';

/** Per-eigenvalue drift factor T_i and drift-matrix eigenvalue β_i of a model. */
export interface ModelSpectrum {
  T: Complex[];
  beta: Complex[];
}

/** T_i = ℓ_i / (ηa_i), with the limit 1 at a_i = 0 evaluated as −log1p(−x)/x (no cancellation). */
function principalDrift(sp: Spectral, i: number): Complex {
  const { ctx } = sp;
  const x = sp.eta.times(sp.a[i]);
  if (x.isZero()) return new Complex(ctx.one, ctx.zero);
  return sp.ell[i]!.scale(ctx.one.div(x));
}

/**
 * T_i and β_i of `model`. spf and hasme need every ℓ_i, so they raise HasmeInputError('singular')
 * when some m_i = 0; hasme also raises at a pole pair of φ (MATH.md C9). spf is defined at a pole
 * pair (its diffusion is Σ) and sme1/sme2 are defined everywhere.
 */
export function modelSpectrum(model: SdeModel, sp: Spectral): ModelSpectrum {
  const { ctx, eta, a } = sp;
  const real = (x: Decimal) => new Complex(x, ctx.zero);
  switch (model) {
    case 'sme1':
      return { T: a.map(() => real(ctx.one)), beta: a.map(real) };
    case 'sme2': {
      const T = a.map((ai) => eta.times(ai).div(2).plus(1));
      return { T: T.map(real), beta: T.map((Ti, i) => real(Ti.times(a[i]))) };
    }
    case 'spf':
    case 'hasme': {
      if (sp.singular && (model === 'hasme' || sp.singular.kind === 'zero')) raiseSingular(sp, model === 'hasme' ? 'HA-SME' : 'SPF');
      const invEta = ctx.one.div(eta);
      return { T: a.map((_, i) => principalDrift(sp, i)), beta: sp.ell.map((l) => l!.scale(invEta)) };
    }
  }
}

/** K_ij = φ(ℓ_i + ℓ_j) (HA-SME only; the caller has excluded regime S). */
export function kernelMatrix(sp: Spectral): ComplexMatrix {
  const d = sp.a.length;
  const K: ComplexMatrix = Array.from({ length: d }, () => new Array<Complex>(d));
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) K[i][j] = K[j][i] = kernelEntry(sp, i, j);
  return K;
}

/** U diag(v) Uᵀ for real orthogonal U. */
export function fromEigenbasis(U: RealMatrix, inner: ComplexMatrix, ctx: Ctx): ComplexMatrix {
  const C = complexOps(ctx);
  const Uc = toComplex(U);
  return C.mul(Uc, C.mul(inner, C.transpose(Uc)));
}

/** UᵀAU for real A. */
export function toEigenbasis(U: RealMatrix, A: RealMatrix, ctx: Ctx): RealMatrix {
  const R = realOps(ctx);
  return R.mul(R.transpose(U), R.mul(A, U));
}

/**
 * The diffusion operator Σ ↦ D(Σ) of a model: Σ̃ = U (K ∘ (UᵀΣU)) Uᵀ for hasme (linear in Σ,
 * MATH.md §4 / C12), the identity for the others. Σ must be a Decimal matrix of context `sp.ctx`.
 */
export function diffusionOperator(model: SdeModel, sp: Spectral): (Sigma: RealMatrix) => ComplexMatrix {
  if (model !== 'hasme') return (Sigma) => toComplex(Sigma);
  modelSpectrum('hasme', sp); // raises in regime S
  const K = kernelMatrix(sp);
  const C = complexOps(sp.ctx);
  return (Sigma) => fromEigenbasis(sp.U, C.hadamard(K, toComplex(toEigenbasis(sp.U, Sigma, sp.ctx))), sp.ctx);
}

/** Drift, drift matrix and diffusion of a model, as complex matrices. */
export interface Coefficients {
  regime: Spectral['regime'];
  /** T: the SDE is dX = −T∇f dt + sqrt(η D) dW. */
  drift: ComplexMatrix;
  /** D: Σ̃ (hasme) or Σ. */
  diffusion: ComplexMatrix;
  /** B = T H (on quadratics the drift is −B x). */
  driftMatrix: ComplexMatrix;
}

export function coefficients(model: SdeModel, sp: Spectral, H: RealMatrix, Sigma: RealMatrix): Coefficients {
  const { ctx, U } = sp;
  const ms = modelSpectrum(model, sp);
  const C = complexOps(ctx);
  const diffusion = diffusionOperator(model, sp)(Sigma);
  if (model === 'sme1') {
    return { regime: sp.regime, drift: C.identity(H.length), diffusion, driftMatrix: toComplex(H) };
  }
  if (model === 'sme2') {
    // T = I + (η/2) H and B = T H exactly, without the eigenbasis.
    const R = realOps(ctx);
    const T = R.add(R.identity(H.length), R.scale(H, sp.eta.div(2)));
    return { regime: sp.regime, drift: toComplex(T), diffusion, driftMatrix: toComplex(R.mul(T, H)) };
  }
  return {
    regime: sp.regime,
    drift: fromEigenbasis(U, C.diag(ms.T), ctx),
    diffusion,
    driftMatrix: fromEigenbasis(U, C.diag(ms.beta), ctx),
  };
}
