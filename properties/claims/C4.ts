/**
 * C4 exact recovery, real case (spec/claims.md): in regime R with Σ̃ ⪰ 0, HA-SME is a real SDE whose
 * law at t = kη is SGD's N(μ_k, C_k): covariance and pseudo-covariance both equal C_k.
 * Cases: commuting pairs (Σ̃ ⪰ 0 by C5) and non-commuting Σ ≻ 0 at step sizes where Σ̃ ≻ 0
 * (λ_min(Σ̃) > 1e-8‖Σ̃‖, double eigensolver, so the implementation's own PSD test cannot flip).
 * Oracle: the implementation's SGD C_k. Errors relative Frobenius.
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import { problem, type Problem } from '../arbitraries.js';
import type { HasmeImpl } from '../impl.js';
import { eigSymDouble, fmt, realDoubles, relErr } from './compare.js';
import { claimCheck, describeCase, ensure, labelProblem, momentsRequest } from './harness.js';
import { exactTolerance } from './tolerance.js';

type Case = { p: Problem; k: number };

/** `scale` < 1 trims the budget for slow implementations (the reference: k = 100 steps at 50 digits). */
export function makeC4(impl: HasmeImpl, scale = 1): ClaimCheck {
  const tol = exactTolerance(impl, 10);
  return claimCheck(
    'C4',
    'Regime R with Σ̃ ⪰ 0: covariance and pseudo-covariance both equal SGD’s C_k',
    `${impl.name}: commuting pairs and non-commuting Σ ≻ 0 where λ_min(Σ̃) > 1e-8·‖Σ̃‖₂; k ∈ {1, 10, 100}; error = relative Frobenius of cov and pcov vs C_k, tolerance ${fmt(tol)}; cov must not be null.`,
    () => [
      {
        name: 'cov = pcov = C_k when Σ̃ ⪰ 0',
        arb: fc.record({
          p: fc.oneof(
            problem({ target: 'R', commuting: true, sigma: 'pd', dMax: 3 }),
            problem({ target: 'R', commuting: false, sigma: 'pd', dMax: 3, etaMax: 1e-2, kappaMax: 100 }),
          ),
          k: fc.constantFrom(1, 10, 100),
        }),
        body: ({ p, k }: Case, rec) => {
          const St = realDoubles(impl.coefficients(p.H, p.Sigma, p.eta).diffusion);
          const e = eigSymDouble(St);
          if (e[0] <= 1e-8 * Math.max(...e.map(Math.abs))) {
            rec.label('skipped: Σ̃ not safely PSD');
            return;
          }
          labelProblem(p, rec);
          const m = impl.moments('hasme', p.H, p.Sigma, p.eta, p.x0, k);
          const Ck = impl.moments('sgd', p.H, p.Sigma, p.eta, p.x0, k).pcov;
          ensure(m.cov !== null, () => `covariance reported undefined although Σ̃ ≻ 0 (λ_min = ${fmt(e[0])})`);
          const err = Math.max(relErr(m.pcov, Ck), relErr(m.cov, Ck));
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
