/**
 * C2 one-step match (spec/claims.md): ∫_0^η e^{−Bs} ηΣ̃ e^{−Bᵀs} ds = η²Σ in R and X, equivalently
 * Q = ηΣ̃ solves the Stein equation Q − M Q Mᵀ = η²(BΣ + ΣBᵀ), M = I − ηH.
 * Oracles: (1) the implementation's pseudo-covariance after one step equals η²Σ; (2) the Stein
 * residual of its (B, Σ̃), computed here in 60-digit arithmetic. Errors relative (Frobenius).
 */
import type { ClaimCheck } from '../../src/claims/types.js';
import type { Problem } from '../arbitraries.js';
import { realToC, referenceImpl, type HasmeImpl } from '../impl.js';
import { exactCase } from './C1.js';
import { C, cnum, fmt, relErr, stepMatrix } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem, momentsRequest } from './harness.js';
import { exactTolerance } from './tolerance.js';

type Case = { p: Problem; k: number };

/** Stein backward residual ‖Q − MQMᵀ − η²(BΣ + ΣBᵀ)‖_F / (‖Q‖_F + ‖MQMᵀ‖_F + ‖η²(BΣ + ΣBᵀ)‖_F), Q = ηΣ̃. */
export function steinResidual(impl: HasmeImpl, p: Problem): number {
  const c = impl.coefficients(p.H, p.Sigma, p.eta, 'hasme');
  const M = stepMatrix(p.H, p.eta);
  const S = realToC(p.Sigma);
  const eta = cnum(p.eta);
  const Q = C.scale(c.diffusion, eta);
  const lhs = C.sub(Q, C.mul(M, C.mul(Q, C.transpose(M))));
  const B = c.driftMatrix;
  const rhs = C.scale(C.add(C.mul(B, S), C.mul(S, C.transpose(B))), eta.mul(eta));
  // Backward-error scale: the terms that cancel in Q − MQMᵀ (for tiny η‖H‖ the right side is
  // far smaller than Q, and its relative residual would measure rounding of Q, not Σ̃).
  const scale = C.frobenius(Q).plus(C.frobenius(C.mul(M, C.mul(Q, C.transpose(M))))).plus(C.frobenius(rhs));
  const res = C.frobenius(C.sub(lhs, rhs));
  return scale.isZero() ? 0 : res.div(scale).toNumber();
}

export function makeC2(impl: HasmeImpl = referenceImpl()): ClaimCheck {
  const tol = exactTolerance(impl);
  return claimCheck(
    'C2',
    'One step of HA-SME has SGD’s covariance η²Σ; Σ̃ solves the Stein equation (R, X)',
    `${impl.name}: one-step pseudo-covariance vs η²Σ, and the Stein backward residual of (B, Σ̃) in 60-digit arithmetic; error = relative Frobenius / backward residual, tolerance ${fmt(tol)}.`,
    () => [
      {
        name: 'one-step pseudo-covariance = η²Σ',
        tolerance: tol,
        arb: exactCase(),
        body: ({ p }: Case, rec) => {
          labelProblem(p, rec);
          const P = impl.moments('hasme', p.H, p.Sigma, p.eta, p.x0, 1).pcov;
          const eta = cnum(p.eta);
          const err = relErr(P, C.scale(realToC(p.Sigma), eta.mul(eta)));
          rec.error(err);
          ensure(err <= tol, () => `pseudo-covariance after one step differs from η²Σ: relative error ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p }: Case) => describeCase(p),
        request: ({ p }: Case) => momentsRequest(p, 'hasme', 1),
      },
      {
        name: 'Stein residual of (B, Σ̃)',
        tolerance: tol,
        arb: exactCase(),
        body: ({ p }: Case, rec) => {
          labelProblem(p, rec);
          const err = steinResidual(impl, p);
          rec.error(err);
          ensure(err <= tol, () => `Q − MQMᵀ ≠ η²(BΣ + ΣBᵀ) for Q = ηΣ̃: relative residual ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p }: Case) => describeCase(p),
        request: ({ p }: Case) => coefficientsRequest(p),
      },
    ],
  );
}
