/**
 * Dense real and complex matrices over decimal.js, written once over a scalar {@link Field}.
 * A matrix is an array of rows. `realOps(ctx)` works on Decimal entries, `complexOps(ctx)` on
 * {@link Complex} entries; both expose the same operations. Shapes are checked (RangeError on
 * mismatch: shape errors of user input are reported earlier, by reference/input.ts).
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../src/errors.js';
import { Complex } from './complex.js';
import type { Ctx } from './context.js';
import { scaledMatrix, sequentialDot, toScaled, type Scaled } from './dot.js';

export type Matrix<T> = T[][];
export type RealMatrix = Matrix<Decimal>;
export type ComplexMatrix = Matrix<Complex>;

/** The scalar operations the matrix algorithms need. */
export interface Field<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  conj(a: T): T;
  /** Multiplication by a real scalar. */
  scale(a: T, s: Decimal): T;
  /** Modulus |a|. */
  abs(a: T): Decimal;
}

export function realField(ctx: Ctx): Field<Decimal> {
  return {
    zero: ctx.zero,
    one: ctx.one,
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => a.div(b),
    neg: (a) => a.neg(),
    conj: (a) => a,
    scale: (a, s) => a.times(s),
    abs: (a) => a.abs(),
  };
}

export function complexField(ctx: Ctx): Field<Complex> {
  return {
    zero: new Complex(ctx.zero, ctx.zero),
    one: new Complex(ctx.one, ctx.zero),
    add: (a, b) => a.add(b),
    sub: (a, b) => a.sub(b),
    mul: (a, b) => a.mul(b),
    div: (a, b) => a.div(b),
    neg: (a) => a.neg(),
    conj: (a) => a.conj(),
    scale: (a, s) => a.scale(s),
    abs: (a) => a.abs(),
  };
}

function shapeOf<T>(A: Matrix<T>): [number, number] {
  return [A.length, A.length ? A[0].length : 0];
}

function sameShape<T>(A: Matrix<T>, B: Matrix<T>, what: string): void {
  const [r, c] = shapeOf(A);
  const [r2, c2] = shapeOf(B);
  if (r !== r2 || c !== c2) throw new RangeError(`${what}: shapes ${r}×${c} and ${r2}×${c2} differ`);
}

/** Matrix operations over a field. */
export interface MatrixOps<T> {
  readonly F: Field<T>;
  identity(n: number): Matrix<T>;
  zeros(rows: number, cols: number): Matrix<T>;
  /** Diagonal matrix with the given diagonal. */
  diag(d: T[]): Matrix<T>;
  add(A: Matrix<T>, B: Matrix<T>): Matrix<T>;
  sub(A: Matrix<T>, B: Matrix<T>): Matrix<T>;
  /** s·A for a scalar s of the field. */
  scale(A: Matrix<T>, s: T): Matrix<T>;
  mul(A: Matrix<T>, B: Matrix<T>): Matrix<T>;
  /** A·v for a vector v. */
  mulVec(A: Matrix<T>, v: T[]): T[];
  /** Entrywise (Hadamard) product A ∘ B. */
  hadamard(A: Matrix<T>, B: Matrix<T>): Matrix<T>;
  transpose(A: Matrix<T>): Matrix<T>;
  /** Conjugate transpose Aᴴ (equals Aᵀ over the reals). */
  adjoint(A: Matrix<T>): Matrix<T>;
  /** Frobenius norm sqrt(Σ |a_ij|²). */
  frobenius(A: Matrix<T>): Decimal;
  /** Largest |a_ij|. */
  maxAbs(A: Matrix<T>): Decimal;
  /** Kronecker product A ⊗ B. */
  kron(A: Matrix<T>, B: Matrix<T>): Matrix<T>;
  /** A X Aᵀ for a symmetric X (the symmetric result's upper triangle is computed and mirrored). */
  congruence(A: Matrix<T>, X: Matrix<T>): Matrix<T>;
  /**
   * Solves A X = B (B with one column per right-hand side) by Gaussian elimination with partial
   * pivoting. Throws HasmeInputError('singular') when a pivot is below `pivotTol`·max|a_ij|
   * (default: 10^(−work/2)·max|a_ij|, i.e. A is singular at half the working precision).
   */
  solve(A: Matrix<T>, B: Matrix<T>, pivotTol?: Decimal): Matrix<T>;
}

export function matrixOps<T>(F: Field<T>, ctx: Ctx): MatrixOps<T> {
  const zeros = (rows: number, cols: number): Matrix<T> =>
    Array.from({ length: rows }, () => new Array<T>(cols).fill(F.zero));
  const map2 = (A: Matrix<T>, B: Matrix<T>, f: (a: T, b: T) => T, what: string): Matrix<T> => {
    sameShape(A, B, what);
    return A.map((row, i) => row.map((a, j) => f(a, B[i][j])));
  };
  const ops: MatrixOps<T> = {
    F,
    zeros,
    identity(n) {
      const I = zeros(n, n);
      for (let i = 0; i < n; i++) I[i][i] = F.one;
      return I;
    },
    diag(d) {
      const A = zeros(d.length, d.length);
      d.forEach((x, i) => (A[i][i] = x));
      return A;
    },
    add: (A, B) => map2(A, B, F.add, 'add'),
    sub: (A, B) => map2(A, B, F.sub, 'sub'),
    hadamard: (A, B) => map2(A, B, F.mul, 'hadamard'),
    scale: (A, s) => A.map((row) => row.map((a) => F.mul(s, a))),
    mul(A, B) {
      const [r, n] = shapeOf(A);
      const [n2, c] = shapeOf(B);
      if (n !== n2) throw new RangeError(`mul: shapes ${r}×${n} and ${n2}×${c} do not chain`);
      const C = zeros(r, c);
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < c; j++) {
          let s = F.zero;
          for (let k = 0; k < n; k++) s = F.add(s, F.mul(A[i][k], B[k][j]));
          C[i][j] = s;
        }
      }
      return C;
    },
    mulVec(A, v) {
      if (shapeOf(A)[1] !== v.length) throw new RangeError(`mulVec: ${shapeOf(A).join('×')} times vector of length ${v.length}`);
      return A.map((row) => row.reduce((s, a, k) => F.add(s, F.mul(a, v[k])), F.zero));
    },
    transpose(A) {
      const [r, c] = shapeOf(A);
      return Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => A[i][j]));
    },
    adjoint(A) {
      return ops.transpose(A).map((row) => row.map(F.conj));
    },
    frobenius(A) {
      let s = ctx.zero;
      for (const row of A) for (const a of row) s = s.plus(F.abs(a).pow(2));
      return s.sqrt();
    },
    maxAbs(A) {
      let m = ctx.zero;
      for (const row of A) for (const a of row) m = ctx.D.max(m, F.abs(a));
      return m;
    },
    kron(A, B) {
      const [ra, ca] = shapeOf(A);
      const [rb, cb] = shapeOf(B);
      const K = zeros(ra * rb, ca * cb);
      for (let i = 0; i < ra; i++)
        for (let j = 0; j < ca; j++)
          for (let k = 0; k < rb; k++) for (let l = 0; l < cb; l++) K[i * rb + k][j * cb + l] = F.mul(A[i][j], B[k][l]);
      return K;
    },
    congruence(A, X) {
      const W = ops.mul(X, ops.transpose(A));
      const n = A.length;
      const C = zeros(n, n);
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          let s = F.zero;
          for (let k = 0; k < A[i].length; k++) s = F.add(s, F.mul(A[i][k], W[k][j]));
          C[i][j] = C[j][i] = s;
        }
      }
      return C;
    },
    solve(A, B, pivotTol) {
      const n = A.length;
      if (shapeOf(A)[1] !== n || B.length !== n) throw new RangeError(`solve: A is ${shapeOf(A).join('×')}, B has ${B.length} rows`);
      const m = B.length ? B[0].length : 0;
      const W = A.map((row, i) => [...row, ...B[i]]);
      const scale = ops.maxAbs(A);
      const tol = (pivotTol ?? new ctx.D(10).pow(-Math.floor(ctx.work / 2))).times(scale);
      for (let col = 0; col < n; col++) {
        let p = col;
        let best = F.abs(W[col][col]);
        for (let r = col + 1; r < n; r++) {
          const v = F.abs(W[r][col]);
          if (v.gt(best)) [p, best] = [r, v];
        }
        if (best.lte(tol) || best.isZero()) {
          throw new HasmeInputError('singular', `linear system is singular to working precision (pivot ${best.toExponential(3)} at column ${col})`, {
            column: col,
          });
        }
        if (p !== col) [W[p], W[col]] = [W[col], W[p]];
        const piv = W[col][col];
        for (let r = col + 1; r < n; r++) {
          if (F.abs(W[r][col]).isZero()) continue;
          const f = F.div(W[r][col], piv);
          for (let c = col; c < n + m; c++) W[r][c] = F.sub(W[r][c], F.mul(f, W[col][c]));
        }
      }
      const X = zeros(n, m);
      for (let r = n - 1; r >= 0; r--) {
        for (let c = 0; c < m; c++) {
          let s = W[r][n + c];
          for (let k = r + 1; k < n; k++) s = F.sub(s, F.mul(W[r][k], X[k][c]));
          X[r][c] = F.div(s, W[r][r]);
        }
      }
      return X;
    },
  };
  return ops;
}

/** Σ_k a_k b_k as the Decimal loop s = s + a_k·b_k, evaluated by {@link sequentialDot} (bit-identical, faster). */
function dot(a: Scaled[], b: Scaled[], ctx: Ctx, x: Decimal[], y: Decimal[]): Decimal {
  return sequentialDot(a, b, ctx.D, () => x.reduce((s, xk, k) => s.plus(xk.times(y[k])), ctx.zero));
}

/**
 * Matrix operations on Decimal matrices at the context's precision. The products (mul, mulVec,
 * congruence) round exactly like the generic Decimal loops but run on scaled BigInts (reference/dot.ts).
 */
export function realOps(ctx: Ctx): MatrixOps<Decimal> {
  const ops = matrixOps(realField(ctx), ctx);
  const mul = (A: RealMatrix, B: RealMatrix): RealMatrix => {
    const [r, n] = shapeOf(A);
    const [n2, c] = shapeOf(B);
    if (n !== n2) throw new RangeError(`mul: shapes ${r}×${n} and ${n2}×${c} do not chain`);
    const Bt = ops.transpose(B);
    const rows = scaledMatrix(A);
    const cols = scaledMatrix(Bt);
    return rows.map((a, i) => cols.map((b, j) => dot(a, b, ctx, A[i], Bt[j])));
  };
  return {
    ...ops,
    mul,
    mulVec(A, v) {
      if (shapeOf(A)[1] !== v.length) throw new RangeError(`mulVec: ${shapeOf(A).join('×')} times vector of length ${v.length}`);
      const x = v.map(toScaled);
      return scaledMatrix(A).map((a, i) => dot(a, x, ctx, A[i], v));
    },
    congruence(A, X) {
      // W = X Aᵀ, then the upper triangle of A W, mirrored (the generic order of operations).
      const Wt = ops.transpose(mul(X, ops.transpose(A)));
      const rows = scaledMatrix(A);
      const cols = scaledMatrix(Wt);
      const n = A.length;
      const C: RealMatrix = Array.from({ length: n }, () => new Array<Decimal>(n));
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) C[i][j] = C[j][i] = dot(rows[i], cols[j], ctx, A[i], Wt[j]);
      return C;
    },
  };
}

/** Matrix operations on Complex matrices at the context's precision. */
export function complexOps(ctx: Ctx): MatrixOps<Complex> {
  return matrixOps(complexField(ctx), ctx);
}

/** Embeds a real matrix as a complex one (zero imaginary parts). */
export function toComplex(A: RealMatrix): ComplexMatrix {
  return A.map((row) => row.map((a) => Complex.real(a)));
}

/** Real parts of a complex matrix. */
export function realPart(A: ComplexMatrix): RealMatrix {
  return A.map((row) => row.map((a) => a.re));
}
