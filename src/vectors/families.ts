/**
 * The problem families of the conformance vectors (spec/vectors.md). Each family builds exact
 * decimal inputs (H, Σ, η) with a known structure — commuting or not, repeated or clustered
 * eigenvalues, exact removable or singular points, rank-deficient Σ — and says which requests
 * (coefficients of a model, moments of a model) to record for it.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Model, SdeModel } from '../formats/types.js';
import { congruence, dec, exactOrthogonal, gram, toStrings, type DMatrix } from './exact.js';
import type { Rng } from './random.js';

export type Request = { op: 'coefficients'; model: SdeModel } | { op: 'moments'; model: Model; x0: string[]; steps: number };

export interface Problem {
  family: string;
  H: string[][];
  Sigma: string[][];
  eta: string;
  /** Structural tags known by construction (regime and curvature tags are added from the reference). */
  tags: string[];
  requests: Request[];
}

/** Step sizes whose reciprocals are finite decimals, for exact singular and removable points. */
const EXACT_ETAS = ['1', '0.5', '0.25', '0.2', '0.1', '0.125', '0.4', '0.05', '2'];

function eigenvaluesOf(H: string[][]): number[] {
  return new EigenvalueDecomposition(new Matrix(H.map((r) => r.map(Number))), { assumeSymmetric: true }).realEigenvalues;
}

/** 3 significant digits, as a short decimal string. */
function round3(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/**
 * A step size putting eigenvalues `a` in regime R or X, at least `margin` (relative) away from the
 * singular set: |m_i| ≥ margin and |ln|m_i m_j|| ≥ margin for negative pairs. Null if none found.
 */
export function etaFor(a: number[], target: 'R' | 'X', rng: Rng, margin = 0.05): string | null {
  const amax = Math.max(...a);
  if (amax <= 0) return target === 'R' ? rng.pick(['0.01', '0.1', '0.3', '1']) : null;
  for (let attempt = 0; attempt < 40; attempt++) {
    const f = target === 'R' ? 0.05 + rng.int(0, 90) / 100 : 1.05 + rng.int(0, 140) / 100;
    const eta = round3(f / amax);
    const m = a.map((ai) => 1 - Number(eta) * ai);
    const far = m.every((mi, i) => Math.abs(mi) >= margin && m.every((mj, j) => j < i || mi >= 0 || mj >= 0 || Math.abs(Math.log(mi * mj)) >= margin));
    if (far && (target === 'X') === m.some((mi) => mi < 0)) return eta;
  }
  return null;
}

function randomSymmetric(d: number, rng: Rng): string[][] {
  const H: string[][] = Array.from({ length: d }, () => new Array<string>(d));
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) H[i][j] = H[j][i] = rng.decimal(-300, 300, 2);
  return H;
}

/** A Aᵀ with A a d×r matrix of short decimals: PSD, rank ≤ r, exact. */
function randomGram(d: number, r: number, rng: Rng): string[][] {
  const A: DMatrix = Array.from({ length: d }, () => Array.from({ length: r }, () => dec(rng.decimal(-20, 20, 1))));
  return toStrings(gram(A));
}

function randomX0(d: number, rng: Rng): string[] {
  return Array.from({ length: d }, () => rng.decimal(-200, 200, 2));
}

/** Requests for a problem: hasme coefficients, sometimes another model's, and sometimes moments. */
function requestsFor(d: number, rng: Rng, index: number, others: SdeModel[] = ['spf', 'sme1', 'sme2']): Request[] {
  const out: Request[] = [{ op: 'coefficients', model: 'hasme' }];
  if (index % 3 === 0) out.push({ op: 'coefficients', model: rng.pick(others) });
  if (index % 4 < 2) {
    const x0 = randomX0(d, rng);
    const steps = rng.pick([1, 2, 3, 7, 10, 25, 50, 100, 250, 1000]);
    const third = rng.pick<Model>(['sme1', 'sme2', 'spf']);
    for (const model of ['sgd', 'hasme', third] as Model[]) out.push({ op: 'moments', model, x0, steps });
  }
  return out;
}

function dimension(rng: Rng): number {
  return rng.pick([1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8]);
}

/** Random dense H (non-commuting with a random full-rank Σ) in regime R or X. */
function* randomDense(rng: Rng, count: number): Generator<Problem> {
  for (let n = 0; n < count; n++) {
    const d = dimension(rng);
    const H = randomSymmetric(d, rng);
    const eta = etaFor(eigenvaluesOf(H), n % 2 ? 'X' : 'R', rng) ?? etaFor(eigenvaluesOf(H), 'R', rng)!;
    yield { family: 'dense', H, Sigma: randomGram(d, d, rng), eta, tags: [d === 1 ? 'commuting' : 'noncommuting'], requests: requestsFor(d, rng, n) };
  }
}

/** H = Q diag(a) Qᵀ with exact Q; Σ = Q diag(σ) Qᵀ (commuting) or a random Gram matrix. */
function spectralProblem(rng: Rng, a: string[], opts: { commuting: boolean; sigma?: string[]; rank?: number }): Pick<Problem, 'H' | 'Sigma'> {
  const d = a.length;
  const Q = exactOrthogonal(d, rng);
  const H = toStrings(congruence(Q, a.map(dec)));
  if (opts.commuting) {
    const sigma = opts.sigma ?? a.map(() => rng.decimal(0, 30, 1));
    return { H, Sigma: toStrings(congruence(Q, sigma.map(dec))) };
  }
  return { H, Sigma: randomGram(d, opts.rank ?? d, rng) };
}

function randomSpectrum(d: number, rng: Rng): string[] {
  return Array.from({ length: d }, () => rng.decimal(-150, 400, 2));
}

function* commuting(rng: Rng, count: number): Generator<Problem> {
  for (let n = 0; n < count; n++) {
    const d = dimension(rng);
    const a = randomSpectrum(d, rng);
    const sigma = a.map((_, i) => (n % 4 === 0 && i === 0 ? '0' : rng.decimal(1, 30, 1)));
    const eta = etaFor(a.map(Number), n % 2 ? 'X' : 'R', rng) ?? etaFor(a.map(Number), 'R', rng)!;
    const tags = ['commuting', ...(sigma.includes('0') ? ['rank-deficient'] : [])];
    yield { family: 'commuting', ...spectralProblem(rng, a, { commuting: true, sigma }), eta, tags, requests: requestsFor(d, rng, n) };
  }
}

function* repeated(rng: Rng, count: number): Generator<Problem> {
  for (let n = 0; n < count; n++) {
    const d = rng.int(2, 8);
    const a = randomSpectrum(d, rng);
    const copies = rng.int(2, d);
    for (let i = 1; i < copies; i++) a[i] = a[0];
    const eta = etaFor(a.map(Number), n % 2 ? 'X' : 'R', rng) ?? etaFor(a.map(Number), 'R', rng)!;
    yield { family: 'repeated', ...spectralProblem(rng, a, { commuting: false }), eta, tags: ['noncommuting', 'repeated'], requests: requestsFor(d, rng, n) };
  }
}

function* clustered(rng: Rng, count: number): Generator<Problem> {
  for (let n = 0; n < count; n++) {
    const d = rng.int(2, 8);
    const a = randomSpectrum(d, rng);
    const gap = rng.pick([8, 12, 20, 30]);
    a[1] = dec(a[0]).plus(dec(10).pow(-gap).times(rng.int(1, 9))).toString();
    const eta = etaFor(a.map(Number), n % 2 ? 'X' : 'R', rng) ?? etaFor(a.map(Number), 'R', rng)!;
    yield { family: 'clustered', ...spectralProblem(rng, a, { commuting: false }), eta, tags: ['noncommuting', 'clustered'], requests: requestsFor(d, rng, n) };
  }
}

function* tinyEta(rng: Rng, count: number): Generator<Problem> {
  for (let n = 0; n < count; n++) {
    const d = dimension(rng);
    const eta = rng.pick(['1e-10', '1e-9', '1e-8', '1e-7', '1e-6', '3e-6', '1e-5', '2e-5']);
    yield { family: 'tiny-eta', H: randomSymmetric(d, rng), Sigma: randomGram(d, d, rng), eta, tags: [d === 1 ? 'commuting' : 'noncommuting'], requests: requestsFor(d, rng, n) };
  }
}

/** m_i = 1/m_j with both positive (ℓ_i + ℓ_j = 0, C10), exactly or at distance δ = |1 − m_i m_j|. */
function* removable(rng: Rng, count: number): Generator<Problem> {
  const pairs: [string, string][] = [['2', '0.5'], ['4', '0.25'], ['1.25', '0.8'], ['5', '0.2'], ['1.6', '0.625']];
  for (let n = 0; n < count; n++) {
    const d = rng.int(2, 6);
    const eta = rng.pick(EXACT_ETAS);
    const [mi, mj] = rng.pick(pairs).map(dec);
    const exp = n % 5 === 0 ? null : rng.pick([4, 6, 8, 10]);
    // m_j·(1 − δ) with δ = 10^−exp, so 1 − m_i m_j = δ exactly.
    const mjNear = exp === null ? mj : mj.times(dec(1).minus(dec(10).pow(-exp)));
    const a = [mi, mjNear].map((m) => dec(1).minus(m).div(dec(eta)).toString());
    while (a.length < d) a.push(rng.decimal(-100, Math.floor(90 / Number(eta)), 2));
    const commute = n % 4 === 3;
    const tags = ['removable', commute ? 'commuting' : 'noncommuting'];
    yield { family: 'removable', ...spectralProblem(rng, a, { commuting: commute }), eta, tags, requests: requestsFor(d, rng, n, ['sme1', 'sme2']) };
  }
}

/** Within 10^−p (p = 4..12) of the singular set: m_i ≈ 0, or a negative pair with m_i m_j ≈ 1. */
function* nearSingular(rng: Rng, count: number): Generator<Problem> {
  for (let n = 0; n < count; n++) {
    const d = rng.int(1, 6);
    const eta = rng.pick(EXACT_ETAS);
    const delta = dec(10).pow(-rng.pick([4, 6, 8, 10, 12])).times(rng.pick([1, -1]));
    const m = n % 2 === 0 ? [delta] : n % 4 === 1 ? [dec(-1).plus(delta)] : [dec(-2), dec(-0.5).plus(delta)];
    const a = m.map((mi) => dec(1).minus(mi).div(dec(eta)).toString());
    while (a.length < d) a.push(rng.decimal(-100, Math.floor(90 / Number(eta)), 2));
    const commute = n % 3 === 2;
    const tags = ['near-singular', commute ? 'commuting' : 'noncommuting'];
    yield { family: 'near-singular', ...spectralProblem(rng, a, { commuting: commute }), eta, tags, requests: requestsFor(a.length, rng, n, ['sme1', 'sme2']) };
  }
}

/** Exactly singular (regime S, C9): m_i = 0, m_i = −1, or a pair m_i m_j = 1 with both negative. */
function* singular(rng: Rng, count: number): Generator<Problem> {
  const poles: string[][] = [['0'], ['-1'], ['-2', '-0.5'], ['-4', '-0.25'], ['-1.25', '-0.8'], ['-5', '-0.2']];
  for (let n = 0; n < count; n++) {
    const eta = rng.pick(EXACT_ETAS);
    const m = poles[n % poles.length];
    const a = m.map((mi) => dec(1).minus(dec(mi)).div(dec(eta)).toString());
    const d = Math.max(a.length, rng.int(1, 6));
    while (a.length < d) a.push(rng.decimal(-100, Math.floor(90 / Number(eta)), 2));
    const diagonal = n % 5 === 4;
    const base = diagonal
      ? { H: a.map((ai, i) => a.map((_, j) => (i === j ? ai : '0'))), Sigma: randomGram(d, d, rng) }
      : spectralProblem(rng, a, { commuting: n % 3 === 0 });
    const tags = [diagonal || n % 3 !== 0 ? (d === 1 ? 'commuting' : 'noncommuting') : 'commuting'];
    // spf is defined at a pole pair (its diffusion is Σ): record it only where m_i = 0.
    const others: SdeModel[] = m[0] === '0' ? ['spf', 'sme1', 'sme2'] : ['sme1', 'sme2'];
    const requests = requestsFor(d, rng, n, others).filter((r) => r.op === 'coefficients' || r.model !== 'spf' || m[0] === '0');
    yield { family: 'singular', ...base, eta, tags, requests };
  }
}

/** Rank-deficient Σ = A Aᵀ (A d×r, r < d), non-commuting: Σ̃ may be indefinite (C7). */
function* rankDeficient(rng: Rng, count: number): Generator<Problem> {
  for (let n = 0; n < count; n++) {
    const d = rng.int(2, 8);
    const H = randomSymmetric(d, rng);
    const eta = etaFor(eigenvaluesOf(H), n % 3 === 2 ? 'X' : 'R', rng) ?? etaFor(eigenvaluesOf(H), 'R', rng)!;
    yield { family: 'rank-deficient', H, Sigma: randomGram(d, rng.int(1, d - 1), rng), eta, tags: ['noncommuting', 'rank-deficient'], requests: requestsFor(d, rng, n) };
  }
}

/** Saddles: H with several negative eigenvalues (C16), long runs. */
function* saddles(rng: Rng, count: number): Generator<Problem> {
  for (let n = 0; n < count; n++) {
    const d = rng.int(2, 6);
    const a = Array.from({ length: d }, (_, i) => (i < Math.ceil(d / 2) ? rng.decimal(-200, -5, 2) : rng.decimal(5, 300, 2)));
    const eta = etaFor(a.map(Number), n % 2 ? 'X' : 'R', rng) ?? etaFor(a.map(Number), 'R', rng)!;
    yield { family: 'saddle', ...spectralProblem(rng, a, { commuting: n % 2 === 0 }), eta, tags: [n % 2 === 0 ? 'commuting' : 'noncommuting'], requests: requestsFor(d, rng, n) };
  }
}

/** Every problem of the vector set, deterministically from `rng`. */
export function* problems(rng: Rng): Generator<Problem> {
  yield* randomDense(rng, 70);
  yield* commuting(rng, 30);
  yield* repeated(rng, 20);
  yield* clustered(rng, 16);
  yield* tinyEta(rng, 16);
  yield* removable(rng, 20);
  yield* nearSingular(rng, 20);
  yield* singular(rng, 30);
  yield* rankDeficient(rng, 20);
  yield* saddles(rng, 12);
}

