/**
 * C13 for an outside implementation (spec/claims.md C13): the eigenbasis formula and the Stein
 * equation give the same Σ̃. The protocol carries one route, the implementation's; the other is
 * the reference's Stein solve at 50 digits (reference/stein.ts), which fixes B by the principal
 * logarithm. So this check also pins the branch of the logarithm: a conjugate branch solves the
 * conjugate Stein equation and passes every other claim, but not this one (spec/models.md §1–§2).
 * Where the Stein route is singular (m_i m_j = 1) the reference's eigenbasis route stands in.
 * Tolerance (condition-aware, as for the library, properties/claims/tolerance.ts): relative
 * Frobenius error ≤ 1e3·u·max(100, κ), κ the library's condition estimate of (H, Σ, η) (a property
 * of the problem, spec/numerics.md), u the declared unit roundoff: 1e5·u on the generated cases.
 */
import fc from 'fast-check';
import { refCoefficients, refSteinDiffusion, type ComplexMatrix } from '../../../reference/index.js';
import { HasmeInputError } from '../../errors.js';
import { problem, type Problem } from '../../../properties/arbitraries.js';
import type { HasmeImpl } from '../../../properties/impl.js';
import { fmt, relErr } from '../../../properties/claims/compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem } from '../../../properties/claims/harness.js';
import type { ClaimCheck } from '../../claims/types.js';
import * as lib from '../../index.js';

/**
 * Σ̃ by the reference's Stein solve; where that route is singular (some m_i m_j = 1: a zero
 * curvature, the removable point C10) by the reference's eigenbasis route, which C13 proves equal.
 */
function referenceSigmaTilde(p: Problem, label: (l: string) => void): ComplexMatrix {
  try {
    return refSteinDiffusion(p.H, p.Sigma, p.eta, { digits: 50 });
  } catch (err) {
    if (!(err instanceof HasmeInputError && err.code === 'singular')) throw err;
    label('Stein route singular: reference eigenbasis route');
    return refCoefficients(p.H, p.Sigma, p.eta, { digits: 50 }).diffusion;
  }
}

export function makeC13Protocol(impl: HasmeImpl): ClaimCheck {
  return claimCheck(
    'C13',
    'The implementation’s Σ̃ equals the Stein-equation solve (reference, principal branch)',
    `${impl.name} vs the reference's Stein route at 50 digits, regimes R and X; error = relative Frobenius in units of the tolerance 1e3·u·max(100, κ).`,
    () => [
      {
        name: 'Σ̃ = Stein solve',
        arb: fc.oneof(problem({ target: 'R', commuting: 'any', sigma: 'any', dMax: 3 }), problem({ target: 'X', commuting: 'any', sigma: 'any', dMax: 3 })),
        body: (p: Problem, rec) => {
          labelProblem(p, rec);
          const got = impl.coefficients(p.H, p.Sigma, p.eta).diffusion;
          const want = referenceSigmaTilde(p, rec.label);
          const kappa = lib.coefficients(p.H, p.Sigma, p.eta).diagnostics.condition;
          const tol = 1e3 * impl.unitRoundoff * Math.max(100, kappa);
          const err = relErr(got, want);
          rec.error(err / tol);
          ensure(err <= tol, () => `Σ̃ differs from the Stein solve by ${fmt(err)} (relative) > ${fmt(tol)} (κ = ${fmt(kappa)})`);
        },
        describeCase,
        request: (p: Problem) => coefficientsRequest(p),
      },
    ],
  );
}
