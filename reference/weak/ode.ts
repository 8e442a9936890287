/**
 * Exact moments of the SDE models on a quadratic moment form (spec/weak.md §2). With the model's drift
 * factor T (from the reference coefficients), B = T H and g = T c̄, the drift is −(B X − g) and
 * the diffusion η D(Σ(X)), D linear (Σ̃ is linear in Σ, C12). Then μ = E X, S = E XXᵀ obey
 *   dμ/dt = −Bμ + g,
 *   dS/dt = −BS − SBᵀ + g μᵀ + μ gᵀ + η D(E Σ(X)),
 *   E Σ(X) = mean_i[A_i S A_iᵀ − A_i μ c_iᵀ − c_i μᵀ A_iᵀ + c_i c_iᵀ] − [H S H − H μ c̄ᵀ − c̄ μᵀ H + c̄ c̄ᵀ] + Σ_add,
 * a linear ODE z' = L z in z = (μ, vec S, 1) of size d + d² + 1, solved by one matrix
 * exponential: z(t) = e^{Lt} z(0). Regime R only (drift and Σ̃ real); X and S raise.
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../../src/errors.js';
import type { SdeModel } from '../../src/formats/types.js';
import { refCoefficients, refDiffusionOperator } from '../api.js';
import type { Ctx } from '../context.js';
import { realOps, type ComplexMatrix, type RealMatrix } from '../matrix.js';
import { expm } from './expm.js';
import type { DecimalForm, SecondMoments } from './form.js';

/** The real part of a matrix the regime-R formulas make exactly real (an internal error otherwise). */
function realOf(M: ComplexMatrix, what: string): RealMatrix {
  for (const row of M) for (const z of row) if (!z.im.isZero()) throw new Error(`internal: ${what} has a non-zero imaginary part in regime R`);
  return M.map((row) => row.map((z) => z.re));
}

/** The linear ODE of a model's moments: L on z = (μ, vec S row-major, 1). */
export interface MomentOde {
  L: RealMatrix;
  d: number;
}

/**
 * Builds L for `model` at step size η (digits: the reference precision). Raises
 * HasmeInputError('unsupported') in regime X and ('singular') in regime S.
 */
export function momentOde(f: DecimalForm, model: SdeModel, eta: Decimal, ctx: Ctx): MomentOde {
  const R = realOps(ctx);
  const Hjson = f.H.map((row) => row.map((x) => x.toString()));
  const zero = Hjson.map((row) => row.map(() => '0'));
  const etaJson = eta.toString();
  const coef = refCoefficients(Hjson, zero, etaJson, { digits: ctx.digits, model });
  if (coef.regime === 'S') throw new HasmeInputError('singular', `η = ${etaJson} puts H in the singular set (regime S)`, { eta: etaJson });
  if (coef.regime === 'X') {
    throw new HasmeInputError('unsupported', `η = ${etaJson} gives regime X (some 1 − ηa_i < 0); the weak-error engine handles regime R only`, { eta: etaJson });
  }
  const T = realOf(coef.drift, 'T');
  const B = realOf(coef.driftMatrix, 'B');
  const Bt = R.transpose(B);
  const g = R.mulVec(T, f.cbar);
  const diffusion = refDiffusionOperator(Hjson, etaJson, model, { digits: ctx.digits });
  const d = f.d;
  const invN = ctx.one.div(f.A.length);
  const outer = (u: Decimal[], v: Decimal[]) => u.map((ui) => v.map((vj) => ui.times(vj)));
  const symOuter = (u: Decimal[], v: Decimal[]) => {
    const P = outer(u, v);
    return R.add(P, R.transpose(P));
  };

  /** The right-hand side at (μ, S, κ) with κ the coefficient of the constant 1. */
  const rhs = (mu: Decimal[], S: RealMatrix, kappa: Decimal): { dmu: Decimal[]; dS: RealMatrix } => {
    const Bmu = R.mulVec(B, mu);
    const dmu = Bmu.map((x, i) => g[i].times(kappa).minus(x));
    let mean = R.zeros(d, d);
    f.A.forEach((Ai, i) => {
      const ci = f.c[i];
      mean = R.add(mean, R.mul(R.mul(Ai, S), R.transpose(Ai)));
      mean = R.sub(mean, symOuter(R.mulVec(Ai, mu), ci));
      mean = R.add(mean, R.scale(outer(ci, ci), kappa));
    });
    let ESigma = R.scale(mean, invN);
    ESigma = R.sub(ESigma, R.mul(R.mul(f.H, S), f.H));
    ESigma = R.add(ESigma, symOuter(R.mulVec(f.H, mu), f.cbar));
    ESigma = R.sub(ESigma, R.scale(outer(f.cbar, f.cbar), kappa));
    ESigma = R.add(ESigma, R.scale(f.sigmaAdd, kappa));
    let dS = R.scale(R.add(R.mul(B, S), R.mul(S, Bt)), ctx.one.neg());
    dS = R.add(dS, symOuter(g, mu));
    dS = R.add(dS, R.scale(realOf(diffusion(ESigma), 'D(E Σ)'), eta));
    return { dmu, dS };
  };

  const N = d + d * d + 1;
  const L = R.zeros(N, N);
  const put = (col: number, r: { dmu: Decimal[]; dS: RealMatrix }) => {
    r.dmu.forEach((x, i) => (L[i][col] = x));
    r.dS.forEach((row, a) => row.forEach((x, b) => (L[d + a * d + b][col] = x)));
  };
  const zeroVec = new Array<Decimal>(d).fill(ctx.zero);
  for (let i = 0; i < d; i++) put(i, rhs(zeroVec.map((_, j) => (j === i ? ctx.one : ctx.zero)), R.zeros(d, d), ctx.zero));
  const half = ctx.one.div(2);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      // S is symmetric, so the column of S_ab acts through sym(E_ab) = (E_ab + E_ba)/2.
      const E = R.zeros(d, d);
      E[a][b] = E[a][b].plus(half);
      E[b][a] = E[b][a].plus(half);
      put(d + a * d + b, rhs(zeroVec, E, ctx.zero));
    }
  }
  put(N - 1, rhs(zeroVec, R.zeros(d, d), ctx.one));
  return { L, d };
}

/** z = (μ, vec S, 1). */
function pack(m: SecondMoments, ctx: Ctx): Decimal[] {
  return [...m.mu, ...m.S.flat(), ctx.one];
}

function unpack(z: Decimal[], d: number): SecondMoments {
  return { mu: z.slice(0, d), S: Array.from({ length: d }, (_, a) => z.slice(d + a * d, d + (a + 1) * d)) };
}

/** Moments at time t from moments m0 at time 0: one matrix exponential e^{Lt}. */
export function odeMomentsAt(ode: MomentOde, m0: SecondMoments, t: Decimal, ctx: Ctx): SecondMoments {
  const R = realOps(ctx);
  const E = expm(R.scale(ode.L, t), ctx);
  return unpack(R.mulVec(E, pack(m0, ctx)), ode.d);
}

/** Moments at t = kη, k = 0..steps, by powers of the one-step propagator e^{Lη} (exact semigroup). */
export function odeMomentCurve(ode: MomentOde, m0: SecondMoments, eta: Decimal, steps: number, ctx: Ctx): SecondMoments[] {
  const R = realOps(ctx);
  const P = expm(R.scale(ode.L, eta), ctx);
  let z = pack(m0, ctx);
  const out = [unpack(z, ode.d)];
  for (let k = 0; k < steps; k++) {
    z = R.mulVec(P, z);
    out.push(unpack(z, ode.d));
  }
  return out;
}
