/**
 * Σ̃ by a second route (spec/claims.md C2, C13) that shares no decomposition with the eigenbasis
 * formula Σ̃ = U (K ∘ UᵀΣU) Uᵀ: no eigenvalue, eigenvector or φ is computed here.
 *  1. B = −Log(M)/η, M = I − ηH, by inverse scaling and squaring (reference/logm.ts: Denman–Beavers
 *     square roots and Gregory's series, principal branch handled by the −iM rotation);
 *  2. Q = ηΣ̃ from the Stein equation Q − M Q Mᵀ = η²(BΣ + ΣBᵀ), written as the d²×d² real linear
 *     system (I − M⊗M) vec Q = η² vec(BΣ + ΣBᵀ) (row-major vec; real and imaginary parts of the
 *     right side as two columns) and solved by Gaussian elimination with partial pivoting.
 * Why this is independent of the eigenbasis route: the only inputs are H, Σ and η; a wrong
 * eigenvector, a wrong kernel φ or a wrong log branch in the eigenbasis route does not enter here,
 * and an error here (in Log M or in the solve) does not enter there.
 * I − M⊗M has eigenvalues 1 − m_i m_j, so the system is singular whenever some m_i m_j = 1: at a
 * zero eigenvalue of H (m = 1), at ηa_i = 2, at the poles of φ, and at the removable singularity
 * C10, where Σ̃ itself is analytic and only the eigenbasis route is valid. The solve loses about
 * log10 cond(I − M⊗M) digits; the caller (api.ts) first measures that condition number
 * ({@link steinLoss}) and works with as many more digits.
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../src/errors.js';
import { Complex } from './complex.js';
import type { Ctx } from './context.js';
import { logmSymmetric } from './logm.js';
import { complexOps, realOps, type ComplexMatrix, type RealMatrix } from './matrix.js';

/** Rewraps a singular solve as the Stein route's documented error. */
function singular(err: unknown, what: string): never {
  if (err instanceof HasmeInputError && err.code === 'singular') {
    throw new HasmeInputError('singular', `Stein route: ${what} is singular to working precision (${err.message}); where HA-SME is defined there (e.g. the removable singularity C10, a zero eigenvalue of H) use the eigenbasis route`, {
      route: 'stein',
    });
  }
  throw err;
}

/** Pivots below this (relative) are refused: the system is singular to working precision. */
const pivotTolerance = (ctx: Ctx) => new ctx.D(10).pow(8 - ctx.work);

/** M = I − ηH and the Stein operator I − M⊗M (row-major vec). */
function steinOperator(H: RealMatrix, eta: Decimal, ctx: Ctx): { M: RealMatrix; A: RealMatrix } {
  const R = realOps(ctx);
  const M = R.sub(R.identity(H.length), R.scale(H, eta));
  return { M, A: R.sub(R.identity(H.length ** 2), R.kron(M, M)) };
}

/**
 * Digits the Stein route loses at (H, η): log10 of (‖I‖_F + ‖M⊗M‖_F) ‖(I − M⊗M)^{−1}‖_F, from one
 * d²×d² inversion (no decomposition). The first factor is the size of the terms that cancel when
 * I − M⊗M is formed (not ‖I − M⊗M‖: for M ≈ I the operator is tiny and well conditioned, yet it and
 * Log M have lost the digits that cancelled; near m = 1, 1/|1 − m²| ≈ 1/(2|ln m|) also measures
 * the digits Log M loses). Raises HasmeInputError('singular') like {@link steinDiffusion}.
 */
export function steinLoss(H: RealMatrix, eta: Decimal, ctx: Ctx): number {
  const R = realOps(ctx);
  const { M, A } = steinOperator(H, eta, ctx);
  let inverse: RealMatrix;
  try {
    inverse = R.solve(A, R.identity(A.length), pivotTolerance(ctx));
  } catch (err) {
    singular(err, 'I − M⊗M (some m_i m_j = 1)');
  }
  const cancelled = new ctx.D(A.length).sqrt().plus(R.frobenius(M).pow(2)); // ‖I‖_F + ‖M⊗M‖_F
  return cancelled.times(R.frobenius(inverse)).log(10).toNumber();
}

/**
 * Σ̃ from the Stein equation at the context's working precision (which the caller raises by
 * {@link steinLoss} digits). Raises HasmeInputError('singular') when M or I − M⊗M is singular to
 * working precision (pivot below 10^(8 − work) relative).
 */
export function steinDiffusion(H: RealMatrix, Sigma: RealMatrix, eta: Decimal, ctx: Ctx): ComplexMatrix {
  const R = realOps(ctx);
  const C = complexOps(ctx);
  const d = Sigma.length;
  const { M, A } = steinOperator(H, eta, ctx);
  let L: ComplexMatrix;
  try {
    L = logmSymmetric(M, ctx);
  } catch (err) {
    singular(err, 'M = I − ηH (some m_i = 0)');
  }
  const B = C.scale(L, Complex.real(ctx.one.div(eta).neg()));
  const Sc = Sigma.map((row) => row.map((s) => Complex.real(s)));
  const rhs = C.scale(C.add(C.mul(B, Sc), C.mul(Sc, C.transpose(B))), Complex.real(eta.times(eta)));
  let X: RealMatrix;
  try {
    X = R.solve(A, rhs.flat().map((z) => [z.re, z.im]), pivotTolerance(ctx));
  } catch (err) {
    singular(err, 'I − M⊗M (some m_i m_j = 1)');
  }
  const invEta = ctx.one.div(eta);
  return Array.from({ length: d }, (_, r) => Array.from({ length: d }, (_, c) => new Complex(X[r * d + c][0], X[r * d + c][1]).scale(invEta)));
}
