/**
 * Comparison arithmetic of the claim checks, in the 60-digit check context (properties/impl.ts):
 * relative errors of complex matrices and vectors, and small generic matrix identities built on
 * the reference's Decimal matrix operations (no model code).
 */
import type { Decimal } from 'decimal.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Complex, complexOps, type ComplexMatrix } from '../../reference/index.js';
import { CHECK_CTX, realToC } from '../impl.js';
import type { Mat } from '../arbitraries.js';

export const C = complexOps(CHECK_CTX);
const D = CHECK_CTX.D;

/** Double unit roundoff 2^−53. */
export const EPS = 2 ** -53;

/** ‖A − B‖_F / ‖B‖_F (‖A − B‖_F when B = 0), as a double (Decimal keeps tiny values exact). */
export function relErr(A: ComplexMatrix, B: ComplexMatrix): number {
  const diff = C.frobenius(C.sub(A, B));
  const ref = C.frobenius(B);
  return (ref.isZero() ? diff : diff.div(ref)).toNumber();
}

/**
 * ‖A − B‖_F / max(‖B‖_F, scale): the error relative to `scale`, the size of B's sensitivity to
 * rounding of the inputs where that exceeds ‖B‖_F (e.g. η²‖Σ‖ Σ_j ‖M‖₂^{2j} for SGD's C_k).
 */
export function relErrScaled(A: ComplexMatrix, B: ComplexMatrix, scale: Decimal): number {
  const den = D.max(C.frobenius(B), scale);
  const diff = C.frobenius(C.sub(A, B));
  return (den.isZero() ? diff : diff.div(den)).toNumber();
}

/** Relative error of vectors, as {@link relErr}. */
export function relErrVec(a: Complex[], b: Complex[]): number {
  return relErr([a], [b]);
}

/** ‖A‖_F as a double. */
export function fro(A: ComplexMatrix): number {
  return C.frobenius(A).toNumber();
}

/** A real double scalar as a complex Decimal. */
export function cnum(x: number | Decimal): Complex {
  return new Complex(new D(x), new D(0));
}

/** I − ηH in the check context (H, η parsed as the reference parses JSON numbers). */
export function stepMatrix(H: Mat, eta: number): ComplexMatrix {
  return C.sub(C.identity(H.length), C.scale(realToC(H), cnum(eta)));
}

/** Q A Qᵀ for a real Q (both given as doubles, computed in Decimal: exact for signed permutations). */
export function congruence(Q: Mat, A: ComplexMatrix): ComplexMatrix {
  const Qc = realToC(Q);
  return C.mul(Qc, C.mul(A, C.transpose(Qc)));
}

/** Real part of a complex matrix as doubles. */
export function realDoubles(A: ComplexMatrix): number[][] {
  return A.map((row) => row.map((z) => z.re.toNumber()));
}

/** Largest |imaginary part| relative to ‖A‖_F. */
export function imagRatio(A: ComplexMatrix): number {
  const f = C.frobenius(A);
  let m = new D(0);
  for (const row of A) for (const z of row) m = D.max(m, z.im.abs());
  return f.isZero() ? 0 : m.div(f).toNumber();
}

/**
 * Ascending eigenvalues of a real symmetric double matrix (ml-matrix, independent of the library
 * under test; backward stable). Non-finite input is refused with a clear error (ml-matrix would
 * throw an opaque TypeError).
 */
export function eigSymDouble(A: number[][]): number[] {
  if (!A.every((row) => row.every(Number.isFinite))) throw new RangeError(`eigSymDouble: non-finite entry in ${JSON.stringify(A)}`);
  return new EigenvalueDecomposition(new Matrix(A), { assumeSymmetric: true }).realEigenvalues.sort((x, y) => x - y);
}

/** ‖A‖₂ of a real symmetric double matrix. */
export function norm2Sym(A: number[][]): number {
  // Scaled to max |A_ij| = 1 first: the eigensolver squares entries, which underflow below ~1e-154
  // (seeds 777 and 20240556 at 1000 runs drew C6 kernels of norm 1e-189).
  const scale = Math.max(...A.map((row) => Math.max(...row.map(Math.abs))));
  if (scale === 0) return 0;
  return scale * Math.max(...eigSymDouble(A.map((row) => row.map((x) => x / scale))).map(Math.abs));
}

/** Formats an error for messages. */
export const fmt = (x: number): string => x.toExponential(2);
