/**
 * C1 mean match (spec/claims.md): e^{−Bη} = I − ηH in regimes R and X, so HA-SME's and SPF's means equal
 * SGD's M^k x0 at every t = kη. Oracle: the implementation's own SGD mean (a matrix power, no
 * Σ̃ involved). Error: relative Euclidean error of the mean, required ≤ 1e-40 at the reference.
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import { problem, type Problem } from '../arbitraries.js';
import { referenceImpl, type HasmeImpl } from '../impl.js';
import { relErrVec, fmt } from './compare.js';
import { claimCheck, describeCase, ensure, labelProblem, momentsRequest } from './harness.js';
import { exactTolerance } from './tolerance.js';

/** R and X problems with small d for exact arithmetic, plus a step count. */
export const exactCase = (dMax = 3) =>
  fc.record({
    p: fc.oneof(problem({ target: 'R', commuting: 'any', sigma: 'any', dMax }), problem({ target: 'X', commuting: 'any', sigma: 'any', dMax })),
    k: fc.constantFrom(1, 2, 7, 50),
  });

/** A nonzero starting point (the generated x0 may shrink to 0, which would make means vacuous). */
export const startPoint = (p: Problem): number[] => (p.x0.some((x) => x !== 0) ? p.x0 : p.x0.map((_, i) => (i === 0 ? 1 : 0)));

export function makeC1(impl: HasmeImpl = referenceImpl()): ClaimCheck {
  const tol = exactTolerance(impl);
  return claimCheck(
    'C1',
    'HA-SME and SPF means equal SGD’s at every t = kη (R, X)',
    `Mean of hasme and spf vs SGD's M^k x0 from ${impl.name}; error = relative Euclidean error, tolerance ${fmt(tol)}.`,
    () =>
      (['hasme', 'spf'] as const).map((model) => ({
        name: `${model} mean = SGD mean`,
        arb: exactCase(),
        body: ({ p, k }: { p: Problem; k: number }, rec) => {
          labelProblem(p, rec);
          const x0 = startPoint(p);
          const sde = impl.moments(model, p.H, p.Sigma, p.eta, x0, k).mean;
          const sgd = impl.moments('sgd', p.H, p.Sigma, p.eta, x0, k).mean;
          const err = relErrVec(sde, sgd);
          rec.error(err);
          ensure(err <= tol, () => `${model} mean differs from SGD's after k=${k} steps: relative error ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p, k }: { p: Problem; k: number }) => `k=${k} ${describeCase(p)}`,
        request: ({ p, k }: { p: Problem; k: number }) => momentsRequest({ ...p, x0: startPoint(p) }, model, k),
      })),
  );
}
