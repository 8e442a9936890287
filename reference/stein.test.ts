/**
 * The decomposition-free Stein route (C13) keeps 50 digits where M = I − ηH is close to I: the
 * digits cancelled in forming I − M⊗M (and Log M) are measured and restored by raising the
 * working precision. Regression: H = 5e-26·I at η = 1 lost 25 digits when only the condition
 * number of I − M⊗M was used (found by `hasme report --runs 1000 --seed 12345`, C13).
 */
import { describe, expect, it } from 'vitest';
import { refCoefficients, refSteinDiffusion, complexOps, context, type ComplexMatrix } from './index.js';

const C = complexOps(context({ digits: 60 }));
const rel = (a: ComplexMatrix, b: ComplexMatrix) => C.frobenius(C.sub(a, b)).div(C.frobenius(b)).toNumber();
const S = [[1, 0.25], [0.25, 2]];

describe('Stein route near M = I (C13)', () => {
  it.each([
    ['5e-26·I, η = 1', [[5e-26, 0], [0, 5e-26]], 1],
    ['non-diagonal, ‖H‖ ≈ 3e-30, η = 0.5', [[1e-30, 2e-31], [2e-31, 3e-30]], 0.5],
  ])('agrees with the eigenbasis route to 50 digits: %s', (_, H, eta) => {
    expect(rel(refSteinDiffusion(H, S, eta), refCoefficients(H, S, eta).diffusion)).toBeLessThan(1e-50);
  });
});
