/**
 * The weak-error table of a problem (`hasme weak`): rows (model, η, steps, E u for SGD and SDE,
 * error = sde − sgd) and a fitted order per model. Quadratic and finite-sum problems use the exact
 * Decimal engines (reference/weak); 1-D and 2-D problems the double-precision engines of
 * src/weak/oneDim.ts and src/weak/twoDim.ts, whose own error estimate is reported alongside.
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../errors.js';
import type { SdeModel } from '../formats/types.js';
import type { Problem } from '../problems/types.js';
import { fitOrder, type OrderFit } from './orders.js';

/** A row as `hasme weak --json` prints it: decimal strings. */
export interface WeakRow {
  model: SdeModel;
  eta: string;
  steps: number;
  sgd: string;
  sde: string;
  error: string;
}

export interface WeakTable {
  rows: WeakRow[];
  orders: Partial<Record<SdeModel, number | 'exact' | null>>;
  /** Full fits (local slopes, pre-asymptotic flag), for the readable output. */
  fits: Partial<Record<SdeModel, OrderFit>>;
  /** 1-D and 2-D problems only: the largest engine-error estimate over the rows (absolute, in E u). */
  engineError?: number;
  /**
   * 2-D problems only: the rows whose engine-error estimate exceeds C22's bar of 1e-3 of the weak
   * error (fewer than three correct digits; spec/weak.md §11), with the ratio.
   */
  belowBar?: { model: SdeModel; eta: string; ratio: number }[];
}

/**
 * sde − sgd rounded to the absolute resolution of the printed values: the place of the
 * `digits`-th significant digit of max(|sgd|, |sde|). Digits below it are rounding noise of the
 * working precision, so an error that is zero to working precision prints as "0".
 */
export function roundedError(sgd: Decimal, sde: Decimal, digits: number): Decimal {
  const D = sgd.constructor as Decimal.Constructor;
  const scale = D.max(sgd.abs(), sde.abs());
  const diff = sde.minus(sgd);
  if (scale.isZero()) return diff;
  const places = digits - 1 - Math.floor(Math.log10(scale.toNumber()));
  return diff.toDecimalPlaces(Math.max(0, places));
}

function ordersOf(models: readonly SdeModel[], rows: { model: SdeModel; eta: number; error: number }[]): Pick<WeakTable, 'orders' | 'fits'> {
  const orders: WeakTable['orders'] = {};
  const fits: WeakTable['fits'] = {};
  for (const m of models) {
    const rs = rows.filter((r) => r.model === m);
    const fit = fitOrder(rs.map((r) => r.eta), rs.map((r) => r.error));
    fits[m] = fit;
    orders[m] = fit.order;
  }
  return { orders, fits };
}

/** Double values of the 1-D engine as strings: 17 significant digits round-trip the double exactly. */
const doubleText = (x: number) => String(Number(x.toPrecision(17)));

/** The 2-D rows that miss C22's engine bar (src/weak/twoDim.ts). */
async function twoDimBelowBar(rows: { model: SdeModel; eta: number; error: number; engineError: number }[]): Promise<NonNullable<WeakTable['belowBar']>> {
  const { missesEngineBar } = await import('./twoDim.js');
  return rows.filter(missesEngineBar).map((r) => ({ model: r.model, eta: String(r.eta), ratio: r.engineError / Math.abs(r.error) }));
}

/** The weak-error table of a quadratic, finite-sum, 1-D or 2-D problem (2-D: its step sizes on worker threads; saddles belong to `hasme escape`). */
export async function weakTable(
  p: Problem,
  opts: { digits?: number; onProgress?: (done: number, total: number) => void; force?: boolean } = {},
): Promise<WeakTable> {
  if (p.kind === 'saddle') throw new HasmeInputError('unsupported', 'saddle problems are for `hasme escape`, not `hasme weak`');
  (await import('./budget.js')).requireWeakBudget(p, opts.force);
  if (p.kind === 'oned' || p.kind === 'twod') {
    const rows =
      p.kind === 'oned'
        ? (await import('./oneDim.js')).oneDimWeakRows(p, { onProgress: opts.onProgress })
        : await (await import('./twoDimParallel.js')).twoDimTableParallel(p, {}, undefined, opts.onProgress);
    return {
      rows: rows.map((r) => ({ model: r.model, eta: String(r.eta), steps: r.steps, sgd: doubleText(r.sgd), sde: doubleText(r.sde), error: doubleText(r.error) })),
      ...ordersOf(p.models, rows),
      engineError: Math.max(...rows.map((r) => r.engineError)),
      ...(p.kind === 'twod' ? { belowBar: await twoDimBelowBar(rows) } : {}),
    };
  }
  const digits = opts.digits ?? 40;
  const { refWeakRows } = await import('../../reference/weak/weakErrors.js');
  const rows = refWeakRows(p, { digits, onRow: opts.onProgress }).map((r) => ({ ...r, error: roundedError(r.sgd, r.sde, digits) }));
  return {
    rows: rows.map((r) => ({
      model: r.model,
      eta: r.eta,
      steps: r.steps,
      sgd: r.sgd.toSignificantDigits(digits).toString(),
      sde: r.sde.toSignificantDigits(digits).toString(),
      error: r.error.toString(),
    })),
    ...ordersOf(p.models, rows.map((r) => ({ model: r.model, eta: Number(r.eta), error: r.error.toNumber() }))),
  };
}
