/**
 * The claims registry: one ClaimCheck per claim C1–C17 of spec/, in order, with
 * the implementations each check runs against (spec/claims.json lists the tests per claim).
 * C1–C13 are property checks (properties/claims/); C14–C17 come from the weak-error engines
 * (src/weak/checks.ts, `weakChecks`); a claim missing there is reported 'not-run', never 'holds'.
 */
import type { ClaimCheck, ClaimId, ClaimOutcome } from './types.js';
import { libraryImpl, referenceImpl, type HasmeImpl } from '../../properties/impl.js';
import { mergeChecks } from '../../properties/claims/harness.js';
import { makeC1 } from '../../properties/claims/C1.js';
import { makeC2 } from '../../properties/claims/C2.js';
import { makeC3 } from '../../properties/claims/C3.js';
import { makeC4 } from '../../properties/claims/C4.js';
import { makeC5 } from '../../properties/claims/C5.js';
import { makeC6 } from '../../properties/claims/C6.js';
import { makeC7 } from '../../properties/claims/C7.js';
import { makeC8 } from '../../properties/claims/C8.js';
import { makeC9 } from '../../properties/claims/C9.js';
import { makeC10 } from '../../properties/claims/C10.js';
import { makeC11 } from '../../properties/claims/C11.js';
import { makeC12 } from '../../properties/claims/C12.js';
import { makeC13 } from '../../properties/claims/C13.js';
import { weakChecks } from '../weak/checks.js';
import { builtinPowerCurve } from '../weak/builtinResults.js';
import { makeC21 } from '../weak/recovery.js';

/** A claim whose check is missing from `weakChecks`: reported 'not-run' with the reason, never 'holds'. */
function notRun(id: ClaimId): ClaimCheck {
  return {
    id,
    title: id,
    run: async (): Promise<ClaimOutcome> => ({
      id,
      status: 'not-run',
      cases: 0,
      worstError: null,
      notes: 'weak-error engine check not available (src/weak/checks.ts does not export it)',
    }),
  };
}

/** C14–C23 from the weak-error engines. */
const weakCheck = (id: ClaimId): ClaimCheck => weakChecks.find((c) => c.id === id) ?? notRun(id);

/**
 * The property checks C1–C13 over a reference-level and a library-level implementation, composed as
 * the registry runs them (the claim × bug matrix, properties/bugMatrix.ts, passes broken ones).
 */
export function propertyChecks(ref: HasmeImpl, lib: HasmeImpl): ClaimCheck[] {
  /** A claim's check on each implementation, merged; the report shows each implementation's verdict. */
  const onEach = (make: (impl: HasmeImpl) => ClaimCheck, impls: HasmeImpl[]): ClaimCheck =>
    mergeChecks(impls.map((impl) => ({ implementation: impl.name, check: make(impl) })));
  return [
    onEach(makeC1, [ref, lib]),
    onEach(makeC2, [ref, lib]),
    onEach(makeC3, [ref, lib]),
    onEach((impl) => makeC4(impl, impl === ref ? 0.2 : 1), [lib, ref]),
    makeC5(lib),
    makeC6(lib),
    makeC7(ref),
    makeC8(lib),
    makeC9([ref, lib]),
    makeC10(ref, lib),
    makeC11(ref),
    onEach(makeC12, [ref, lib]),
    makeC13(ref),
  ];
}

/** Every claim's check in registry order C1–C21 (C21: src/weak/recovery.ts, on the library's sampler). */
export const CLAIM_CHECKS: ClaimCheck[] = [
  ...propertyChecks(referenceImpl(), libraryImpl()),
  weakCheck('C14'),
  weakCheck('C15'),
  weakCheck('C16'),
  weakCheck('C17'),
  weakCheck('C18'),
  weakCheck('C19'),
  weakCheck('C20'),
  makeC21(libraryImpl(), builtinPowerCurve),
  weakCheck('C22'),
  weakCheck('C23'),
];
