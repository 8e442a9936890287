/**
 * Escape along negative curvature (C16): from the exact directional moments (reference/weak/escape.ts),
 * the Gaussian-marginal curves P(|vᵀx_k| > r) = Q((r − m)/s) + Q((r + m)/s) for SGD and each model
 * (src/stats/gaussianTail.ts: erfc to full relative precision, no 1 − Φ cancellation),
 * the escape time (the first crossing of P = 1/2, linearly interpolated between steps), and its
 * relative error against SGD. Curves in double precision: they are plotted and compared at the
 * 1e-6 level, far above double rounding.
 */
import type { Model } from '../formats/types.js';
import type { SaddleProblem } from '../problems/types.js';
import { twoSidedExceedance } from '../stats/gaussianTail.js';

export interface EscapeCurve {
  model: Model;
  /** P(|vᵀx_k| > r), k = 0..steps. */
  probability: number[];
  /** Fractional step where P first reaches 1/2 (null if it never does within the steps). */
  escapeStep: number | null;
  /** (escapeStep − SGD's) / SGD's; null where either is null. */
  relativeError: number | null;
}

export interface EscapeResult {
  eigenvalue: number;
  v: number[];
  eta: number;
  radius: number;
  curves: EscapeCurve[];
}

/** P(|N(m, s²)| > r); for s = 0 the indicator of |m| > r. */
export const exceedProbability = twoSidedExceedance;

/** First k with P_k ≥ 1/2, interpolated linearly from k − 1. */
export function firstCrossing(P: readonly number[]): number | null {
  for (let k = 0; k < P.length; k++) {
    if (P[k] >= 0.5) return k === 0 ? 0 : k - 1 + (0.5 - P[k - 1]) / (P[k] - P[k - 1]);
  }
  return null;
}

/** Escape curves and times of every model of a saddle problem, at `digits` reference precision. */
export async function escapeCurves(p: SaddleProblem, opts: { digits?: number } = {}): Promise<EscapeResult> {
  const { refEscapeMoments } = await import('../../reference/weak/escape.js');
  const em = refEscapeMoments(p, { digits: opts.digits ?? 30 });
  const r = Number(p.radius);
  const curves = em.curves.map((c) => {
    const probability = c.mean.map((m, k) => exceedProbability(m.toNumber(), Math.sqrt(Math.max(0, c.variance[k].toNumber())), r));
    return { model: c.model, probability, escapeStep: firstCrossing(probability), relativeError: null as number | null };
  });
  const sgd = curves[0].escapeStep;
  for (const c of curves) c.relativeError = sgd === null || c.escapeStep === null ? null : (c.escapeStep - sgd) / sgd;
  return { eigenvalue: em.eigenvalue.toNumber(), v: em.v.map((x) => x.toNumber()), eta: Number(p.eta), radius: r, curves };
}
