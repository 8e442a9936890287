/**
 * The reference's public entry points on JSON inputs (exact decimal parsing, validation, per-call
 * precision). See reference/index.ts for the exported surface.
 */
import type { Decimal } from 'decimal.js';
import type { Model, RealJSON, RealMatrixJSON, RealVectorJSON, Regime, SdeModel } from '../src/formats/types.js';
import { coefficients, diffusionOperator, type Coefficients } from './coefficients.js';
import { context, GUARD_DIGITS, type Ctx, type RefOptions } from './context.js';
import { eigSym, type EigSym } from './eig.js';
import { parseEta, parseProblem, parseSquare, parseSteps, parseX0, symmetrize, type Problem } from './input.js';
import type { ComplexMatrix, RealMatrix } from './matrix.js';
import { ouMoments, psdTest, sgdClosedForm, sgdRecursion, type Moments, type PsdTest } from './moments.js';
import { spectral, type Spectral } from './spectral.js';
import { steinDiffusion, steinLoss } from './stein.js';

interface Prepared {
  ctx: Ctx;
  problem: Problem;
  sp: Spectral;
}

/**
 * Relative distance to the part of the singular set that costs accuracy in the eigenbasis route:
 * |m_i| (ℓ_i = −ln m_i) and |ln|m_i| + ln|m_j|| for m_i, m_j < 0 (poles of φ).
 */
function eigenbasisDistance(sp: Spectral): Decimal {
  const { ctx, m, ell } = sp;
  let best = ctx.one;
  m.forEach((mi, i) => {
    best = ctx.D.min(best, mi.abs());
    m.forEach((mj, j) => {
      if (j >= i && mi.isNegative() && mj.isNegative()) best = ctx.D.min(best, ell[i]!.re.plus(ell[j]!.re).abs());
    });
  });
  return best;
}

/**
 * Parses, validates and decomposes at the requested precision; when the problem lies within
 * 10^−(guard − 5) of the singular set (so that 10^−work / distance would eat into the requested
 * digits), recomputes with log10(1/distance) extra digits. Regime S is never escalated.
 */
function prepare(
  H: RealMatrixJSON,
  Sigma: RealMatrixJSON,
  eta: RealJSON,
  opts: RefOptions,
): Prepared {
  const run = (ctx: Ctx): Prepared => {
    const problem = parseProblem(H, Sigma, eta, ctx);
    return { ctx, problem, sp: spectral(problem.H, problem.eta, ctx) };
  };
  const first = run(context(opts));
  if (first.sp.regime === 'S') return first;
  const d = eigenbasisDistance(first.sp);
  const loss = d.isZero() ? 0 : -d.log(10).toNumber();
  if (loss <= GUARD_DIGITS - 5) return first;
  return run(context({ digits: first.ctx.digits + Math.ceil(loss) }));
}

/** Eigendecomposition of a symmetric H (validated): H = V diag(values) Vᵀ, values ascending. */
export function refEigSym(H: RealMatrixJSON, opts: RefOptions = {}): EigSym {
  const ctx = context(opts);
  return eigSym(symmetrize(parseSquare(H, ctx, 'H'), ctx, 'H'), ctx);
}

/** The regime R, X or S of (H, η) (spec/models.md §3–§6). */
export function refRegime(H: RealMatrixJSON, eta: RealJSON, opts: RefOptions = {}): Regime {
  const ctx = context(opts);
  return spectral(symmetrize(parseSquare(H, ctx, 'H'), ctx, 'H'), parseEta(eta, ctx), ctx).regime;
}

/**
 * Coefficients of `model` (default hasme): drift T, diffusion (Σ̃ or Σ), drift matrix B = TH, and
 * the regime. hasme raises HasmeInputError('singular') in regime S naming the eigenvalue or pair;
 * spf raises where some m_i = 0; sme1 and sme2 never do.
 */
export function refCoefficients(
  H: RealMatrixJSON,
  Sigma: RealMatrixJSON,
  eta: RealJSON,
  opts: RefOptions & { model?: SdeModel } = {},
): Coefficients {
  const { problem, sp } = prepare(H, Sigma, eta, opts);
  return coefficients(opts.model ?? 'hasme', sp, problem.H, problem.Sigma);
}

/**
 * The diffusion map Σ ↦ D(Σ) of `model` for fixed (H, η), reusing one eigendecomposition:
 * Σ̃ = U (K ∘ (UᵀΣU)) Uᵀ for hasme (linear in Σ; applied to Σ's symmetric part), Σ itself otherwise.
 * Σ is a Decimal matrix (e.g. built in `context(opts)`); it is not validated. Raises like refCoefficients.
 */
export function refDiffusionOperator(
  H: RealMatrixJSON,
  eta: RealJSON,
  model: SdeModel,
  opts: RefOptions = {},
): (Sigma: RealMatrix) => ComplexMatrix {
  const zeroSigma = H.map((row) => row.map(() => 0));
  const { sp } = prepare(H, zeroSigma, eta, opts);
  return diffusionOperator(model, sp);
}

/**
 * Exact moments after `steps` steps of SGD, or of an SDE model at t = steps·η: mean,
 * pseudo-covariance and covariance (null where D is not real PSD: hasme in X, or in R with Σ̃ ⋡ 0).
 */
export function refMoments(
  model: Model,
  H: RealMatrixJSON,
  Sigma: RealMatrixJSON,
  eta: RealJSON,
  x0: RealVectorJSON,
  steps: number,
  opts: RefOptions = {},
): Moments {
  const k = parseSteps(steps);
  const { ctx, problem, sp } = prepare(H, Sigma, eta, opts);
  const x = parseX0(x0, ctx, problem.H.length);
  if (model === 'sgd') return sgdClosedForm(sp, problem.Sigma, x, k);
  return ouMoments(model, sp, problem.Sigma, x, k);
}

/**
 * The PSD test behind HA-SME's `cov` in regime R (refMoments: cov is null unless Σ̃ ⪰ 0): λ_min(Σ̃),
 * max|λ(Σ̃)| and the rounding-level zero tolerance, at the precision refMoments would use.
 * Raises HasmeInputError('singular') in regime S; throws RangeError in regime X (Σ̃ is complex there).
 */
export function refHasmePsdTest(H: RealMatrixJSON, Sigma: RealMatrixJSON, eta: RealJSON, opts: RefOptions = {}): PsdTest {
  const { ctx, problem, sp } = prepare(H, Sigma, eta, opts);
  if (sp.regime === 'X') throw new RangeError('Σ̃ is complex in regime X: the PSD test applies in regime R');
  return psdTest(diffusionOperator('hasme', sp)(problem.Sigma), ctx);
}

/** SGD moments by the recursion μ ← Mμ, C ← MCMᵀ + η²Σ (O(steps·d³); the second route for tests). */
export function refSgdMomentsRecursion(
  H: RealMatrixJSON,
  Sigma: RealMatrixJSON,
  eta: RealJSON,
  x0: RealVectorJSON,
  steps: number,
  opts: RefOptions = {},
): Moments {
  const ctx = context(opts);
  const k = parseSteps(steps);
  const problem = parseProblem(H, Sigma, eta, ctx);
  return sgdRecursion(problem.H, problem.Sigma, problem.eta, parseX0(x0, ctx, problem.H.length), k, ctx);
}

/** SGD moments by the eigenbasis closed form (spec/models.md §3–§6); equals refMoments('sgd', ...). */
export function refSgdMomentsClosedForm(
  H: RealMatrixJSON,
  Sigma: RealMatrixJSON,
  eta: RealJSON,
  x0: RealVectorJSON,
  steps: number,
  opts: RefOptions = {},
): Moments {
  return refMoments('sgd', H, Sigma, eta, x0, steps, opts);
}

/**
 * Σ̃ by the Stein-equation route (C13): B = −Log(I − ηH)/η by inverse scaling and squaring and a
 * d²×d² linear solve, with no eigendecomposition (reference/stein.ts). Raises
 * HasmeInputError('singular') wherever some m_i m_j = 1 or m_i = 0 — including the removable
 * singularity C10 and zero eigenvalues of H, where Σ̃ is well defined but this route is not.
 * Near such points the solve's condition number, measured first, says how many digits it would
 * lose, and the route works with that many more.
 */
export function refSteinDiffusion(H: RealMatrixJSON, Sigma: RealMatrixJSON, eta: RealJSON, opts: RefOptions = {}): ComplexMatrix {
  const first = context(opts);
  const p = parseProblem(H, Sigma, eta, first);
  const loss = steinLoss(p.H, p.eta, first);
  if (loss <= GUARD_DIGITS - 5) return steinDiffusion(p.H, p.Sigma, p.eta, first);
  const ctx = context({ digits: first.digits + Math.ceil(loss) });
  const q = parseProblem(H, Sigma, eta, ctx);
  return steinDiffusion(q.H, q.Sigma, q.eta, ctx);
}
