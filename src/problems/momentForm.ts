/**
 * The common moment form of the quadratic problems (spec/models.md §3–§6, §4): ∇F(x; i, ξ) = A_i x − c_i + ξ,
 * i uniform over n components, ξ ~ N(0, Σ_add). Additive quadratics and saddles are n = 1,
 * A_1 = H, c_1 = 0; finite sums have Σ_add = 0. One exact engine serves both.
 */
import type { DecMatrix, FiniteSumProblem, MomentForm, QuadraticProblem, SaddleProblem } from './types.js';

function zeros(d: number): DecMatrix {
  return Array.from({ length: d }, () => Array.from({ length: d }, () => '0'));
}

/** The moment form of a quadratic, finite-sum or saddle problem. */
export function momentForm(p: QuadraticProblem | FiniteSumProblem | SaddleProblem): MomentForm {
  if (p.kind === 'finite-sum') return { A: p.A, c: p.c, sigmaAdd: zeros(p.x0.length), x0: p.x0 };
  return { A: [p.H], c: [p.x0.map(() => '0')], sigmaAdd: p.Sigma, x0: p.x0 };
}
