/**
 * Statistical verdict on the `sample` op (spec/protocol.md §9). Under the null hypothesis
 * the n samples are i.i.d. N(μ, C) with μ, C the exact moments of the case (C4: the HA-SME law
 * in regime R with Σ̃ ⪰ 0 is exactly SGD's Gaussian; the other models are Gaussian OU
 * transitions). With C = LLᵀ and y = L⁻¹(x − μ) ~ N(0, I), the case runs 1 + d + d(d−1)/2 tests,
 * each with an exact null distribution:
 * - mean: Hotelling's T² = n ȳᵀ S⁻¹ ȳ, (n−d)/(d(n−1)) T² ~ F(d, n−d);
 * - variances: (n−1) S_ii ~ χ²(n−1), two-sided;
 * - correlations (i < j): t² = r²(n−2)/(1−r²) ~ F(1, n−2) (independent Gaussian coordinates);
 * - independence of the samples (spec/protocol.md §9): per whitened axis, the correlation of
 *   disjoint lagged pairs (y_{2i}, y_{2i+1}) and of the two halves (y_i, y_{i+⌊n/2⌋}), each
 *   ~ F(1, ⌊n/2⌋−2) exactly; and repeated samples, whose count has a Markov bound under the null.
 * Bonferroni: the case fails when some p < α/m, so a correct sampler fails it with probability ≤ α.
 */
import { F, chisquare } from '../stats/distributions.js';
import { responseProblem } from '../formats/schemas.js';
import type { SampleCase } from './sampleCases.js';
import type { CaseVerdict } from './verdict.js';

/** Per-case false-rejection probability. */
export const SAMPLE_ALPHA = 1e-6;

/** One sampling case: the exact law of the samples asked for. */
export interface SampleExpectation {
  /** Exact mean μ and covariance C (real, positive definite). */
  mean: number[];
  cov: number[][];
  /** Number of samples requested. */
  n: number;
}

/** Outcome of the tests of one case. */
export interface SampleOutcome {
  pass: boolean;
  /** Smallest Bonferroni-adjusted p-value, min(1, m·p_min). */
  pAdjusted: number;
  /** Which test gave it and what differed, in words. */
  message: string;
}

/** Lower Cholesky factor of a symmetric positive definite matrix; undefined if not numerically PD. */
export function cholesky(A: number[][]): number[][] | undefined {
  const d = A.length;
  const L = A.map(() => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    let s = A[j][j];
    for (let k = 0; k < j; k++) s -= L[j][k] * L[j][k];
    if (!(s > 0)) return undefined;
    L[j][j] = Math.sqrt(s);
    for (let i = j + 1; i < d; i++) {
      let t = A[i][j];
      for (let k = 0; k < j; k++) t -= L[i][k] * L[j][k];
      L[i][j] = t / L[j][j];
    }
  }
  return L;
}

/** Solves L y = b (forward substitution). */
function forward(L: number[][], b: number[]): number[] {
  const y = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
    y[i] = s / L[i][i];
  }
  return y;
}

/** Sample mean and unbiased sample covariance of whitened samples (two passes, for accuracy). */
function whitenedMoments(ys: number[][]): { ybar: number[]; S: number[][] } {
  const d = ys[0].length;
  const n = ys.length;
  const ybar = new Array<number>(d).fill(0);
  for (const y of ys) for (let i = 0; i < d; i++) ybar[i] += y[i] / n;
  const S = ybar.map(() => new Array<number>(d).fill(0));
  for (const y of ys) {
    for (let i = 0; i < d; i++) {
      const di = y[i] - ybar[i];
      for (let j = 0; j <= i; j++) S[i][j] += di * (y[j] - ybar[j]);
    }
  }
  for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) S[j][i] = S[i][j] /= n - 1;
  return { ybar, S };
}

interface TestResult {
  p: number;
  what: string;
}

function hotelling(ybar: number[], S: number[][], n: number): TestResult {
  const d = ybar.length;
  const Ls = cholesky(S);
  if (!Ls) return { p: 0, what: 'sample covariance is singular (samples lie in a subspace)' };
  const z = forward(Ls, ybar);
  const t2 = n * z.reduce((s, v) => s + v * v, 0);
  const f = ((n - d) / (d * (n - 1))) * t2;
  return { p: 1 - F.cdf(f, d, n - d), what: `mean: Hotelling T² = ${t2.toPrecision(4)}` };
}

function variance(Sii: number, n: number, i: number): TestResult {
  const c = chisquare.cdf((n - 1) * Sii, n - 1);
  return { p: Math.min(1, 2 * Math.min(c, 1 - c)), what: `covariance: variance along whitened axis ${i} is ${Sii.toPrecision(4)}× the exact one` };
}

/** P(X > x) for X ~ F(d1, d2): the one place new tests reach the distribution library. */
function fSurvival(x: number, d1: number, d2: number): number {
  return 1 - F.cdf(x, d1, d2);
}

/** Pearson correlation of paired samples and its exact p-value under independence: r²(m−2)/(1−r²) ~ F(1, m−2). */
function pairCorrelation(a: Float64Array, b: Float64Array): { r: number; p: number } {
  const m = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < m; i++) {
    ma += a[i] / m;
    mb += b[i] / m;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < m; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  const r = saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 1;
  const t2 = (r * r * (m - 2)) / Math.max(1 - r * r, Number.MIN_VALUE);
  return { r, p: fSurvival(t2, 1, m - 2) };
}

/**
 * Dependence between samples, per whitened axis k: lagged pairs (y_{2i,k}, y_{2i+1,k}) and halves
 * (y_{i,k}, y_{i+h,k}), h = ⌊n/2⌋, i < h. Under the null each is a set of h i.i.d. pairs of
 * independent N(0, 1), so each correlation test is exact (catches AR-type chains, neighbours or
 * halves that repeat each other).
 */
function independence(ys: number[][]): TestResult[] {
  const d = ys[0].length;
  const h = Math.floor(ys.length / 2);
  const out: TestResult[] = [];
  for (let k = 0; k < d; k++) {
    const even = new Float64Array(h);
    const odd = new Float64Array(h);
    const first = new Float64Array(h);
    const second = new Float64Array(h);
    for (let i = 0; i < h; i++) {
      even[i] = ys[2 * i][k];
      odd[i] = ys[2 * i + 1][k];
      first[i] = ys[i][k];
      second[i] = ys[i + h][k];
    }
    const lag = pairCorrelation(even, odd);
    out.push({ p: lag.p, what: `independence: consecutive samples correlate along whitened axis ${k} (r = ${lag.r.toPrecision(3)}, exact 0)` });
    const halves = pairCorrelation(first, second);
    out.push({ p: halves.p, what: `independence: samples i and i + ${h} correlate along whitened axis ${k} (r = ${halves.r.toPrecision(3)}, exact 0)` });
  }
  return out;
}

/**
 * Safety factor on the rounding granularity: a sampler whose arithmetic is off by a few ulps
 * lumps a few neighbouring doubles together.
 */
const ULP_SLACK = 16;

/**
 * Bound on the probability that two independent draws of N(μ, C) give the very same double
 * vector: it is at most that of coordinate k agreeing, Σ_v P(v)² ≤ max_v P(v), and a double v
 * within 40σ_k of μ_k carries probability ≤ ulp(v)·(density max) ≤ 2⁻⁵²(|μ_k| + 40σ_k)/(σ_k√(2π))
 * (beyond 40σ: < 10⁻³⁴⁷). Minimised over k, times ULP_SLACK.
 */
export function coincidenceBound(mean: readonly number[], cov: readonly (readonly number[])[]): number {
  let best = 1;
  for (let k = 0; k < mean.length; k++) {
    const sigma = Math.sqrt(cov[k][k]);
    best = Math.min(best, (ULP_SLACK * 2 ** -52 * (Math.abs(mean[k]) + 40 * sigma)) / (sigma * Math.sqrt(2 * Math.PI)));
  }
  return best;
}

/**
 * Repeated samples: D = n − (number of distinct rows) is at most the number of coinciding pairs,
 * whose mean under the null is at most E = n(n−1)/2 · coincidenceBound; by Markov's inequality
 * P(D ≥ t) ≤ E/t, so p = min(1, E/D) is a valid p-value (1 when no row repeats).
 */
function repeats(samples: number[][], exp: SampleExpectation): TestResult {
  const n = samples.length;
  const d = samples[0].length;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const ra = samples[a];
    const rb = samples[b];
    for (let k = 0; k < d; k++) if (ra[k] !== rb[k]) return ra[k] < rb[k] ? -1 : 1;
    return 0;
  });
  let repeated = 0;
  for (let i = 1; i < n; i++) {
    const ra = samples[order[i - 1]];
    const rb = samples[order[i]];
    let same = true;
    for (let k = 0; k < d && same; k++) same = ra[k] === rb[k];
    if (same) repeated++;
  }
  const expected = ((n * (n - 1)) / 2) * coincidenceBound(exp.mean, exp.cov);
  return { p: repeated === 0 ? 1 : Math.min(1, expected / repeated), what: `independence: ${repeated} of ${n} samples repeat an earlier one exactly (a correct sampler: expected < ${expected.toExponential(1)})` };
}

function correlation(S: number[][], i: number, j: number, n: number): TestResult {
  const r = S[i][j] / Math.sqrt(S[i][i] * S[j][j]);
  const t2 = (r * r * (n - 2)) / Math.max(1 - r * r, Number.MIN_VALUE);
  return { p: 1 - F.cdf(t2, 1, n - 2), what: `covariance: correlation of whitened axes ${i},${j} is ${r.toPrecision(3)} (exact 0)` };
}

/**
 * The entry that differs most, in the original coordinates: the mean entry with the largest
 * z-score, or the covariance entry with the largest |S_ij − C_ij| / sqrt(C_ii C_jj).
 */
function worstEntry(samples: number[][], mu: number[], cov: number[][], kind: 'mean' | 'cov'): string {
  const d = mu.length;
  const n = samples.length;
  const mean = new Array<number>(d).fill(0);
  for (const x of samples) for (let i = 0; i < d; i++) mean[i] += x[i] / n;
  let best = { score: -1, text: '' };
  const consider = (score: number, text: string) => {
    if (score > best.score) best = { score, text };
  };
  for (let i = 0; i < d; i++) {
    if (kind === 'mean') {
      consider(Math.abs(mean[i] - mu[i]) / Math.sqrt(cov[i][i] / n), `mean[${i}] = ${mean[i].toPrecision(6)} vs exact ${mu[i].toPrecision(6)}`);
      continue;
    }
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (const x of samples) s += (x[i] - mean[i]) * (x[j] - mean[j]);
      s /= n - 1;
      consider(Math.abs(s - cov[i][j]) / Math.sqrt(cov[i][i] * cov[j][j]), `cov[${i}][${j}] = ${s.toPrecision(4)} vs exact ${cov[i][j].toPrecision(4)}`);
    }
  }
  return best.text;
}

/**
 * Tests samples against their exact law at level `alpha` (Bonferroni over the case's tests).
 * Shape problems (wrong count, wrong dimension) fail without testing.
 */
export function testSamples(samples: number[][], exp: SampleExpectation, alpha: number = SAMPLE_ALPHA): SampleOutcome {
  const d = exp.mean.length;
  if (exp.n < Math.max(d + 3, 8)) throw new RangeError(`sample tests need n ≥ max(d + 3, 8) samples, got n = ${exp.n} for d = ${d}`);
  if (samples.length !== exp.n) return { pass: false, pAdjusted: 0, message: `${samples.length} samples, expected ${exp.n}` };
  const bad = samples.findIndex((x) => x.length !== d);
  if (bad >= 0) return { pass: false, pAdjusted: 0, message: `samples[${bad}] has length ${samples[bad].length}, expected ${d}` };
  const inf = samples.findIndex((x) => !x.every(Number.isFinite));
  if (inf >= 0) return { pass: false, pAdjusted: 0, message: `samples[${inf}] has a non-finite entry` };
  const L = cholesky(exp.cov);
  if (!L) throw new Error('sample case with a covariance that is not positive definite');
  const ys = samples.map((x) => forward(L, x.map((v, i) => v - exp.mean[i])));
  const { ybar, S } = whitenedMoments(ys);
  if (![...ybar, ...S.flat()].every(Number.isFinite)) {
    const big = samples.reduce((m, x) => Math.max(m, ...x.map(Math.abs)), 0);
    return { pass: false, pAdjusted: 0, message: `sample moments overflow double precision (entries as large as ${big.toExponential(2)})` };
  }
  const tests: TestResult[] = [hotelling(ybar, S, exp.n)];
  for (let i = 0; i < d; i++) tests.push(variance(S[i][i], exp.n, i));
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) tests.push(correlation(S, i, j, exp.n));
  tests.push(...independence(ys), repeats(samples, exp));
  const m = tests.length;
  const worst = tests.reduce((a, b) => (b.p < a.p ? b : a));
  const pAdjusted = Math.min(1, worst.p * m);
  const pText = worst.p === 0 ? 'p < 1e-16' : `p = ${worst.p.toExponential(1)}`;
  if (worst.p < alpha / m) {
    const kind = worst.what.startsWith('mean') ? 'mean' : worst.what.startsWith('covariance') ? 'cov' : undefined;
    const entry = kind ? `; ${worstEntry(samples, exp.mean, exp.cov, kind)}` : '';
    return { pass: false, pAdjusted, message: `${worst.what} (${pText} < α/${m} = ${(alpha / m).toExponential(1)})${entry}` };
  }
  return { pass: true, pAdjusted, message: `${m} tests, smallest adjusted p = ${pAdjusted.toExponential(1)}` };
}

/** The verdict on one answer to a sample case: schema, then the tests above. */
export function judgeSample(c: SampleCase, answer: unknown): CaseVerdict {
  const base = { id: c.request.id, op: 'sample' as const, model: c.request.model, rtol: 0, outputs: [] };
  const invalid = responseProblem(answer, 'sample');
  if (invalid) return { ...base, pass: false, message: `invalid answer: ${invalid}` };
  const a = answer as { error?: string; message?: string; samples?: number[][] };
  if (a.error !== undefined) {
    return { ...base, pass: false, message: `answered error "${a.error}"${a.message ? ` (${a.message})` : ''} but sampling is defined here (regime R, real PSD diffusion)` };
  }
  const outcome = testSamples(a.samples as number[][], c.expectation);
  return { ...base, pass: outcome.pass, worst: outcome.pAdjusted, message: outcome.message };
}
