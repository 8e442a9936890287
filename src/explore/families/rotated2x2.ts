/**
 * Family `rotated2x2`: H = R(θ) diag(a1, a2) R(θ)ᵀ, Σ = diag(s1, s2); x = θ ∈ [0, π/2],
 * y = η ∈ (0, etaMax]. θ = 0 is the commuting case (C5); the defaults put regime boundaries
 * ηa1 = 1, 2, the pair pole (1 − ηa1)(1 − ηa2) = 1 and ηa2 = 1, 2 (η = 1/4, 1/2, 5/4, 1, 2)
 * exactly on grid rows for grids of 50, 100, 200, ... points.
 */
import { axis, gridPoints } from '../grid.js';
import { evaluate2x2, rotatedSigma } from '../twoByTwo.js';
import type { Cell, Family, FamilyParams, ParamSpec } from '../types.js';
import { positive, sigmaEigenvalueParams, stepsParam } from './common.js';

/** Parameters of the rotated 2×2 family. */
export interface Rotated2x2Params extends FamilyParams {
  a1: number;
  a2: number;
  s1: number;
  s2: number;
  etaMax: number;
  /** k: SGD steps after which the moments are compared. */
  steps: number;
}

/** Defaults: every regime boundary on a grid row for 50, 100, 200, ... points (see file header). */
export const ROTATED2X2_DEFAULTS: Rotated2x2Params = { a1: 4, a2: 1, s1: 1, s2: 0.01, etaMax: 2.5, steps: 10 };

/**
 * One cell of the rotated 2×2 family at misalignment θ and step size η: regime (C9: S cells carry
 * only nulls), PSD margin λmin/λmax of Σ̃ (regime R), pseudo-covariance and covariance errors
 * against SGD after `steps` steps (C3, C4, C8) and the library's distance to the singular set.
 * Computed in H's eigenbasis (exact spectrum; equivalent by C12, see twoByTwo.ts).
 *
 * @example rotated2x2Cell(ROTATED2X2_DEFAULTS, Math.PI / 4, 0.1)
 */
export function rotated2x2Cell(params: Rotated2x2Params, theta: number, eta: number): Cell {
  const Sigma = rotatedSigma(theta, params.s1, params.s2);
  return { x: theta, y: eta, ...evaluate2x2({ a1: params.a1, a2: params.a2, Sigma, eta }, params.steps) };
}

/** Axes: x = θ ∈ [0, π/2] (n points, ends included), y = η ∈ (0, etaMax] (n points). */
export function rotated2x2Axes(params: Rotated2x2Params, n: number) {
  return {
    x: axis({ name: 'theta', label: 'θ (rad)', min: 0, max: Math.PI / 2, n, scale: 'linear', includeMin: true }),
    y: axis({ name: 'eta', label: 'η', min: 0, max: params.etaMax, n, scale: 'linear', includeMin: false }),
  };
}

/** The cells of an n×n grid, lazily, row by row (θ fastest). */
export function* rotated2x2Cells(params: Rotated2x2Params, n: number): Generator<Cell> {
  const { x, y } = rotated2x2Axes(params, n);
  for (const p of gridPoints(x, y)) yield rotated2x2Cell(params, p.x, p.y);
}


/** Options of the rotated 2×2 family (`--a1 --a2 --s1 --s2 --eta-max --steps`). */
export const ROTATED2X2_PARAMS: ParamSpec[] = [
  { name: 'a1', description: 'first eigenvalue of H', default: ROTATED2X2_DEFAULTS.a1 },
  { name: 'a2', description: 'second eigenvalue of H', default: ROTATED2X2_DEFAULTS.a2 },
  ...sigmaEigenvalueParams(ROTATED2X2_DEFAULTS.s1, ROTATED2X2_DEFAULTS.s2),
  { name: 'etaMax', description: 'largest step size η', default: ROTATED2X2_DEFAULTS.etaMax, check: positive },
  stepsParam(ROTATED2X2_DEFAULTS.steps),
];

/** The `rotated2x2` family for `hasme explore`. */
export const rotated2x2: Family = {
  name: 'rotated2x2',
  description: 'H = R(θ) diag(a1, a2) R(θ)ᵀ, Σ = diag(s1, s2); x = θ, y = η',
  params: ROTATED2X2_PARAMS,
  defaultGrid: 200,
  microsPerCell: 60, // measured on one core (bench machine, 100×100 grid)
  extraFields: [],
  axes: (p, n) => rotated2x2Axes(p as Rotated2x2Params, n),
  cell: (p, x, y) => rotated2x2Cell(p as Rotated2x2Params, x, y),
  figures: [
    { kind: 'heatmap', file: 'rotated2x2-regime.svg', title: 'Regime, rotated 2×2', field: 'regime' },
    { kind: 'heatmap', file: 'rotated2x2-psd-status.svg', title: 'Where Σ̃ ⪰ 0 (C4 real SDE), rotated 2×2', field: 'psdStatus' },
    { kind: 'heatmap', file: 'rotated2x2-psd-margin.svg', title: 'PSD margin of Σ̃ (regime R)', field: 'psdMargin' },
    { kind: 'heatmap', file: 'rotated2x2-pcov-error.svg', title: 'Pseudo-covariance error vs SGD', field: 'log10PcovErr' },
    { kind: 'heatmap', file: 'rotated2x2-singular-distance.svg', title: 'Distance to the singular set', field: 'log10SingularDistance' },
  ],
};
