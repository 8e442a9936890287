/**
 * Which claim checks run against an outside implementation (spec/protocol.md §12), built on the
 * seam (properties/impl.ts) so that the checks are those the project runs on its own library:
 * a claim applies when the implementation answers every op it needs and its statement is about
 * an implementation (C14–C17 are about the models' weak error: `--convergence` tests simulators).
 */
import type { HasmeImpl } from '../../../properties/impl.js';
import { makeC1 } from '../../../properties/claims/C1.js';
import { makeC2 } from '../../../properties/claims/C2.js';
import { makeC3 } from '../../../properties/claims/C3.js';
import { makeC4 } from '../../../properties/claims/C4.js';
import { makeC5 } from '../../../properties/claims/C5.js';
import { makeC6 } from '../../../properties/claims/C6.js';
import { makeC7 } from '../../../properties/claims/C7.js';
import { makeC8 } from '../../../properties/claims/C8.js';
import { makeC9 } from '../../../properties/claims/C9.js';
import { makeC10 } from '../../../properties/claims/C10.js';
import { makeC11 } from '../../../properties/claims/C11.js';
import { makeC12 } from '../../../properties/claims/C12.js';
import { EPS } from '../../../properties/claims/compare.js';
import { isExact } from '../../../properties/claims/tolerance.js';
import type { ClaimCheck, ClaimId } from '../../claims/types.js';
import type { Op } from '../../formats/types.js';
import { makeSampleLaw, type Sampler } from './sampleLaw.js';
import { makeC13Protocol } from './steinRoute.js';

/** One row of the properties run: a check to run, or the reason it does not apply. */
export interface PropertyClaim {
  id: ClaimId;
  /** 'sample' for C4 through the sample op. */
  part?: 'sample';
  needs: readonly Op[];
  check?: ClaimCheck;
  /** Why the claim is not checked (shown, never counted as a pass). */
  notApplicable?: string;
}

/** The name a row is selected by (`--claims`): the claim ID, `C4:sample` for C4 through the sample op. */
export const rowKey = (r: Pick<PropertyClaim, 'id' | 'part'>): string => (r.part ? `${r.id}:${r.part}` : r.id);

/** Every row key, in run order. */
export const ROW_KEYS: readonly string[] = ['C1', 'C2', 'C3', 'C4', 'C4:sample', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17'];

export interface ClaimSelection {
  /** Ops the implementation answers. */
  ops: readonly Op[];
  /** Samples per case of the sample law check. */
  sampleN: number;
}

/** Claims whose tolerances are stated in units of double eps (C5, C6). */
const DOUBLE_UNITS = 'its tolerance is stated in units of double eps; it applies to --unit-roundoff 2^-53 only';

/**
 * The claim rows for `impl` (answering coefficients and moments), `sample` (the sample op) and
 * the ops it answers. The protocol carries no condition estimate, so C9's test of one does not
 * apply; C10 runs its exact identity (K_01 = 1) and continuity properties on the implementation.
 */
export function propertyClaims(impl: HasmeImpl, sample: Sampler | undefined, sel: ClaimSelection): PropertyClaim[] {
  const double = impl.unitRoundoff === EPS;
  const rows: PropertyClaim[] = [
    { id: 'C1', needs: ['moments'], check: makeC1(impl) },
    { id: 'C2', needs: ['coefficients', 'moments'], check: makeC2(impl) },
    { id: 'C3', needs: ['moments'], check: makeC3(impl) },
    { id: 'C4', needs: ['coefficients', 'moments'], check: makeC4(impl) },
    { id: 'C4', part: 'sample', needs: ['sample'], check: sample && makeSampleLaw(sample, sel.sampleN) },
    { id: 'C5', needs: ['coefficients'], ...(double ? { check: makeC5(impl) } : { notApplicable: DOUBLE_UNITS }) },
    { id: 'C6', needs: ['coefficients'], ...(double ? { check: makeC6(impl) } : { notApplicable: DOUBLE_UNITS }) },
    isExact(impl)
      ? { id: 'C7', needs: ['coefficients'], check: makeC7(impl) }
      : { id: 'C7', needs: ['coefficients'], notApplicable: 'λ_min(Σ̃) = O(η²) is below double resolution at the η it needs; applies to --unit-roundoff below 1e-30' },
    { id: 'C8', needs: ['coefficients', 'moments'], check: makeC8(impl) },
    { id: 'C9', needs: ['coefficients', 'moments'], check: makeC9([impl]) },
    { id: 'C10', needs: ['coefficients'], check: makeC10(impl) },
    { id: 'C11', needs: ['coefficients'], check: makeC11(impl) },
    { id: 'C12', needs: ['coefficients'], check: makeC12(impl) },
    { id: 'C13', needs: ['coefficients'], check: makeC13Protocol(impl) },
    ...(['C14', 'C15', 'C16', 'C17'] as const).map((id) => ({ id, needs: [], notApplicable: 'a claim on the models’ weak error, not on an implementation (see --convergence)' })),
  ];
  return rows.map((r) => {
    const missing = r.needs.filter((op) => !sel.ops.includes(op));
    return missing.length > 0 && !r.notApplicable ? { id: r.id, part: r.part, needs: r.needs, notApplicable: `needs op ${missing.join(', ')}, which the implementation does not answer` } : r;
  });
}
