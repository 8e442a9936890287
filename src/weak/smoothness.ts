/**
 * The smoothness sweep (C19, spec/weak.md §8, measured): f_λ = λ g at a fixed step-size range,
 * horizon, noise and test function; only the curvature scale λ varies. Per model the error constant
 * C(λ) = lim err/η^p (p = 1 for SME-1, 2 otherwise) by Richardson over η with its error estimate
 * (engine error propagated), and the growth exponent of |C(λ)| in λ by least squares on log–log with
 * its standard error. Computed by the 1-D engine (src/weak/oneDim.ts).
 */
import type { SdeModel } from '../formats/types.js';
import type { OneDimObjective, OneDimProblem } from '../problems/types.js';
import { oneDimWeakRows } from './oneDim.js';
import { richardsonLimit, type Limit } from './richardson.js';

const MODELS: SdeModel[] = ['sme1', 'sme2', 'spf', 'hasme'];

/** The sweep's fixed settings: λ spans a factor 16, ηλ ≤ 1/2 at the largest λ. */
export const SMOOTHNESS = {
  lambdas: [0.5, 1, 2, 4, 8],
  etas: ['0.0625', '0.03125', '0.015625'],
  T: '0.5',
  sigma: '1',
  test: { center: '0.5', width: '1' },
} as const;

/** The families g (with their start points) swept by C19. */
export const SMOOTHNESS_FAMILIES: { f: OneDimObjective; x0: string }[] = [
  { f: 'logcosh', x0: '1.5' },
  { f: 'cos', x0: '1' },
];

export interface SmoothnessPoint {
  lambda: number;
  /** lim err/η^p per model (p = 1 for SME-1, 2 otherwise). */
  constants: Record<SdeModel, Limit>;
}

export interface Exponent {
  /** Least-squares slope of log|C| on log λ. */
  value: number;
  /** Its standard error (residual scatter about the line). */
  se: number;
}

export interface SmoothnessSweep {
  family: OneDimObjective;
  x0: string;
  points: SmoothnessPoint[];
  exponents: Record<SdeModel, Exponent>;
}

export const modelOrder = (m: SdeModel) => (m === 'sme1' ? 1 : 2);

/** Least-squares slope and its standard error sqrt(SSR/(n − 2)/Sxx). */
export function slopeWithError(x: readonly number[], y: readonly number[]): Exponent {
  const n = x.length;
  if (n < 3) throw new RangeError('slopeWithError needs at least 3 points');
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  const sxx = x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
  const value = x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0) / sxx;
  const ssr = x.reduce((s, xi, i) => s + (y[i] - my - value * (xi - mx)) ** 2, 0);
  return { value, se: Math.sqrt(ssr / (n - 2) / sxx) };
}

/** The sweep of one family g over SMOOTHNESS.lambdas. */
export function smoothnessSweep(family: { f: OneDimObjective; x0: string }, onProgress?: (done: number, total: number) => void): SmoothnessSweep {
  const etas = SMOOTHNESS.etas.map(Number);
  const points = SMOOTHNESS.lambdas.map((lambda, k): SmoothnessPoint => {
    const p: OneDimProblem = {
      kind: 'oned',
      f: family.f,
      lambda: String(lambda),
      sigma: SMOOTHNESS.sigma,
      x0: family.x0,
      T: SMOOTHNESS.T,
      etas: [...SMOOTHNESS.etas],
      test: { ...SMOOTHNESS.test },
      models: MODELS,
    };
    const rows = oneDimWeakRows(p);
    const constants = {} as Record<SdeModel, Limit>;
    for (const m of MODELS) {
      const rs = etas.map((eta) => rows.find((r) => r.model === m && r.eta === eta)!);
      const q = modelOrder(m);
      constants[m] = richardsonLimit(rs.map((r) => r.error / r.eta ** q), rs.map((r) => r.engineError / r.eta ** q));
    }
    onProgress?.(k + 1, SMOOTHNESS.lambdas.length);
    return { lambda, constants };
  });
  const logL = points.map((p) => Math.log(p.lambda));
  const exponents = Object.fromEntries(MODELS.map((m) => [m, slopeWithError(logL, points.map((p) => Math.log(Math.abs(p.constants[m].value))))])) as Record<SdeModel, Exponent>;
  return { family: family.f, x0: family.x0, points, exponents };
}

/** "sme2 1.95 ± 0.12, …": exponents for notes and captions (C19, C23). */
export function smoothnessExponentsText(s: { exponents: Record<SdeModel, Exponent> }): string {
  return MODELS.map((m) => `${m} ${s.exponents[m].value.toFixed(2)} ± ${s.exponents[m].se.toFixed(2)}`).join(', ');
}
