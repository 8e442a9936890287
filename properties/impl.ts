/**
 * The SEAM between the claim checks and the implementation under test. Every check is built by a
 * factory taking a {@link HasmeImpl}; the defaults are the decimal reference (reference/) and the
 * double library (src/). Tests inject broken implementations here (properties/seam.test.ts).
 *
 * Results are handed to the checks as Decimal complex matrices (the reference's types), so the
 * same comparison code measures a 50-digit reference and a double library. Double results are
 * converted through their shortest round-trip decimal (within ½ ulp), far below any double
 * tolerance used by the checks.
 */
import type { Model, Regime, SdeModel } from '../src/formats/types.js';
import {
  Complex,
  context,
  refCoefficients,
  refEigSym,
  refMoments,
  refSteinDiffusion,
  type ComplexMatrix,
  type Ctx,
} from '../reference/index.js';
import * as lib from '../src/index.js';
import type { Mat } from './arbitraries.js';

/** Coefficients of one model (spec/models.md §1–§2): the SDE is dX = −T∇f dt + sqrt(η D) dW, B = TH. */
export interface Coeffs {
  regime: Regime;
  drift: ComplexMatrix;
  diffusion: ComplexMatrix;
  driftMatrix: ComplexMatrix;
}

/** Moments at t = kη (spec/models.md §3–§6): mean, pseudo-covariance, covariance (null where undefined). */
export interface Moms {
  mean: Complex[];
  pcov: ComplexMatrix;
  cov: ComplexMatrix | null;
}

/** An HA-SME implementation as the checks see it. Singular inputs must throw (C9). */
export interface HasmeImpl {
  readonly name: string;
  /** Unit roundoff of the implementation's arithmetic: errors are reported in these units. */
  readonly unitRoundoff: number;
  coefficients(H: Mat, Sigma: Mat, eta: number, model?: SdeModel): Coeffs;
  moments(model: Model, H: Mat, Sigma: Mat, eta: number, x0: number[], steps: number): Moms;
  /** The implementation's condition estimate for HA-SME at (H, Σ, η), where it reports one (C9). */
  condition?(H: Mat, Sigma: Mat, eta: number): number;
  /** Σ̃ by the Stein-equation route (C13), where the implementation has one. */
  steinDiffusion?(H: Mat, Sigma: Mat, eta: number): ComplexMatrix;
  /** n seeded samples of the model's law at t = steps·η (SDEs: exact OU transition), where the implementation samples (C21). */
  sample?(model: Model, H: Mat, Sigma: Mat, eta: number, x0: number[], steps: number, n: number, seed: number): number[][];
}

/** Decimal context in which the checks compare results (60 digits: above any result's precision). */
export const CHECK_CTX: Ctx = context({ digits: 60 });

/** The decimal reference at `digits` significant digits (default 50). */
export function referenceImpl(digits = 50): HasmeImpl {
  const opts = { digits };
  return {
    name: `reference (${digits} digits)`,
    unitRoundoff: 10 ** -digits,
    coefficients: (H, Sigma, eta, model = 'hasme') => refCoefficients(H, Sigma, eta, { ...opts, model }),
    moments: (model, H, Sigma, eta, x0, steps) => refMoments(model, H, Sigma, eta, x0, steps, opts),
    steinDiffusion: (H, Sigma, eta) => refSteinDiffusion(H, Sigma, eta, opts),
  };
}

/** The double-precision library of src/ (package root API). Its condition estimate is an output C9 checks (no check takes it as a tolerance). */
export function libraryImpl(): HasmeImpl {
  const mat = (m: lib.ComplexMatrix): ComplexMatrix => fromDoubles(m.re, m.im, m.rows, m.cols);
  return {
    name: 'library (double)',
    unitRoundoff: 2 ** -53,
    coefficients: (H, Sigma, eta, model = 'hasme') => {
      const c = lib.coefficients(H, Sigma, eta, { model });
      return { regime: c.regime, drift: mat(c.drift), diffusion: mat(c.diffusion), driftMatrix: mat(c.driftMatrix) };
    },
    moments: (model, H, Sigma, eta, x0, steps) => {
      const m = lib.moments(model, { H, Sigma, eta, x0 }, steps);
      return {
        mean: fromDoubles(m.mean.re, m.mean.im, 1, m.mean.length)[0],
        pcov: mat(m.pcov),
        cov: m.cov ? mat(m.cov) : null,
      };
    },
    condition: (H, Sigma, eta) => lib.coefficients(H, Sigma, eta).diagnostics.condition,
    sample: (model, H, Sigma, eta, x0, steps, n, seed) => lib.sampleExact(model, { H, Sigma, eta, x0 }, steps, n, seed),
  };
}

/** Smallest eigenvalue of a real symmetric matrix given as Decimal entries, at `digits` (reference eigensolver). */
export function lambdaMinDecimal(A: ComplexMatrix, digits = 50): number {
  const values = refEigSym(A.map((row) => row.map((z) => z.re.toString())), { digits }).values;
  return values[0].toNumber();
}

/** Entrywise conversion of a double matrix into the comparison currency. */
export function fromDoubles(re: ArrayLike<number>, im: ArrayLike<number> | null, rows: number, cols: number): ComplexMatrix {
  const D = CHECK_CTX.D;
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => new Complex(new D(re[i * cols + j]), new D(im ? im[i * cols + j] : 0))),
  );
}

/** Real double matrix → comparison currency. */
export function realToC(A: Mat): ComplexMatrix {
  const D = CHECK_CTX.D;
  return A.map((row) => row.map((x) => new Complex(new D(x), new D(0))));
}
