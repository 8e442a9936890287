/**
 * Sharp escape probabilities P(|X_k| > r) for 1-D Gaussian Markov chains, by forward density
 * propagation (C20 (c), spec/weak.md §9). The indicator of |x| > r is discontinuous, so it is never
 * interpolated: the density of X_{N−1} is carried on a uniform grid and the last step's escape
 * probability is the closed form P(|N(μ(x), s(x)²)| > r) (src/stats/gaussianTail.ts), integrated
 * against it.
 *
 * A chain X_{j+1} ~ N(μ(X_j), s(X_j)²): SGD itself (μ = x − ηf′(x), s = ησ: exact), or an SDE's
 * Euler–Maruyama step of size h = η/m (μ = x − h b(x), s = sqrt(hηD(x))). Every transition density
 * is Gaussian, so the density after the first step is smooth (analytic) and the trapezoid rule
 * on a grid of spacing ≤ s_min/2 is accurate far below 1e-15 (its error decays like
 * exp(−2π²(s_min/spacing)²)); the grid's error is measured by refinement, the mass leaving the
 * domain is counted as escaped and its size added to the error.
 * SDEs: Euler's weak error expands in h also for indicator test functions with a non-degenerate
 * diffusion (Bally–Talay), so m = m0, 2m0, 4m0, 8m0 are Richardson-extrapolated (removing h, h², h³)
 * and the difference to the extrapolation from the three finest levels is the error estimate.
 */
import type { SdeModel } from '../formats/types.js';
import { twoSidedExceedance } from '../stats/gaussianTail.js';
import { oneDimSde, type OneDimObjectiveFns } from './oneDimModels.js';

/** One step of a Gaussian chain: X' ~ N(mean(x), sd(x)²). */
export interface GaussianStep {
  mean: (x: number) => number;
  sd: (x: number) => number;
}

/** Discretisation of the density: spacing as a fraction of the smallest step deviation, domain ±halfWidth. */
export interface DensityResolution {
  spacingFactor: number;
  halfWidth: number;
}

/** The base and refined resolutions of a problem whose mass stays in ±halfWidth (refined: finer and 4/3 wider). */
export function resolutions(halfWidth: number): [DensityResolution, DensityResolution] {
  return [
    { spacingFactor: 0.5, halfWidth },
    { spacingFactor: 0.35, halfWidth: (4 / 3) * halfWidth },
  ];
}

/** Kernel support: targets within this many step deviations of the step's mean (the rest < 1e-31 of the mass). */
const KERNEL_SDS = 12;

/** Most grid points (memory of the banded kernel). */
export const MAX_DENSITY_POINTS = 20_000;

interface Grid {
  lo: number;
  spacing: number;
  points: Float64Array;
}

/** Row i: the weights spacing·N(y_k; μ(x_i), s(x_i)²) for k = start[i] .. end[i] − 1. */
interface Kernel {
  start: Int32Array;
  end: Int32Array;
  vals: Float64Array[];
  /** P(|X'| > r | X = x_i): the closed-form escape of the next step from each grid point. */
  escape: Float64Array;
}

function grid(res: DensityResolution, smallestSd: number): Grid {
  const spacing = res.spacingFactor * smallestSd;
  const n = Math.ceil((2 * res.halfWidth) / spacing) + 1;
  if (!(n <= MAX_DENSITY_POINTS)) throw new RangeError(`the density grid would need ${n} points (step deviation ${smallestSd}); limit ${MAX_DENSITY_POINTS}`);
  const lo = -res.halfWidth;
  return { lo, spacing, points: Float64Array.from({ length: n }, (_, i) => lo + i * spacing) };
}

function kernel(g: Grid, step: GaussianStep, r: number): Kernel {
  const n = g.points.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const vals: Float64Array[] = [];
  const escape = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mu = step.mean(g.points[i]);
    const s = step.sd(g.points[i]);
    escape[i] = twoSidedExceedance(mu, s, r);
    const a = Math.max(0, Math.ceil((mu - KERNEL_SDS * s - g.lo) / g.spacing));
    const b = Math.min(n, Math.floor((mu + KERNEL_SDS * s - g.lo) / g.spacing) + 1);
    start[i] = a;
    end[i] = Math.max(a, b);
    const row = new Float64Array(end[i] - a);
    for (let k = a; k < end[i]; k++) {
      const z = (g.points[k] - mu) / s;
      row[k - a] = (g.spacing * Math.exp(-0.5 * z * z)) / (s * Math.sqrt(2 * Math.PI));
    }
    vals.push(row);
  }
  return { start, end, vals, escape };
}

/** Escape probabilities at the checkpoints and the mass that left the domain by the last one. */
export interface DensityEscape {
  probabilities: number[];
  leaked: number;
}

/**
 * P(|X_N| > r) from X_0 = x0 for each N in `checkpoints` (increasing step counts ≥ 1). The grid
 * spacing is `spacingFactor` times the smallest step deviation over the domain.
 */
export function densityEscape(step: GaussianStep, x0: number, r: number, checkpoints: readonly number[], res: DensityResolution): DensityEscape {
  const probe = Array.from({ length: 401 }, (_, i) => -res.halfWidth + (i * 2 * res.halfWidth) / 400);
  const g = grid(res, Math.min(step.sd(x0), ...probe.map(step.sd)));
  const K = kernel(g, step, r);
  const n = g.points.length;
  // Density of X_1 (trapezoid weights folded into the kernel): N(μ(x0), s(x0)²) on the grid.
  const mu0 = step.mean(x0);
  const s0 = step.sd(x0);
  let p: Float64Array = Float64Array.from(g.points, (y) => Math.exp(-0.5 * ((y - mu0) / s0) ** 2) / (s0 * Math.sqrt(2 * Math.PI)));
  let q: Float64Array = new Float64Array(n);
  const out: number[] = [];
  let done = 1; // p is the density of X_done
  for (const N of checkpoints) {
    if (N === 1) {
      out.push(twoSidedExceedance(mu0, s0, r));
      continue;
    }
    while (done < N - 1) {
      q.fill(0);
      for (let i = 0; i < n; i++) {
        const pi = p[i];
        if (pi === 0) continue;
        const row = K.vals[i];
        for (let k = K.start[i]; k < K.end[i]; k++) q[k] += pi * row[k - K.start[i]];
      }
      [p, q] = [q, p];
      done++;
    }
    let tail = 0;
    let mass = 0;
    for (let i = 0; i < n; i++) {
      tail += p[i] * K.escape[i];
      mass += p[i];
    }
    // Mass that left the grid has |x| beyond the domain (> r): it escaped.
    out.push(Math.min(1, g.spacing * tail + Math.max(0, 1 - g.spacing * mass)));
  }
  let mass = 0;
  for (let i = 0; i < n; i++) mass += p[i];
  return { probabilities: out, leaked: Math.abs(1 - g.spacing * mass) };
}

/** SGD on f with additive noise N(0, σ²): x' = x − ηf′(x) − ησZ. */
export function sgdStep(f: OneDimObjectiveFns, sigma: number, eta: number): GaussianStep {
  return { mean: (x) => x - eta * f.fp(x), sd: () => eta * sigma };
}

/** Euler–Maruyama step of size η/m of a model's SDE dX = −b dt + sqrt(ηD) dW (src/weak/oneDimModels.ts). */
export function eulerStep(f: OneDimObjectiveFns, sigma: number, eta: number, model: SdeModel, m: number): GaussianStep {
  const sde = oneDimSde(f, sigma, eta, model);
  const h = eta / m;
  return { mean: (x) => x - h * sde.b(x), sd: (x) => Math.sqrt(h * eta * sde.D(x)) };
}

/** A sharp escape curve with its error estimate per checkpoint. */
export interface EscapeEstimate {
  probabilities: number[];
  /** Engine error bound per checkpoint: grid refinement + Richardson (SDEs) + leaked mass. */
  errors: number[];
}

/** The 1-D escape problem: objective, noise, step size, start, radius, checkpoints k (in steps of η). */
export interface SharpEscapeProblem {
  f: OneDimObjectiveFns;
  sigma: number;
  eta: number;
  x0: number;
  radius: number;
  steps: number[];
  /** Domain ±halfWidth of the base grid (mass leaving it counts as escaped and enters the error). */
  halfWidth: number;
}

/** SGD's curve: exact chain, error by grid refinement and leak. */
export function sgdEscape(p: SharpEscapeProblem): EscapeEstimate {
  const step = sgdStep(p.f, p.sigma, p.eta);
  const [baseRes, fineRes] = resolutions(p.halfWidth);
  const base = densityEscape(step, p.x0, p.radius, p.steps, baseRes);
  const fine = densityEscape(step, p.x0, p.radius, p.steps, fineRes);
  return { probabilities: fine.probabilities, errors: fine.probabilities.map((v, i) => Math.abs(v - base.probabilities[i]) + fine.leaked + base.leaked) };
}

/** Coarsest Euler substeps per η (levels m0, 2m0, 4m0, 8m0). */
export const EULER_M0 = 2;

/** Richardson over h = η/m for a weak-order-1 expansion: levels P(m0), P(2m0), …; returns the top value and the previous top's gap. */
export function richardsonEuler(levels: number[]): { value: number; error: number } {
  let table = levels.slice();
  let previousTop = table[table.length - 1];
  let top = previousTop;
  for (let order = 1; table.length > 1; order++) {
    const f = 2 ** order;
    table = table.slice(1).map((v, i) => (f * v - table[i]) / (f - 1));
    previousTop = top;
    top = table[table.length - 1];
  }
  return { value: top, error: Math.abs(top - previousTop) };
}

/** A model's curve: Euler chains at m0..8m0 substeps, Richardson, grid refinement on the extrapolated values. */
export function modelEscape(p: SharpEscapeProblem, model: SdeModel, m0 = EULER_M0): EscapeEstimate {
  const ms = [m0, 2 * m0, 4 * m0, 8 * m0];
  const run = (res: DensityResolution) => ms.map((m) => densityEscape(eulerStep(p.f, p.sigma, p.eta, model, m), p.x0, p.radius, p.steps.map((k) => k * m), res));
  const [baseRes, fineRes] = resolutions(p.halfWidth);
  const base = run(baseRes);
  const fine = run(fineRes);
  const leak = Math.max(...base.map((b) => b.leaked), ...fine.map((b) => b.leaked));
  const fineLimits = p.steps.map((_, i) => richardsonEuler(fine.map((r) => r.probabilities[i])));
  return {
    probabilities: fineLimits.map((f) => f.value),
    errors: fineLimits.map((f, i) => f.error + Math.abs(f.value - richardsonEuler(base.map((r) => r.probabilities[i])).value) + leak),
  };
}
