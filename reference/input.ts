/**
 * Validation and exact parsing of the reference's inputs (H, Σ, η, x0, steps).
 * Decimal strings are parsed exactly; a JSON number is read as its shortest round-trip decimal
 * (0.1 is 0.1). Every failure is a HasmeInputError naming the offending entry.
 *
 * Documented tolerances (spec/models.md §Input):
 * - symmetry: |a_ij − a_ji| ≤ 1e-12 · max_kl |a_kl|; the reference then uses the exact
 *   symmetric part (a_ij + a_ji)/2;
 * - Σ ⪰ 0: λ_min(Σ) ≥ −1e-12 · max|λ(Σ)|. The eigenvalues for this test are computed in double
 *   precision on Σ / max|σ_ij| (absolute error ≲ 1e-15 · d, far below the tolerance).
 */
import type { Decimal } from 'decimal.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { HasmeInputError } from '../src/errors.js';
import type { RealJSON, RealMatrixJSON, RealVectorJSON } from '../src/formats/types.js';
import type { Ctx } from './context.js';
import type { RealMatrix } from './matrix.js';

/** Relative tolerance of the symmetry and PSD tests. */
export const INPUT_RTOL = 1e-12;

const DECIMAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses one real scalar exactly; `name` (e.g. "H[1][2]") appears in the error. */
export function parseReal(x: unknown, ctx: Ctx, name: string): Decimal {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new HasmeInputError('non-finite', `${name} is ${x}`, { entry: name });
    return new ctx.D(x);
  }
  if (typeof x === 'string') {
    const s = x.trim();
    if (!DECIMAL_RE.test(s)) throw new HasmeInputError('non-finite', `${name} = ${JSON.stringify(x)} is not a finite decimal number`, { entry: name });
    return new ctx.D(s);
  }
  throw new HasmeInputError('parse', `${name} must be a number or a decimal string, got ${x === null ? 'null' : typeof x}`, { entry: name });
}

/** Parses a real vector of length `n` (when given). */
export function parseVector(v: unknown, ctx: Ctx, name: string, n?: number): Decimal[] {
  if (!Array.isArray(v)) throw new HasmeInputError('shape', `${name} must be an array`, { entry: name });
  if (n !== undefined && v.length !== n) throw new HasmeInputError('shape', `${name} has length ${v.length}, expected ${n}`, { entry: name });
  return v.map((x, i) => parseReal(x, ctx, `${name}[${i}]`));
}

/** Parses a d×d real matrix (d ≥ 1, or exactly `n` when given). */
export function parseSquare(A: unknown, ctx: Ctx, name: string, n?: number): RealMatrix {
  if (!Array.isArray(A) || A.length === 0) throw new HasmeInputError('shape', `${name} must be a non-empty array of rows`, { entry: name });
  const d = A.length;
  if (n !== undefined && d !== n) throw new HasmeInputError('shape', `${name} is ${d}×…, expected ${n}×${n}`, { entry: name });
  return A.map((row, i) => {
    if (!Array.isArray(row) || row.length !== d) {
      throw new HasmeInputError('shape', `${name} row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries, expected ${d} (square)`, { entry: `${name}[${i}]` });
    }
    return row.map((x, j) => parseReal(x, ctx, `${name}[${i}][${j}]`));
  });
}

/** Checks symmetry within {@link INPUT_RTOL} and returns the exact symmetric part. */
export function symmetrize(A: RealMatrix, ctx: Ctx, name: string): RealMatrix {
  const d = A.length;
  let scale = ctx.zero;
  for (const row of A) for (const a of row) scale = ctx.D.max(scale, a.abs());
  const tol = scale.times(INPUT_RTOL);
  const S = A.map((row) => row.slice());
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      const diff = A[i][j].minus(A[j][i]).abs();
      if (diff.gt(tol)) {
        throw new HasmeInputError('not-symmetric', `${name}[${i}][${j}] = ${A[i][j]} but ${name}[${j}][${i}] = ${A[j][i]}`, { entry: `${name}[${i}][${j}]` });
      }
      if (!diff.isZero()) S[i][j] = S[j][i] = A[i][j].plus(A[j][i]).div(2);
    }
  }
  return S;
}

/** Checks Σ ⪰ 0 within the documented tolerance (see the module comment). */
export function checkPsd(S: RealMatrix, ctx: Ctx, name: string): void {
  let m = ctx.zero;
  for (const row of S) for (const a of row) m = ctx.D.max(m, a.abs());
  if (m.isZero()) return;
  // Σ / max|σ_ij| has entries in [−1, 1], so the conversion to double neither overflows nor loses scale.
  const scaled = new Matrix(S.map((row) => row.map((a) => a.div(m).toNumber())));
  const values = new EigenvalueDecomposition(scaled, { assumeSymmetric: true }).realEigenvalues;
  const top = Math.max(...values.map(Math.abs));
  const low = Math.min(...values);
  if (low < -INPUT_RTOL * top) {
    const value = m.times(low).toSignificantDigits(6).toString();
    throw new HasmeInputError('not-psd', `${name} has eigenvalue ${value} < 0 (tolerance ${INPUT_RTOL}·max|λ|)`, {
      index: values.indexOf(low),
      eigenvalue: value,
    });
  }
}

/** Parses η > 0. */
export function parseEta(eta: unknown, ctx: Ctx): Decimal {
  let e: Decimal;
  try {
    e = parseReal(eta, ctx, 'eta');
  } catch (err) {
    if (err instanceof HasmeInputError) throw new HasmeInputError('eta', `η must be a positive finite number: ${err.message}`);
    throw err;
  }
  if (!e.isPositive() || e.isZero()) throw new HasmeInputError('eta', `η must be > 0, got ${e}`);
  return e;
}

/** Parses a step count: a non-negative safe integer. */
export function parseSteps(steps: unknown): number {
  if (typeof steps !== 'number' || !Number.isSafeInteger(steps) || steps < 0) {
    throw new HasmeInputError('parse', `steps must be a non-negative integer, got ${JSON.stringify(steps)}`);
  }
  return steps;
}

/** A validated problem: symmetric H, symmetric PSD Σ, η > 0. */
export interface Problem {
  H: RealMatrix;
  Sigma: RealMatrix;
  eta: Decimal;
}

/** Parses and validates H (symmetric), Σ (symmetric PSD, same size) and η > 0. */
export function parseProblem(H: RealMatrixJSON, Sigma: RealMatrixJSON, eta: RealJSON, ctx: Ctx): Problem {
  const h = symmetrize(parseSquare(H, ctx, 'H'), ctx, 'H');
  const s = symmetrize(parseSquare(Sigma, ctx, 'Sigma', h.length), ctx, 'Sigma');
  checkPsd(s, ctx, 'Sigma');
  return { H: h, Sigma: s, eta: parseEta(eta, ctx) };
}

/** Parses x0 of length d. */
export function parseX0(x0: RealVectorJSON, ctx: Ctx, d: number): Decimal[] {
  return parseVector(x0, ctx, 'x0', d);
}
