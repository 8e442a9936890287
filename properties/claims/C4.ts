/**
 * C4 exact recovery, real case (spec/claims.md): in regime R with Σ̃ ⪰ 0, HA-SME is a real SDE whose
 * law at t = kη is SGD's N(μ_k, C_k): covariance and pseudo-covariance both equal C_k.
 * Cases: commuting pairs at any η in R (Σ̃ ≻ 0 by C5), and misaligned Σ ≻ 0 at small η for a
 * fixed (H, Σ): H and Σ are drawn first and η = η_c·2^−j, j ≤ 20, below the step size η_c at which
 * C6's bound certifies λ_min(Σ̃) ≥ λ_min(Σ)/2 (properties/arbitraries.ts smallStepProblem). Every
 * case asserts: a Σ̃ that is not safely PD there (λ_min(Σ̃) ≤ 1e-8‖Σ̃‖₂) is itself a violation.
 * Oracle: C_k computed by the check from (H, Σ, η, k) (properties/claims/sgdOracle.ts), never the
 * implementation's SGD moments. Error: Frobenius relative to max(‖C_k‖, η²‖Σ‖Σ_j‖M‖₂^{2j}).
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import { problem, smallStepProblem, type Problem } from '../arbitraries.js';
import type { HasmeImpl } from '../impl.js';
import { eigSymDouble, fmt, realDoubles, relErrScaled } from './compare.js';
import { claimCheck, describeCase, ensure, labelProblem, momentsRequest } from './harness.js';
import { covarianceScale, sgdCovariance } from './sgdOracle.js';
import { exactTolerance } from './tolerance.js';

type Case = { p: Problem; k: number };

/** `scale` < 1 trims the budget for slow implementations (the reference: k = 100 steps at 50 digits). */
export function makeC4(impl: HasmeImpl, scale = 1): ClaimCheck {
  const tol = exactTolerance(impl, 10);
  return claimCheck(
    'C4',
    'Regime R with Σ̃ ⪰ 0: covariance and pseudo-covariance both equal SGD’s C_k',
    `${impl.name}: commuting pairs at any η in R, and misaligned Σ ≻ 0 at η = η_c·2^−j (j ≤ 20) for a fixed (H, Σ), η_c certifying Σ̃ ≻ 0; k ∈ {1, 10, 100}; C_k computed by the check; error = Frobenius of cov and pcov minus C_k relative to max(‖C_k‖, η²‖Σ‖Σ_j‖M‖₂^{2j}), tolerance ${fmt(tol)}; cov must not be null.`,
    () => [
      {
        name: 'cov = pcov = C_k when Σ̃ ⪰ 0',
        tolerance: tol,
        arb: fc.record({
          p: fc.oneof(problem({ target: 'R', commuting: true, sigma: 'pd', dMax: 3 }), smallStepProblem({ dMax: 3 })),
          k: fc.constantFrom(1, 10, 100),
        }),
        body: ({ p, k }: Case, rec) => {
          labelProblem(p, rec);
          const St = realDoubles(impl.coefficients(p.H, p.Sigma, p.eta).diffusion);
          const e = eigSymDouble(St);
          ensure(e[0] > 1e-8 * Math.max(...e.map(Math.abs)), () => `Σ̃ not safely PD (λ_min = ${fmt(e[0])}) where C5/C6 certify Σ̃ ≻ 0`);
          const m = impl.moments('hasme', p.H, p.Sigma, p.eta, p.x0, k);
          ensure(m.cov !== null, () => `covariance reported undefined although Σ̃ ≻ 0 (λ_min = ${fmt(e[0])})`);
          const Ck = sgdCovariance(p.H, p.Sigma, p.eta, k);
          const s = covarianceScale(p.H, p.Sigma, p.eta, k);
          const err = Math.max(relErrScaled(m.pcov, Ck, s), relErrScaled(m.cov, Ck, s));
          rec.error(err);
          ensure(err <= tol, () => `covariance/pseudo-covariance differ from SGD's C_k after k=${k}: ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p, k }: Case) => `k=${k} ${describeCase(p)}`,
        request: ({ p, k }: Case) => momentsRequest(p, 'hasme', k),
      },
    ],
    scale,
  );
}
