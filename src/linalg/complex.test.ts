/**
 * Complex dense values (split re/im arrays): entry access, the nested and JSON forms of
 * spec/protocol.md, and the scaled norms behind every relative error the suite reports.
 * Expected values are written out by hand; norms are checked on Pythagorean triples.
 */
import { describe, expect, it } from 'vitest';
import { complexFrobenius, get, getEntry, relativeFrobenius, toJSON, toNested, type ComplexMatrix, type ComplexVector } from './complex.js';

// A 2×3 matrix (rows ≠ cols, so row and column strides cannot be swapped unnoticed).
const REAL: ComplexMatrix = { rows: 2, cols: 3, re: Float64Array.of(1, 2, 3, 4, 5, 6), im: null };
const CPLX: ComplexMatrix = { rows: 2, cols: 3, re: Float64Array.of(1, 2, 3, 4, 5, 6), im: Float64Array.of(-1, -2, -3, -4, -5, -6) };
const VREAL: ComplexVector = { length: 2, re: Float64Array.of(7, 8), im: null };
const VCPLX: ComplexVector = { length: 2, re: Float64Array.of(7, 8), im: Float64Array.of(0.5, -0.5) };

describe('entry access', () => {
  it('get(m, i, j) is entry i·cols + j, with im 0 for a real matrix', () => {
    expect(get(REAL, 1, 2)).toEqual([6, 0]);
    expect(get(REAL, 0, 1)).toEqual([2, 0]);
    expect(get(CPLX, 1, 0)).toEqual([4, -4]);
  });
  it('getEntry(v, i)', () => {
    expect(getEntry(VREAL, 1)).toEqual([8, 0]);
    expect(getEntry(VCPLX, 0)).toEqual([7, 0.5]);
  });
});

describe('nested and JSON forms', () => {
  it('toNested: rows of a matrix, entries of a vector; im null when real', () => {
    expect(toNested(REAL)).toEqual({ re: [[1, 2, 3], [4, 5, 6]], im: null });
    expect(toNested(CPLX)).toEqual({ re: [[1, 2, 3], [4, 5, 6]], im: [[-1, -2, -3], [-4, -5, -6]] });
    expect(toNested(VREAL)).toEqual({ re: [7, 8], im: null });
    expect(toNested(VCPLX)).toEqual({ re: [7, 8], im: [0.5, -0.5] });
  });
  it('toJSON: numbers when real, [re, im] pairs when complex', () => {
    expect(toJSON(REAL)).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(toJSON(CPLX)).toEqual([[[1, -1], [2, -2], [3, -3]], [[4, -4], [5, -5], [6, -6]]]);
    expect(toJSON(VREAL)).toEqual([7, 8]);
    expect(toJSON(VCPLX)).toEqual([[7, 0.5], [8, -0.5]]);
  });
});

describe('scaled norms', () => {
  const rel = (got: number, want: number) => expect(Math.abs(got / want - 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
  it('complexFrobenius: √(‖re‖² + ‖im‖²), also at 1e300', () => {
    rel(complexFrobenius(Float64Array.of(3, 0), Float64Array.of(0, 4)), 5);
    rel(complexFrobenius(Float64Array.of(3, 4), null), 5);
    rel(complexFrobenius(Float64Array.of(3e300), Float64Array.of(4e300)), 5e300);
  });
  it('relativeFrobenius: ‖a − b‖/‖b‖, complex on either side; the absolute distance when b = 0', () => {
    const b: ComplexVector = { length: 2, re: Float64Array.of(3, 0), im: null }; // ‖b‖ = 3
    rel(relativeFrobenius({ length: 2, re: Float64Array.of(3, 4), im: null }, b), 4 / 3);
    rel(relativeFrobenius({ length: 2, re: Float64Array.of(3, 0), im: Float64Array.of(0, 4) }, b), 4 / 3);
    // a real, b complex: a − b = (−3i, 0) against ‖b‖ = √(9 + 16).
    const bc: ComplexVector = { length: 2, re: Float64Array.of(0, 4), im: Float64Array.of(3, 0) };
    rel(relativeFrobenius({ length: 2, re: Float64Array.of(0, 4), im: null }, bc), 3 / 5);
    rel(relativeFrobenius({ length: 2, re: Float64Array.of(6, 8), im: null }, { length: 2, re: new Float64Array(2), im: null }), 10);
    // At 1e300: a − b = 1e300 − 4e300·i against ‖b‖ = 5e300 (unscaled squares would overflow).
    rel(relativeFrobenius({ length: 1, re: Float64Array.of(4e300), im: null }, { length: 1, re: Float64Array.of(3e300), im: Float64Array.of(4e300) }), Math.sqrt(17) / 5);
    expect(relativeFrobenius(CPLX, CPLX)).toBe(0);
  });
});
