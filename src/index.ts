/**
 * hasme-verify's double-precision library (package root). Coefficients, exact moments and
 * samplers of SGD and the SDE models SME-1, SME-2, SPF and HA-SME on quadratics
 * (spec/models.md, spec/numerics.md), with the shared error type and data formats.
 */
export { coefficients, type Coefficients, type CoefficientsOptions, type CoefficientDiagnostics } from './library/coefficients.js';
export { moments, type Moments } from './library/moments.js';
export { sampleExact, sampleEulerMaruyama } from './library/samplers.js';
export { regime, SINGULAR_TOL_EPS } from './library/regime.js';
export { SYMMETRY_TOL_EPS, PSD_TOL_EPS, type MatrixInput, type Problem } from './library/input.js';
export {
  get,
  getEntry,
  toNested,
  toJSON,
  relativeFrobenius,
  type ComplexMatrix,
  type ComplexVector,
  type JsonScalar,
} from './linalg/complex.js';
export { phiInto, invPhiInto, type ComplexOut } from './numerics/phi.js';
export { HasmeInputError, ERROR_CODES, isErrorCode, type ErrorCode } from './errors.js';
export * from './formats/types.js';
