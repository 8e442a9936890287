/**
 * Bad input raises HasmeInputError with the right code and a message naming the offending entry
 * or eigenvalue; inputs inside the documented tolerances are accepted (spec/numerics.md).
 */
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { HasmeInputError, coefficients, moments, regime, sampleExact, PSD_TOL_EPS, SYMMETRY_TOL_EPS } from '../index.js';

function codeOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (err) {
    if (err instanceof HasmeInputError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a HasmeInputError');
}

const I2 = [[1, 0], [0, 1]];

describe('input validation', () => {
  it.each([
    ['empty H', () => coefficients([], [], 0.1), 'shape', /H is empty/],
    ['ragged H', () => coefficients([[1, 0], [0]], I2, 0.1), 'shape', /H row 1 has 1 entries/],
    ['Σ of another size', () => coefficients(I2, [[1]], 0.1), 'shape', /Sigma has 1 rows, expected 2/],
    ['x0 of the wrong length', () => moments('sgd', { H: I2, Sigma: I2, eta: 0.1, x0: [1] }, 3), 'shape', /x0 has length 1/],
    ['NaN in H', () => coefficients([[1, NaN], [NaN, 1]], I2, 0.1), 'non-finite', /H\[0\]\[1\] = .* is not a finite number/],
    ['Infinity in Σ', () => coefficients(I2, [[1, 0], [0, Infinity]], 0.1), 'non-finite', /Sigma\[1\]\[1\]/],
    ['non-symmetric H', () => coefficients([[1, 2], [3, 1]], I2, 0.1), 'not-symmetric', /H\[0\]\[1\] = 2 but H\[1\]\[0\] = 3/],
    ['indefinite Σ', () => coefficients(I2, [[1, 2], [2, 1]], 0.1), 'not-psd', /Sigma has eigenvalue -1/],
    ['η = 0', () => coefficients(I2, I2, 0), 'eta', /eta must be a finite number > 0, got 0/],
    ['η < 0', () => regime(I2, -1), 'eta', /got -1/],
    ['η = NaN', () => coefficients(I2, I2, NaN), 'eta', /eta/],
    ['negative steps', () => moments('sgd', { H: I2, Sigma: I2, eta: 0.1, x0: [0, 0] }, -1), 'unsupported', /steps must be a non-negative integer/],
    ['unknown model', () => coefficients(I2, I2, 0.1, { model: 'sde9' as never }), 'unsupported', /unknown SDE model/],
    ['m = 0 (C9)', () => coefficients([[2, 0], [0, 1]], I2, 0.5), 'singular', /m_1 = 1 − η·a_1 = 0 \(eigenvalue a_1 = 2/],
    ['pole of φ, ηa = 2 (C9)', () => coefficients([[4, 0], [0, 1]], I2, 0.5), 'singular', /pole of φ: m_1·m_1 − 1 = 0/],
    ['complex sampling', () => sampleExact('hasme', { H: [[3]], Sigma: [[1]], eta: 1, x0: [0] }, 2, 10, 1), 'unsupported', /real Gaussian law/],
  ])('%s → %s', (_name, f, code, message) => {
    const e = codeOf(f);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('accepts asymmetry within SYMMETRY_TOL_EPS·eps·max|A| and a rank-deficient Σ', () => {
    const tiny = (SYMMETRY_TOL_EPS / 2) * Number.EPSILON;
    expect(() => coefficients([[1, 0.5 + tiny], [0.5, 1]], I2, 0.1)).not.toThrow();
    expect(() => coefficients([[1, 0.5 + 4 * SYMMETRY_TOL_EPS * Number.EPSILON], [0.5, 1]], I2, 0.1)).toThrow(HasmeInputError);
    // λ_min(Σ) = −1e−17: inside PSD_TOL_EPS·d·eps·‖Σ‖_F.
    expect(PSD_TOL_EPS * 2 * Number.EPSILON).toBeGreaterThan(1e-17);
    expect(() => coefficients([[1, 0], [0, 0.2]], [[0.5, 0.5], [0.5, 0.5 - 2e-17]], 0.01)).not.toThrow();
  });

  it('sme1, sme2 and sgd stay defined in regime S; ml-matrix inputs are accepted', () => {
    expect(coefficients([[2, 0], [0, 1]], I2, 0.5, { model: 'sme2' }).regime).toBe('S');
    const m = moments('sgd', { H: new Matrix([[2, 0], [0, 1]]), Sigma: new Matrix(I2), eta: 0.5, x0: [1, 1] }, 3);
    expect(Array.from(m.mean.re)).toEqual([0, 0.125]);
  });

  it('decimal strings parse like numbers; garbage strings are non-finite', () => {
    expect(codeOf(() => coefficients([['1', 'x']] as never, [[1]], 0.1)).code).toBe('shape');
    expect(codeOf(() => coefficients([['abc']] as never, [[1]], 0.1)).code).toBe('non-finite');
    expect(coefficients([['2']] as never, [['1']] as never, 0.1).regime).toBe('R');
  });
});
