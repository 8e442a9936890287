/**
 * The principal logarithm of a real symmetric matrix M with no zero eigenvalue, negative eigenvalues
 * included, with no eigendecomposition and in real arithmetic (the Stein route of C13 needs
 * B = −Log(M)/η by a route that shares nothing with the eigenbasis formula).
 *
 * Branch (spec/models.md §1–§2): Log m = ln|m| + iπ for m < 0, so ℓ = −Log m = −ln|m| − iπ.
 * With |M| = (M²)^{1/2} and the sign function S = M|M|^{−1} (both functions of M, so they act
 * eigenvalue by eigenvalue: |m| and sign m), Log M = Log|M| + iπ(I − S)/2: ln m for m > 0,
 * ln|m| + iπ for m < 0. |M| and |M|^{−1} are the limits of the Denman–Beavers iteration on the SPD
 * matrix M² (with norm scaling, Higham, Functions of Matrices §6.3).
 * Log|M| by inverse scaling and squaring: with the scalar c = (‖|M|‖_F / ‖|M|^{−1}‖_F)^{1/2}
 * centring the spectrum around 1, Log|M| = (ln c) I + 2^s Log X, X = (|M|/c)^{1/2^s} after s square
 * roots with ‖X − I‖_F ≤ 1/2, and Gregory's series Log X = 2 Σ_{k≥0} Z^{2k+1}/(2k+1),
 * Z = (X − I)(X + I)^{−1} (‖Z‖₂ ≤ 1/3), summed to 10^−work relative.
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../src/errors.js';
import { Complex } from './complex.js';
import type { Ctx } from './context.js';
import { realOps, type ComplexMatrix, type RealMatrix } from './matrix.js';

/** Square roots beyond this mean the input is not a valid argument. */
const MAX_ROOTS = 64;
const MAX_DB_ITERATIONS = 100;

/** (A^{1/2}, A^{−1/2}) of an SPD matrix A by the norm-scaled Denman–Beavers iteration. */
function sqrtm(A: RealMatrix, ctx: Ctx): { root: RealMatrix; inverseRoot: RealMatrix } {
  const R = realOps(ctx);
  const I = R.identity(A.length);
  const half = ctx.one.div(2);
  const tol = ctx.eps.times(1000);
  let Y = A;
  let Z = I;
  let scaled = true;
  for (let it = 0; it < MAX_DB_ITERATIONS; it++) {
    const Yi = R.solve(Y, I);
    const Zi = R.solve(Z, I);
    // Scale μ = (‖Y⁻¹‖‖Z⁻¹‖ / (‖Y‖‖Z‖))^{1/4} while far from convergence; YZ⁻¹-invariant, so the limits are unchanged.
    let mu = ctx.one;
    if (scaled) {
      mu = R.frobenius(Yi).times(R.frobenius(Zi)).div(R.frobenius(Y).times(R.frobenius(Z))).sqrt().sqrt();
      if (mu.minus(1).abs().lt('0.01')) scaled = false;
    }
    const Yn = R.scale(R.add(R.scale(Y, mu), R.scale(Zi, ctx.one.div(mu))), half);
    const Zn = R.scale(R.add(R.scale(Z, mu), R.scale(Yi, ctx.one.div(mu))), half);
    const done = !scaled && R.frobenius(R.sub(Yn, Y)).lte(R.frobenius(Yn).times(tol));
    Y = Yn;
    Z = Zn;
    if (done) return { root: Y, inverseRoot: Z };
  }
  throw new HasmeInputError('singular', 'matrix square root did not converge (singular input)', { route: 'logm' });
}

/** Log P for an SPD P given P⁻¹ as well, by inverse scaling and squaring (see above). */
function logSpd(P: RealMatrix, Pinv: RealMatrix, ctx: Ctx): RealMatrix {
  const R = realOps(ctx);
  const I = R.identity(P.length);
  const c = R.frobenius(P).div(R.frobenius(Pinv)).sqrt();
  const limit = ctx.one.div(2);
  let X = R.scale(P, ctx.one.div(c));
  let s = 0;
  while (R.frobenius(R.sub(X, I)).gt(limit)) {
    if (++s > MAX_ROOTS) throw new HasmeInputError('singular', 'matrix logarithm: the square roots do not approach I (singular input)', { route: 'logm' });
    X = sqrtm(X, ctx).root;
  }
  const Z = R.mul(R.sub(X, I), R.solve(R.add(X, I), I));
  const Z2 = R.mul(Z, Z);
  const tol = ctx.eps.times(R.frobenius(Z));
  let power = Z;
  let sum = Z;
  for (let k = 1; R.frobenius(power).gt(tol); k++) {
    power = R.mul(power, Z2);
    sum = R.add(sum, R.scale(power, ctx.one.div(2 * k + 1)));
  }
  return R.add(R.scale(sum, new ctx.D(2).pow(s + 1)), R.scale(I, c.ln()));
}

/**
 * Log M (principal) for a real symmetric M, at the context's working precision. Raises
 * HasmeInputError('singular') when M is singular to working precision (some m_i = 0).
 */
export function logmSymmetric(M: RealMatrix, ctx: Ctx): ComplexMatrix {
  const R = realOps(ctx);
  const I = R.identity(M.length);
  const { root: absM, inverseRoot } = sqrtm(R.mul(M, M), ctx);
  const negative = R.scale(R.sub(I, R.mul(M, inverseRoot)), ctx.one.div(2)); // (I − sign M)/2
  const re = logSpd(absM, inverseRoot, ctx);
  const pi: Decimal = ctx.pi;
  return re.map((row, i) => row.map((x, j) => new Complex(x, negative[i][j].times(pi))));
}
