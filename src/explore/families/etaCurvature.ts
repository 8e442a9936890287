/**
 * Family `eta-curvature`: the scaled curvatures (ηa1, ηa2) on both axes at a fixed step size η and
 * a fixed misalignment θ of Σ against H, covering negative curvature, R (both < 1), X, the lines
 * ηa = 1 and 2 (S), the pole hyperbola (1 − ηa1)(1 − ηa2) = 1 with both factors negative (S) and
 * the removable set, the same hyperbola with both factors positive (C10).
 */
import { axis } from '../grid.js';
import { evaluate2x2, rotatedSigma } from '../twoByTwo.js';
import type { Cell, Family, FamilyParams, ParamSpec } from '../types.js';

/** Parameters of the eta-curvature family. */
export interface EtaCurvatureParams extends FamilyParams {
  /** Misalignment of Σ's eigenbasis against H's (rad). */
  theta: number;
  s1: number;
  s2: number;
  /** Step size; a_i = (ηa_i)/η (a power of two keeps the axis values exact). */
  eta: number;
  zMin: number;
  zMax: number;
  steps: number;
}

/** Defaults: η = 1 (ηa exact), θ = π/6, κ(Σ) = 100, both axes (−1, 3]. */
export const ETA_CURVATURE_DEFAULTS: EtaCurvatureParams = { theta: Math.PI / 6, s1: 1, s2: 0.01, eta: 1, zMin: -1, zMax: 3, steps: 10 };

/** One cell at scaled curvatures z1 = ηa1, z2 = ηa2. */
export function etaCurvatureCell(params: EtaCurvatureParams, z1: number, z2: number): Cell {
  const Sigma = rotatedSigma(params.theta, params.s1, params.s2);
  const { eta } = params;
  return { x: z1, y: z2, ...evaluate2x2({ a1: z1 / eta, a2: z2 / eta, Sigma, eta }, params.steps) };
}

const nonNegative = (v: number) => (v >= 0 ? null : 'must be ≥ 0');

/** The `eta-curvature` family for `hasme explore`. */
export const etaCurvature: Family = {
  name: 'eta-curvature',
  description: 'x = ηa1, y = ηa2 at fixed η and misalignment θ',
  params: [
    { name: 'theta', description: 'misalignment angle of Σ against H (rad)', default: ETA_CURVATURE_DEFAULTS.theta },
    { name: 's1', description: 'first eigenvalue of Σ (≥ 0)', default: ETA_CURVATURE_DEFAULTS.s1, check: nonNegative },
    {
      name: 's2',
      description: 'second eigenvalue of Σ (≥ 0)',
      default: ETA_CURVATURE_DEFAULTS.s2,
      check: (v, all) => nonNegative(v) ?? (v === 0 && all.s1 === 0 ? 'Σ must not be 0' : null),
    },
    { name: 'eta', description: 'step size η (a power of two keeps ηa exact)', default: ETA_CURVATURE_DEFAULTS.eta, check: (v) => (v > 0 ? null : 'must be > 0') },
    { name: 'zMin', description: 'smallest ηa on both axes (excluded)', default: ETA_CURVATURE_DEFAULTS.zMin },
    { name: 'zMax', description: 'largest ηa on both axes', default: ETA_CURVATURE_DEFAULTS.zMax, check: (v, all) => (v > all.zMin ? null : 'must exceed zMin') },
    { name: 'steps', description: 'SGD steps k for the moment comparison', default: ETA_CURVATURE_DEFAULTS.steps, check: (v) => (Number.isInteger(v) && v >= 1 ? null : 'must be an integer ≥ 1') },
  ] satisfies ParamSpec[],
  defaultGrid: 200,
  extraFields: [],
  axes: (p, n) => ({
    x: axis({ name: 'etaA1', label: 'ηa1', min: p.zMin, max: p.zMax, n, scale: 'linear', includeMin: false }),
    y: axis({ name: 'etaA2', label: 'ηa2', min: p.zMin, max: p.zMax, n, scale: 'linear', includeMin: false }),
  }),
  cell: (p, x, y) => etaCurvatureCell(p as EtaCurvatureParams, x, y),
  figures: [
    { kind: 'heatmap', file: 'eta-curvature-regime.svg', title: 'Regime over (ηa1, ηa2)', field: 'regime' },
    { kind: 'heatmap', file: 'eta-curvature-psd-status.svg', title: 'Where Σ̃ ⪰ 0 (C4 real SDE) over (ηa1, ηa2)', field: 'psdStatus' },
    { kind: 'heatmap', file: 'eta-curvature-psd-margin.svg', title: 'PSD margin of Σ̃ (regime R)', field: 'psdMargin' },
    { kind: 'heatmap', file: 'eta-curvature-pcov-error.svg', title: 'Pseudo-covariance error vs SGD', field: 'log10PcovErr' },
    { kind: 'heatmap', file: 'eta-curvature-singular-distance.svg', title: 'Distance to the singular set', field: 'log10SingularDistance' },
  ],
};
