/**
 * Convergence-order fitting (C14–C17): least-squares slope of log|error| against log η, with a
 * diagnostic for pre-asymptotic data, and the "exact" verdict for errors at working precision.
 */

/** An order is "exact" when every |error| is below this (the JSON contract of `hasme weak`). */
export const EXACT_BELOW = 1e-30;

/** Successive local slopes disagreeing by more than this flag the data as pre-asymptotic. */
export const PRE_ASYMPTOTIC_SPREAD = 0.1;

export interface OrderFit {
  /** Fitted order, "exact" if every error is below {@link EXACT_BELOW}, null if fewer than 2 usable points. */
  order: number | 'exact' | null;
  /** Slopes between successive step sizes (ascending η). */
  localSlopes: number[];
  /** max − min of the local slopes exceeds {@link PRE_ASYMPTOTIC_SPREAD}: the fit is not yet asymptotic. */
  preAsymptotic: boolean;
}

/** Least-squares slope of y against x (at least two distinct x). */
export function lsSlope(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 2) throw new RangeError('lsSlope needs two or more (x, y) pairs of equal count');
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  if (sxx === 0) throw new RangeError('lsSlope needs two distinct x values');
  return sxy / sxx;
}

/** Fits |error| ≈ C η^p over the given step sizes (errors signed or not; |·| is taken). */
export function fitOrder(etas: readonly number[], errors: readonly number[]): OrderFit {
  if (etas.length !== errors.length) throw new RangeError('fitOrder: one error per step size');
  const abs = errors.map(Math.abs);
  if (abs.length > 0 && abs.every((e) => e < EXACT_BELOW)) return { order: 'exact', localSlopes: [], preAsymptotic: false };
  const pts = etas
    .map((eta, i) => ({ eta, e: abs[i] }))
    .filter((p) => p.e > 0 && p.eta > 0)
    .sort((a, b) => a.eta - b.eta);
  if (pts.length < 2) return { order: null, localSlopes: [], preAsymptotic: true };
  const lx = pts.map((p) => Math.log(p.eta));
  const ly = pts.map((p) => Math.log(p.e));
  const localSlopes = lx.slice(1).map((x, i) => (ly[i + 1] - ly[i]) / (x - lx[i]));
  const spread = Math.max(...localSlopes) - Math.min(...localSlopes);
  return { order: lsSlope(lx, ly), localSlopes, preAsymptotic: spread > PRE_ASYMPTOTIC_SPREAD };
}
