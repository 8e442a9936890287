/**
 * Exact moments along the unstable direction of a saddle (C16): v is the eigenvector of H's most
 * negative eigenvalue a; for SGD and each model, the mean vᵀμ_k and variance vᵀ(S_k − μ_kμ_kᵀ)v at
 * k = 0..steps (SDEs at t = kη), from the exact moment engines (sgd.ts, ode.ts).
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../../src/errors.js';
import type { Model } from '../../src/formats/types.js';
import { momentForm } from '../../src/problems/momentForm.js';
import type { SaddleProblem } from '../../src/problems/types.js';
import { context, type Ctx, type RefOptions } from '../context.js';
import { eigSym } from '../eig.js';
import { decimalForm, initialMoments, type SecondMoments } from './form.js';
import { momentOde, odeMomentCurve } from './ode.js';
import { sgdMomentCurve } from './sgd.js';

export interface DirectionalCurve {
  model: Model;
  /** vᵀμ_k, k = 0..steps. */
  mean: Decimal[];
  /** vᵀ Cov_k v, k = 0..steps. */
  variance: Decimal[];
}

export interface EscapeMoments {
  /** The most negative eigenvalue a of H and its unit eigenvector v. */
  eigenvalue: Decimal;
  v: Decimal[];
  curves: DirectionalCurve[];
}

function along(v: Decimal[], m: SecondMoments, ctx: Ctx): { mean: Decimal; variance: Decimal } {
  let mean = ctx.zero;
  let second = ctx.zero;
  v.forEach((vi, i) => {
    mean = mean.plus(vi.times(m.mu[i]));
    v.forEach((vj, j) => (second = second.plus(vi.times(m.S[i][j]).times(vj))));
  });
  return { mean, variance: second.minus(mean.times(mean)) };
}

/** Directional moments of SGD and of every model of the saddle problem. */
export function refEscapeMoments(p: SaddleProblem, opts: RefOptions = {}): EscapeMoments {
  const ctx = context(opts);
  const f = decimalForm(momentForm(p), ctx);
  const { values, vectors } = eigSym(f.H, ctx);
  if (!values[0].isNegative()) {
    throw new HasmeInputError('unsupported', `H has no negative eigenvalue (smallest ${values[0].toSignificantDigits(6)}): not a saddle`);
  }
  const v = vectors.map((row) => row[0]);
  const eta = new ctx.D(p.eta);
  const toCurve = (model: Model, ms: SecondMoments[]): DirectionalCurve => {
    const pts = ms.map((m) => along(v, m, ctx));
    return { model, mean: pts.map((q) => q.mean), variance: pts.map((q) => q.variance) };
  };
  const odes = p.models.map((model) => ({ model, ode: momentOde(f, model, eta, ctx) }));
  const curves = [toCurve('sgd', sgdMomentCurve(f, eta, p.steps, ctx))];
  for (const { model, ode } of odes) curves.push(toCurve(model, odeMomentCurve(ode, initialMoments(f), eta, p.steps, ctx)));
  return { eigenvalue: values[0], v, curves };
}
