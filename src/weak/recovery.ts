/**
 * C21 exact recovery in distribution, by sampling (spec/weak.md §10). Where C4 says the laws agree
 * (additive quadratic, regime R, Σ̃ ⪰ 0), SGD is drawn by its own recursion written here (Mersenne
 * Twister, polar normals, Cholesky factor of Σ), HA-SME by the implementation's exact OU sampler
 * (properties/impl.ts seam), and the two samples go through exact two-sample KS tests
 * (src/stats/ksTwoSample.ts) of fixed statistics: the projections on H's eigenvectors (known from
 * the case's construction) and ‖x − M^k x0‖². Under H0 each p-value is exact whatever the law.
 * Power: on a fixed commuting case the other models' laws differ from SGD's by stated amounts
 * (computed here in closed form); Hoeffding's inequality gives the n at which each must be rejected with
 * probability ≥ 1 − β, and the rejection rate against n is measured (the power curve).
 */
import { certifiedPsdEta, fromEigen, givens, identity, matmul, type Mat } from '../../properties/arbitraries.js';
import { libraryImpl, type HasmeImpl } from '../../properties/impl.js';
import type { CheckOptions, ClaimCheck, Counterexample } from '../claims/types.js';
import { cholesky } from '../conformance/sampleTest.js';
import { SDE_MODELS, type Model, type SdeModel } from '../formats/types.js';
import { normalCdf } from '../stats/gaussianTail.js';
import { ksCriticalCount, ksTwoSample } from '../stats/ksTwoSample.js';
import { polarNormals } from '../stats/polarNormals.js';
import { makeRng, type Rng } from '../vectors/random.js';
import { linearLaw } from './linearLaw.js';
import { tallyOutcome } from './outcome.js';

/** Level of one case (Bonferroni over its d + 1 statistics). */
export const CASE_ALPHA = 1e-8;
/** At most this many null cases per run: with the power curve's 35 HA-SME tests and 10 power assertions the family-wise false-failure probability is ≤ 135·CASE_ALPHA + 10·POWER_BETA ≈ 1.4e-6. */
export const MAX_NULL_CASES = 100;
/** Samples per side in a null case. */
export const NULL_SAMPLES = 10_000;
/** Probability bound (Hoeffding) that a power assertion fails although the laws differ as computed. */
export const POWER_BETA = 1e-9;

/** Null cases at budget `runs`: runs/10, between 4 and {@link MAX_NULL_CASES}. */
export const nullCases = (runs: number) => Math.min(MAX_NULL_CASES, Math.max(4, Math.round(runs / 10)));

/** A case of C4's conditions with H's eigenvectors (columns of U) and eigenvalues a. */
export interface RecoveryCase {
  d: number;
  H: Mat;
  Sigma: Mat;
  eta: number;
  x0: number[];
  steps: number;
  U: Mat;
  a: number[];
  kind: 'commuting' | 'misaligned';
}

function rotation(rng: Rng, d: number): Mat {
  let U = identity(d);
  for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) U = matmul(U, givens(d, p, q, Number(rng.decimal(-314, 314, 2))));
  return U;
}

/**
 * A seeded case where C4 applies: d ∈ {1, 2, 3}, eigenvalues of H in [−0.5, 2] (saddles included);
 * commuting Σ (C5: Σ̃ ⪰ 0 at every η in R) with ηmax|a_i| ∈ [0.05, 0.9], or (d ≥ 2, one in three)
 * Σ misaligned with eigenvalues in [1, 4] at η = η_c·2^−j, j ≤ 2, η_c certifying λ_min(Σ̃) ≥ 1/2
 * (C6, certifiedPsdEta); x0 ∈ [−1, 1]^d, 1..30 steps.
 */
export function randomRecoveryCase(seed: number): RecoveryCase {
  const rng = makeRng(seed);
  const d = rng.int(1, 3);
  const U = rotation(rng, d);
  let a: number[];
  do a = Array.from({ length: d }, () => Number(rng.decimal(-50, 200, 2)));
  while (Math.max(...a.map(Math.abs)) < 0.1);
  const misaligned = d >= 2 && rng.int(0, 2) === 0;
  const x0 = Array.from({ length: d }, () => Number(rng.decimal(-100, 100, 2)));
  const steps = rng.int(1, 30);
  if (!misaligned) {
    const s = Array.from({ length: d }, () => Number(rng.decimal(30, 100, 2)));
    const eta = Number(rng.decimal(5, 90, 2)) / Math.max(...a.map(Math.abs));
    return { d, H: fromEigen(U, a), Sigma: fromEigen(U, s), eta, x0, steps, U, a, kind: 'commuting' };
  }
  const s = Array.from({ length: d }, () => Number(rng.decimal(100, 400, 2)));
  const V = matmul(U, givens(d, 0, 1, Number(rng.decimal(10, 140, 2))));
  const eta = certifiedPsdEta(a, Math.max(...s)) * 2 ** -rng.int(0, 2);
  return { d, H: fromEigen(U, a), Sigma: fromEigen(V, s), eta, x0, steps, U, a, kind: 'misaligned' };
}

/** SGD's exact mean M^k x0, M = I − ηH (the centre of the norm statistic). */
function sgdMean(c: RecoveryCase): number[] {
  let x = c.x0.slice();
  for (let s = 0; s < c.steps; s++) x = x.map((xi, i) => xi - c.eta * c.H[i].reduce((t, h, j) => t + h * x[j], 0));
  return x;
}

/** n SGD runs x_{k+1} = x_k − η(Hx_k + ξ_k), ξ_k = Lz, LLᵀ = Σ, written here (not the implementation's sampler). */
export function simulateSgd(c: RecoveryCase, n: number, seed: number): Float64Array {
  const { d, eta } = c;
  const L = cholesky(c.Sigma);
  if (!L) throw new RangeError('C21: Σ is not positive definite');
  const H = Float64Array.from(c.H.flat());
  const Lf = Float64Array.from(L.flat());
  const next = polarNormals(seed);
  const out = new Float64Array(n * d);
  const x = new Float64Array(d);
  const z = new Float64Array(d);
  const g = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    x.set(c.x0);
    for (let s = 0; s < c.steps; s++) {
      for (let i = 0; i < d; i++) z[i] = next();
      for (let i = 0; i < d; i++) {
        let gi = 0;
        for (let j = 0; j < d; j++) gi += H[i * d + j] * x[j] + Lf[i * d + j] * z[j];
        g[i] = gi;
      }
      for (let i = 0; i < d; i++) x[i] -= eta * g[i];
    }
    out.set(x, r * d);
  }
  return out;
}

/** The fixed statistics of each sample: u_iᵀx for H's eigenvectors u_i, and ‖x − M^k x0‖². */
function statistics(c: RecoveryCase, rows: ArrayLike<number>, n: number): Float64Array[] {
  const mu = sgdMean(c);
  const stats = Array.from({ length: c.d + 1 }, () => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    let norm = 0;
    for (let j = 0; j < c.d; j++) norm += (rows[r * c.d + j] - mu[j]) ** 2;
    stats[c.d][r] = norm;
    for (let i = 0; i < c.d; i++) {
      let p = 0;
      for (let j = 0; j < c.d; j++) p += c.U[j][i] * rows[r * c.d + j];
      stats[i][r] = p;
    }
  }
  return stats;
}

const STAT_NAMES = (d: number) => [...Array.from({ length: d }, (_, i) => `projection on eigenvector ${i} of H`), '‖x − M^k x0‖²'];

/** The case's tests: the smallest p, which statistic, and the number of tests m (Bonferroni). */
export interface TwoSampleVerdict {
  pMin: number;
  statistic: string;
  ks: number;
  tests: number;
  rejected: boolean;
}

/** Exact KS tests of every statistic (SGD's side precomputed by {@link statistics}); rejected when some p ≤ alpha/m. */
function verdictOn(c: RecoveryCase, a: Float64Array[], model: ArrayLike<number>, n: number, alpha: number): TwoSampleVerdict {
  const b = statistics(c, model, n);
  const names = STAT_NAMES(c.d);
  let best = { p: 2, i: 0, D: 0 };
  a.forEach((ai, i) => {
    const r = ksTwoSample(ai, b[i]);
    if (r.p < best.p) best = { p: r.p, i, D: r.statistic };
  });
  const tests = a.length;
  return { pMin: best.p, statistic: names[best.i], ks: best.D, tests, rejected: best.p <= alpha / tests };
}

/** Exact KS tests of every statistic of the SGD and model samples (flat n×d); rejected when some p ≤ alpha/m. */
export function twoSampleVerdict(c: RecoveryCase, sgd: ArrayLike<number>, model: ArrayLike<number>, n: number, alpha: number): TwoSampleVerdict {
  return verdictOn(c, statistics(c, sgd, n), model, n, alpha);
}

/** The implementation's samples as a flat n×d array, checked for shape and finiteness. */
function implSamples(impl: HasmeImpl, model: Model, c: RecoveryCase, n: number, seed: number): Float64Array {
  const rows = impl.sample!(model, c.H, c.Sigma, c.eta, c.x0, c.steps, n, seed);
  if (rows.length !== n || rows.some((x) => x.length !== c.d || !x.every(Number.isFinite))) {
    throw new RangeError(`${model} sampler returned ${rows.length} samples (expected ${n} finite vectors of length ${c.d})`);
  }
  const flat = new Float64Array(n * c.d);
  rows.forEach((x, r) => flat.set(x, r * c.d));
  return flat;
}

/** Seeds of a case's two streams: different generators, decorrelated seeds. */
const sgdSeed = (seed: number) => (seed * 2 + 1) | 0;
const implSeed = (seed: number) => seed + 0x9e3779;

/** One null case: SGD simulated here against the implementation's HA-SME sample. */
export function nullCase(impl: HasmeImpl, seed: number, n = NULL_SAMPLES): { c: RecoveryCase; verdict: TwoSampleVerdict } {
  const c = randomRecoveryCase(seed);
  return { c, verdict: twoSampleVerdict(c, simulateSgd(c, n, sgdSeed(seed)), implSamples(impl, 'hasme', c, n, implSeed(seed)), n, CASE_ALPHA) };
}

// ---------------------------------------------------------------------------------------------
// Power (spec/weak.md §10): a fixed commuting case, the laws along H's eigenvectors in closed form.

/** The power case: H = U diag(2, 1/2) Uᵀ (U a rotation by 0.6), Σ = U diag(1, 1/2) Uᵀ, η = 0.2 (ηa = 0.4, 0.1), 3 steps, x0 = 0. */
export const POWER_SETTING = { a: [2, 0.5], s: [1, 0.5], theta: 0.6, eta: 0.2, steps: 3 } as const;

export function powerCase(): RecoveryCase {
  const { a, s, theta, eta, steps } = POWER_SETTING;
  const U = givens(2, 0, 1, theta);
  return { d: 2, H: fromEigen(U, [...a]), Sigma: fromEigen(U, [...s]), eta, x0: [0, 0], steps, U, a: [...a], kind: 'commuting' };
}

/** sup_x |Φ(x/s1) − Φ(x/s2)|, the KS distance of N(0, s1²) and N(0, s2²), at x*² = 2 ln(s1/s2)s1²s2²/(s1² − s2²). */
export function centredNormalKs(v1: number, v2: number): number {
  if (v1 === v2) return 0;
  const [s1, s2] = [Math.sqrt(v1), Math.sqrt(v2)];
  const x = Math.sqrt((2 * Math.log(s1 / s2) * v1 * v2) / (v1 - v2));
  return Math.abs(normalCdf(x / s1) - normalCdf(x / s2));
}

/** Sample sizes of the power curve: 625·2^j, j = 0..6 (625 .. 40000). */
export const POWER_SIZES = Array.from({ length: 7 }, (_, j) => 625 * 2 ** j);
/** Replicates per (model, n). */
export const POWER_REPLICATES = 5;

/**
 * Whether the test must reject at sample size n with probability ≥ 1 − β. At the point x* where
 * the two CDFs differ by Δ, F̂_a(x*) − F̂_b(x*) is a sum of 2n independent terms of range 1/n, so
 * by Hoeffding it falls below Δ − t, t = sqrt(ln(1/β)/n), with probability ≤ β; D is at least it,
 * and the test rejects once n(Δ − t) reaches the critical count at level α/m (never for Δ = 0).
 */
export function rejectionGuaranteed(delta: number, n: number, tests: number): boolean {
  const t = Math.sqrt(Math.log(1 / POWER_BETA) / n);
  return n * (delta - t) >= ksCriticalCount(n, CASE_ALPHA / tests);
}

export interface PowerRow {
  model: SdeModel;
  /** Relative variance difference Var_model/Var_SGD − 1 along each eigenvector of H. */
  varianceGap: number[];
  /** Largest KS distance between the model's and SGD's laws along an eigenvector. */
  ksDistance: number;
  /** Per n of the grid: rejection guaranteed with probability ≥ 1 − β ({@link rejectionGuaranteed}). */
  guaranteed: boolean[];
  /** Smallest such n, null if none on the grid (HA-SME: the laws agree). */
  guaranteedN: number | null;
  /** Rejection rate at each n of POWER_SIZES. */
  rates: number[];
}

export interface PowerCurve {
  seed: number;
  sizes: number[];
  replicates: number;
  rows: PowerRow[];
}

/** The measured power curve: for each n and replicate one SGD sample against each model's sample (tests pass smaller grids). */
export function powerCurve(impl: HasmeImpl, seed: number, sizes: number[] = POWER_SIZES, replicates = POWER_REPLICATES): PowerCurve {
  const c = powerCase();
  const { s, eta, steps } = POWER_SETTING;
  const hits = SDE_MODELS.map(() => sizes.map(() => 0));
  sizes.forEach((n, j) => {
    for (let r = 0; r < replicates; r++) {
      const stream = seed + 1009 * (j * replicates + r + 1);
      const sgd = statistics(c, simulateSgd(c, n, sgdSeed(stream)), n);
      SDE_MODELS.forEach((m, i) => {
        if (verdictOn(c, sgd, implSamples(impl, m, c, n, implSeed(stream) + i), n, CASE_ALPHA).rejected) hits[i][j]++;
      });
    }
  });
  const rows = SDE_MODELS.map((model, i) => {
    const variances = c.a.map((ai, k) => ({ model: linearLaw(model, ai, s[k], eta, steps).variance, sgd: linearLaw('sgd', ai, s[k], eta, steps).variance }));
    const gaps = variances.map((v) => v.model / v.sgd - 1);
    const ksDistance = Math.max(...variances.map((v) => centredNormalKs(v.model, v.sgd)));
    const guaranteed = sizes.map((n) => rejectionGuaranteed(ksDistance, n, c.d + 1));
    const first = guaranteed.indexOf(true);
    return { model, varianceGap: gaps, ksDistance, guaranteed, guaranteedN: first < 0 ? null : sizes[first], rates: hits[i].map((h) => h / replicates) };
  });
  return { seed, sizes, replicates, rows };
}

const fmtP = (p: number) => (p === 0 ? '< 1e-300' : p.toExponential(1));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The power table in words (notes, figure caption). */
export function powerText(pc: PowerCurve): string {
  return pc.rows
    .map((r) => `${r.model}: Var/Var_SGD − 1 = ${r.varianceGap.map(pct).join(', ')}, KS distance ${r.ksDistance.toFixed(4)}, rejection guaranteed from n = ${r.guaranteedN ?? '—'}; rates ${r.rates.map((x, j) => `${pc.sizes[j]}:${x}`).join(' ')}`)
    .join('; ');
}

/** The C21 check on `impl`; `power(seed)` supplies the power curve (default: computed on `impl`, memoised by the report). */
export function makeC21(impl: HasmeImpl = libraryImpl(), power: (seed: number) => Promise<PowerCurve> = async (seed) => powerCurve(impl, seed)): ClaimCheck {
  return {
    id: 'C21',
    title: 'Exact recovery in distribution by sampling: SGD simulated vs HA-SME’s exact OU sampler, two-sample test with a family-wise bound; power against SPF, SME-2, SME-1',
    async run(opts: CheckOptions) {
      if (!impl.sample) return { id: 'C21', status: 'not-run', cases: 0, worstError: null, notes: `${impl.name} has no sampler (HasmeImpl.sample)` };
      const n = nullCases(opts.runs);
      const failures: Counterexample[] = [];
      const coverage: Record<string, number> = {};
      let worst = 0;
      for (let i = 0; i < n; i++) {
        const seed = opts.seed + i;
        let c: RecoveryCase | undefined;
        try {
          const r = nullCase(impl, seed);
          c = r.c;
          const v = r.verdict;
          worst = Math.max(worst, CASE_ALPHA / v.tests / Math.max(v.pMin, Number.MIN_VALUE));
          if (v.rejected) {
            failures.push({
              seed: opts.seed,
              description: `case ${i} (seed ${seed}: d = ${c.d}, ${c.kind}, η = ${c.eta.toPrecision(4)}, ${c.steps} steps): SGD and HA-SME samples (n = ${NULL_SAMPLES} each) differ in the ${v.statistic}, KS D = ${v.ks.toFixed(4)}, exact p = ${fmtP(v.pMin)} ≤ α/${v.tests} = ${(CASE_ALPHA / v.tests).toExponential(1)}. Replay: npx hasme report --claims C21 --seed ${opts.seed}`,
            });
          }
        } catch (err) {
          failures.push({ seed: opts.seed, description: `case ${i} (seed ${seed}): HA-SME sampling failed where C4 says the law is real: ${err instanceof Error ? err.message : String(err)}. Replay: npx hasme report --claims C21 --seed ${opts.seed}` });
        }
        if (c) for (const label of [c.kind, `d=${c.d}`]) coverage[label] = (coverage[label] ?? 0) + 1;
        opts.onProgress?.(i + 1, n + 1);
      }
      const pc = await power(opts.seed);
      let powerCases = 0;
      const ha = pc.rows.find((r) => r.model === 'hasme')!;
      const haRejections = ha.rates.reduce((t, x) => t + x * pc.replicates, 0);
      if (haRejections > 0) {
        failures.push({ seed: opts.seed, description: `power curve: HA-SME's sample rejected against SGD's in ${haRejections} of ${pc.sizes.length * pc.replicates} tests (rates ${ha.rates.join(', ')} at n = ${pc.sizes.join(', ')}). Replay: npx hasme report --claims C21 --seed ${opts.seed}` });
      }
      for (const r of pc.rows) {
        pc.sizes.forEach((size, j) => {
          if (!r.guaranteed[j]) return;
          powerCases++;
          if (r.rates[j] < 1) {
            failures.push({ seed: opts.seed, description: `power: ${r.model} (KS distance ${r.ksDistance.toFixed(4)} from SGD's law) rejected in ${r.rates[j] * pc.replicates} of ${pc.replicates} replicates at n = ${size}, where Hoeffding's bound guarantees rejection with probability ≥ 1 − ${POWER_BETA}. Replay: npx hasme report --claims C21 --seed ${opts.seed}` });
          }
        });
      }
      opts.onProgress?.(n + 1, n + 1);
      coverage['power (model, n) with guaranteed rejection'] = powerCases;
      coverage['power: HA-SME never rejected'] = 1;
      const cases = n + powerCases + 1;
      const haTests = pc.sizes.length * pc.replicates;
      const familyWise = (n + haTests) * CASE_ALPHA + powerCases * pc.replicates * POWER_BETA;
      return tallyOutcome('C21', { cases, worst, failures }, 1, `${n} null cases (C4's conditions), n = ${NULL_SAMPLES} per side, exact two-sample KS on d + 1 fixed statistics, ` +
          `α = ${CASE_ALPHA} per case (Bonferroni over its statistics); worstError = max over cases of (α/m)/p_min (< 1: no rejection). ` +
          `Family-wise false-failure probability of this run ≤ ${familyWise.toExponential(2)} ((${n} + ${haTests} HA-SME power tests)·α + ${powerCases}·${pc.replicates}·β, β = ${POWER_BETA}). ` +
          `Power on H = U diag(2, 0.5)Uᵀ, Σ = U diag(1, 0.5)Uᵀ, η = 0.2, 3 steps, x0 = 0, ${pc.replicates} replicates per n: ${powerText(pc)}.`, coverage);
    },
  };
}
