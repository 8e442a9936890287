/**
 * C1 mean match (spec/claims.md): e^{−Bη} = I − ηH in regimes R and X, so HA-SME's and SPF's means
 * equal SGD's M^k x0 at every t = kη.
 * Oracles, both independent of the implementation under test:
 * (1) the drift matrix B the implementation REPORTS is exponentiated here, by scaling and squaring
 *     with a Taylor polynomial in 60-digit complex arithmetic (reference/weak/expm.ts, generic
 *     over the field; no eigendecomposition), and e^{−Bη} is compared with I − ηH;
 * (2) the implementation's mean is compared with SGD's mean M^k x0 computed here by k products
 *     with M (properties/claims/sgdOracle.ts), never with the implementation's own SGD moments.
 * Errors: relative Frobenius for e^{−Bη}; for the mean, Euclidean relative to max(‖M^k x0‖,
 * ‖M‖₂^k‖x0‖) (sgdOracle.ts: the mean's sensitivity to rounding of H). Tolerance 40 digits at the
 * reference, 1e5·eps for doubles (tolerance.ts; m^k for k ≤ 50 and |m| ≥ 0.05 loses at most
 * k·|δm/m| ≤ 50·70·eps).
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import type { ComplexMatrix } from '../../reference/index.js';
import { expmWith } from '../../reference/weak/expm.js';
import { problem, type Problem } from '../arbitraries.js';
import { CHECK_CTX, referenceImpl, type HasmeImpl } from '../impl.js';
import { C, cnum, fmt, relErr, relErrScaled, stepMatrix } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem, momentsRequest } from './harness.js';
import { meanScale, sgdMean } from './sgdOracle.js';
import { exactTolerance } from './tolerance.js';

/** The SDE models whose drift is T∇f (B = TH): HA-SME and SPF. */
const MODELS = ['hasme', 'spf'] as const;
type Case = { p: Problem; k: number; model: (typeof MODELS)[number] };

/** R and X problems with small d for exact arithmetic. */
export const regimeRX = (dMax = 3) =>
  fc.oneof(problem({ target: 'R', commuting: 'any', sigma: 'any', dMax }), problem({ target: 'X', commuting: 'any', sigma: 'any', dMax }));

const steps = () => fc.constantFrom(1, 2, 7, 50);

/** R and X problems with small d for exact arithmetic, plus a step count. */
export const exactCase = (dMax = 3) => fc.record({ p: regimeRX(dMax), k: steps() });

const c1Case = () => fc.record({ p: regimeRX(), k: steps(), model: fc.constantFrom(...MODELS) });

/** A nonzero starting point (the generated x0 may shrink to 0, which would make means vacuous). */
export const startPoint = (p: Problem): number[] => (p.x0.some((x) => x !== 0) ? p.x0 : p.x0.map((_, i) => (i === 0 ? 1 : 0)));

/** e^{−Bη} for a complex drift matrix B, in the check context. */
export function stepOfDrift(B: ComplexMatrix, eta: number): ComplexMatrix {
  return expmWith(C.scale(B, cnum(-eta)), C, CHECK_CTX);
}

export function makeC1(impl: HasmeImpl = referenceImpl()): ClaimCheck {
  const tol = exactTolerance(impl);
  return claimCheck(
    'C1',
    'HA-SME and SPF means equal SGD’s at every t = kη (R, X)',
    `${impl.name}: e^{−Bη} of the reported drift matrix B (Taylor scaling and squaring, 60 digits) vs I − ηH, and the hasme/spf mean vs SGD's M^k x0 computed by the check; error = relative Frobenius / Euclidean relative to max(‖M^k x0‖, ‖M‖₂^k‖x0‖), tolerance ${fmt(tol)}.`,
    () => [
      {
        name: 'e^{−Bη} = I − ηH for the reported B',
        tolerance: tol,
        arb: c1Case(),
        body: ({ p, model }: Case, rec) => {
          labelProblem(p, rec);
          const B = impl.coefficients(p.H, p.Sigma, p.eta, model).driftMatrix;
          const err = relErr(stepOfDrift(B, p.eta), stepMatrix(p.H, p.eta));
          rec.error(err);
          ensure(err <= tol, () => `${model}: e^{−Bη} ≠ I − ηH for the reported drift matrix B: relative error ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p, model }: Case) => `model=${model} ${describeCase(p)}`,
        request: ({ p, model }: Case) => ({ ...coefficientsRequest(p), model }),
      },
      {
        name: 'mean = SGD’s M^k x0 (computed by the check)',
        tolerance: tol,
        arb: c1Case(),
        body: ({ p, k, model }: Case, rec) => {
          labelProblem(p, rec);
          const x0 = startPoint(p);
          const sde = impl.moments(model, p.H, p.Sigma, p.eta, x0, k).mean;
          const err = relErrScaled([sde], [sgdMean(p.H, p.eta, x0, k)], meanScale(p.H, p.eta, x0, k));
          rec.error(err);
          ensure(err <= tol, () => `${model} mean differs from SGD's M^k x0 after k=${k} steps: relative error ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p, k, model }: Case) => `model=${model} k=${k} ${describeCase(p)}`,
        request: ({ p, k, model }: Case) => momentsRequest({ ...p, x0: startPoint(p) }, model, k),
      },
    ],
  );
}
