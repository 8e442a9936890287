/**
 * The work of `hasme weak`, estimated up front (spec/weak.md §Limits): a problem whose estimate
 * exceeds the limit is refused with the estimate (exit 2) unless `--force`, instead of running for
 * days. The constants are measured on one core of the development machine:
 * - exact engines (quadratic, finite-sum): about 25 µs per step, per model (SGD counts as one), per
 *   unknown of the moment ODE (d + d² + 1): d = 8, 1000 steps, one model: 7.7 s;
 * - 1-D engine: about 12 µs per step, per grid point, per model (SGD counts as one), both
 *   resolutions included: T = 4, η = 0.01, one model: 3.1 s;
 * - 2-D engine: about 1 µs per grid point and operator application (twoDimWorkUnits): the ridges-d2
 *   table (4 models × 4 η, both resolutions): 47 s.
 */
import { HasmeInputError } from '../errors.js';
import { stepsOf } from '../problems/steps.js';
import type { Problem } from '../problems/types.js';
import { oneDimGridPoints } from './oneDim.js';
import { TWOD_UNIT_SECONDS, twoDimWorkUnits } from './twoDim.js';

/** Longest estimated run without --force, seconds. */
export const MAX_WEAK_SECONDS = 300;
const EXACT_SECONDS_PER_STEP_UNKNOWN = 25e-6;
const ONED_SECONDS_PER_STEP_POINT = 12e-6;

/** Estimated seconds of the weak table of `p` (saddles: not a weak table, 0). */
export function weakSeconds(p: Problem): number {
  if (p.kind === 'saddle') return 0;
  if (p.kind === 'twod') return twoDimWorkUnits(p) * TWOD_UNIT_SECONDS;
  const totalSteps = p.etas.reduce((s, eta) => s + stepsOf(p.T, eta), 0);
  const engines = p.models.length + 1;
  if (p.kind === 'oned') return totalSteps * engines * oneDimGridPoints(p) * ONED_SECONDS_PER_STEP_POINT;
  const d = p.kind === 'quadratic' ? p.H.length : p.A[0].length;
  return totalSteps * engines * (d + d * d + 1) * EXACT_SECONDS_PER_STEP_UNKNOWN;
}

function duration(s: number): string {
  if (s < 120) return `${s.toFixed(0)} s`;
  if (s < 2 * 3600) return `${(s / 60).toFixed(0)} min`;
  return s < 2 * 86400 ? `${(s / 3600).toFixed(1)} h` : `${(s / 86400).toPrecision(2)} days`;
}

/** Refuses a problem whose estimated run exceeds MAX_WEAK_SECONDS, unless `force`. */
export function requireWeakBudget(p: Problem, force = false): void {
  const s = weakSeconds(p);
  if (!force && s > MAX_WEAK_SECONDS) {
    throw new HasmeInputError('unsupported', `estimated run time ${duration(s)} on one core exceeds the limit of ${duration(MAX_WEAK_SECONDS)} (fewer or larger step sizes, a shorter T or fewer models; --force runs it anyway)`);
  }
}
