/**
 * C3 pseudo-covariance exactness (spec/claims.md): in R and X, HA-SME's pseudo-covariance at t = kη
 * equals SGD's C_k for every k, and (Wick) E p(X_{kη}) = E p(x_k) for every polynomial p.
 * Oracles: the implementation's SGD moments (recursion/closed form, no Σ̃); Wick moments of all
 * monomials of degree ≤ 4 from (mean, pseudo-covariance) of each. Errors relative (Frobenius /
 * max-modulus over monomials).
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import { problem, type Problem } from '../arbitraries.js';
import { referenceImpl, type HasmeImpl } from '../impl.js';
import { startPoint } from './C1.js';
import { fmt, monomials, relErr, relErrVec, wickMoment } from './compare.js';
import { claimCheck, describeCase, ensure, labelProblem, momentsRequest } from './harness.js';
import { exactTolerance, isExact } from './tolerance.js';

type Case = { p: Problem; k: number };

const regimeRX = (dMax: number) =>
  fc.oneof(problem({ target: 'R', commuting: 'any', sigma: 'any', dMax }), problem({ target: 'X', commuting: 'any', sigma: 'any', dMax }));

export function makeC3(impl: HasmeImpl = referenceImpl()): ClaimCheck {
  const tol = exactTolerance(impl, 10);
  return claimCheck(
    'C3',
    'HA-SME’s pseudo-covariance equals SGD’s C_k for every k; polynomial moments agree (R, X)',
    `${impl.name}: pcov(hasme, k) vs SGD's C_k for k up to 1000, and Wick moments of every monomial of degree ≤ 4; error = relative (Frobenius / largest monomial), tolerance ${fmt(tol)}.`,
    () => [
      {
        name: 'pseudo-covariance = SGD C_k (k ≤ 1000)',
        weight: 2,
        arb: fc.record({ p: regimeRX(3), k: fc.constantFrom(1, 2, 10, 100, 1000) }),
        body: ({ p, k }: Case, rec) => {
          if (!isExact(impl) && 2 * k * Math.log10(Math.max(...p.z.map((z) => Math.abs(1 - z)))) > 250) {
            rec.label('skipped: |m|^2k overflows double');
            return;
          }
          labelProblem(p, rec);
          rec.label(`k=${k}`);
          const P = impl.moments('hasme', p.H, p.Sigma, p.eta, p.x0, k).pcov;
          const Ck = impl.moments('sgd', p.H, p.Sigma, p.eta, p.x0, k).pcov;
          const err = relErr(P, Ck);
          rec.error(err);
          ensure(err <= tol, () => `pseudo-covariance after k=${k} differs from SGD's C_k: relative error ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p, k }: Case) => `k=${k} ${describeCase(p)}`,
        request: ({ p, k }: Case) => momentsRequest(p, 'hasme', k),
      },
      {
        name: 'Wick moments of degree ≤ 4 agree',
        arb: fc.record({ p: regimeRX(2), k: fc.constantFrom(1, 3, 20) }),
        body: ({ p, k }: Case, rec) => {
          labelProblem(p, rec);
          const x0 = startPoint(p);
          const sde = impl.moments('hasme', p.H, p.Sigma, p.eta, x0, k);
          const sgd = impl.moments('sgd', p.H, p.Sigma, p.eta, x0, k);
          const idx = monomials(p.d, 4);
          const a = idx.map((i) => wickMoment(i, sde.mean, sde.pcov));
          const b = idx.map((i) => wickMoment(i, sgd.mean, sgd.pcov));
          const err = relErrVec(a, b);
          rec.error(err);
          ensure(err <= tol, () => `E of monomials of degree ≤ 4 differ after k=${k}: relative error ${fmt(err)} > ${fmt(tol)}`);
        },
        describeCase: ({ p, k }: Case) => `k=${k} ${describeCase(p)}`,
        request: ({ p, k }: Case) => momentsRequest({ ...p, x0: startPoint(p) }, 'hasme', k),
      },
    ],
  );
}
