/**
 * Coefficients of the four SDE models (spec/models.md §1–§2) in H's eigenbasis: drift T, drift matrix
 * B = T H and diffusion (Σ̃ for HA-SME, Σ otherwise). Per eigenvalue:
 *   sme1: T_i = 1,           β_i = a_i
 *   sme2: T_i = 1 + ηa_i/2,  β_i = a_i (1 + ηa_i/2)
 *   spf, hasme: T_i = ℓ_i/(ηa_i) (1 on a_i = 0), β_i = ℓ_i/η
 * and Σ̃ = U (K ∘ (UᵀΣU)) Uᵀ with K_ij = φ(ℓ_i + ℓ_j).
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../src/errors.js';
import type { SdeModel } from '../src/formats/types.js';
import { Complex } from './complex.js';
import type { Ctx } from './context.js';
import { roundedProduct, scaledMatrix, sequentialDot, toScaled } from './dot.js';
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
 * when some m_i = 0; hasme also raises at a pole pair of φ (spec/claims.md C9). spf is defined at a pole
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
    default:
      throw new HasmeInputError('unsupported', `unknown SDE model ${JSON.stringify(model)}`);
  }
}

/** K_ij = φ(ℓ_i + ℓ_j) (HA-SME only; the caller has excluded regime S). */
export function kernelMatrix(sp: Spectral): ComplexMatrix {
  const d = sp.a.length;
  const K: ComplexMatrix = Array.from({ length: d }, () => new Array<Complex>(d));
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) K[i][j] = K[j][i] = kernelEntry(sp, i, j);
  return K;
}

/** U X Uᵀ for real U and complex X, as real products of the real and imaginary parts. */
export function fromEigenbasis(U: RealMatrix, inner: ComplexMatrix, ctx: Ctx): ComplexMatrix {
  const R = realOps(ctx);
  const Ut = R.transpose(U);
  const symmetric = inner.every((row, i) => row.every((z, j) => j <= i || (z.re.eq(inner[j][i].re) && z.im.eq(inner[j][i].im))));
  const part = (X: RealMatrix) => (symmetric ? R.congruence(U, X) : R.mul(U, R.mul(X, Ut)));
  const re = part(inner.map((row) => row.map((z) => z.re)));
  const hasIm = inner.some((row) => row.some((z) => !z.im.isZero()));
  const im = hasIm ? part(inner.map((row) => row.map((z) => z.im))) : null;
  return re.map((row, i) => row.map((x, j) => new Complex(x, im ? im[i][j] : ctx.zero)));
}

/**
 * U diag(v) Uᵀ = Σ_k v_k u_k u_kᵀ for real U and each spectrum v in `spectra` (symmetric: the upper
 * triangle is computed and mirrored). The products U_ik U_jk are formed once and shared by all
 * spectra; zero real or imaginary parts v_k are skipped (adding w·0 changes nothing), so a real
 * spectrum costs no imaginary work and Im ℓ_k = −π enters only on m_k < 0.
 */
export function fromEigenvaluesMany(U: RealMatrix, spectra: Complex[][], ctx: Ctx): ComplexMatrix[] {
  const d = U.length;
  const p = ctx.D.precision;
  const rows = scaledMatrix(U);
  const parts = spectra.map((v) => ({
    re: v.map((z) => toScaled(z.re)),
    im: v.some((z) => !z.im.isZero()) ? v.map((z) => toScaled(z.im)) : null,
  }));
  const outs: ComplexMatrix[] = spectra.map(() => Array.from({ length: d }, () => new Array<Complex>(d)));
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      // w_k = U_ik U_jk (rounded), then Σ_k w_k v_k as the Decimal loop s = s + w_k·v_k (reference/dot.ts).
      const w = rows[i].map((u, k) => roundedProduct(u, rows[j][k], p));
      const loop = (x: (z: Complex) => Decimal, v: Complex[]) => () =>
        v.reduce((s, z, k) => (x(z).isZero() ? s : s.plus(U[i][k].times(U[j][k]).times(x(z)))), ctx.zero);
      parts.forEach((part, s) => {
        const v = spectra[s];
        const re = sequentialDot(w, part.re, ctx.D, loop((z) => z.re, v));
        const im = part.im ? sequentialDot(w, part.im, ctx.D, loop((z) => z.im, v)) : ctx.zero;
        outs[s][i][j] = outs[s][j][i] = new Complex(re, im);
      });
    }
  }
  return outs;
}

/** UᵀAU for real symmetric A. */
export function toEigenbasis(U: RealMatrix, A: RealMatrix, ctx: Ctx): RealMatrix {
  const R = realOps(ctx);
  return R.congruence(R.transpose(U), A);
}

/**
 * The diffusion operator Σ ↦ D(Σ) of a model: Σ̃ = U (K ∘ (UᵀΣU)) Uᵀ for hasme (linear in Σ,
 * spec/weak.md §2 / C12), the identity for the others. Σ is a Decimal matrix (hasme uses its symmetric part).
 */
export function diffusionOperator(model: SdeModel, sp: Spectral): (Sigma: RealMatrix) => ComplexMatrix {
  if (model !== 'hasme') return (Sigma) => toComplex(Sigma);
  modelSpectrum('hasme', sp); // raises in regime S
  const K = kernelMatrix(sp);
  return (Sigma) => applyKernel(sp, K, Sigma);
}

/** Σ̃ = U (K ∘ (UᵀΣU)) Uᵀ for the kernel K = kernelMatrix(sp), applied to Σ's symmetric part. */
export function applyKernel(sp: Spectral, K: ComplexMatrix, Sigma: RealMatrix): ComplexMatrix {
  // Σ's symmetric part (a caller's Σ may be asymmetric at rounding level).
  const sym = Sigma.map((row, i) => row.map((s, j) => (j === i ? s : s.plus(Sigma[j][i]).div(2))));
  const Shat = toEigenbasis(sp.U, sym, sp.ctx);
  return fromEigenbasis(sp.U, K.map((row, i) => row.map((k, j) => k.scale(Shat[i][j]))), sp.ctx);
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
  const [drift, driftMatrix] = fromEigenvaluesMany(U, [ms.T, ms.beta], ctx);
  return { regime: sp.regime, drift, diffusion, driftMatrix };
}
