/**
 * Exact weak errors on quadratic problems (C14, C15): E u(x_K) for SGD by the moment recursion,
 * E u(X_T) for each SDE model by the moment ODE, error = sde − sgd, at the reference precision.
 */
import type { Decimal } from 'decimal.js';
import type { SdeModel } from '../../src/formats/types.js';
import { momentForm } from '../../src/problems/momentForm.js';
import { stepsOf } from '../../src/problems/steps.js';
import type { QuadraticLike } from '../../src/problems/types.js';
import { context, type RefOptions } from '../context.js';
import { decimalForm, expectQuadratic, initialMoments } from './form.js';
import { momentOde, odeMomentsAt } from './ode.js';
import { sgdMoments } from './sgd.js';

export interface RefWeakRow {
  model: SdeModel;
  eta: string;
  steps: number;
  /** E u(x_K), K = T/η. */
  sgd: Decimal;
  /** E u(X_T). */
  sde: Decimal;
  /** sde − sgd (signed), computed at working precision. */
  error: Decimal;
}

/** One row per (η, model), in the problem's order of step sizes and models. */
export function refWeakRows(p: QuadraticLike, opts: RefOptions & { onRow?: (done: number, total: number) => void } = {}): RefWeakRow[] {
  const ctx = context(opts);
  const f = decimalForm(momentForm(p), ctx);
  const W = p.test.W.map((row) => row.map((x) => new ctx.D(x)));
  const w = p.test.w.map((x) => new ctx.D(x));
  const T = new ctx.D(p.T);
  const m0 = initialMoments(f);
  const rows: RefWeakRow[] = [];
  const total = p.etas.length * p.models.length;
  for (const etaText of p.etas) {
    const steps = stepsOf(p.T, etaText);
    const eta = new ctx.D(etaText);
    // Build every model's ODE first: a regime error surfaces before the SGD recursion runs.
    const odes = p.models.map((model) => ({ model, ode: momentOde(f, model, eta, ctx) }));
    const sgd = expectQuadratic(sgdMoments(f, eta, steps, ctx), W, w, ctx);
    for (const { model, ode } of odes) {
      const sde = expectQuadratic(odeMomentsAt(ode, m0, T, ctx), W, w, ctx);
      rows.push({ model, eta: etaText, steps, sgd, sde, error: sde.minus(sgd) });
      opts.onRow?.(rows.length, total);
    }
  }
  return rows;
}
