/**
 * The four SDE models on a 1-D objective with additive gradient noise N(0, σ²) (spec/models.md §1–§2,
 * C17): dX = −b(X) dt + sqrt(η D(X)) dW. For non-quadratic f, SPF and HA-SME use the local
 * Hessian f″(x) in T and Σ̃ (state-dependent coefficients). With z = η f″(x):
 *   T(z) = −log(1 − z)/z,  Σ̃ = σ² φ(2ℓ) with ℓ = −log(1 − z), and φ(2ℓ) = 2ℓ/(1 − (1 − z)²) = 2T(z)/(2 − z),
 * a form without cancellation (log1p, and the series of T below |z| = 1e-4).
 */
import { HasmeInputError } from '../errors.js';
import type { SdeModel } from '../formats/types.js';
import type { OneDimProblem } from '../problems/types.js';

/** A 1-D objective: gradient and curvature, and the curvature bound λ (|f″| ≤ λ). */
export interface OneDimObjectiveFns {
  fp: (x: number) => number;
  fpp: (x: number) => number;
  lambda: number;
}

/** Drift b and diffusion D of dX = −b(X) dt + sqrt(η D(X)) dW. */
export interface OneDimSde {
  b: (x: number) => number;
  D: (x: number) => number;
}

/** f′ and f″ of λ·log cosh x and −λ·cos x. */
export function objective(p: Pick<OneDimProblem, 'f' | 'lambda'>): OneDimObjectiveFns {
  const lambda = Number(p.lambda);
  if (p.f === 'logcosh') {
    return {
      lambda,
      fp: (x) => lambda * Math.tanh(x),
      fpp: (x) => {
        const s = 1 / Math.cosh(x);
        return lambda * s * s;
      },
    };
  }
  return { lambda, fp: (x) => lambda * Math.sin(x), fpp: (x) => lambda * Math.cos(x) };
}

/** T(z) = −log(1 − z)/z for z < 1, T(0) = 1 (relative error ≤ 2 ε: series 1 + z/2 + z²/3 + z³/4 where |z| < 1e-4). */
export function principalFlowFactor(z: number): number {
  if (Math.abs(z) < 1e-4) return 1 + z * (1 / 2 + z * (1 / 3 + z / 4));
  return -Math.log1p(-z) / z;
}

/**
 * Regime R everywhere needs 1 − η f″(x) > 0 for all x, i.e. ηλ < 1 for these objectives
 * (f″ reaches λ at x = 0). Beyond it T and Σ̃ are complex or singular (C9).
 */
export function checkOneDimRegime(lambda: number, eta: number): void {
  if (!(eta * lambda < 1)) {
    throw new HasmeInputError('unsupported', `ηλ = ${eta * lambda} ≥ 1: 1 − ηf″ reaches ≤ 0 (regime X or S); the 1-D engine handles regime R only`);
  }
}

/** The SDE of `model` on the objective with noise σ and step size η. */
export function oneDimSde(f: OneDimObjectiveFns, sigma: number, eta: number, model: SdeModel): OneDimSde {
  checkOneDimRegime(f.lambda, eta);
  const s2 = sigma * sigma;
  switch (model) {
    case 'sme1':
      return { b: f.fp, D: () => s2 };
    case 'sme2':
      return { b: (x) => (1 + (eta / 2) * f.fpp(x)) * f.fp(x), D: () => s2 };
    case 'spf':
      return { b: (x) => principalFlowFactor(eta * f.fpp(x)) * f.fp(x), D: () => s2 };
    case 'hasme':
      return {
        b: (x) => principalFlowFactor(eta * f.fpp(x)) * f.fp(x),
        D: (x) => {
          const z = eta * f.fpp(x);
          return (s2 * 2 * principalFlowFactor(z)) / (2 - z);
        },
      };
  }
}
