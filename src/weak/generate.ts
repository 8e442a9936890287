/**
 * Seeded random problems for the weak-error claims (C14–C16), as exact decimal strings so the
 * exact engines see exactly the problem that is reported: additive quadratics, regularised least
 * squares finite sums, and saddles. Randomness: src/vectors/random.ts (pure-rand, per seed).
 */
import { Decimal } from 'decimal.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { SDE_MODELS } from '../formats/types.js';
import type { DecMatrix, DecVector, FiniteSumProblem, QuadraticProblem, QuadraticTest, SaddleProblem } from '../problems/types.js';
import { makeRng, type Rng } from '../vectors/random.js';

const Exact = Decimal.clone({ precision: 100 });

/** η = 0.1/2^j as exact decimal strings. */
export function halvings(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => new Exact(0.1).div(2 ** (from + i)).toString());
}

function eigenvalues(M: DecMatrix): number[] {
  return new EigenvalueDecomposition(new Matrix(M.map((r) => r.map(Number))), { assumeSymmetric: true }).realEigenvalues;
}

function symmetric(rng: Rng, d: number, diag: [number, number], off: [number, number]): DecMatrix {
  const M: DecMatrix = Array.from({ length: d }, () => new Array<string>(d).fill('0'));
  for (let i = 0; i < d; i++) {
    M[i][i] = rng.decimal(diag[0], diag[1], 2);
    for (let j = 0; j < i; j++) M[i][j] = M[j][i] = rng.decimal(off[0], off[1], 2);
  }
  return M;
}

/** Σ = L Lᵀ with L lower triangular, diagonal in [0.3, 1]: positive definite, exact. */
function covariance(rng: Rng, d: number): DecMatrix {
  const L = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (j > i ? '0' : j === i ? rng.decimal(30, 100, 2) : rng.decimal(-50, 50, 2))));
  return L.map((ri) => L.map((rj) => ri.reduce((s, x, k) => s.plus(new Exact(x).times(rj[k])), new Exact(0)).toString()));
}

function vector(rng: Rng, d: number, lo: number, hi: number): DecVector {
  return Array.from({ length: d }, () => rng.decimal(lo, hi, 2));
}

function test(rng: Rng, d: number): QuadraticTest {
  return { W: symmetric(rng, d, [50, 150], [-50, 50]), w: vector(rng, d, -100, 100) };
}

/** Additive quadratic, d ∈ {2, 3}: diagonal of H in [−0.5, 2] (negative curvature allowed), T = 1. */
export function randomQuadratic(seed: number, etas: string[]): QuadraticProblem {
  const rng = makeRng(seed);
  const d = rng.int(2, 3);
  return {
    kind: 'quadratic', H: symmetric(rng, d, [-50, 200], [-50, 50]), Sigma: covariance(rng, d), x0: vector(rng, d, -100, 100),
    T: '1', etas, test: test(rng, d), models: [...SDE_MODELS],
  };
}

/**
 * Ridge least squares, d = 2, n ∈ {3, 4, 5}: A_i = a_i a_iᵀ + 0.1 I, c_i = b_i a_i, entries of a_i
 * and b_i in [−1, 1]; resampled until λ_min(H) ≥ 0.2. T = 1.
 */
export function randomFiniteSum(seed: number, etas: string[]): FiniteSumProblem {
  const rng = makeRng(seed);
  const d = 2;
  for (;;) {
    const n = rng.int(3, 5);
    const a = Array.from({ length: n }, () => vector(rng, d, -100, 100));
    const b = Array.from({ length: n }, () => rng.decimal(-100, 100, 2));
    const A = a.map((ai) => ai.map((x, i) => ai.map((y, j) => new Exact(x).times(y).plus(i === j ? '0.1' : 0).toString())));
    const c = a.map((ai, k) => ai.map((x) => new Exact(x).times(b[k]).toString()));
    const H = A[0].map((row, i) => row.map((_, j) => A.reduce((s, Ak) => s + Number(Ak[i][j]), 0) / n));
    if (Math.min(...eigenvalues(H.map((r) => r.map(String)))) < 0.2) continue;
    return { kind: 'finite-sum', A, c, x0: vector(rng, d, -100, 100), T: '1', etas, test: test(rng, d), models: [...SDE_MODELS] };
  }
}

/**
 * Saddle, d ∈ {2, 3}: resampled until λ_min(H) ≤ −0.2; start at the saddle point 0, or with
 * `offSaddle` at x0 with entries in [−0.5, 0.5] (C20).
 */
export function randomSaddle(seed: number, eta: string, steps: number, offSaddle = false): SaddleProblem {
  const rng = makeRng(seed);
  const d = rng.int(2, 3);
  for (;;) {
    const H = symmetric(rng, d, [-100, 150], [-60, 60]);
    if (Math.min(...eigenvalues(H)) > -0.2) continue;
    const Sigma = covariance(rng, d);
    const x0 = offSaddle ? vector(rng, d, -50, 50) : new Array<string>(d).fill('0');
    return { kind: 'saddle', H, Sigma, x0, eta, radius: '1', steps, models: [...SDE_MODELS] };
  }
}

/** max_i Σ_j |M_ij| (≥ the spectral radius of M). */
export function rowSumNorm(M: DecMatrix): number {
  return Math.max(...M.map((row) => row.reduce((s, x) => s + Math.abs(Number(x)), 0)));
}

/** x rounded down to 3 significant digits, as an exact decimal string (a step size below a bound). */
export function stableStep(x: number): string {
  const e = Math.floor(Math.log10(x)) - 2;
  return new Exact(Math.floor(x / 10 ** e)).times(new Exact(10).pow(e)).toString();
}

/**
 * Stationary-law cases (C18): H ≻ 0 (λ_min ≥ 0.1), d ∈ {2, 3}; Σ positive definite, or of rank one
 * (one case in three: Σ̃ is then indefinite for every η, C7); η = κ/‖H‖_∞ with κ ∈ [0.05, 0.95],
 * so 0 < ηa_i < 1.
 */
export function randomStationaryQuadratic(seed: number): { H: DecMatrix; Sigma: DecMatrix; eta: string } {
  const rng = makeRng(seed);
  const d = rng.int(2, 3);
  for (;;) {
    const H = symmetric(rng, d, [10, 200], [-60, 60]);
    if (Math.min(...eigenvalues(H)) < 0.1) continue;
    const rankOne = rng.int(0, 2) === 0;
    const v = vector(rng, d, -100, 100);
    const Sigma = rankOne ? v.map((x) => v.map((y) => new Exact(x).times(y).toString())) : covariance(rng, d);
    const kappa = Number(rng.decimal(5, 95, 2));
    return { H, Sigma, eta: stableStep(kappa / rowSumNorm(H)) };
  }
}
