/**
 * λ-sweeps (C15, C17): the error constant |error|/η² against the smoothness λ at fixed horizon T
 * and fixed ηλ = κ, with a fitted exponent per model (|error|/η² ∝ λ^p). Finite sums are scaled
 * as F_i → s F_i (A_i → sA_i, c_i → sc_i, so λ = s λ₀ and x* is unchanged); 1-D problems set λ.
 */
import { Decimal } from 'decimal.js';
import type { SdeModel } from '../formats/types.js';
import type { FiniteSumProblem, OneDimProblem } from '../problems/types.js';
import { lsSlope } from './orders.js';

export interface SweepPoint {
  /** λ (1-D) or the scale s (finite sums, λ = s λ₀). */
  lambda: number;
  eta: string;
  /** |error| / η² per model. */
  constants: Partial<Record<SdeModel, number>>;
}

export interface Sweep {
  kappa: string;
  points: SweepPoint[];
  /** Least-squares slope of log(|error|/η²) on log λ, per model. */
  exponents: Partial<Record<SdeModel, number>>;
}

const Exact = Decimal.clone({ precision: 100 });

/** "sme1 1.98, sme2 2.01, ...": the fitted λ-exponents, for notes and captions. */
export function exponentsText(s: Sweep): string {
  return Object.entries(s.exponents).map(([m, p]) => `${m} ${p!.toFixed(2)}`).join(', ');
}

function exponents(models: readonly SdeModel[], points: SweepPoint[]): Sweep['exponents'] {
  const out: Sweep['exponents'] = {};
  for (const m of models) out[m] = lsSlope(points.map((p) => Math.log(p.lambda)), points.map((p) => Math.log(p.constants[m]!)));
  return out;
}

function constants(rows: { model: SdeModel; error: number }[], eta: string): SweepPoint['constants'] {
  const e2 = Number(eta) ** 2;
  return Object.fromEntries(rows.map((r) => [r.model, Math.abs(r.error) / e2]));
}

/** ηλ = κ fixed: η = κ/λ as an exact decimal string (λ a power of two, so the quotient terminates). */
function etaFor(kappa: string, lambda: number): string {
  if (!Number.isInteger(Math.log2(lambda))) throw new RangeError(`sweep scales must be powers of two, got ${lambda}`);
  return new Exact(kappa).div(lambda).toString();
}

/** Sweep of a finite-sum problem over scales s (powers of two) with η = κ/s, exact engines at `digits`. */
export async function finiteSumSweep(
  base: FiniteSumProblem,
  opts: { scales: number[]; kappa: string; digits: number },
): Promise<Sweep> {
  const { refWeakRows } = await import('../../reference/weak/weakErrors.js');
  const scale = (x: string, s: number) => new Exact(x).times(s).toString();
  const points: SweepPoint[] = opts.scales.map((s) => {
    const eta = etaFor(opts.kappa, s);
    const p: FiniteSumProblem = {
      ...base,
      A: base.A.map((M) => M.map((row) => row.map((x) => scale(x, s)))),
      c: base.c.map((v) => v.map((x) => scale(x, s))),
      etas: [eta],
    };
    const rows = refWeakRows(p, { digits: opts.digits }).map((r) => ({ model: r.model, error: r.error.toNumber() }));
    return { lambda: s, eta, constants: constants(rows, eta) };
  });
  return { kappa: opts.kappa, points, exponents: exponents(base.models, points) };
}

/** Sweep of a 1-D problem over λ (powers of two) with η = κ/λ; also the largest engine error over the points. */
export async function oneDimSweep(
  base: OneDimProblem,
  opts: { lambdas: number[]; kappa: string },
): Promise<Sweep & { worstEngineRatio: number }> {
  const { oneDimWeakRows } = await import('./oneDim.js');
  let worstEngineRatio = 0;
  const points: SweepPoint[] = opts.lambdas.map((lambda) => {
    const eta = etaFor(opts.kappa, lambda);
    const rows = oneDimWeakRows({ ...base, lambda: String(lambda), etas: [eta] });
    for (const r of rows) worstEngineRatio = Math.max(worstEngineRatio, r.engineError / Math.abs(r.error));
    return { lambda, eta, constants: constants(rows, eta) };
  });
  return { kappa: opts.kappa, points, exponents: exponents(base.models, points), worstEngineRatio };
}
