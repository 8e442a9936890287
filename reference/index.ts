/**
 * hasme-verify's high-precision reference (decimal.js): exact HA-SME coefficients, SGD and SDE
 * moments on quadratics, the Stein-equation second route, the self-check, and the Decimal building
 * blocks (per-call precision, complex scalars, dense matrices, symmetric eigensolver).
 * Formulas and derivations: spec/models.md.
 */
export {
  refEigSym,
  refRegime,
  refCoefficients,
  refDiffusionOperator,
  refMoments,
  refSgdMomentsRecursion,
  refSgdMomentsClosedForm,
  refSteinDiffusion,
  refHasmePsdTest,
} from './api.js';
export { refSelfCheck, type SelfCheckCase, type SelfCheckResult } from './selfcheck.js';
export type { Coefficients } from './coefficients.js';
export type { Moments, PsdTest } from './moments.js';
export type { EigSym } from './eig.js';
export { context, DEFAULT_DIGITS, GUARD_DIGITS, type Ctx, type RefOptions } from './context.js';
export { Complex } from './complex.js';
export { expm1, log1p } from './special.js';
export { phi, psiPhase, kernelEntry, ellPair, spectral, type Spectral, type SingularPoint, type PiPhase } from './spectral.js';
export { eigSym } from './eig.js';
export {
  realOps,
  complexOps,
  matrixOps,
  realField,
  complexField,
  toComplex,
  realPart,
  type Field,
  type Matrix,
  type MatrixOps,
  type RealMatrix,
  type ComplexMatrix,
} from './matrix.js';
export { parseReal, parseSquare, parseVector, parseProblem, INPUT_RTOL } from './input.js';
export { decimalToJSON, realMatrixToJSON, complexMatrixToJSON, complexVectorToJSON, isRealAtPrecision } from './json.js';
