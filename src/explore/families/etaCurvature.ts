/**
 * Family `eta-curvature`: the scaled curvatures (ηa1, ηa2) on both axes at a fixed step size η and
 * a fixed misalignment θ of Σ against H, covering negative curvature, R (both < 1), X, the lines
 * ηa = 1 and 2 (S), the pole hyperbola (1 − ηa1)(1 − ηa2) = 1 with both factors negative (S) and
 * the removable set, the same hyperbola with both factors positive (C10).
 */
import { axis } from '../grid.js';
import { evaluate2x2, rotatedSigma } from '../twoByTwo.js';
import type { Cell, Family, FamilyParams, ParamSpec } from '../types.js';
import { positive, sigmaEigenvalueParams, stepsParam } from './common.js';

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


/** The `eta-curvature` family for `hasme explore`. */
export const etaCurvature: Family = {
  name: 'eta-curvature',
  description: 'x = ηa1, y = ηa2 at fixed η and misalignment θ',
  params: [
    { name: 'theta', description: 'misalignment angle of Σ against H (rad)', default: ETA_CURVATURE_DEFAULTS.theta },
    ...sigmaEigenvalueParams(ETA_CURVATURE_DEFAULTS.s1, ETA_CURVATURE_DEFAULTS.s2),
    {
      name: 'eta',
      description: 'step size η (a power of two keeps ηa exact)',
      default: ETA_CURVATURE_DEFAULTS.eta,
      // The cells' curvatures are a = (ηa)/η: they must stay finite doubles.
      check: (v, all) => positive(v) ?? (Number.isFinite(Math.max(Math.abs(all.zMin), Math.abs(all.zMax)) / v) ? null : 'too small: the curvatures ηa/η overflow'),
    },
    { name: 'zMin', description: 'smallest ηa on both axes (excluded)', default: ETA_CURVATURE_DEFAULTS.zMin },
    { name: 'zMax', description: 'largest ηa on both axes', default: ETA_CURVATURE_DEFAULTS.zMax, check: (v, all) => (v > all.zMin ? null : 'must exceed zMin') },
    stepsParam(ETA_CURVATURE_DEFAULTS.steps),
  ] satisfies ParamSpec[],
  defaultGrid: 200,
  microsPerCell: 50, // measured on one core (bench machine, 100×100 grid)
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
