/**
 * The finite-sum horizon sweep (C15): F_i → s F_i (A_i → sA_i, c_i → sc_i) with ηs = κ fixed, which is
 * the base problem run with step κ to the horizon sT (SGD's steps are identical; there are s times as
 * many). It is not a smoothness sweep: that is C19 (src/weak/smoothness.ts). Reported: |error|/η² per
 * scale and a fitted exponent in s per model.
 */
import { Decimal } from 'decimal.js';
import type { SdeModel } from '../formats/types.js';
import type { FiniteSumProblem } from '../problems/types.js';
import { lsSlope } from './orders.js';

export interface SweepPoint {
  /** The scale s (horizon sT). */
  lambda: number;
  eta: string;
  /** |error| / η² per model. */
  constants: Partial<Record<SdeModel, number>>;
}

export interface Sweep {
  kappa: string;
  points: SweepPoint[];
  /** Least-squares slope of log(|error|/η²) on log s, per model. */
  exponents: Partial<Record<SdeModel, number>>;
}

const Exact = Decimal.clone({ precision: 100 });

/** "sme1 1.98, sme2 2.01, ...": the fitted exponents in s, for notes and captions. */
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

/** ηs = κ fixed: η = κ/s as an exact decimal string (s a power of two, so the quotient terminates). */
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
