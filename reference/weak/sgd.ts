/**
 * Exact SGD moments on a quadratic moment form (spec/weak.md §2): with M_i = I − ηA_i,
 *   μ' = mean_i[M_i μ + η c_i],
 *   S' = mean_i[M_i S M_iᵀ + η(M_i μ c_iᵀ + c_i μᵀ M_iᵀ) + η² c_i c_iᵀ] + η² Σ_add.
 * Additive quadratics (n = 1, A = H, c = 0) reduce to μ' = Mμ, S' = M S Mᵀ + η²Σ (§2).
 */
import type { Decimal } from 'decimal.js';
import type { Ctx } from '../context.js';
import { realOps, type RealMatrix } from '../matrix.js';
import { initialMoments, type DecimalForm, type SecondMoments } from './form.js';

function outer(u: Decimal[], v: Decimal[]): RealMatrix {
  return u.map((ui) => v.map((vj) => ui.times(vj)));
}

/** The SGD moment map for one η, with the step-independent parts precomputed. */
export function sgdMomentStepper(f: DecimalForm, eta: Decimal, ctx: Ctx): (m: SecondMoments) => SecondMoments {
  const R = realOps(ctx);
  const invN = ctx.one.div(f.A.length);
  const I = R.identity(f.d);
  const M = f.A.map((Ai) => R.sub(I, R.scale(Ai, eta)));
  const Mt = M.map((Mi) => R.transpose(Mi));
  const etaC = f.c.map((ci) => ci.map((x) => eta.times(x)));
  // η² (mean_i c_i c_iᵀ + Σ_add) and η c̄: the parts of S' and μ' that do not depend on the state.
  const eta2 = eta.times(eta);
  const constS = R.scale(R.add(R.scale(f.c.reduce((s, ci) => R.add(s, outer(ci, ci)), R.zeros(f.d, f.d)), invN), f.sigmaAdd), eta2);
  const etaCbar = f.cbar.map((x) => eta.times(x));
  return (m) => {
    let mu = etaCbar;
    let S = R.zeros(f.d, f.d);
    M.forEach((Mi, i) => {
      const Mmu = R.mulVec(Mi, m.mu);
      mu = mu.map((x, j) => x.plus(Mmu[j].times(invN)));
      const cross = outer(Mmu, etaC[i]);
      S = R.add(S, R.add(R.mul(R.mul(Mi, m.S), Mt[i]), R.add(cross, R.transpose(cross))));
    });
    return { mu, S: R.add(R.scale(S, invN), constS) };
  };
}

/** Moments of x_0, …, x_steps (steps + 1 entries). */
export function sgdMomentCurve(f: DecimalForm, eta: Decimal, steps: number, ctx: Ctx): SecondMoments[] {
  const step = sgdMomentStepper(f, eta, ctx);
  const out = [initialMoments(f)];
  for (let k = 0; k < steps; k++) out.push(step(out[k]));
  return out;
}

/** Moments of x_steps. */
export function sgdMoments(f: DecimalForm, eta: Decimal, steps: number, ctx: Ctx): SecondMoments {
  const step = sgdMomentStepper(f, eta, ctx);
  let m = initialMoments(f);
  for (let k = 0; k < steps; k++) m = step(m);
  return m;
}
