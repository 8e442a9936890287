/**
 * Exact laws along one eigen-direction of a quadratic with curvature a (f = a x²/2, saddles: a < 0)
 * and additive noise variance s: every law is Gaussian (spec/models.md §1–§2). After k steps
 * (t = kη), from x0: SGD has mean m^k x0, m = 1 − ηa, and variance η²s(1 − m^{2k})/(1 − m²); an OU
 * model with rate β and diffusion ηD has mean e^{−βt}x0 and variance ηD(1 − e^{−2βt})/(2β), with
 * (β, D) = (a, s) SME-1, (a(1 + ηa/2), s) SME-2, (ℓ/η, s) SPF, (ℓ/η, sφ(2ℓ)) HA-SME, ℓ = −log(1 − ηa).
 * Evaluated with log1p/expm1 (no cancellation for small ηa or t). Used by C20 (c) and C21.
 */
import type { SdeModel } from '../formats/types.js';

export interface LinearLaw {
  /** The mean is meanFactor · x0. */
  meanFactor: number;
  variance: number;
}

export function linearLaw(model: 'sgd' | SdeModel, a: number, s: number, eta: number, steps: number): LinearLaw {
  const z = eta * a;
  if (model === 'sgd') return { meanFactor: (1 - z) ** steps, variance: (eta * eta * s * -Math.expm1(2 * steps * Math.log1p(-z))) / (z * (2 - z)) };
  const ell = -Math.log1p(-z);
  const beta = model === 'sme1' ? a : model === 'sme2' ? a * (1 + z / 2) : ell / eta;
  const D = model === 'hasme' ? (s * 2 * ell) / -Math.expm1(-2 * ell) : s;
  const t = steps * eta;
  return { meanFactor: Math.exp(-beta * t), variance: (eta * D * -Math.expm1(-2 * beta * t)) / (2 * beta) };
}
