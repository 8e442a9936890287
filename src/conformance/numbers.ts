/**
 * Reading protocol numbers (spec/protocol.md §Numbers) as complex doubles, and the relative
 * Frobenius error every verdict is based on. Expected values (≥ 40-digit decimal strings) are
 * rounded once to double: that costs at most 2^-53 relative per entry, far below any tolerance.
 */
import type { ScalarJSON } from '../formats/types.js';
import { relativeFrobenius } from '../linalg/complex.js';

/** A dense complex array, row-major, with its shape. */
export interface ComplexArray {
  rows: number;
  cols: number;
  re: Float64Array;
  im: Float64Array;
}

/** A scalar as [re, im]; a real x is [x, 0]. Values are schema-validated before they get here. */
function scalarParts(x: ScalarJSON): [number, number] {
  if (Array.isArray(x)) return [Number(x[0]), Number(x[1])];
  return [Number(x), 0];
}

/** A matrix (array of rows) as a complex array; undefined if its rows are ragged. */
export function matrixArray(rows: readonly (readonly ScalarJSON[])[]): ComplexArray | undefined {
  const cols = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== cols)) return undefined;
  const re = new Float64Array(rows.length * cols);
  const im = new Float64Array(rows.length * cols);
  rows.forEach((row, i) =>
    row.forEach((x, j) => {
      const [a, b] = scalarParts(x);
      re[i * cols + j] = a;
      im[i * cols + j] = b;
    }),
  );
  return { rows: rows.length, cols, re, im };
}

/** A vector as a 1×n complex array. */
export function vectorArray(v: readonly ScalarJSON[]): ComplexArray {
  return matrixArray([v]) as ComplexArray;
}

/**
 * Relative Frobenius error ‖a − e‖_F / ‖e‖_F; where e = 0 exactly the absolute error ‖a‖_F
 * (spec/protocol.md §Verdicts). Shapes must agree (checked by the caller). The library's scaled
 * implementation (src/linalg/complex.ts) serves: a norm, not model code.
 */
export function relativeError(a: ComplexArray, e: ComplexArray): number {
  return relativeFrobenius(a, e);
}

/** Significant decimal digits agreed, −log10(error), clamped to [0, 17] (17 means exact in double). */
export function digitsAgreed(relErr: number): number {
  if (!(relErr > 0)) return relErr === 0 ? 17 : 0;
  return Math.min(17, Math.max(0, -Math.log10(relErr)));
}
