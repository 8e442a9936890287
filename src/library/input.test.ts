/**
 * Bad input raises HasmeInputError with the right code and a message naming the offending entry
 * or eigenvalue; inputs inside the documented tolerances are accepted (spec/numerics.md).
 */
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { HasmeInputError, coefficients, moments, regime, sampleExact, PSD_TOL_EPS, SYMMETRY_TOL_EPS } from '../index.js';
import { finiteEntry } from './input.js';

function codeOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (err) {
    if (err instanceof HasmeInputError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a HasmeInputError');
}

/** Code, message and structured detail of the HasmeInputError thrown by `f`. */
function detailOf(f: () => unknown): { code: string; message: string; detail: unknown } {
  try {
    f();
  } catch (err) {
    if (err instanceof HasmeInputError) return { code: err.code, message: err.message, detail: err.detail };
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
    ['non-symmetric Σ', () => coefficients(I2, [[1, 0], [0.5, 1]], 0.1), 'not-symmetric', /^not-symmetric: Sigma\[0\]\[1\] = 0 but Sigma\[1\]\[0\] = 0.5/],
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

  it('decimal strings: sign, point, exponent accepted; anything Number() would also take is not', () => {
    for (const [text, value] of [['+1.5e-3', 1.5e-3], ['-.5', -0.5], ['1.', 1], ['.25', 0.25], ['7', 7], ['2E+2', 200], ['3e0', 3], ['12.5', 12.5], ['1e10', 1e10]] as const) {
      expect(finiteEntry('x', text), text).toBe(value);
    }
    // Number() reads '' and ' ' as 0, '0x10' as 16, '1_0' as NaN: the grammar refuses them all.
    for (const text of ['', ' 1', '1 ', '0x10', '1e', 'e5', '.', '1.2.3', '--1', '1e5x', 'x1e5', '+', '1e+', 'Infinity', '1,5']) {
      expect(codeOf(() => finiteEntry('x', text)).code, JSON.stringify(text)).toBe('non-finite');
    }
  });

  it('a refused entry is shown as written and named in `detail`', () => {
    const shownAs = (v: unknown) => {
      try {
        finiteEntry('H[1][0]', v);
      } catch (err) {
        expect((err as HasmeInputError).detail).toEqual({ entry: 'H[1][0]' });
        return (err as HasmeInputError).message;
      }
      throw new Error('accepted');
    };
    expect(shownAs(NaN)).toBe('non-finite: H[1][0] = NaN is not a finite number');
    expect(shownAs(-Infinity)).toBe('non-finite: H[1][0] = -Infinity is not a finite number');
    expect(shownAs(5n)).toBe('non-finite: H[1][0] = 5n (a BigInt) is not a finite number');
    expect(shownAs('abc')).toBe('non-finite: H[1][0] = "abc" is not a finite number');
    expect(shownAs(undefined)).toBe('non-finite: H[1][0] = undefined is not a finite number');
    expect(shownAs(null)).toBe('non-finite: H[1][0] = null is not a finite number');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(shownAs(circular)).toBe('non-finite: H[1][0] = [object Object] is not a finite number');
  });

  it('shapes: a non-array matrix, a non-array row, typed-array rows; `detail` names the place', () => {
    expect(codeOf(() => coefficients('H' as never, I2, 0.1))).toEqual({ code: 'shape', message: 'shape: H must be an array of rows or a Matrix' });
    expect(codeOf(() => coefficients(I2, { rows: 2 } as never, 0.1)).message).toBe('shape: Sigma must be an array of rows or a Matrix');
    expect(detailOf(() => coefficients([[1, 0], 5] as never, I2, 0.1))).toEqual({ code: 'shape', message: 'shape: H row 1 is not an array', detail: { name: 'H', row: 1 } });
    expect(detailOf(() => coefficients([[1, 0], [0]], I2, 0.1)).detail).toEqual({ name: 'H', row: 1 });
    expect(detailOf(() => coefficients(I2, [[1]], 0.1)).detail).toEqual({ name: 'Sigma', rows: 1, expected: 2 });
    const typed = [Float64Array.of(2, 0), Float64Array.of(0, 1)];
    expect(Array.from(coefficients(typed as never, typed as never, 0.1, { model: 'sme1' }).driftMatrix.re)).toEqual([2, 0, 0, 1]);
  });

  it('x0: arrays and Float64Arrays of length d; anything else is `shape` with its detail', () => {
    const pb = { H: I2, Sigma: I2, eta: 0.5 };
    expect(Array.from(moments('sgd', { ...pb, x0: Float64Array.of(2, -2) }, 1).mean.re)).toEqual([1, -1]); // (1 − η)x0
    expect(codeOf(() => moments('sgd', { ...pb, x0: 'ab' as never }, 1))).toEqual({ code: 'shape', message: 'shape: x0 must be an array' });
    expect(detailOf(() => moments('sgd', { ...pb, x0: [1, 2, 3] }, 1))).toEqual({ code: 'shape', message: 'shape: x0 has length 3, expected 2', detail: { name: 'x0', length: 3, expected: 2 } });
    expect(codeOf(() => moments('sgd', { ...pb, x0: [1, NaN] }, 1)).message).toMatch(/^non-finite: x0\[1\] = NaN/);
  });

  it('symmetry: |A_ij − A_ji| = 32·eps·max|A| exactly is accepted, twice that refused; A becomes (A + Aᵀ)/2', () => {
    // max|A| = 1, so the tolerance is 32 eps = 2^−47 and 0.5 + 2^−47 − 0.5 is exact.
    const at = (delta: number) => [[1, 0.5 + delta], [0.5, 0.25]];
    const b = coefficients(at(2 ** -47), I2, 0.1, { model: 'sme1' }).driftMatrix.re; // sme1: B = H as validated
    expect(Array.from(b)).toEqual([1, 0.5 + 2 ** -48, 0.5 + 2 ** -48, 0.25]);
    expect(detailOf(() => coefficients(at(2 ** -46), I2, 0.1))).toEqual({
      code: 'not-symmetric',
      message: `not-symmetric: H[0][1] = ${0.5 + 2 ** -46} but H[1][0] = 0.5 (tolerance 7.11e-15)`,
      detail: { name: 'H', i: 0, j: 1, values: [0.5 + 2 ** -46, 0.5] },
    });
    // Entries near the overflow threshold: the midpoint does not overflow.
    const big = [[1, 1.5e308], [1.5e308 * (1 + 2 * Number.EPSILON), 1]];
    expect(Array.from(coefficients(big, I2, 1e-300, { model: 'sme1' }).driftMatrix.re)).toEqual([1, 1.5e308 * (1 + Number.EPSILON), 1.5e308 * (1 + Number.EPSILON), 1]);
    // Subnormal and 3×3 entries: equal pairs are kept exactly, every off-diagonal pair is averaged.
    expect(Array.from(coefficients([[1, 5e-324], [5e-324, 1]], I2, 0.1, { model: 'sme1' }).driftMatrix.re)).toEqual([1, 5e-324, 5e-324, 1]);
    const h3 = [[1, 0, 0], [0, 1, 0.5 + 2 ** -48], [0, 0.5, 1]];
    expect(Array.from(coefficients(h3, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], 0.1, { model: 'sme1' }).driftMatrix.re)).toEqual([1, 0, 0, 0, 1, 0.5 + 2 ** -49, 0, 0.5 + 2 ** -49, 1]);
  });

  it('PSD: λ_min(Σ) = −τ exactly is accepted, −2τ refused, naming λ_min (τ = 8·d·eps·‖Σ‖_F)', () => {
    // Σ = diag(1, −δ), δ ≤ 2^−47: ‖Σ‖_F rounds to 1, so τ = 16 eps = 2^−48 and λ_min = −δ exactly.
    expect(() => coefficients(I2, [[1, 0], [0, -(2 ** -48)]], 0.1)).not.toThrow();
    // τ scales with ‖Σ‖_F: Σ = 4·diag(1, −2^−48) sits on its boundary too, 4·diag(1, −2^−47) beyond it.
    expect(() => coefficients(I2, [[4, 0], [0, -(2 ** -46)]], 0.1)).not.toThrow();
    expect(codeOf(() => coefficients(I2, [[4, 0], [0, -(2 ** -45)]], 0.1)).code).toBe('not-psd');
    expect(detailOf(() => coefficients(I2, [[1, 0], [0, -(2 ** -47)]], 0.1))).toEqual({
      code: 'not-psd',
      message: `not-psd: Sigma has eigenvalue ${-(2 ** -47)} < 0 (tolerance −3.55e-15)`,
      detail: { name: 'Sigma', eigenvalue: -(2 ** -47) },
    });
  });

  it('η: numbers and decimal strings > 0; the refused value is shown in message and detail', () => {
    expect(regime(I2, '0.5' as never)).toBe('R');
    expect(detailOf(() => regime(I2, 'fast' as never))).toEqual({ code: 'eta', message: 'eta: step size eta must be a finite number > 0, got "fast"', detail: { eta: '"fast"' } });
    expect(codeOf(() => regime(I2, Infinity)).code).toBe('eta');
    expect(codeOf(() => regime(I2, '0' as never)).code).toBe('eta');
    // Only numbers and decimal strings: an array's String() or Number()'s hex would read as 0.5 and 16.
    expect(codeOf(() => regime(I2, [0.5] as never)).code).toBe('eta');
    expect(codeOf(() => regime(I2, '0x10' as never)).code).toBe('eta');
    expect(regime(I2, Number.MIN_VALUE)).toBe('R');
  });

  it('step counts: non-negative safe integers; past 2^53 − 1 the message says so', () => {
    const pb = { H: I2, Sigma: I2, eta: 0.5, x0: [1, 1] };
    expect(Array.from(moments('sgd', pb, 0).mean.re)).toEqual([1, 1]);
    expect(detailOf(() => moments('sgd', pb, 2 ** 53))).toEqual({ code: 'unsupported', message: `unsupported: steps must be a non-negative integer no larger than 2^53 − 1, got ${2 ** 53}`, detail: { name: 'steps' } });
    expect(codeOf(() => moments('sgd', pb, 1.5)).message).toBe('unsupported: steps must be a non-negative integer, got 1.5');
    expect(codeOf(() => moments('sgd', pb, -2)).message).toBe('unsupported: steps must be a non-negative integer, got -2');
    expect(codeOf(() => moments('sgd', pb, '3' as never)).message).toBe('unsupported: steps must be a non-negative integer, got "3"');
  });
});
