/**
 * C20 (c), (d): sharp escape probabilities P(|x_k| > r), k = 1..K, in 1-D by the density engine
 * (src/weak/escapeDensity.ts), spec/weak.md §9.
 * (c) The engine against closed forms on a quadratic saddle f = −a x²/2: SGD's x_k and each
 *     model's X_{kη} are Gaussian with means and variances written here (derived), so
 *     P = Q((r − m)/s) + Q((r + m)/s) exactly; every engine value must be within its error bound.
 * (d) A double well that is only locally quadratic: f(x) = λ(x²/4 − ½ log(1 + x²)), f″(0) = −λ/2,
 *     minima at ±1 (f″ = λ/2), f″ ≤ 5λ/8 everywhere (regime R for η·5λ/8 < 1), started at x0 = 0.1.
 */
import { SDE_MODELS, type SdeModel } from '../formats/types.js';
import { twoSidedExceedance } from '../stats/gaussianTail.js';
import { modelEscape, sgdEscape, type EscapeEstimate, type SharpEscapeProblem } from './escapeDensity.js';
import { linearLaw } from './linearLaw.js';
import type { OneDimObjectiveFns } from './oneDimModels.js';

/** f(x) = λ(x²/4 − ½ log(1 + x²)): f′ = λ(x/2 − x/(1 + x²)), f″ = λ(1/2 − (1 − x²)/(1 + x²)²) ∈ [−λ/2, 5λ/8]. */
export function doubleWell(lambda: number): OneDimObjectiveFns {
  return {
    lambda: (5 * lambda) / 8,
    fp: (x) => lambda * (x / 2 - x / (1 + x * x)),
    fpp: (x) => {
      const u = 1 + x * x;
      return lambda * (0.5 - (2 - u) / (u * u));
    },
  };
}

/** f(x) = −a x²/2 (a > 0): a saddle (maximum) in 1-D, f″ = −a. */
export function quadraticSaddle(a: number): OneDimObjectiveFns {
  return { lambda: -a, fp: (x) => -a * x, fpp: () => -a };
}

/** A named sharp-escape setting: the problem and the checkpoints where the claim is stated (all if absent). */
export interface SharpSetting {
  name: string;
  lambda: number;
  problem: SharpEscapeProblem;
  /** Largest k at which "HA-SME closest" is claimed pointwise (measured; beyond it the data do not support it). */
  claimedUpTo: number;
}

const steps = (K: number) => Array.from({ length: K }, (_, i) => i + 1);

/** (d)'s settings: σ = 0.5, η = 1/8, x0 = 0.1, r = 0.5; λ = 2 to t = 3, λ = 4 to t = 2. */
export const WELL_SETTINGS: SharpSetting[] = [
  { name: 'double well λ = 2', lambda: 2, problem: { f: doubleWell(2), sigma: 0.5, eta: 0.125, x0: 0.1, radius: 0.5, steps: steps(24), halfWidth: 3 }, claimedUpTo: 24 },
  { name: 'double well λ = 4', lambda: 4, problem: { f: doubleWell(4), sigma: 0.5, eta: 0.125, x0: 0.1, radius: 0.5, steps: steps(16), halfWidth: 3 }, claimedUpTo: 8 },
];

/** (c)'s saddle: a = 1, σ = 0.5, η = 1/8, x0 = 0.1, r = 0.5, k = 1..8, domain ±5 (the mass beyond it enters the bound). */
export const SADDLE_SETTING: SharpEscapeProblem = { f: quadraticSaddle(1), sigma: 0.5, eta: 0.125, x0: 0.1, radius: 0.5, steps: steps(8), halfWidth: 5 };

/** SGD's and every model's sharp escape curve with engine error bounds. */
export interface SharpCurves {
  sgd: EscapeEstimate;
  models: Record<SdeModel, EscapeEstimate>;
}

export function sharpCurves(p: SharpEscapeProblem): SharpCurves {
  return { sgd: sgdEscape(p), models: Object.fromEntries(SDE_MODELS.map((m) => [m, modelEscape(p, m)])) as Record<SdeModel, EscapeEstimate> };
}

/** (c)'s closed forms on f = −a x²/2 with noise σ: the Gaussian laws of src/weak/linearLaw.ts at curvature −a, from x0. */
export function saddleExact(a: number, p: SharpEscapeProblem, model: 'sgd' | SdeModel): number[] {
  const { eta, sigma, x0, radius } = p;
  return p.steps.map((k) => {
    const law = linearLaw(model, -a, sigma * sigma, eta, k);
    return twoSidedExceedance(law.meanFactor * x0, Math.sqrt(law.variance), radius);
  });
}

/** (c): per curve, the largest |engine − exact| and the largest ratio |engine − exact| / bound (≤ 1: within the bound). */
export interface EngineValidation {
  curve: 'sgd' | SdeModel;
  worstError: number;
  worstRatio: number;
  worstBound: number;
}

export function validateOnSaddle(curves: SharpCurves, a = 1, p: SharpEscapeProblem = SADDLE_SETTING): EngineValidation[] {
  return (['sgd', ...SDE_MODELS] as const).map((curve) => {
    const est = curve === 'sgd' ? curves.sgd : curves.models[curve];
    const exact = saddleExact(a, p, curve);
    const errs = est.probabilities.map((v, i) => Math.abs(v - exact[i]));
    return {
      curve,
      worstError: Math.max(...errs),
      worstRatio: Math.max(...errs.map((e, i) => e / est.errors[i])),
      worstBound: Math.max(...est.errors),
    };
  });
}
