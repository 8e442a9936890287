/**
 * Seeded samplers for real cases (pure-rand xoroshiro128+, Box–Muller normals):
 * exact OU transition sampling from the exact moments, Euler–Maruyama, and SGD itself.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { HasmeInputError } from '../errors.js';
import { MODELS, type Model, type SdeModel } from '../formats/types.js';
import { mulABt, spectralFunction } from '../linalg/dense.js';
import type { ComplexMatrix } from '../linalg/complex.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { coefficientsOf } from './coefficients.js';
import { requireCount, toVector, type Problem } from './input.js';
import { hasmeDiffusionPsd, moments } from './moments.js';
import { prepare } from './prepare.js';

/**
 * Most steps a simulated path may take (SGD runs, Euler–Maruyama steps × substeps). The work is
 * steps·n·d² and a request cannot be interrupted once started (`hasme serve` answers in order),
 * so a mistaken huge `steps` is refused instead of hanging; exact OU sampling has no such limit.
 */
export const MAX_SIMULATED_STEPS = 1_000_000;

function requireSimulable(steps: number): void {
  if (steps > MAX_SIMULATED_STEPS) {
    throw new HasmeInputError('unsupported', `simulating ${steps} steps exceeds the limit of ${MAX_SIMULATED_STEPS} (SGD sampling and Euler–Maruyama simulate every step)`);
  }
}

/** Standard normal generator from a seed (Box–Muller on 53-bit uniforms). */
function normals(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new HasmeInputError('unsupported', `seed must be an integer, got ${seed}`);
  const rng = xoroshiro128plus(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u = 1 - uniformFloat64(rng); // (0, 1]
    const v = uniformFloat64(rng);
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** A real PSD matrix's symmetric square root (negative rounding-level eigenvalues clipped to 0). */
function psdSqrt(m: Float64Array, d: number): Float64Array {
  const { values, u } = symmetricEigen(m, d);
  return spectralFunction(u, values.map((v) => Math.sqrt(Math.max(v, 0))), d);
}

/** n×d matrix of standard normals. */
function normalBlock(next: () => number, n: number, d: number): Float64Array {
  const z = new Float64Array(n * d);
  for (let q = 0; q < z.length; q++) z[q] = next();
  return z;
}

/** The n×d samples as rows; `non-finite` if the law overflows double precision. */
function rows(x: Float64Array, n: number, d: number): number[][] {
  for (let q = 0; q < x.length; q++) {
    if (!Number.isFinite(x[q])) throw new HasmeInputError('non-finite', `samples overflow double precision (entry ${q % d} of sample ${Math.floor(q / d)}: ${x[q]})`);
  }
  return Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, (i + 1) * d)));
}

function realOnly(name: string, m: ComplexMatrix | null, model: Model): Float64Array {
  if (!m || m.im) {
    throw new HasmeInputError('unsupported', `${model}: ${name} is not a real PSD matrix here (regime X, or Σ̃ indefinite, spec/claims.md C7/C8): sampling needs a real Gaussian law`);
  }
  return m.re;
}

/**
 * SGD x_{k+1} = x_k − η(H x_k + ξ_k), ξ_k ~ N(0, Σ): n independent runs of `steps` steps.
 */
function sgdRuns(problem: Problem, steps: number, n: number, seed: number): number[][] {
  requireSimulable(steps);
  const p = prepare(problem.H, problem.Sigma, problem.eta);
  const { d, eta } = p;
  const x0 = toVector('x0', problem.x0, d);
  const root = psdSqrt(p.sigma, d);
  const next = normals(seed);
  let x = new Float64Array(n * d);
  for (let r = 0; r < n; r++) x.set(x0, r * d);
  for (let s = 0; s < steps; s++) {
    const hx = mulABt(x, p.h, n, d, d); // rows xᵀH = (Hx)ᵀ
    const noise = mulABt(normalBlock(next, n, d), root, n, d, d);
    for (let q = 0; q < x.length; q++) x[q] -= eta * (hx[q] + noise[q]);
  }
  return rows(x, n, d);
}

/** Most samples per request: the protocol's cap (spec/protocol.md §3); beyond it the arrays alone exceed memory. */
export const MAX_SAMPLES = 10_000_000;

function checkCounts(steps: number, n: number): void {
  requireCount('steps', steps);
  requireCount('n', n);
  if (n > MAX_SAMPLES) throw new HasmeInputError('unsupported', `n = ${n} samples exceeds the limit of ${MAX_SAMPLES} (spec/protocol.md §3)`);
}

function requireModel(model: Model): void {
  if (!MODELS.includes(model)) throw new HasmeInputError('unsupported', `unknown model ${JSON.stringify(model)}`);
}

/**
 * n exact samples of X at t = steps·η (SDE models: drawn from the OU transition law
 * N(mean, cov) of spec/models.md §3–§6), or of SGD's iterate x_steps (the SGD recursion with Gaussian
 * noise). Seeded and reproducible. Real cases only: `unsupported` where the law is complex
 * (regime X for spf/hasme, Σ̃ indefinite).
 */
export function sampleExact(model: Model, problem: Problem, steps: number, n: number, seed: number): number[][] {
  requireModel(model);
  checkCounts(steps, n);
  if (model === 'sgd') return sgdRuns(problem, steps, n, seed);
  const mom = moments(model, problem, steps);
  if (mom.pcov.im) realOnly('pseudo-covariance', mom.pcov, model);
  const cov = realOnly('covariance', mom.cov, model);
  const d = mom.mean.length;
  const root = psdSqrt(cov, d);
  const x = mulABt(normalBlock(normals(seed), n, d), root, n, d, d);
  for (let r = 0; r < n; r++) for (let c = 0; c < d; c++) x[r * d + c] += mom.mean.re[c];
  return rows(x, n, d);
}

/**
 * n Euler–Maruyama paths of dX = −B X dt + sqrt(η D) dW to t = steps·η with `substeps` steps
 * of size η/substeps per SGD step (default 1). sgd is its own discretization: the SGD recursion.
 * Real cases only, like {@link sampleExact}.
 */
export function sampleEulerMaruyama(model: Model, problem: Problem, steps: number, n: number, seed: number, substeps = 1): number[][] {
  requireModel(model);
  checkCounts(steps, n);
  if (!Number.isSafeInteger(substeps) || substeps < 1) throw new HasmeInputError('unsupported', `substeps must be a positive integer, got ${substeps}`);
  if (model === 'sgd') return sgdRuns(problem, steps, n, seed);
  requireSimulable(steps * substeps);
  const p = prepare(problem.H, problem.Sigma, problem.eta);
  const c = coefficientsOf(p, model as SdeModel);
  const b = realOnly('drift matrix', c.driftMatrix, model);
  const diffusion = realOnly('diffusion', c.diffusion, model);
  if (model === 'hasme' && !hasmeDiffusionPsd(p)) realOnly('diffusion', null, model);
  const { d, eta } = p;
  const x0 = toVector('x0', problem.x0, d);
  const dt = eta / substeps;
  const root = psdSqrt(diffusion, d);
  const noiseScale = Math.sqrt(eta * dt);
  const next = normals(seed);
  const x = new Float64Array(n * d);
  for (let r = 0; r < n; r++) x.set(x0, r * d);
  for (let s = 0; s < steps * substeps; s++) {
    const bx = mulABt(x, b, n, d, d); // rows xᵀBᵀ = (Bx)ᵀ
    const noise = mulABt(normalBlock(next, n, d), root, n, d, d);
    for (let q = 0; q < x.length; q++) x[q] += -dt * bx[q] + noiseScale * noise[q];
  }
  return rows(x, n, d);
}
