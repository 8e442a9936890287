/**
 * Exact moments on quadratics with additive Gaussian noise (spec/models.md §3–§6): SGD after k steps (by
 * recursion and by the eigenbasis closed form) and the OU moments of every SDE model at t = kη.
 */
import type { Decimal } from 'decimal.js';
import type { SdeModel } from '../src/formats/types.js';
import { Complex } from './complex.js';
import { applyKernel, fromEigenbasis, kernelMatrix, modelSpectrum, toEigenbasis } from './coefficients.js';
import type { Ctx } from './context.js';
import { eigSym } from './eig.js';
import { realOps, toComplex, type ComplexMatrix, type RealMatrix } from './matrix.js';
import { expm1, log1p } from './special.js';
import { ellPair, psiPhase, type PiPhase, type Spectral } from './spectral.js';

/** Mean, pseudo-covariance E[(X−μ)(X−μ)ᵀ] and covariance E[(X−μ)(X−μ)ᴴ] (null where undefined). */
export interface Moments {
  mean: Complex[];
  pcov: ComplexMatrix;
  cov: ComplexMatrix | null;
}

function realMoments(mean: Decimal[], C: RealMatrix): Moments {
  const Cc = toComplex(C);
  return { mean: mean.map((x) => Complex.real(x)), pcov: Cc, cov: Cc };
}

/** SGD by its recursion μ ← Mμ, C ← M C Mᵀ + η²Σ with M = I − ηH (O(k d³): the obviously correct route). */
export function sgdRecursion(H: RealMatrix, Sigma: RealMatrix, eta: Decimal, x0: Decimal[], steps: number, ctx: Ctx): Moments {
  const R = realOps(ctx);
  const M = R.sub(R.identity(H.length), R.scale(H, eta));
  const Mt = R.transpose(M);
  const noise = R.scale(Sigma, eta.times(eta));
  let mean = x0;
  let C = R.zeros(H.length, H.length);
  for (let k = 0; k < steps; k++) {
    mean = R.mulVec(M, mean);
    C = R.add(R.mul(M, R.mul(C, Mt)), noise);
  }
  return realMoments(mean, C);
}

/**
 * Σ_{r<k} p^r = (1 − p^k)/(1 − p) given u = 1 − p, without cancellation near p = 1:
 * −expm1(k log1p(−u))/u for |u| ≤ 1/2 (then p > 0), k at u = 0.
 */
export function geometricSum(u: Decimal, k: number, ctx: Ctx): Decimal {
  if (u.isZero()) return new ctx.D(k);
  if (u.abs().lte(0.5)) return expm1(log1p(u.neg()).times(k)).neg().div(u);
  return ctx.one.minus(ctx.one.minus(u).pow(k)).div(u);
}

/** SGD by the eigenbasis closed form: μ_k = U diag(m^k) Uᵀx0, Ĉ_ij = η² Σ̂_ij Σ_{r<k}(m_i m_j)^r. */
export function sgdClosedForm(sp: Spectral, Sigma: RealMatrix, x0: Decimal[], steps: number): Moments {
  const { ctx, U, eta } = sp;
  const R = realOps(ctx);
  const x = sp.a.map((ai) => eta.times(ai));
  const Ut = R.transpose(U);
  const y = R.mulVec(Ut, x0).map((yi, i) => yi.times(sp.m[i].pow(steps)));
  const S = toEigenbasis(U, Sigma, ctx);
  const eta2 = eta.times(eta);
  // 1 − m_i m_j = x_i + x_j − x_i x_j, exact up to one rounding per operation.
  const d = x.length;
  const Chat: RealMatrix = Array.from({ length: d }, () => new Array<Decimal>(d));
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) Chat[i][j] = Chat[j][i] = S[i][j].times(eta2).times(geometricSum(x[i].plus(x[j]).minus(x[i].times(x[j])), steps, ctx));
  }
  return realMoments(R.mulVec(U, y), R.mul(U, R.mul(Chat, Ut)));
}

/**
 * OU moments of an SDE model at t = kη (spec/models.md §3–§6): mean U diag(e^{−β_i t}) Uᵀ x0,
 * P̂_ij = η D̂_ij t ψ((β_i+β_j)t), and Ĉ_ij = η D̂_ij t ψ((β_i+conj β_j)t) where D is real PSD
 * (sme1, sme2, spf: D = Σ; hasme: regime R and Σ̃ ⪰ 0), else cov = null.
 * For spf/hasme, β_i t = ℓ_i k = k Re ℓ_i − iπ k q_i exactly, so e^{−β_i t} = (−1)^{k q_i} e^{−k Re ℓ_i};
 * ψ(z) = (1 − e^{−z})/z keeps full accuracy when z is tiny or zero.
 */
export function ouMoments(model: SdeModel, sp: Spectral, Sigma: RealMatrix, x0: Decimal[], steps: number): Moments {
  const { ctx, U, eta } = sp;
  const R = realOps(ctx);
  const d = x0.length;
  const k = new ctx.D(steps);
  const t = eta.times(k);
  const principal = model === 'spf' || model === 'hasme';
  const { beta } = modelSpectrum(model, sp); // raises in regime S where the model is undefined
  // β_i t and (β_i + β_j) t (or β_i + conj β_j) as σ − iπq.
  const single = (i: number): PiPhase =>
    principal ? { sigma: sp.ell[i]!.re.times(k), q: (sp.m[i].isNegative() ? 1 : 0) * steps } : { sigma: beta[i].re.times(t), q: 0 };
  const pair = (i: number, j: number, conjugate: boolean): PiPhase => {
    if (!principal) return { sigma: beta[i].re.plus(beta[j].re).times(t), q: 0 };
    const p = ellPair(sp, i, j, conjugate);
    return { sigma: p.sigma.times(k), q: p.q * steps };
  };
  const y = R.mulVec(R.transpose(U), x0).map((yi, i) => {
    const { sigma, q } = single(i);
    const e = sigma.neg().exp().times(yi);
    return q % 2 === 0 ? e : e.neg();
  });
  const mean = R.mulVec(U, y).map((v) => Complex.real(v));
  const Shat = toEigenbasis(U, Sigma, ctx);
  const K = model === 'hasme' ? kernelMatrix(sp) : null;
  const etaT = eta.times(t);
  // P̂ is symmetric; Ĉ (conjugate form, real D̂) is Hermitian: Ĉ_ji = conj Ĉ_ij.
  const integral = (conjugate: boolean): ComplexMatrix => {
    const out: ComplexMatrix = Array.from({ length: d }, () => new Array<Complex>(d));
    for (let i = 0; i < d; i++) {
      for (let j = i; j < d; j++) {
        const { sigma, q } = pair(i, j, conjugate);
        const Dij = K ? K[i][j].scale(Shat[i][j]) : Complex.real(Shat[i][j]);
        out[i][j] = Dij.mul(psiPhase(sigma, q, ctx)).scale(etaT);
        out[j][i] = conjugate ? out[i][j].conj() : out[i][j];
      }
    }
    return out;
  };
  const pcov = fromEigenbasis(U, integral(false), ctx);
  let cov: ComplexMatrix | null = null;
  if (model === 'spf' && sp.regime !== 'R') cov = fromEigenbasis(U, integral(true), ctx); // complex β, real D = Σ
  else if (model !== 'hasme') cov = pcov; // real β and D = Σ: cov = pcov
  else if (K && sp.regime === 'R' && psdTest(applyKernel(sp, K, Sigma), ctx).psd) cov = pcov; // hasme (K is its kernel)
  return { mean, pcov, cov };
}

/** The PSD test of a real symmetric D (HA-SME's Σ̃ in regime R) at the context's precision. */
export interface PsdTest {
  /** Smallest eigenvalue of D. */
  min: Decimal;
  /** max|λ(D)|. */
  top: Decimal;
  /** D counts as ⪰ 0 when min ≥ −zero: zero = 10^(8 − work)·top, rounding level (exact zero eigenvalues pass). */
  zero: Decimal;
  psd: boolean;
}

/** λ_min(D) against 10^(8 − work)·max|λ(D)| for the real part of a symmetric D. */
export function psdTest(D: ComplexMatrix, ctx: Ctx): PsdTest {
  const { values } = eigSym(D.map((row) => row.map((z) => z.re)), ctx);
  const top = values.reduce((m, v) => ctx.D.max(m, v.abs()), ctx.zero);
  const zero = top.times(new ctx.D(10).pow(8 - ctx.work));
  return { min: values[0], top, zero, psd: values[0].gte(zero.neg()) };
}
