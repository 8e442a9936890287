/**
 * The 2-D non-quadratic weak-error engine (C22, spec/weak.md §11): deterministic expectations on a
 * tensor grid, double precision, with its own error estimate by refinement.
 *
 * SGD: backward recursion v_k(x) = E v_{k+1}(x − η∇f(x) − ηLZ), LLᵀ = Σ, Z ~ N(0, I₂), with a tensor
 * Gauss–Hermite rule in Z and tensor local Lagrange interpolation: the same sparse map G every step
 * (src/weak/boxOperator.ts, shared with the 1-D engine), E u(x_K) = (G^K u)(x0).
 * SDEs: E u(X_T) = v(T, x0) for the backward Kolmogorov equation ∂_t v = 𝓛v, v(0) = u,
 * 𝓛v = −b·∇v + (η/2) D:∇²v, with b = T∇f and D from the library at every grid point
 * (src/weak/twoDimModels.ts). Space: central finite differences of the same order as the
 * interpolation (Fornberg weights), applied as 1-D passes along each axis (∂₁₂ = ∂₂∂₁), the order
 * tapering to 0 at the edges (outflow boundary: the drift points inward for convex f, see §11).
 * Time: v(T) = exp(T𝓛_h)u by N steps of its Taylor polynomial of degree 32 with ρ·T/N ≤ 6, ρ a
 * Gershgorin bound of 𝓛_h (tail ≤ 6³³/33! ≈ 5e-12 per step on the stiffest mode; no
 * time-discretisation error on the smooth solution at double precision).
 * Numerical error: everything is recomputed at a refined resolution; engineError is the difference.
 */
import { HasmeInputError } from '../errors.js';
import type { SdeModel } from '../formats/types.js';
import { stepsOf } from '../problems/steps.js';
import type { TwoDimProblem } from '../problems/types.js';
import { boxOperator, iterateBox } from './boxOperator.js';
import { fornbergWeights } from './fdWeights.js';
import { gaussHermite } from './gaussHermite.js';
import { stencilAt, uniformGrid, type UniformGrid } from './lagrangeGrid.js';
import type { OneDimRow } from './oneDim.js';
import { checkTwoDimRegime, localCoefficients, twoDimObjective, type TwoDimObjective } from './twoDimModels.js';

/** Discretisation parameters of the 2-D engine. */
export interface TwoDimResolution {
  /** Grid spacing (both axes). */
  spacing: number;
  /** Interpolation stencil width and finite-difference order (even). */
  order: number;
  /** Gauss–Hermite nodes per noise dimension (SGD). */
  quadratureNodes: number;
  /** Margin added around the region the drift can reach. */
  margin: number;
}

export const BASE_2D: TwoDimResolution = { spacing: 0.15, order: 14, quadratureNodes: 4, margin: 1.5 };
export const REFINED_2D: TwoDimResolution = { spacing: 0.11, order: 16, quadratureNodes: 5, margin: 2 };
/** Third level, for step sizes where a row misses the bar with the first pair (spec/weak.md §11, "Own error"). */
export const FINER_2D: TwoDimResolution = { spacing: 0.08, order: 18, quadratureNodes: 6, margin: 2.5 };
/** C22's bar: the engine's error estimate at most this fraction of every weak error it reports. */
export const TWOD_ENGINE_RATIO = 1e-3;

/** A row whose engine-error estimate exceeds TWOD_ENGINE_RATIO of its weak error (or is not finite). */
export const missesEngineBar = (r: { error: number; engineError: number }): boolean => !(r.engineError <= TWOD_ENGINE_RATIO * Math.abs(r.error));

/** The largest engine-error estimate relative to its weak error over `rows` (what the bar is judged on). */
export const engineRatio = (rows: readonly { error: number; engineError: number }[]): number => Math.max(...rows.map((r) => r.engineError / Math.abs(r.error)));

/** Taylor degree of each time step of exp(T𝓛_h), and the bound on ρ·dt. */
const TAYLOR_DEGREE = 32;
const TAYLOR_RADIUS = 6;
/** Points a tapered edge stencil may have on its longer side beyond the shorter side (and the upwind bias). */
const EDGE_EXTRA = 2;

/** Most grid points per resolution (memory: a box of weights per point). */
export const MAX_TWOD_GRID_POINTS = 40_000;
/** Largest |x| the grid may reach. */
export const MAX_TWOD_REACH = 1e3;

/** One row of the 2-D engine (same fields as the 1-D engine's). */
export type TwoDimRow = OneDimRow;

/**
 * The grid's box: x0_i ± (1.4·G·T + margin) per axis, G = |∇f| bound on the disc of radius |x0| + 1
 * (every model's drift is within the factor T(ηa) ≤ 1.39 of ∇f for ηa ≤ 1/2; the process moves
 * towards the minimum at 0; the margin absorbs the noise and the stencils).
 */
export function twoDimDomain(p: TwoDimProblem, f: TwoDimObjective, margin: number, drift: number = twoDimDriftReach(p, f)): [number, number][] {
  const reach = drift + margin;
  return p.x0.map(Number).map((c) => [c - reach, c + reach] as [number, number]);
}

/** 1.4·G·T: how far the drift can carry a path from x0 within the horizon (the grid box's half-width without the margin). */
export function twoDimDriftReach(p: TwoDimProblem, f: TwoDimObjective = twoDimObjective(p)): number {
  const x0 = p.x0.map(Number);
  return 1.4 * f.gradBound(Math.hypot(x0[0], x0[1]) + 1) * Number(p.T);
}

/** Grid points of a resolution, the refined one by default (work estimate and limits). */
export function twoDimGridPoints(p: TwoDimProblem, f: TwoDimObjective = twoDimObjective(p), res: TwoDimResolution = REFINED_2D, drift?: number): number {
  return twoDimDomain(p, f, res.margin, drift).reduce((n, [lo, hi]) => n * (Math.ceil((hi - lo) / res.spacing) + 1), 1);
}

/** Refuses a problem whose grid is beyond the documented limits (spec/weak.md §11). */
export function checkTwoDimScale(p: TwoDimProblem, f: TwoDimObjective = twoDimObjective(p)): void {
  const box = twoDimDomain(p, f, REFINED_2D.margin);
  if (!box.every(([lo, hi]) => Math.max(Math.abs(lo), Math.abs(hi)) <= MAX_TWOD_REACH)) {
    throw new HasmeInputError('unsupported', `the 2-D engine's grid ${JSON.stringify(box)} reaches beyond ±${MAX_TWOD_REACH} (spec/weak.md §11)`);
  }
  const points = twoDimGridPoints(p, f);
  if (points > MAX_TWOD_GRID_POINTS) throw new HasmeInputError('unsupported', `the 2-D engine would need ${points} grid points, more than ${MAX_TWOD_GRID_POINTS} (shorter T, smaller λ_k or |x0|; spec/weak.md §11)`);
}

/**
 * Work of a table in units of (grid point × operator application), refined resolution: per η, K SGD
 * steps plus, per model, TAYLOR_DEGREE matvecs per exp step of ρ·dt ≤ TAYLOR_RADIUS, with ρ ≈ 7·1.4·G/spacing (the Gershgorin
 * bound measured on the built-ins is 6–8·1.4·G/spacing). Seconds per unit: {@link TWOD_UNIT_SECONDS}.
 */
export function twoDimWorkUnits(p: TwoDimProblem): number {
  const f = twoDimObjective(p);
  // ρ·T = 7·(drift reach 1.4·G·T)/spacing.
  const taylor = TAYLOR_DEGREE * Math.ceil((7 * twoDimDriftReach(p, f)) / REFINED_2D.spacing / TAYLOR_RADIUS);
  return twoDimGridPoints(p, f) * p.etas.reduce((s, eta) => s + stepsOf(p.T, eta) + p.models.length * taylor, 0);
}

/** Seconds per work unit, both resolutions and the coefficient fields included: ridges-d2 is 4.5e7 units, 47 s of CPU (spec/weak.md §11). */
export const TWOD_UNIT_SECONDS = 1e-6;

/** A tensor grid with the test function's values. */
interface Setup {
  axes: [UniformGrid, UniformGrid];
  n1: number;
  n2: number;
  u0: Float64Array;
  x0: [number, number];
  f: TwoDimObjective;
  Sigma: number[][];
}

function setup(p: TwoDimProblem, res: TwoDimResolution, f: TwoDimObjective, drift?: number): Setup {
  const box = twoDimDomain(p, f, res.margin, drift);
  const axes = box.map(([lo, hi]) => uniformGrid(lo, hi, res.spacing, res.order)) as [UniformGrid, UniformGrid];
  const [n1, n2] = axes.map((g) => g.points.length);
  const c = p.test.center.map(Number);
  const w2 = 2 * Number(p.test.width) ** 2;
  const u0 = new Float64Array(n1 * n2);
  for (let i = 0; i < n1; i++) for (let j = 0; j < n2; j++) u0[i * n2 + j] = Math.exp(-((axes[0].points[i] - c[0]) ** 2 + (axes[1].points[j] - c[1]) ** 2) / w2);
  return { axes, n1, n2, u0, x0: [Number(p.x0[0]), Number(p.x0[1])], f, Sigma: p.Sigma.map((r) => r.map(Number)) };
}

/** Value at y of the tensor local interpolant of grid values v. */
function interpolate2(s: Setup, v: Float64Array, y: [number, number]): number {
  const a = stencilAt(s.axes[0], y[0]);
  const b = stencilAt(s.axes[1], y[1]);
  let acc = 0;
  for (let i = 0; i < a.cols.length; i++) {
    let row = 0;
    for (let j = 0; j < b.cols.length; j++) row += b.weights[j] * v[a.cols[i] * s.n2 + b.cols[j]];
    acc += a.weights[i] * row;
  }
  return acc;
}

/** Lower Cholesky factor of a 2×2 SPD matrix. */
function cholesky2(S: number[][]): [number, number, number] {
  const l11 = Math.sqrt(S[0][0]);
  const l21 = S[1][0] / l11;
  return [l11, l21, Math.sqrt(S[1][1] - l21 * l21)];
}

function sgdValue(s: Setup, eta: number, steps: number, q: number): number {
  const { nodes, weights } = gaussHermite(q);
  const [l11, l21, l22] = cholesky2(s.Sigma);
  const G = boxOperator([s.n1, s.n2], (r) => {
    const x1 = s.axes[0].points[Math.floor(r / s.n2)];
    const x2 = s.axes[1].points[r % s.n2];
    const [g1, g2] = s.f.grad(x1, x2);
    const y1 = x1 - eta * g1;
    const y2 = x2 - eta * g2;
    return nodes.flatMap((z1, a) =>
      nodes.map((z2, b) => ({
        weight: weights[a] * weights[b],
        axes: [stencilAt(s.axes[0], y1 - eta * l11 * z1), stencilAt(s.axes[1], y2 - eta * (l21 * z1 + l22 * z2))],
      })),
    );
  });
  return interpolate2(s, iterateBox(G, s.u0, steps), s.x0);
}

/**
 * Finite-difference stencils along one axis, one per node: offsets lo[i] .. lo[i] + len[i] − 1 and
 * their weights (scaled by 1/h^order), padded to `width`; abs[i] = Σ|w| (Gershgorin).
 */
interface AxisStencils {
  lo: Int32Array;
  len: Int32Array;
  w: Float64Array;
  width: number;
  abs: Float64Array;
  /** Nodes [inner[0], inner[1]) carry the full, untapered stencil (the same offsets and weights). */
  inner: [number, number];
  /** The full stencil's weights on the offsets −(k + 1) .. k + 1 shared by every stencil of the axis (k = order/2), zero off its own. */
  padded: Float64Array;
}

/**
 * Stencils of the `deriv`-th derivative at every node of a grid: `left` and `right` points on each
 * side at most, tapered at the edges to what the grid holds on the shorter side (plus the one-point
 * bias of an upwind stencil); the edge node of a central stencil gets the zero stencil (frozen
 * value, spec/weak.md §11).
 */
function axisStencils(g: UniformGrid, deriv: 1 | 2, left: number, right: number): AxisStencils {
  const n = g.points.length;
  const width = left + right + 1;
  const st: AxisStencils = { lo: new Int32Array(n), len: new Int32Array(n), w: new Float64Array(n * width), width, abs: new Float64Array(n), inner: [0, 0], padded: new Float64Array(0) };
  const scale = g.spacing ** deriv;
  for (let i = 0; i < n; i++) {
    const l0 = Math.min(left, i);
    const r0 = Math.min(right, n - 1 - i);
    // Near an edge the longer side is cut to at most one point more than the shorter (no
    // high-order one-sided stencils: their large weights are unstable and stiffen ρ).
    const l = Math.min(l0, r0 + (left > right ? 1 : 0) + EDGE_EXTRA);
    const r = Math.min(r0, l0 + (right > left ? 1 : 0) + EDGE_EXTRA);
    if (l === 0 && r === 0) continue;
    if (left === right && l === 0) continue;
    const offsets = Array.from({ length: l + r + 1 }, (_, j) => j - l);
    const w = fornbergWeights(0, offsets, deriv)[deriv];
    st.lo[i] = -l;
    st.len[i] = offsets.length;
    w.forEach((x, j) => {
      st.w[i * width + j] = x / scale;
      st.abs[i] += Math.abs(x / scale);
    });
  }
  const full = Array.from(st.len, (len, i) => (len === width ? i : -1)).filter((i) => i >= 0);
  st.inner = full.length ? [full[0], full[full.length - 1] + 1] : [0, 0];
  const k = g.order / 2;
  st.padded = new Float64Array(2 * k + 3);
  if (full.length) for (let t = 0; t < width; t++) st.padded[t - left + k + 1] = st.w[full[0] * width + t];
  return st;
}

/** The stencils of one axis: central first and second derivatives (diffusion, cross term) and upwind-biased first derivatives (advection). */
interface AxisDerivatives {
  d1: AxisStencils;
  d2: AxisStencils;
  /** For transport velocity > 0 (one more point on the left) and < 0. */
  upPos: AxisStencils;
  upNeg: AxisStencils;
}

function axisDerivatives(g: UniformGrid): AxisDerivatives {
  const k = g.order / 2;
  return { d1: axisStencils(g, 1, k, k), d2: axisStencils(g, 2, k, k), upPos: axisStencils(g, 1, k + 1, k), upNeg: axisStencils(g, 1, k, k + 1) };
}

/**
 * The cross term's pass ∂₂ along axis 2 (flat stride 1). The nodes with the full stencil run offset
 * by offset as one long contiguous loop over the flat array (the same sums in the same order as node
 * by node); the loop also passes the tapered edge nodes, which are then recomputed node by node.
 */
function crossPass(s: Setup, v: Float64Array, out: Float64Array, st: AxisStencils): void {
  const { n1, n2 } = s;
  const [a, b] = st.inner;
  const lo = st.lo[a];
  // Flat range of the inner nodes: inner node of row 0 .. of the last row.
  const from = a;
  const to = (n1 - 1) * n2 + b;
  if (b > a) {
    out.fill(0, from, to);
    for (let t = 0; t < st.width; t++) {
      const w = st.w[a * st.width + t];
      const off = lo + t;
      for (let r = from; r < to; r++) out[r] += w * v[r + off];
    }
  }
  for (let i = 0; i < n2; i++) {
    if (i >= a && i < b) continue;
    for (let k = 0; k < n1; k++) out[k * n2 + i] = nodeValue(st, v, k * n2 + i, i, 1);
  }
}

/** Σ_t w[t] v[r + (lo + t)·stride] of node i's own (possibly tapered) stencil: the edge nodes of {@link fusedPass}. */
function nodeValue(st: AxisStencils, v: Float64Array, r: number, i: number, stride: number): number {
  let acc = 0;
  const base = i * st.width;
  for (let t = 0; t < st.len[i]; t++) acc += st.w[base + t] * v[r + (st.lo[i] + t) * stride];
  return acc;
}

/**
 * The advection and the second-derivative (and first-derivative) passes along one axis in one sweep:
 * outUp = upwinded first derivative (`upPos` where sign < 0, `upNeg` otherwise), outA = (cA v), and
 * outB = (cB v) when given. Nodes where every stencil is full read v once per offset of the shared
 * padded offsets −(k + 1)..k + 1 into register sums (the zero padding adds exact zeros, so every sum
 * is the node-by-node sum); the other nodes use their own tapered stencils.
 */
function fusedPass(s: Setup, axis: 0 | 1, v: Float64Array, sign: Float64Array, upPos: AxisStencils, upNeg: AxisStencils, outUp: Float64Array, cA: AxisStencils, outA: Float64Array, cB?: AxisStencils, outB?: Float64Array): void {
  const { n1, n2 } = s;
  const m = axis === 0 ? n1 : n2;
  const stride = axis === 0 ? n2 : 1;
  const W = cA.padded.length;
  const k1 = (W - 1) / 2;
  const lo = Math.max(upPos.inner[0], upNeg.inner[0], cA.inner[0], cB ? cB.inner[0] : 0);
  const hi = Math.min(upPos.inner[1], upNeg.inner[1], cA.inner[1], cB ? cB.inner[1] : m);
  const [pP, pN, pA] = [upPos.padded, upNeg.padded, cA.padded];
  const pB = cB?.padded;
  for (let r = 0; r < n1 * n2; r++) {
    const i = axis === 0 ? Math.floor(r / n2) : r % n2;
    const up = sign[r] >= 0 ? upNeg : upPos;
    if (i < lo || i >= hi) {
      outUp[r] = nodeValue(up, v, r, i, stride);
      outA[r] = nodeValue(cA, v, r, i, stride);
      if (cB && outB) outB[r] = nodeValue(cB, v, r, i, stride);
      continue;
    }
    const pU = sign[r] >= 0 ? pN : pP;
    const base = r - k1 * stride;
    let accU = 0;
    let accA = 0;
    if (pB && outB) {
      let accB = 0;
      for (let t = 0; t < W; t++) {
        const x = v[base + t * stride];
        accU += pU[t] * x;
        accA += pA[t] * x;
        accB += pB[t] * x;
      }
      outB[r] = accB;
    } else {
      for (let t = 0; t < W; t++) {
        const x = v[base + t * stride];
        accU += pU[t] * x;
        accA += pA[t] * x;
      }
    }
    outUp[r] = accU;
    outA[r] = accA;
  }
}

/** The discrete generator 𝓛_h of one model at one η: coefficient fields per grid point. */
interface Generator {
  c1: Float64Array;
  c2: Float64Array;
  c11: Float64Array;
  c12: Float64Array;
  c22: Float64Array;
  /** Gershgorin bound of the spectral radius. */
  rho: number;
}

/** The generators of `models` at one η (coefficient fields from one library preparation per grid point). */
function generators(s: Setup, models: readonly SdeModel[], eta: number, D1: AxisDerivatives, D2: AxisDerivatives): Generator[] {
  const n = s.n1 * s.n2;
  const gs: Generator[] = models.map(() => ({ c1: new Float64Array(n), c2: new Float64Array(n), c11: new Float64Array(n), c12: new Float64Array(n), c22: new Float64Array(n), rho: 0 }));
  const up = (D: AxisDerivatives, c: number) => (c < 0 ? D.upPos : D.upNeg);
  for (let i = 0; i < s.n1; i++) {
    for (let j = 0; j < s.n2; j++) {
      const r = i * s.n2 + j;
      const local = localCoefficients(s.f, s.Sigma, eta, models, s.axes[0].points[i], s.axes[1].points[j]);
      local.forEach((c, k) => {
        if (c.lambdaMin < 0) {
          throw new HasmeInputError('not-psd', `${models[k]}'s diffusion has λ_min = ${c.lambdaMin.toExponential(3)} < 0 at x = (${s.axes[0].points[i].toPrecision(4)}, ${s.axes[1].points[j].toPrecision(4)}), η = ${eta}: the SDE is not real there (map: spec/weak.md §11)`);
        }
        const g = gs[k];
        g.c1[r] = -c.b[0];
        g.c2[r] = -c.b[1];
        g.c11[r] = (eta / 2) * c.D[0];
        g.c12[r] = eta * c.D[1];
        g.c22[r] = (eta / 2) * c.D[2];
        const row =
          Math.abs(g.c1[r]) * up(D1, g.c1[r]).abs[i] +
          Math.abs(g.c2[r]) * up(D2, g.c2[r]).abs[j] +
          Math.abs(g.c11[r]) * D1.d2.abs[i] +
          Math.abs(g.c22[r]) * D2.d2.abs[j] +
          Math.abs(g.c12[r]) * D1.d1.abs[i] * D2.d1.abs[j];
        g.rho = Math.max(g.rho, row);
      });
    }
  }
  return gs;
}

/** E u(X_T) for every model at one η: exp(T𝓛_h)u at x0 per model. */
function sdeValues(s: Setup, models: readonly SdeModel[], eta: number, T: number): number[] {
  const D1 = axisDerivatives(s.axes[0]);
  const D2 = axisDerivatives(s.axes[1]);
  return generators(s, models, eta, D1, D2).map((g) => sdeValue(s, g, D1, D2, T));
}

function sdeValue(s: Setup, g: Generator, D1: AxisDerivatives, D2: AxisDerivatives, T: number): number {
  const n = s.n1 * s.n2;
  const [u1, u2, a1, a11, a22, a12] = Array.from({ length: 6 }, () => new Float64Array(n));
  const apply = (v: Float64Array, out: Float64Array) => {
    // Transport velocity −c: upwind-biased stencils (dissipative, no reflected grid modes).
    fusedPass(s, 0, v, g.c1, D1.upPos, D1.upNeg, u1, D1.d1, a1, D1.d2, a11);
    fusedPass(s, 1, v, g.c2, D2.upPos, D2.upNeg, u2, D2.d2, a22);
    crossPass(s, a1, a12, D2.d1);
    for (let r = 0; r < n; r++) out[r] = g.c1[r] * u1[r] + g.c2[r] * u2[r] + g.c11[r] * a11[r] + g.c12[r] * a12[r] + g.c22[r] * a22[r];
  };
  const steps = Math.max(1, Math.ceil((g.rho * T) / TAYLOR_RADIUS));
  const dt = T / steps;
  let v = Float64Array.from(s.u0);
  let term = new Float64Array(n);
  let next = new Float64Array(n);
  for (let st = 0; st < steps; st++) {
    const acc = Float64Array.from(v);
    term.set(v);
    for (let k = 1; k <= TAYLOR_DEGREE; k++) {
      apply(term, next);
      const c = dt / k;
      for (let r = 0; r < n; r++) {
        next[r] *= c;
        acc[r] += next[r];
      }
      [term, next] = [next, term];
    }
    v = acc;
  }
  return interpolate2(s, v, s.x0);
}

/** Options of {@link twoDimWeakRows}. */
export interface TwoDimRowsOptions {
  base?: TwoDimResolution;
  refined?: TwoDimResolution;
  /** Third level used where a row misses {@link TWOD_ENGINE_RATIO} (default FINER_2D); false: never. */
  finer?: TwoDimResolution | false;
  driftReach?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Weak errors of every model of the problem at every step size: values of the refined resolution,
 * engineError their difference from the base resolution's. At a step size where some row's
 * engineError exceeds TWOD_ENGINE_RATIO·|error|, the step size is recomputed at the finer level
 * (when its grid is within MAX_TWOD_GRID_POINTS): its values, engineError the difference from the
 * refined level's (spec/weak.md §11, "Own error"). Rows that still miss the bar are kept, and the
 * callers name them (`belowBar`, C22's check).
 */
export function twoDimWeakRows(p: TwoDimProblem, opts: TwoDimRowsOptions = {}): TwoDimRow[] {
  const f = twoDimObjective(p);
  checkTwoDimScale(p, f);
  const T = Number(p.T);
  const finer = opts.finer === false ? undefined : (opts.finer ?? FINER_2D);
  const levels = [opts.base ?? BASE_2D, opts.refined ?? REFINED_2D, finer];
  const canRefine = finer !== undefined && twoDimGridPoints(p, f, finer, opts.driftReach) <= MAX_TWOD_GRID_POINTS;
  const setups: Setup[] = [];
  const errorsAt = (k: number, eta: number, steps: number) => {
    const s = (setups[k] ??= setup(p, levels[k]!, f, opts.driftReach));
    return { sgd: sgdValue(s, eta, steps, levels[k]!.quadratureNodes), sdes: sdeValues(s, p.models, eta, T) };
  };
  const rows: TwoDimRow[] = [];
  for (const etaText of p.etas) {
    const eta = Number(etaText);
    checkTwoDimRegime(f, eta);
    const steps = stepsOf(p.T, etaText);
    const levelRows = (coarse: ReturnType<typeof errorsAt>, fine: ReturnType<typeof errorsAt>) =>
      p.models.map((model, k) => ({ model, eta, steps, sgd: fine.sgd, sde: fine.sdes[k], error: fine.sdes[k] - fine.sgd, engineError: Math.abs(fine.sdes[k] - fine.sgd - (coarse.sdes[k] - coarse.sgd)) }));
    const refined = errorsAt(1, eta, steps);
    let etaRows = levelRows(errorsAt(0, eta, steps), refined);
    if (canRefine && etaRows.some(missesEngineBar)) etaRows = levelRows(refined, errorsAt(2, eta, steps));
    for (const row of etaRows) {
      if (![row.sgd, row.sde, row.engineError].every(Number.isFinite)) {
        throw new HasmeInputError('non-finite', `the 2-D engine's values for ${row.model} at η = ${eta} are beyond double range`);
      }
      rows.push(row);
      opts.onProgress?.(rows.length, p.etas.length * p.models.length);
    }
  }
  return rows;
}

/** λ_min(Σ̃(x)) of HA-SME over the refined grid at step size η (the C22 PSD map). */
export function hasmeLambdaMinMap(p: TwoDimProblem, eta: number, spacing = 0.1): { x: number[]; y: number[]; lambdaMin: number[][] } {
  const f = twoDimObjective(p);
  const Sigma = p.Sigma.map((r) => r.map(Number));
  const box = twoDimDomain(p, f, REFINED_2D.margin);
  const [x, y] = box.map(([lo, hi]) => Array.from(uniformGrid(lo, hi, spacing, 2).points));
  return { x, y, lambdaMin: x.map((x1) => y.map((x2) => localCoefficients(f, Sigma, eta, ['hasme'], x1, x2)[0].lambdaMin)) };
}
