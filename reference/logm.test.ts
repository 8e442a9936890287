/**
 * The principal matrix logarithm behind the decomposition-free Stein route (C13): the branch for
 * negative eigenvalues (ln|m| + iπ), a round trip through the matrix exponential, and refusal of a
 * singular M.
 */
import { describe, expect, it } from 'vitest';
import { HasmeInputError } from '../src/errors.js';
import { Complex } from './complex.js';
import { context } from './context.js';
import { logmSymmetric } from './logm.js';
import { complexOps, realOps, toComplex } from './matrix.js';
import { expmWith } from './weak/expm.js';

const ctx = context({ digits: 50 });
const R = realOps(ctx);
const C = complexOps(ctx);
const D = (x: string) => new ctx.D(x);
/** Q diag(a, b) Qᵀ with the exact Pythagorean rotation Q = [[0.6, −0.8], [0.8, 0.6]]. */
const Q = [[D('0.6'), D('-0.8')], [D('0.8'), D('0.6')]];
const rotated = <T>(ops: { mul: (a: T[][], b: T[][]) => T[][]; transpose: (a: T[][]) => T[][] }, q: T[][], d: T[][]) => ops.mul(q, ops.mul(d, ops.transpose(q)));
const rel = (a: Complex[][], b: Complex[][]) => C.frobenius(C.sub(a, b)).div(C.frobenius(b)).toNumber();

describe('logmSymmetric (C13 Stein route)', () => {
  it('takes the principal branch ln|m| + iπ on a negative eigenvalue, to 50 digits', () => {
    const M = rotated(R, Q, [[D('2'), D('0')], [D('0'), D('-0.5')]]);
    const want = rotated(C, toComplex(Q), [
      [Complex.real(D('2').ln()), Complex.real(ctx.zero)],
      [Complex.real(ctx.zero), new Complex(D('0.5').ln(), ctx.pi)],
    ]);
    expect(rel(logmSymmetric(M, ctx), want)).toBeLessThan(1e-50);
  });

  it('inverts the matrix exponential for a 3×3 M with mixed-sign eigenvalues', () => {
    const M = [['1.3', '0.4', '-0.2'], ['0.4', '-0.7', '0.5'], ['-0.2', '0.5', '0.9']].map((r) => r.map(D));
    expect(rel(expmWith(logmSymmetric(M, ctx), C, ctx), toComplex(M))).toBeLessThan(1e-50);
  });

  it('refuses a singular M (a zero eigenvalue: m_i = 0, regime S)', () => {
    const M = rotated(R, Q, [[D('0'), D('0')], [D('0'), D('3')]]);
    expect(() => logmSymmetric(M, ctx)).toThrow(HasmeInputError);
  });
});
