/**
 * Computes the conformance vectors (spec/vectors.md) with the decimal reference: expected values at
 * 60 significant digits (70 working digits), written with 45; regime and curvature tags from the
 * reference; a per-case rtol for ill-conditioned cases from a measured condition number.
 */
import { HasmeInputError } from '../errors.js';
import type { Model, SdeModel, VectorLine } from '../formats/types.js';
import {
  complexMatrixToJSON,
  complexVectorToJSON,
  context,
  parseProblem,
  refCoefficients,
  refHasmePsdTest,
  refMoments,
  spectral,
  type Complex,
} from '../../reference/index.js';
import { digitsAgreed } from '../../reference/selfcheck.js';
import { problems, type Problem, type Request } from './families.js';
import { makeRng, type Rng } from './random.js';

/** Digits of the reference computation and of the strings written. */
export const VECTOR_DIGITS = 60;
export const EMITTED_DIGITS = 45;
/** Default seed of the vector set (any change of seed or generator changes the committed files). */
export const VECTOR_SEED = 20240528;
/** Relative size of the input perturbations that measure the condition number. */
const PERTURBATION = 1e-25;
/** Unit roundoff of IEEE double: the input error of a consumer that parses into doubles. */
const DOUBLE_U = 2 ** -53;
/** Cases whose tolerance rule gives at most this need no rtol field. */
const BASE_RTOL = 1e-9;
/** Tag of HA-SME moments cases whose Σ̃ ⪰ 0 decision (hence whether cov is null) is below double resolution. */
export const PSD_BORDERLINE = 'psd-borderline';

interface Computed {
  expected: VectorLine['expected'];
  /** Each output flattened (drift, diffusion, driftMatrix or mean, pcov, cov), for the condition estimate; null for singular cases. */
  outputs: (Complex[] | null)[] | null;
}

function compute(p: Pick<Problem, 'H' | 'Sigma' | 'eta'>, r: Request): Computed {
  const opts = { digits: VECTOR_DIGITS };
  try {
    if (r.op === 'coefficients') {
      const c = refCoefficients(p.H, p.Sigma, p.eta, { ...opts, model: r.model });
      return {
        expected: {
          drift: complexMatrixToJSON(c.drift, EMITTED_DIGITS, VECTOR_DIGITS),
          diffusion: complexMatrixToJSON(c.diffusion, EMITTED_DIGITS, VECTOR_DIGITS),
          driftMatrix: complexMatrixToJSON(c.driftMatrix, EMITTED_DIGITS, VECTOR_DIGITS),
          regime: c.regime,
        },
        outputs: [c.drift.flat(), c.diffusion.flat(), c.driftMatrix.flat()],
      };
    }
    const m = refMoments(r.model, p.H, p.Sigma, p.eta, r.x0, r.steps, opts);
    return {
      expected: {
        mean: complexVectorToJSON(m.mean, EMITTED_DIGITS, VECTOR_DIGITS),
        pcov: complexMatrixToJSON(m.pcov, EMITTED_DIGITS, VECTOR_DIGITS),
        cov: m.cov && complexMatrixToJSON(m.cov, EMITTED_DIGITS, VECTOR_DIGITS),
      },
      outputs: [m.mean, m.pcov.flat(), m.cov && m.cov.flat()],
    };
  } catch (err) {
    if (err instanceof HasmeInputError && err.code === 'singular') return { expected: { error: 'singular' }, outputs: null };
    throw err;
  }
}

/** x·(1 + ε u) with u uniform in [−1, 1] (3 digits), as an exact decimal string. */
function perturb(x: string, rng: Rng): string {
  const ctx = context({ digits: VECTOR_DIGITS });
  const u = new ctx.D(rng.int(-1000, 1000)).div(1000);
  return new ctx.D(x).times(u.times(PERTURBATION).plus(1)).toString();
}

function perturbSymmetric(M: string[][], rng: Rng): string[][] {
  const out = M.map((row) => row.slice());
  for (let i = 0; i < M.length; i++) for (let j = i; j < M.length; j++) out[i][j] = out[j][i] = perturb(M[i][j], rng);
  return out;
}

/** The outputs present in both (cov may be null in one: whether Σ̃ ⪰ 0 is a decision, not a value), concatenated. */
function comparable(a: (Complex[] | null)[], b: (Complex[] | null)[]): [Complex[], Complex[]] {
  const keep = a.map((x, i) => x !== null && b[i] !== null);
  return [a.filter((_, i) => keep[i]).flat() as Complex[], b.filter((_, i) => keep[i]).flat() as Complex[]];
}

/**
 * Relative condition number κ: max over two random relative input perturbations of size ε = 1e-25
 * (every entry of H, Σ, η, x0) of (‖Δout‖/‖out‖)/ε, outputs concatenated (relative Frobenius).
 */
function conditionNumber(p: Problem, r: Request, base: (Complex[] | null)[], rng: Rng): number {
  let kappa = 0;
  for (let trial = 0; trial < 2; trial++) {
    const q = { H: perturbSymmetric(p.H, rng), Sigma: perturbSymmetric(p.Sigma, rng), eta: perturb(p.eta, rng) };
    const rq: Request = r.op === 'moments' ? { ...r, x0: r.x0.map((x) => perturb(x, rng)) } : r;
    const outputs = compute(q, rq).outputs;
    if (!outputs) return Infinity;
    const [got, want] = comparable(outputs, base);
    const agreed = digitsAgreed(got, want, VECTOR_DIGITS);
    kappa = Math.max(kappa, 10 ** -agreed / PERTURBATION);
  }
  return kappa;
}

/** rtol = max(1e-9, 1000·κ·2^−53), written only where it exceeds 1e-9 (spec/vectors.md). */
export function rtolFor(kappa: number): number | undefined {
  const r = 1000 * kappa * DOUBLE_U;
  if (!(r > BASE_RTOL)) return undefined;
  return Math.min(1, Number(r.toPrecision(2)));
}

/**
 * A regime-R HA-SME moments case is `psd-borderline` when λ_min(Σ̃) at 60 digits is nonzero (beyond
 * the reference's rounding-level zero, so Σ̃ ⪰ 0 is decided by its sign) yet |λ_min| ≤ 1000·2^−53·max|λ(Σ̃)|:
 * a double-precision Σ̃ cannot resolve the sign, so whether cov is null is not decidable from it
 * (C7 at tiny η, where λ_min = O(η²)). Exact zero eigenvalues (commuting, σ_i = 0: C5) are PSD and not tagged.
 */
function psdBorderline(p: Problem, r: Request, regime: ProblemFacts['regime']): boolean {
  if (r.op !== 'moments' || r.model !== 'hasme' || regime !== 'R') return false;
  const { min, top, zero } = refHasmePsdTest(p.H, p.Sigma, p.eta, { digits: VECTOR_DIGITS });
  const gap = min.abs();
  return gap.gt(zero) && gap.lte(top.times(1000 * DOUBLE_U));
}

interface ProblemFacts {
  regime: 'R' | 'X' | 'S';
  negativeCurvature: boolean;
  tinyEta: boolean;
  /** H has an eigenvalue 0 (T = 1 there, spec/models.md §1–§2; naive ℓ/(ηa) is 0/0). */
  zeroEigenvalue: boolean;
  /** Eigenvalues of H and η in double, for choosing step counts. */
  a: number[];
  eta: number;
}

function factsOf(p: Problem): ProblemFacts {
  const ctx = context({ digits: VECTOR_DIGITS });
  const prob = parseProblem(p.H, p.Sigma, p.eta, ctx);
  const sp = spectral(prob.H, prob.eta, ctx);
  const amax = sp.a.reduce((m, a) => (a.abs().gt(m) ? a.abs() : m), ctx.zero);
  // An eigenvalue within 1e4 units of working precision of 0 is 0 (computed as ±1e-70 or so).
  const zeroTol = amax.times(ctx.eps).times(1e4);
  return {
    regime: sp.regime,
    negativeCurvature: sp.a[0].lt(zeroTol.neg()),
    tinyEta: prob.eta.times(amax).lte(1e-4),
    zeroEigenvalue: sp.a.some((a) => a.abs().lte(zeroTol)),
    a: sp.a.map((x) => x.toNumber()),
    eta: prob.eta.toNumber(),
  };
}

/** Natural-log growth per step of mode i under `model` (−β_i η for SDEs, ln|m_i| for SGD). */
function growthPerStep(model: Model, a: number, eta: number): number {
  const m = 1 - eta * a;
  switch (model) {
    case 'sme1':
      return -a * eta;
    case 'sme2':
      return -a * (1 + (eta * a) / 2) * eta;
    default:
      return m === 0 ? -Infinity : Math.log(Math.abs(m));
  }
}

/**
 * The largest step count ≤ `steps` keeping every model's moments within about 1e±200 (so that
 * consumers working in double neither overflow nor underflow): 2·max growth·k ≤ 200 ln 10 and,
 * when every mode decays, max growth·k ≥ −200 ln 10.
 */
function clampSteps(steps: number, models: Model[], facts: ProblemFacts): number {
  const limit = 200 * Math.LN10;
  let k = steps;
  for (const model of models) {
    const g = Math.max(...facts.a.map((a) => growthPerStep(model, a, facts.eta)));
    if (g > 0) k = Math.min(k, Math.floor(limit / (2 * g)));
    if (g < 0) k = Math.min(k, Math.floor(limit / -g));
  }
  return Math.max(1, k);
}

function claimsFor(r: Request, facts: ProblemFacts, tags: string[], expected: VectorLine['expected']): string[] {
  if ('error' in expected) return ['C9'];
  const claims = new Set<string>();
  const model: Model = r.model;
  if (r.op === 'coefficients') {
    if (model === 'hasme') claims.add('C2').add('C12');
    if (model === 'hasme' && tags.includes('removable')) claims.add('C10');
    if (model === 'hasme' && tags.includes('commuting') && facts.regime === 'R') claims.add('C5');
    if (model === 'hasme' && tags.includes('rank-deficient') && tags.includes('noncommuting') && facts.regime === 'R') claims.add('C7');
    if (facts.tinyEta) claims.add('C11');
  } else {
    if (model === 'sgd' || model === 'hasme') claims.add('C3');
    if (model === 'hasme' || model === 'spf') claims.add('C1');
    if (model === 'hasme' && 'cov' in expected && expected.cov !== null && facts.regime === 'R') claims.add('C4');
    if (model === 'hasme' && facts.regime === 'X') claims.add('C8');
    if (facts.negativeCurvature && model !== 'sgd') claims.add('C16');
  }
  if (facts.regime === 'S') claims.add('C9');
  return [...claims].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

export interface VectorSet {
  coefficients: VectorLine[];
  moments: VectorLine[];
}

/** All requests of all problems, for progress reporting. */
export function plannedProblems(seed = VECTOR_SEED): Problem[] {
  return [...problems(makeRng(seed))];
}

/** Computes every vector line; `onProgress` after each problem. */
export function generateVectors(seed = VECTOR_SEED, onProgress?: (done: number, total: number) => void): VectorSet {
  const list = plannedProblems(seed);
  const rng = makeRng(seed + 1);
  const out: VectorSet = { coefficients: [], moments: [] };
  list.forEach((p, n) => {
    const facts = factsOf(p);
    const models = p.requests.filter((r) => r.op === 'moments').map((r) => r.model);
    const requests = p.requests.map((r) => (r.op === 'moments' ? { ...r, steps: clampSteps(r.steps, models, facts) } : r));
    for (const r of requests) {
      const { expected, outputs } = compute(p, r);
      const tags = [facts.regime, ...p.tags, ...(facts.negativeCurvature ? ['negative-curvature'] : []), ...(facts.tinyEta ? ['tiny-eta'] : []), ...(facts.zeroEigenvalue ? ['zero-eigenvalue'] : [])];
      if (r.op === 'moments') tags.push(r.model);
      if (!('error' in expected) && psdBorderline(p, r, facts.regime)) tags.push(PSD_BORDERLINE);
      const rtol = outputs ? rtolFor(conditionNumber(p, r, outputs, rng)) : undefined;
      const claims = claimsFor(r, facts, tags, expected);
      if (r.op === 'coefficients') {
        const id = `coef-${String(out.coefficients.length + 1).padStart(4, '0')}`;
        const line: VectorLine = { id, op: 'coefficients', model: r.model as SdeModel, eta: p.eta, H: p.H, Sigma: p.Sigma, tags, claims, expected };
        out.coefficients.push(rtol === undefined ? line : { ...line, rtol });
      } else {
        const id = `mom-${String(out.moments.length + 1).padStart(4, '0')}`;
        const line: VectorLine = { id, op: 'moments', model: r.model, eta: p.eta, H: p.H, Sigma: p.Sigma, x0: r.x0, steps: r.steps, tags, claims, expected };
        out.moments.push(rtol === undefined ? line : { ...line, rtol });
      }
    }
    onProgress?.(n + 1, list.length);
  });
  return out;
}
