/**
 * Complex dense results without per-entry objects: split real and imaginary Float64Arrays,
 * row-major, `im` null when the value is real (regime R, and every real-valued output).
 */
import { frobenius } from './dense.js';

/** A rows×cols matrix, row-major; entry (i, j) is re[i·cols + j] + i·im[i·cols + j]. */
export interface ComplexMatrix {
  rows: number;
  cols: number;
  re: Float64Array;
  /** null: the matrix is real. */
  im: Float64Array | null;
}

/** A vector of `length` entries; `im` null when real. */
export interface ComplexVector {
  length: number;
  re: Float64Array;
  im: Float64Array | null;
}

/** A JSON scalar: a real number, or [re, im] for a complex entry. */
export type JsonScalar = number | [number, number];

/** Entry (i, j) as [re, im] (im = 0 for a real matrix). */
export function get(m: ComplexMatrix, i: number, j: number): [number, number] {
  const k = i * m.cols + j;
  return [m.re[k], m.im ? m.im[k] : 0];
}

/** Entry i of a vector as [re, im]. */
export function getEntry(v: ComplexVector, i: number): [number, number] {
  return [v.re[i], v.im ? v.im[i] : 0];
}

/** Nested arrays: `re` rows (or entries), and `im` likewise or null for a real value. */
export function toNested(m: ComplexMatrix): { re: number[][]; im: number[][] | null };
export function toNested(v: ComplexVector): { re: number[]; im: number[] | null };
export function toNested(x: ComplexMatrix | ComplexVector): { re: number[][] | number[]; im: number[][] | number[] | null } {
  if (!('rows' in x)) return { re: Array.from(x.re), im: x.im ? Array.from(x.im) : null };
  const rows = (a: Float64Array) => Array.from({ length: x.rows }, (_, i) => Array.from(a.subarray(i * x.cols, (i + 1) * x.cols)));
  return { re: rows(x.re), im: x.im ? rows(x.im) : null };
}

/** The protocol's JSON form: rows of numbers (real) or of [re, im] pairs (complex). */
export function toJSON(m: ComplexMatrix): JsonScalar[][];
export function toJSON(v: ComplexVector): JsonScalar[];
export function toJSON(x: ComplexMatrix | ComplexVector): JsonScalar[][] | JsonScalar[] {
  if ('rows' in x) {
    return Array.from({ length: x.rows }, (_, i) => scalars(x.re, x.im, i * x.cols, x.cols));
  }
  return scalars(x.re, x.im, 0, x.length);
}

function scalars(re: Float64Array, im: Float64Array | null, start: number, count: number): JsonScalar[] {
  const out: JsonScalar[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = im ? [re[start + k], im[start + k]] : re[start + k];
  return out;
}

/** ‖z‖_F of the entries re[k] + i·im[k] (im null: real), scaled: no overflow or underflow for finite input. */
export function complexFrobenius(re: Float64Array, im: Float64Array | null): number {
  return im ? Math.hypot(frobenius(re), frobenius(im)) : frobenius(re);
}

/**
 * Relative Frobenius distance ‖a − b‖_F / ‖b‖_F (the absolute ‖a − b‖_F when b = 0 exactly), the
 * error measure of the library's tests, the explorer and the conformance verdicts
 * (spec/protocol.md §Verdicts). Scaled norms: finite entries up to 1e308 neither overflow nor
 * underflow. Shapes must agree (checked by the caller).
 */
export function relativeFrobenius(a: ComplexMatrix | ComplexVector, b: ComplexMatrix | ComplexVector): number {
  const n = b.re.length;
  const dr = new Float64Array(n);
  const di = a.im || b.im ? new Float64Array(n) : null;
  for (let k = 0; k < n; k++) {
    dr[k] = a.re[k] - b.re[k];
    if (di) di[k] = (a.im ? a.im[k] : 0) - (b.im ? b.im[k] : 0);
  }
  const diff = complexFrobenius(dr, di);
  const ref = complexFrobenius(b.re, b.im);
  return ref === 0 ? diff : diff / ref;
}
