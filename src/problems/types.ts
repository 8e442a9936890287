/**
 * Problem definitions for the weak-error and escape engines (spec/models.md §3–§6, §4, C14–C17).
 * Every real number is kept as the decimal string it was given in, so the exact engines
 * (reference/weak) can read it at any precision and the double engines (src/weak) as a number.
 */
import type { SdeModel } from '../formats/types.js';

/** A real number as an exact decimal string ("0.1", "-2.5e-3"). */
export type Dec = string;
export type DecVector = Dec[];
export type DecMatrix = Dec[][];

/** The quadratic test function u(x) = xᵀWx + wᵀx; E u = tr(W S) + wᵀμ with S = E xxᵀ (§4). */
export interface QuadraticTest {
  W: DecMatrix;
  w: DecVector;
}

interface Schedule {
  /** Time horizon T: every step size must divide it (steps = T/η is an integer). */
  T: Dec;
  /** Step sizes, any order. */
  etas: Dec[];
  models: SdeModel[];
}

/** f(x) = ½ xᵀHx with additive gradient noise N(0, Σ) (§2, C14). */
export interface QuadraticProblem extends Schedule {
  kind: 'quadratic';
  H: DecMatrix;
  Sigma: DecMatrix;
  x0: DecVector;
  test: QuadraticTest;
}

/** F_i(x) = ½ xᵀA_i x − c_iᵀx with i uniform over n points: state-dependent noise (§4, C15). */
export interface FiniteSumProblem extends Schedule {
  kind: 'finite-sum';
  A: DecMatrix[];
  c: DecVector[];
  x0: DecVector;
  test: QuadraticTest;
}

/** A quadratic with negative curvature and additive noise, for escape curves (C16). */
export interface SaddleProblem {
  kind: 'saddle';
  H: DecMatrix;
  Sigma: DecMatrix;
  x0: DecVector;
  eta: Dec;
  /** Escape radius r: the event is |vᵀx_k| > r along the unstable eigenvector v. */
  radius: Dec;
  /** Number of steps k = 0..steps of the curves. */
  steps: number;
  models: SdeModel[];
}

/** The 1-D objectives with bounded curvature of C17: λ·log cosh x and −λ·cos x. */
export type OneDimObjective = 'logcosh' | 'cos';

/** 1-D non-quadratic f with additive Gaussian gradient noise N(0, σ²) (C17). */
export interface OneDimProblem extends Schedule {
  kind: 'oned';
  f: OneDimObjective;
  lambda: Dec;
  sigma: Dec;
  x0: Dec;
  /** Test function u(x) = exp(−(x − center)² / (2 width²)) (bounded, flat at infinity). */
  test: { center: Dec; width: Dec };
}

/** One ridge λ·log cosh(aᵀx) of a 2-D objective (C22). */
export interface Ridge {
  a: DecVector;
  lambda: Dec;
}

/**
 * 2-D non-quadratic f(x) = Σ_k λ_k log cosh(a_kᵀx) + (μ/2)|x|² with additive Gaussian gradient noise
 * N(0, Σ), Σ ≻ 0 (C22, spec/weak.md §11). With non-parallel a_k the Hessian's eigenbasis rotates along
 * trajectories, so it commutes neither with Σ nor with itself at other points.
 */
export interface TwoDimProblem extends Schedule {
  kind: 'twod';
  ridges: Ridge[];
  mu: Dec;
  Sigma: DecMatrix;
  x0: DecVector;
  /** Test function u(x) = exp(−|x − center|² / (2 width²)). */
  test: { center: DecVector; width: Dec };
}

export type QuadraticLike = QuadraticProblem | FiniteSumProblem;
export type Problem = QuadraticProblem | FiniteSumProblem | SaddleProblem | OneDimProblem | TwoDimProblem;

/**
 * The common form of every quadratic problem, read by the moment engines: gradient
 * ∇F(x; i, ξ) = A_i x − c_i + ξ with i uniform over n components and ξ ~ N(0, Σ_add).
 * Additive quadratics are n = 1, A_1 = H, c_1 = 0; finite sums have Σ_add = 0.
 */
export interface MomentForm {
  A: DecMatrix[];
  c: DecVector[];
  sigmaAdd: DecMatrix;
  x0: DecVector;
}
