/**
 * Weak order of an outside solver in dt with a confidence interval that includes its Monte Carlo
 * error (spec/protocol.md §13). Errors e_j = E_sim(dt_j) − E_SDE with standard errors s_j; the
 * fit is weighted least squares of ln|e_j| on ln dt_j with weights 1/σ_j², σ_j = s_j/|e_j| (delta
 * method), its standard error inflated by the residual misfit (√(χ²/(n−2)) when above 1). Points
 * whose error is not resolved above the MC noise (|e_j| < 3 s_j) are left out and reported.
 */

export interface OrderEstimate {
  /** Fitted order, null when fewer than two resolved points. */
  order: number | null;
  /** Standard error of the order. */
  se: number | null;
  /** Indices of the points used. */
  used: number[];
}

/** Deterministic answers (s_j = 0) get this relative weight floor, so the fit stays defined. */
const SIGMA_FLOOR = 1e-6;

export function fitWeakOrder(dts: readonly number[], errors: readonly number[], stderrs: readonly number[]): OrderEstimate {
  const used = dts.map((_, j) => j).filter((j) => Math.abs(errors[j]) > 0 && Math.abs(errors[j]) >= 3 * stderrs[j]);
  if (used.length < 2) return { order: null, se: null, used };
  const x = used.map((j) => Math.log(dts[j]));
  const y = used.map((j) => Math.log(Math.abs(errors[j])));
  const w = used.map((j) => 1 / Math.max(stderrs[j] / Math.abs(errors[j]), SIGMA_FLOOR) ** 2);
  const sw = w.reduce((a, b) => a + b, 0);
  const mx = w.reduce((s, wi, i) => s + wi * x[i], 0) / sw;
  const my = w.reduce((s, wi, i) => s + wi * y[i], 0) / sw;
  const sxx = w.reduce((s, wi, i) => s + wi * (x[i] - mx) ** 2, 0);
  const order = w.reduce((s, wi, i) => s + wi * (x[i] - mx) * (y[i] - my), 0) / sxx;
  const chi2 = w.reduce((s, wi, i) => s + wi * (y[i] - my - order * (x[i] - mx)) ** 2, 0);
  const inflate = used.length > 2 ? Math.max(1, Math.sqrt(chi2 / (used.length - 2))) : 1;
  return { order, se: inflate / Math.sqrt(sxx), used };
}
