/**
 * C9 singular set (spec/claims.md): at m_i = 0 HA-SME is undefined; at a pole of φ (m_i m_j = 1, both
 * negative) the drift exists but Σ̃ is not fixed by the one-step match, and by the stated convention
 * HA-SME is reported undefined on all of S: an implementation must raise an error (HasmeInputError
 * 'singular'), never return numbers, and its reported conditioning must grow as η approaches the set.
 * Cases: exact constructions (η a power of two, H a signed-permutation conjugate of diag(z/η)),
 * so every implementation sees exactly the singular case. Checked for each implementation given.
 */
import type { ClaimCheck } from '../../src/claims/types.js';
import { HasmeInputError } from '../../src/errors.js';
import { problem, type Problem } from '../arbitraries.js';
import type { HasmeImpl } from '../impl.js';
import { fmt } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem, type PropertySpec } from './harness.js';

/** The error code `f` raises, or null if it returns. */
function errorCode(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (err) {
    if (err instanceof HasmeInputError) return err.code;
    throw err;
  }
}

export function makeC9(impls: HasmeImpl[]): ClaimCheck {
  const props = (impl: HasmeImpl): PropertySpec<Problem>[] => {
    const specs: PropertySpec<Problem>[] = [
      {
        name: `${impl.name}: regime S raises 'singular'`,
        arb: problem({ target: 'S', commuting: 'any', sigma: 'any', dMax: 4 }),
        body: (p, rec) => {
          labelProblem(p, rec);
          const c = errorCode(() => impl.coefficients(p.H, p.Sigma, p.eta, 'hasme'));
          ensure(c === 'singular', () => `hasme coefficients gave ${c ?? 'numbers'} instead of a 'singular' error`);
          const m = errorCode(() => impl.moments('hasme', p.H, p.Sigma, p.eta, p.x0, 3));
          ensure(m === 'singular', () => `hasme moments gave ${m ?? 'numbers'} instead of a 'singular' error`);
          if (p.labels.includes('S:m=0')) {
            const s = errorCode(() => impl.coefficients(p.H, p.Sigma, p.eta, 'spf'));
            ensure(s === 'singular', () => `spf coefficients at m = 0 gave ${s ?? 'numbers'} instead of 'singular'`);
          }
          // SGD itself is defined on the singular set.
          const g = errorCode(() => impl.moments('sgd', p.H, p.Sigma, p.eta, p.x0, 3));
          ensure(g === null, () => `sgd moments raised '${g}' although SGD is defined in regime S`);
        },
        describeCase,
        request: (p) => coefficientsRequest(p),
      },
    ];
    const cond = impl.condition?.bind(impl);
    if (cond) {
      specs.push({
        name: `${impl.name}: condition estimate grows toward S`,
        arb: problem({ target: 'S', commuting: 'any', sigma: 'pd', dMax: 3 }),
        body: (p, rec) => {
          labelProblem(p, rec);
          const ks = [2, 4, 6, 8].map((j) => cond(p.H, p.Sigma, p.eta * (1 - 10 ** -j)));
          ensure(
            ks.every((k, i) => i === 0 || k >= ks[i - 1]) && ks[3] >= 100 * ks[0],
            () => `condition at η(1 − 10^−j), j = 2, 4, 6, 8: ${ks.map(fmt).join(', ')} (must grow, ≥ 100× over 6 decades)`,
          );
        },
        describeCase,
        request: (p) => coefficientsRequest(p),
      });
    }
    return specs;
  };
  return claimCheck(
    'C9',
    'Singular set (m_i = 0, poles of φ): implementations raise errors, never numbers',
    `Implementations: ${impls.map((i) => i.name).join(', ')}. Exact singular constructions (m = 0, ηa = 2, pole pairs); hasme coefficients and moments must raise 'singular' (spf too at m = 0; sgd must not); where an implementation reports a condition estimate it must grow ≥ 100× as η → S over 10^−2 … 10^−8. No numeric error (worst error: none).`,
    () => impls.flatMap(props),
  );
}
