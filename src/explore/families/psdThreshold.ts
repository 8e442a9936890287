/**
 * Family `psd-threshold`: for H = diag(a1, a2) and Σ = R(θ)ᵀ diag(1, 1/κ) R(θ) (so κ(Σ) = κ and
 * λmin(Σ) = 1/κ), the first step size η₀(θ, κ) at which Σ̃ stops being PSD, beside the η up to
 * which the C6 sufficient bound λmin(Σ) ≥ max_i Σ̂_ii ‖E‖₂ certifies PSD (E_ij = φ(ℓ_i + ℓ_j) − 1).
 * Both are searched inside regime R, η ∈ (0, 1/max a_i). The base cell fields are evaluated at the
 * fixed step size `eta` (default ηλ = 1/2 for λ = max a_i = 1).
 */
import { axis } from '../grid.js';
import { diffusionOf, extremeEigenvalues } from '../library.js';
import { firstFailure } from '../threshold.js';
import { diagH, evaluate2x2, rotatedSigma } from '../twoByTwo.js';
import type { Cell, Family, FamilyParams } from '../types.js';
import { positive, stepsParam } from './common.js';

/** Parameters of the psd-threshold family. */
export interface PsdThresholdParams extends FamilyParams {
  a1: number;
  a2: number;
  kappaMax: number;
  /** Step size at which the base cell fields are evaluated. */
  eta: number;
  steps: number;
}

/** Defaults: H = diag(1, 0.2) as in spec/claims.md C7, κ up to 1e6, base fields at ηλ = 1/2. */
export const PSD_THRESHOLD_DEFAULTS: PsdThresholdParams = { a1: 1, a2: 0.2, kappaMax: 1e6, eta: 0.5, steps: 10 };

const ONES = [
  [1, 1],
  [1, 1],
];

/** λmin(Σ̃) ≥ 0 at η (regime R; Σ̃ real). */
function diffusionPsd(a1: number, a2: number, Sigma: number[][], eta: number): boolean {
  return extremeEigenvalues(diffusionOf(diagH(a1, a2), Sigma, eta).diffusion.re, 2)[0] >= 0;
}

/**
 * The C6 bound at η: λmin(Σ) − max_i Σ̂_ii ‖E‖₂ ≥ 0. K = φ(ℓ_i + ℓ_j) is read off the library as
 * Σ̃(H, J) for the all-ones J (Σ̃ is linear in Σ and H is diagonal: Σ̃ = K ∘ Σ, C12), E = K − J.
 */
function boundHolds(a1: number, a2: number, Sigma: number[][], lambdaMinSigma: number, eta: number): boolean {
  const E = diffusionOf(diagH(a1, a2), ONES, eta).diffusion.re.map((k) => k - 1);
  const [lo, hi] = extremeEigenvalues(E, 2);
  const normE = Math.max(Math.abs(lo), Math.abs(hi));
  return lambdaMinSigma - Math.max(Sigma[0][0], Sigma[1][1]) * normE >= 0;
}

/**
 * One cell at misalignment θ and condition number κ: η₀ (null when Σ̃ stays PSD on all of regime
 * R, e.g. θ = 0 by C5), the first η at which the C6 bound stops holding (null if it holds on all of
 * R) and the base fields at `eta`.
 */
export function psdThresholdCell(params: PsdThresholdParams, theta: number, kappa: number): Cell {
  const { a1, a2 } = params;
  const Sigma = rotatedSigma(theta, 1, 1 / kappa);
  const etaR = 1 / Math.max(a1, a2);
  const eta0 = firstFailure((eta) => diffusionPsd(a1, a2, Sigma, eta), etaR);
  const etaBound = firstFailure((eta) => boundHolds(a1, a2, Sigma, 1 / kappa, eta), etaR);
  return { x: theta, y: kappa, ...evaluate2x2({ a1, a2, Sigma, eta: params.eta }, params.steps), eta0, etaBound };
}

/** The `psd-threshold` family for `hasme explore`. */
export const psdThreshold: Family = {
  name: 'psd-threshold',
  description: 'η₀(θ, κ(Σ)) where Σ̃ stops being PSD, beside the C6 bound; H = diag(a1, a2)',
  params: [
    { name: 'a1', description: 'first eigenvalue of H (max(a1, a2) > 0)', default: PSD_THRESHOLD_DEFAULTS.a1 },
    { name: 'a2', description: 'second eigenvalue of H', default: PSD_THRESHOLD_DEFAULTS.a2, check: (v, all) => (Math.max(v, all.a1) > 0 ? null : 'need max(a1, a2) > 0 (regime R is bounded)') },
    { name: 'kappaMax', description: 'largest condition number κ(Σ) (axis from 1, log)', default: PSD_THRESHOLD_DEFAULTS.kappaMax, check: (v) => (v > 1 ? null : 'must be > 1') },
    { name: 'eta', description: 'step size for the base cell fields', default: PSD_THRESHOLD_DEFAULTS.eta, check: positive },
    stepsParam(PSD_THRESHOLD_DEFAULTS.steps),
  ],
  defaultGrid: 24,
  microsPerCell: 3000, // measured on one core (bench machine, 100×100 grid)
  // ~20 ms per cell (two scans and bisections): workers pay off from a few hundred cells.
  parallelMinCells: 200,
  extraFields: ['eta0', 'etaBound'],
  axes: (p, n) => ({
    x: axis({ name: 'theta', label: 'θ (rad)', min: 0, max: Math.PI / 2, n, scale: 'linear', includeMin: true }),
    y: axis({ name: 'kappa', label: 'κ(Σ)', min: 1, max: p.kappaMax, n, scale: 'log', includeMin: true }),
  }),
  cell: (p, x, y) => psdThresholdCell(p as PsdThresholdParams, x, y),
  figures: [
    { kind: 'curves', file: 'psd-threshold-curves.svg', title: 'η₀ (lines) and C6 bound (points) against θ', fields: ['eta0', 'etaBound'], yLabel: 'η' },
    { kind: 'heatmap', file: 'psd-threshold-margin.svg', title: 'PSD margin of Σ̃ at the fixed η', field: 'psdMargin' },
  ],
};
