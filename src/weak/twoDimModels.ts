/**
 * The 2-D objectives of C22 (spec/weak.md §11) and the four SDE models on them: f(x) = Σ_k λ_k
 * log cosh(a_kᵀx) + (μ/2)|x|², additive noise N(0, Σ). Each model is dX = −T(X)∇f(X) dt +
 * sqrt(η D(X)) dW with T and D from the library's coefficient functions (src/library/coefficients.ts)
 * at the local Hessian ∇²f(X), evaluated at every grid point: SME-1 (I, Σ), SME-2 (I + η∇²f/2, Σ),
 * SPF (−log(I − η∇²f)(η∇²f)⁻¹, Σ), HA-SME (the same T, Σ̃(∇²f, Σ)). Nothing is re-derived here.
 */
import { HasmeInputError } from '../errors.js';
import type { SdeModel } from '../formats/types.js';
import { coefficientsOf } from '../library/coefficients.js';
import { prepare } from '../library/prepare.js';
import type { TwoDimProblem } from '../problems/types.js';

/** Gradient and Hessian [h11, h12, h22] of f at (x1, x2). */
export interface TwoDimObjective {
  grad: (x1: number, x2: number) => [number, number];
  hess: (x1: number, x2: number) => [number, number, number];
  /** Bound on λ_max(∇²f) (every eigenvalue lies in [μ, curvature]). */
  curvature: number;
  /** Bound on |∇f(x)| for |x| ≤ r. */
  gradBound: (r: number) => number;
}

/** f of a 2-D problem. */
export function twoDimObjective(p: Pick<TwoDimProblem, 'ridges' | 'mu'>): TwoDimObjective {
  const ridges = p.ridges.map((r) => ({ a1: Number(r.a[0]), a2: Number(r.a[1]), lambda: Number(r.lambda) }));
  const mu = Number(p.mu);
  return {
    grad: (x1, x2) => {
      let g1 = mu * x1;
      let g2 = mu * x2;
      for (const r of ridges) {
        const t = r.lambda * Math.tanh(r.a1 * x1 + r.a2 * x2);
        g1 += t * r.a1;
        g2 += t * r.a2;
      }
      return [g1, g2];
    },
    hess: (x1, x2) => {
      let h11 = mu;
      let h12 = 0;
      let h22 = mu;
      for (const r of ridges) {
        const s = 1 / Math.cosh(r.a1 * x1 + r.a2 * x2);
        const w = r.lambda * s * s;
        h11 += w * r.a1 * r.a1;
        h12 += w * r.a1 * r.a2;
        h22 += w * r.a2 * r.a2;
      }
      return [h11, h12, h22];
    },
    curvature: mu + ridges.reduce((s, r) => s + r.lambda * (r.a1 * r.a1 + r.a2 * r.a2), 0),
    gradBound: (r) => mu * r + ridges.reduce((s, q) => s + q.lambda * Math.hypot(q.a1, q.a2), 0),
  };
}

/**
 * Regime R at every state needs 1 − ηa > 0 for every eigenvalue a of ∇²f(x), i.e. η·curvature < 1
 * (the bound is attained where every ridge's sech² is 1 only if the a_k are parallel; it is the
 * documented condition). Beyond it T and Σ̃ are complex or singular (C9).
 */
export function checkTwoDimRegime(f: TwoDimObjective, eta: number): void {
  if (!(eta * f.curvature < 1)) {
    throw new HasmeInputError('unsupported', `η·(μ + Σλ_k|a_k|²) = ${eta * f.curvature} ≥ 1: regime R is not guaranteed at every state; the 2-D engine handles regime R only`);
  }
}

/** A model's coefficients at one state: drift b = T∇f and the diffusion D (symmetric, [d11, d12, d22]). */
export interface LocalCoefficients {
  b: [number, number];
  D: [number, number, number];
  /** λ_min(D) (HA-SME: λ_min(Σ̃), negative where the SDE is not real). */
  lambdaMin: number;
}

/**
 * T∇f and D of each of `models` at x, from the library at (∇²f(x), Σ, η): one validation and
 * eigendecomposition (prepare) shared by the models (coefficientsOf).
 */
export function localCoefficients(f: TwoDimObjective, Sigma: number[][], eta: number, models: readonly SdeModel[], x1: number, x2: number): LocalCoefficients[] {
  const [h11, h12, h22] = f.hess(x1, x2);
  const [g1, g2] = f.grad(x1, x2);
  const prepared = prepare([[h11, h12], [h12, h22]], Sigma, eta);
  return models.map((model) => {
    const c = coefficientsOf(prepared, model);
    const T = c.drift.re;
    const D = c.diffusion.re;
    const lambdaMin = c.diagnostics.lambdaMinDiffusion;
    if (lambdaMin === null) throw new HasmeInputError('unsupported', `complex diffusion at x = (${x1}, ${x2}), η = ${eta}: not regime R`);
    return { b: [T[0] * g1 + T[1] * g2, T[2] * g1 + T[3] * g2], D: [D[0], 0.5 * (D[1] + D[2]), D[3]], lambdaMin };
  });
}
