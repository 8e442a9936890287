/**
 * The counterexample search: fast-check runs a claim's generator against its check, shrinks the
 * first violation to a minimal case, and the result carries everything needed to replay it
 * (seed and path) and to reproduce it elsewhere (a `hasme serve` request line).
 */
import fc from 'fast-check';
import { params } from '../../properties/budget.js';
import type { ClaimId } from '../claims/types.js';
import { HasmeInputError } from '../errors.js';
import type { CoefficientsRequest, MomentsRequest } from '../formats/types.js';
import type { FindCase } from './cases.js';
import { describeCase } from './describe.js';
import type { FindClaim, Violation } from './claims.js';

export interface FindOptions {
  runs: number;
  seed: number;
  /** fast-check path of a previous failure: replays exactly that case. */
  path?: string;
}

/** The outcome of a search, as printed by `hasme find --json`. */
export interface FindResult {
  claim: string;
  related: ClaimId[];
  statement: string;
  dropped: string;
  found: boolean;
  seed: number;
  /** Cases tried before the first violation (or all of them). */
  runs: number;
  path?: string;
  shrinks?: number;
  case?: FindCase;
  description?: string;
  violation?: Violation;
  /** The decimal reference's verdict on the shrunk case. */
  reference?: string;
  request?: CoefficientsRequest | MomentsRequest;
  /** Command line that replays the shrunk case. */
  replay?: string;
}

/** fc.check, with a replay path that leads nowhere turned into a typed error (fast-check throws "Unable to replay"). */
function checkOrExplain<T>(property: fc.IProperty<T>, parameters: fc.Parameters<T>, opts: FindOptions): fc.RunDetails<T> {
  try {
    return fc.check(property, parameters);
  } catch (e) {
    if (opts.path !== undefined && e instanceof Error && /Unable to replay/.test(e.message)) {
      throw new HasmeInputError('parse', `--path ${opts.path} does not replay a case at seed ${opts.seed} (give the path and seed printed with a counterexample)`);
    }
    throw e;
  }
}

/** Runs the search for one claim. */
export function findCounterexample(claim: FindClaim, opts: FindOptions): FindResult {
  const property = fc.property(claim.cases(), (c) => claim.check(c) === null);
  const details = checkOrExplain(property, params(opts.runs, { seed: opts.seed, numRuns: opts.runs, ...(opts.path ? { path: opts.path } : {}) }), opts);
  const base = { claim: claim.id, related: claim.related, statement: claim.statement, dropped: claim.dropped, seed: details.seed };
  if (!details.failed || !details.counterexample) return { ...base, found: false, runs: details.numRuns };
  const c = details.counterexample[0];
  let violation: Violation;
  try {
    violation = claim.check(c) ?? { summary: 'the check passed on replay (non-deterministic check?)', measured: {} };
  } catch (e) {
    violation = { summary: `the check raised ${e instanceof Error ? e.message : String(e)}`, measured: {} };
  }
  let reference: string;
  try {
    reference = claim.confirm(c);
  } catch (e) {
    reference = `reference raised ${e instanceof Error ? e.message : String(e)}`;
  }
  const path = details.counterexamplePath ?? undefined;
  return {
    ...base,
    found: true,
    runs: details.numRuns,
    ...(path ? { path } : {}),
    shrinks: details.numShrinks,
    case: c,
    description: describeCase(c),
    violation,
    reference,
    request: claim.request(c, `find-${claim.id}`),
    replay: `hasme find --claim ${claim.id} --seed ${details.seed}${path ? ` --path ${path}` : ''}`,
  };
}
