/**
 * A quadratic problem's moment form (src/problems MomentForm) in Decimal at one precision, with
 * the derived H = mean_i A_i and c̄ = mean_i c_i (spec/weak.md §2).
 */
import type { Decimal } from 'decimal.js';
import type { MomentForm } from '../../src/problems/types.js';
import type { Ctx } from '../context.js';
import { realOps, type RealMatrix } from '../matrix.js';

export interface DecimalForm {
  d: number;
  A: RealMatrix[];
  c: Decimal[][];
  sigmaAdd: RealMatrix;
  x0: Decimal[];
  H: RealMatrix;
  cbar: Decimal[];
}

/** First and second moments: μ = E x and S = E xxᵀ (not the covariance). */
export interface SecondMoments {
  mu: Decimal[];
  S: RealMatrix;
}

export function decimalForm(form: MomentForm, ctx: Ctx): DecimalForm {
  const R = realOps(ctx);
  const mat = (M: string[][]) => M.map((row) => row.map((x) => new ctx.D(x)));
  const A = form.A.map(mat);
  const c = form.c.map((v) => v.map((x) => new ctx.D(x)));
  const n = new ctx.D(A.length);
  const d = form.x0.length;
  const H = R.scale(A.reduce((s, Ai) => R.add(s, Ai), R.zeros(d, d)), ctx.one.div(n));
  const cbar = Array.from({ length: d }, (_, j) => c.reduce((s, ci) => s.plus(ci[j]), ctx.zero).div(n));
  return { d, A, c, sigmaAdd: mat(form.sigmaAdd), x0: form.x0.map((x) => new ctx.D(x)), H, cbar };
}

/** The moments of the deterministic start x0: μ = x0, S = x0 x0ᵀ. */
export function initialMoments(f: DecimalForm): SecondMoments {
  return { mu: f.x0, S: f.x0.map((xi) => f.x0.map((xj) => xi.times(xj))) };
}

/** E u for u(x) = xᵀWx + wᵀx: tr(W S) + wᵀμ (spec/weak.md §2). */
export function expectQuadratic(m: SecondMoments, W: RealMatrix, w: Decimal[], ctx: Ctx): Decimal {
  let s = ctx.zero;
  for (let i = 0; i < W.length; i++) {
    s = s.plus(w[i].times(m.mu[i]));
    for (let j = 0; j < W.length; j++) s = s.plus(W[i][j].times(m.S[j][i]));
  }
  return s;
}
