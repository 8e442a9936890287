/**
 * `sample` cases built from regime-R moments vectors (spec/protocol.md §9): the request is
 * the moments case plus n and a seed, and the exact law of the answer is N(mean, cov) of its
 * expected values (C4). Cases are chosen so that the classic sampler bugs move the law far beyond
 * the tests' detection threshold at n = 10⁵ (checked by test/conformance.sample.test.ts):
 * - η·max|a_i| ∈ [0.2, 0.95] (and every η a_i < 1): Σ̃ differs from Σ by O(η H Σ) (C11) and
 *   the OU factor (1 − e^{−(β_i+β_j)t})/((β_i+β_j)t) differs from 1 by about β t ≥ 0.2;
 * - |ln η| ≥ 0.5: √η in place of η rescales the covariance by η^{−1/2}, at least 1.28×;
 * - a real, positive definite covariance with condition number ≤ 10⁸ (whitening stays exact to
 *   ~10⁻⁸, far below the sampling noise n^{−1/2}).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Model, MomentsResult, SampleRequest, ScalarJSON, VectorLine } from '../formats/types.js';
import { requestOf } from '../formats/requests.js';
import { DEFAULT_SAMPLE_CASES, DEFAULT_SAMPLE_N } from './defaults.js';
import { cholesky, type SampleExpectation } from './sampleTest.js';


/** Model order of the round-robin choice: HA-SME first and twice (the Σ̃ bug shows only there). */
const MODEL_ORDER: Model[] = ['hasme', 'sme1', 'spf', 'hasme', 'sme2', 'sgd'];

export interface SampleCase {
  request: SampleRequest;
  /** Id of the moments vector the case was built from. */
  from: string;
  expectation: SampleExpectation;
  /** True when the case meets every power criterion above. */
  powerful: boolean;
}

function realNumbers(xs: readonly ScalarJSON[]): number[] | undefined {
  if (xs.some((x) => Array.isArray(x))) return undefined;
  return xs.map((x) => Number(x));
}

/** FNV-1a hash of the id: a fixed, reproducible seed per case. */
export function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

interface Candidate {
  vector: VectorLine;
  mean: number[];
  cov: number[][];
  powerful: boolean;
}

function candidate(v: VectorLine): Candidate | undefined {
  if (v.op !== 'moments' || 'error' in v.expected || v.steps < 1) return undefined;
  const exp = v.expected as MomentsResult;
  if (exp.cov === null) return undefined;
  const mean = realNumbers(exp.mean);
  const rows = exp.cov.map(realNumbers);
  if (!mean || rows.some((r) => r === undefined)) return undefined;
  const cov = rows as number[][];
  const L = cholesky(cov);
  if (!L) return undefined;
  const diag = L.map((r, i) => r[i] * r[i]);
  if (Math.min(...diag) < 1e-8 * Math.max(...diag)) return undefined;
  const eta = Number(v.eta);
  const a = new EigenvalueDecomposition(new Matrix(v.H.map((r) => r.map(Number)))).realEigenvalues;
  if (a.some((ai) => eta * ai >= 1)) return undefined; // regime R only
  const stiff = eta * Math.max(...a.map(Math.abs));
  const powerful = stiff >= 0.2 && stiff <= 0.95 && Math.abs(Math.log(eta)) >= 0.5;
  return { vector: v, mean, cov, powerful };
}

/**
 * Up to `count` sample cases from the moments vectors, round-robin over models (MODEL_ORDER),
 * cases meeting the power criteria first, then the smallest d ≥ 2, then id order. Deterministic.
 */
export function sampleCases(vectors: readonly VectorLine[], count = DEFAULT_SAMPLE_CASES, n = DEFAULT_SAMPLE_N): SampleCase[] {
  const pool = vectors.map(candidate).filter((c): c is Candidate => c !== undefined);
  // Smallest d ≥ 2 first: correlation tests are exercised, and the answers (n·d numbers) stay small.
  const size = (c: Candidate) => (c.mean.length === 1 ? Infinity : c.mean.length);
  pool.sort((x, y) => Number(y.powerful) - Number(x.powerful) || size(x) - size(y) || (x.vector.id < y.vector.id ? -1 : 1));
  const used = new Set<Candidate>();
  const out: SampleCase[] = [];
  const take = (c: Candidate) => {
    used.add(c);
    const id = `sample-${c.vector.id}`;
    const request = { ...(requestOf(c.vector) as SampleRequest), id, op: 'sample' as const, n, seed: seedOf(id) };
    out.push({ request, from: c.vector.id, expectation: { mean: c.mean, cov: c.cov, n }, powerful: c.powerful });
  };
  for (let round = 0; out.length < count && used.size < pool.length; round++) {
    const model = MODEL_ORDER[round % MODEL_ORDER.length];
    const next = pool.find((c) => !used.has(c) && c.vector.model === model) ?? (round >= MODEL_ORDER.length ? pool.find((c) => !used.has(c)) : undefined);
    if (next) take(next);
  }
  return out;
}
