/**
 * The 1-D non-quadratic weak-error engine (C17): deterministic expectations, no sampling.
 *
 * SGD: backward recursion v_k(x) = E v_{k+1}(x − ηf′(x) − ησZ), v_K = u, Z ~ N(0, 1), with
 * Gauss–Hermite quadrature in Z and local Lagrange interpolation on a uniform grid in x. The step is
 * the same sparse linear map every step (a matrix G on grid values), so E u(x_K) = (G^K u)(x0).
 * SDEs: the same recursion with Platen's explicit weak-order-2 step (Kloeden–Platen §15.1) of size
 * h = η/m for m = m0, 2m0, 4m0, then Richardson extrapolation removing the h² and h³ terms of the
 * Talay–Tubaro expansion (result O(h⁴)).
 * Numerical error: every quantity is recomputed at a refined resolution (finer grid, wider
 * stencil, more quadrature nodes, wider domain, 2× substeps); the difference is the engine error.
 */
import { HasmeInputError } from '../errors.js';
import type { SdeModel } from '../formats/types.js';
import { stepsOf } from '../problems/steps.js';
import type { OneDimProblem } from '../problems/types.js';
import { boxOperator, iterateBox, type BoxOperator } from './boxOperator.js';
import { gaussHermite } from './gaussHermite.js';
import { interpolate, stencilAt, uniformGrid, type UniformGrid } from './lagrangeGrid.js';
import { checkOneDimRegime, objective, oneDimSde, type OneDimObjectiveFns, type OneDimSde } from './oneDimModels.js';

/** Discretisation parameters of the engine. */
export interface Resolution {
  /** Grid spacing. */
  spacing: number;
  /** Lagrange stencil width (even). */
  order: number;
  /** Gauss–Hermite nodes. */
  quadratureNodes: number;
  /** Margin added on both sides of the region the drift can reach (see {@link domain}). */
  margin: number;
  /** Coarsest number of SDE substeps per η in the Richardson table (m0). */
  substeps: number;
}

export const BASE_RESOLUTION: Resolution = { spacing: 0.05, order: 12, quadratureNodes: 6, margin: 2, substeps: 2 };
export const REFINED_RESOLUTION: Resolution = { spacing: 0.035, order: 14, quadratureNodes: 8, margin: 3, substeps: 4 };

/**
 * The grid's interval: x0 ± (λT + margin). |f′| ≤ λ, so the drift moves the process at most λT
 * in time T (every model's drift is within a factor T(ηλ) ≤ 1.39 of f′ for ηλ ≤ 1/2; the margin
 * absorbs it and the noise, whose standard deviation is about sqrt(ηT)σ).
 */
export function domain(p: OneDimProblem, margin: number): [number, number] {
  const x0 = Number(p.x0);
  const reach = Number(p.lambda) * Number(p.T) + margin;
  return [x0 - reach, x0 + reach];
}

/** Largest |x| the grid may reach: its spacing (≥ 0.035) stays 10⁸ ulps wide (spec/weak.md §Limits). */
export const MAX_ONED_REACH = 1e6;
/** Most grid points (memory: a stencil per point and quadrature node). */
export const MAX_ONED_GRID_POINTS = 200_000;

/** Grid points of the refined resolution (the larger one), for the work estimate. */
export function oneDimGridPoints(p: OneDimProblem): number {
  const [lo, hi] = domain(p, REFINED_RESOLUTION.margin);
  return Math.ceil((hi - lo) / REFINED_RESOLUTION.spacing) + 1;
}

/** Refuses a problem whose grid is beyond double resolution or memory, with the limit. */
export function checkOneDimScale(p: OneDimProblem): void {
  const [lo, hi] = domain(p, REFINED_RESOLUTION.margin);
  if (!(Math.max(Math.abs(lo), Math.abs(hi)) <= MAX_ONED_REACH)) {
    throw new HasmeInputError('unsupported', `the 1-D engine's grid x0 ± (λT + margin) = [${lo}, ${hi}] reaches beyond ±${MAX_ONED_REACH} (spec/weak.md §Limits)`);
  }
  if (!(Number(p.sigma) <= MAX_ONED_REACH)) throw new HasmeInputError('unsupported', `sigma = ${p.sigma} exceeds the 1-D engine's limit of ${MAX_ONED_REACH} (spec/weak.md §Limits)`);
  const points = oneDimGridPoints(p);
  if (points > MAX_ONED_GRID_POINTS) throw new HasmeInputError('unsupported', `the 1-D engine would need ${points} grid points (λT = ${Number(p.lambda) * Number(p.T)}), more than ${MAX_ONED_GRID_POINTS} (spec/weak.md §Limits)`);
}

function testFunction(p: OneDimProblem): (x: number) => number {
  const c = Number(p.test.center);
  const w = Number(p.test.width);
  return (x) => Math.exp(-((x - c) ** 2) / (2 * w * w));
}

/** The step map x ↦ E[interp(next(x, Z))] over a q-point Gauss–Hermite rule (src/weak/boxOperator.ts, 1-D). */
function transitionOperator(grid: UniformGrid, q: number, next: (x: number, z: number) => number): BoxOperator {
  const { nodes, weights } = gaussHermite(q);
  return boxOperator([grid.points.length], (i) => nodes.map((z, k) => ({ weight: weights[k], axes: [stencilAt(grid, next(grid.points[i], z))] })));
}

interface Setup {
  grid: UniformGrid;
  u0: Float64Array;
  x0: number;
  f: OneDimObjectiveFns;
  sigma: number;
}

function setup(p: OneDimProblem, res: Resolution, f: OneDimObjectiveFns): Setup {
  const [lo, hi] = domain({ ...p, lambda: String(f.lambda) }, res.margin);
  const grid = uniformGrid(lo, hi, res.spacing, res.order);
  const u = testFunction(p);
  return { grid, u0: Float64Array.from(grid.points, u), x0: Number(p.x0), f, sigma: Number(p.sigma) };
}

function sgdValue(s: Setup, eta: number, steps: number, res: Resolution): number {
  const G = transitionOperator(s.grid, res.quadratureNodes, (x, z) => x - eta * s.f.fp(x) - eta * s.sigma * z);
  return interpolate(s.grid, iterateBox(G, s.u0, steps), s.x0);
}

/** Platen's explicit weak order-2 step for dX = a dt + s dW with a = −b, s = sqrt(ηD), ΔW = √h Z. */
function platenStep(sde: OneDimSde, eta: number, h: number): (x: number, z: number) => number {
  const rh = Math.sqrt(h);
  const a = (x: number) => -sde.b(x);
  const s = (x: number) => Math.sqrt(eta * sde.D(x));
  return (x, z) => {
    const ax = a(x);
    const sx = s(x);
    const dW = rh * z;
    const ybar = x + ax * h + sx * dW;
    const sp = s(x + ax * h + sx * rh);
    const sm = s(x + ax * h - sx * rh);
    return x + 0.5 * (a(ybar) + ax) * h + 0.25 * (sp + sm + 2 * sx) * dW + (0.25 * (sp - sm) * (dW * dW - h)) / rh;
  };
}

/** E u(X_T) by the plain Platen recursion with m substeps per η (weak order 2 in h = η/m). */
function platenValue(s: Setup, sde: OneDimSde, eta: number, steps: number, m: number, q: number): number {
  const G = transitionOperator(s.grid, q, platenStep(sde, eta, eta / m));
  return interpolate(s.grid, iterateBox(G, s.u0, steps * m), s.x0);
}

function sdeValue(s: Setup, model: SdeModel, eta: number, steps: number, res: Resolution): number {
  const sde = oneDimSde(s.f, s.sigma, eta, model);
  const m = res.substeps;
  const [e1, e2, e4] = [m, 2 * m, 4 * m].map((k) => platenValue(s, sde, eta, steps, k, res.quadratureNodes));
  const r1 = (4 * e2 - e1) / 3;
  const r2 = (4 * e4 - e2) / 3;
  return (8 * r2 - r1) / 7;
}

/**
 * E u(X_T) of one model: Richardson-extrapolated (the engine's value) and by the plain Platen
 * scheme at each of `substeps` (for convergence studies; tests check the weak order 2 of the step).
 */
export function oneDimSdeValues(
  p: OneDimProblem,
  model: SdeModel,
  eta: string,
  substeps: number[],
  res: Resolution = REFINED_RESOLUTION,
): { extrapolated: number; plain: number[] } {
  const f = objective(p);
  const s = setup(p, res, f);
  const steps = stepsOf(p.T, eta);
  const sde = oneDimSde(f, s.sigma, Number(eta), model);
  return {
    extrapolated: sdeValue(s, model, Number(eta), steps, res),
    plain: substeps.map((m) => platenValue(s, sde, Number(eta), steps, m, res.quadratureNodes)),
  };
}

/** One (model, η) row of the 1-D engine, with the engine's own error estimates. */
export interface OneDimRow {
  model: SdeModel;
  eta: number;
  steps: number;
  sgd: number;
  sde: number;
  /** sde − sgd. */
  error: number;
  /** |error(refined) − error(base)|: the engine's estimate of its own error in `error`. */
  engineError: number;
}

/**
 * Weak errors of every model of the problem at every step size. Values are those of the
 * refined resolution; engineError is their difference from the base resolution.
 */
export function oneDimWeakRows(
  p: OneDimProblem,
  opts: {
    base?: Resolution;
    refined?: Resolution;
    onProgress?: (done: number, total: number) => void;
    /** Replaces p.f (tests use a quadratic, whose laws are known in closed form); λ must bound |f″|. */
    objective?: OneDimObjectiveFns;
  } = {},
): OneDimRow[] {
  checkOneDimScale(p);
  const baseRes = opts.base ?? BASE_RESOLUTION;
  const fineRes = opts.refined ?? REFINED_RESOLUTION;
  const f = opts.objective ?? objective(p);
  const base = setup(p, baseRes, f);
  const fine = setup(p, fineRes, f);
  const rows: OneDimRow[] = [];
  for (const etaText of p.etas) {
    const eta = Number(etaText);
    checkOneDimRegime(f.lambda, eta);
    const steps = stepsOf(p.T, etaText);
    const sgd0 = sgdValue(base, eta, steps, baseRes);
    const sgd1 = sgdValue(fine, eta, steps, fineRes);
    for (const model of p.models) {
      const sde0 = sdeValue(base, model, eta, steps, baseRes);
      const sde1 = sdeValue(fine, model, eta, steps, fineRes);
      const row = { model, eta, steps, sgd: sgd1, sde: sde1, error: sde1 - sgd1, engineError: Math.abs(sde1 - sgd1 - (sde0 - sgd0)) };
      if (![row.sgd, row.sde, row.engineError].every(Number.isFinite)) {
        throw new HasmeInputError('non-finite', `the 1-D engine's values for ${model} at η = ${eta} are beyond double range (sigma = ${p.sigma}, lambda = ${p.lambda}: the noise or drift overwhelms the grid)`);
      }
      rows.push(row);
      opts.onProgress?.(rows.length, p.etas.length * p.models.length);
    }
  }
  return rows;
}
