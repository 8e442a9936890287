/**
 * Input conversion and validation for the library (spec/numerics.md, "Input validation").
 * Every failure is a HasmeInputError whose message names the offending entry or eigenvalue.
 */
import { AbstractMatrix, type Matrix } from 'ml-matrix';
import { HasmeInputError } from '../errors.js';
import { frobenius } from '../linalg/dense.js';
import { symmetricEigenvalues } from '../linalg/symmetricEigen.js';

/** A real matrix: nested rows of numbers, or an ml-matrix Matrix. */
export type MatrixInput = number[][] | Matrix;

/** A quadratic problem with additive Gaussian noise (spec/models.md §3–§6). */
export interface Problem {
  /** Hessian H (symmetric d×d). */
  H: MatrixInput;
  /** Gradient-noise covariance Σ (symmetric positive semidefinite d×d). */
  Sigma: MatrixInput;
  /** Step size η > 0. */
  eta: number;
  /** Initial point x0 (length d). */
  x0: number[] | Float64Array;
}

export const EPS = Number.EPSILON;

/**
 * Symmetry tolerance: |A_ij − A_ji| ≤ SYMMETRY_TOL_EPS · eps · max_kl |A_kl| is accepted (and
 * A replaced by (A + Aᵀ)/2); larger asymmetry is `not-symmetric`. 32 eps covers matrices
 * assembled in floating point (e.g. JᵀJ in another order) while rejecting any asymmetry that
 * would change the answer beyond the library's own error.
 */
export const SYMMETRY_TOL_EPS = 32;

/**
 * PSD tolerance: Σ is accepted when Σ + τI admits a Cholesky factorization, τ = PSD_TOL_EPS · d ·
 * eps · ‖Σ‖_F (≥ the eigensolver's and Cholesky's backward error, so exactly PSD and
 * rank-deficient Σ, spec/claims.md C7, pass); when it does not, Σ's eigenvalues decide: λ_min(Σ) < −τ
 * is `not-psd`, naming λ_min.
 */
export const PSD_TOL_EPS = 8;

/** A validated symmetric matrix as row-major Float64Array. */
export interface DenseSymmetric {
  d: number;
  data: Float64Array;
}

/** Converts a matrix input to a square row-major Float64Array, checking shape and finiteness. */
export function toDense(name: string, input: MatrixInput, d?: number): DenseSymmetric {
  const rows: ArrayLike<ArrayLike<unknown>> | null =
    input instanceof AbstractMatrix ? input.to2DArray() : Array.isArray(input) ? input : null;
  if (!rows) throw new HasmeInputError('shape', `${name} must be an array of rows or a Matrix`);
  const n = rows.length;
  if (n === 0) throw new HasmeInputError('shape', `${name} is empty`);
  if (d !== undefined && n !== d) throw new HasmeInputError('shape', `${name} has ${n} rows, expected ${d}`, { name, rows: n, expected: d });
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) throw new HasmeInputError('shape', `${name} row ${i} is not an array`, { name, row: i });
    if (row.length !== n) throw new HasmeInputError('shape', `${name} row ${i} has ${row.length} entries, expected ${n} (square)`, { name, row: i });
    for (let j = 0; j < n; j++) data[i * n + j] = finiteEntry(`${name}[${i}][${j}]`, row[j]);
  }
  return { d: n, data };
}

/** A decimal number string: optional sign, digits with an optional point, optional exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A value as the user wrote it: numbers (NaN, Infinity, BigInt included) as String(), the rest as JSON. */
function shown(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return `${v}n (a BigInt)`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** A finite real from a number or a decimal string (parsed with Number()); else `non-finite`. */
export function finiteEntry(label: string, v: unknown): number {
  const x = typeof v === 'number' ? v : typeof v === 'string' && DECIMAL.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(x)) throw new HasmeInputError('non-finite', `${label} = ${shown(v)} is not a finite number`, { entry: label });
  return x;
}

/** Checks symmetry within {@link SYMMETRY_TOL_EPS} and symmetrizes in place. */
export function requireSymmetric(name: string, m: DenseSymmetric): void {
  const { d, data } = m;
  let max = 0;
  for (let k = 0; k < data.length; k++) max = Math.max(max, Math.abs(data[k]));
  const tol = SYMMETRY_TOL_EPS * EPS * max;
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      const a = data[i * d + j], b = data[j * d + i];
      if (Math.abs(a - b) > tol) {
        throw new HasmeInputError('not-symmetric', `${name}[${i}][${j}] = ${a} but ${name}[${j}][${i}] = ${b} (tolerance ${tol.toExponential(2)})`, { name, i, j, values: [a, b] });
      }
      // Halves first: (a + b)/2 rounded once, without overflow for entries near 1e308 (a = b kept as is: ½a rounds in subnormals).
      const s = a === b ? a : 0.5 * a + 0.5 * b;
      data[i * d + j] = s;
      data[j * d + i] = s;
    }
  }
}

/** Throws `not-psd` unless λ_min(Σ) ≥ −τ ({@link PSD_TOL_EPS}). */
export function requirePsd(name: string, m: DenseSymmetric): void {
  const tol = PSD_TOL_EPS * m.d * EPS * frobenius(m.data);
  if (choleskyShifted(m.data, m.d, tol)) return;
  const lambdaMin = symmetricEigenvalues(m.data, m.d)[0];
  if (lambdaMin < -tol) {
    throw new HasmeInputError('not-psd', `${name} has eigenvalue ${lambdaMin} < 0 (tolerance −${tol.toExponential(2)})`, { name, eigenvalue: lambdaMin });
  }
}

/**
 * Whether A + shift·I has a Cholesky factorization (all pivots > 0): d³/3 flops. Only the strictly
 * lower part of L is stored; its diagonal is needed only in the column being formed.
 */
function choleskyShifted(a: Float64Array, d: number, shift: number): boolean {
  const l = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let diag = a[j * d + j] + shift;
    for (let k = 0; k < j; k++) diag -= l[j * d + k] * l[j * d + k];
    if (!(diag > 0)) return false;
    const ljj = Math.sqrt(diag);
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = s / ljj;
    }
  }
  return true;
}

/** η must be a finite number > 0. */
export function requireEta(eta: unknown): number {
  const x = typeof eta === 'number' ? eta : typeof eta === 'string' && DECIMAL.test(eta) ? Number(eta) : NaN;
  if (!Number.isFinite(x) || x <= 0) throw new HasmeInputError('eta', `step size eta must be a finite number > 0, got ${shown(eta)}`, { eta: shown(eta) });
  return x;
}

/** A vector of length d with finite entries. */
export function toVector(name: string, v: unknown, d: number): Float64Array {
  if (!Array.isArray(v) && !(v instanceof Float64Array)) throw new HasmeInputError('shape', `${name} must be an array`);
  if (v.length !== d) throw new HasmeInputError('shape', `${name} has length ${v.length}, expected ${d}`, { name, length: v.length, expected: d });
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = finiteEntry(`${name}[${i}]`, v[i]);
  return out;
}

/** A non-negative safe integer (steps, sample counts); otherwise `unsupported`. */
export function requireCount(name: string, k: unknown): number {
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0) {
    const why = typeof k === 'number' && Number.isInteger(k) && k > 0 ? ` no larger than 2^53 − 1` : '';
    throw new HasmeInputError('unsupported', `${name} must be a non-negative integer${why}, got ${shown(k)}`, { name });
  }
  return k;
}
