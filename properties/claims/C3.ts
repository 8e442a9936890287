/**
 * C3 pseudo-covariance exactness (spec/claims.md): in R and X, HA-SME's pseudo-covariance at t = kη
 * equals SGD's C_k for every k.
 * Oracle: C_k computed by the check itself from (H, Σ, η, k) by the recursion C' = MCMᵀ + η²Σ in
 * 60 digits (properties/claims/sgdOracle.ts), never the implementation's own SGD moments.
 * The consequence E p(X_{kη}) = E p(x_k) for every polynomial p is not checked separately: by
 * Isserlis/Wick those moments are a fixed function of (mean, pseudo-covariance), and the mean is
 * checked against the same independent oracle in C1, so a separate comparison could not fail
 * unless C1 or this check fails.
 * Double implementations get k capped so that |m|^{2k} stays below 1e250 (beyond, C_k itself
 * overflows a double); the cap changes the case, it skips none. Error: Frobenius, relative to
 * max(‖C_k‖, η²‖Σ‖ Σ_{j<k} ‖M‖₂^{2j}) (sgdOracle.ts: C_k's sensitivity to rounding of Σ and H).
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import type { Problem } from '../arbitraries.js';
import { referenceImpl, type HasmeImpl } from '../impl.js';
import { regimeRX } from './C1.js';
import { fmt, relErrScaled } from './compare.js';
import { claimCheck, describeCase, ensure, labelProblem, momentsRequest } from './harness.js';
import { covarianceScale, sgdCovariance } from './sgdOracle.js';
import { exactTolerance, isExact } from './tolerance.js';

type Case = { p: Problem; k: number; capped: boolean };

/** Largest k with |m|^{2k} ≤ 1e250 for every m_i = 1 − z_i (Infinity when every |m_i| ≤ 1). */
function doubleSafeSteps(p: Problem): number {
  const big = Math.max(...p.z.map((z) => Math.abs(1 - z)));
  return big <= 1 ? Infinity : Math.floor(250 / (2 * Math.log10(big)));
}

export function makeC3(impl: HasmeImpl = referenceImpl()): ClaimCheck {
  const tol = exactTolerance(impl, 10);
  const cap = ({ p, k }: { p: Problem; k: number }): Case => {
    const kMax = isExact(impl) ? Infinity : Math.max(1, doubleSafeSteps(p));
    return { p, k: Math.min(k, kMax), capped: k > kMax };
  };
  return claimCheck(
    'C3',
    'HA-SME’s pseudo-covariance equals SGD’s C_k for every k (R, X)',
    `${impl.name}: pcov(hasme, k) vs C_k from the recursion C' = MCMᵀ + η²Σ computed by the check (60 digits), k up to 1000; error = Frobenius relative to max(‖C_k‖, η²‖Σ‖Σ_j‖M‖₂^{2j}), tolerance ${fmt(tol)}. Polynomial moments follow from (mean, pcov) by Wick's theorem (mean: C1).`,
    () => [
      {
        name: 'pseudo-covariance = SGD C_k (k ≤ 1000)',
        tolerance: tol,
        arb: fc.record({ p: regimeRX(3), k: fc.constantFrom(1, 2, 10, 100, 1000) }).map(cap),
        body: ({ p, k, capped }: Case, rec) => {
          labelProblem(p, rec);
          rec.label(capped ? 'k capped (double range)' : `k=${k}`);
          const P = impl.moments('hasme', p.H, p.Sigma, p.eta, p.x0, k).pcov;
          const err = relErrScaled(P, sgdCovariance(p.H, p.Sigma, p.eta, k), covarianceScale(p.H, p.Sigma, p.eta, k));
          rec.error(err);
          ensure(err <= tol, () => `pseudo-covariance after k=${k} differs from SGD's C_k: relative error ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p, k }: Case) => `k=${k} ${describeCase(p)}`,
        request: ({ p, k }: Case) => momentsRequest(p, 'hasme', k),
      },
    ],
  );
}
