/**
 * Action of `hasme find`: runs the search and prints the shrunk case, its violation, the
 * reference's verdict, the replay command and the `hasme serve` request line. Exit code 0 when a
 * counterexample was found, 1 when none was found within the budget.
 */
import Table from 'cli-table3';
import { runs as budgetRuns, seed as budgetSeed } from '../../properties/budget.js';
import { fromEnv, integerOption } from '../cli/options.js';
import { HasmeInputError } from '../errors.js';
import { FIND_CLAIMS, findClaim } from './claims.js';
import { findCounterexample, type FindResult } from './search.js';

/** Default number of cases (HASME_RUNS overrides, --runs overrides both). */
export const DEFAULT_FIND_RUNS = 200;

function listClaims(): string {
  const t = new Table({ head: ['claim', 'claim', 'searched statement (conditions dropped)', 'what the true claim needs'], colWidths: [18, 9, 44, 44], wordWrap: true, style: { head: [], border: [] } });
  for (const c of FIND_CLAIMS) t.push([c.id, c.related.join(', '), c.statement, c.dropped]);
  return t.toString();
}

/** The result as readable text. */
export function renderFind(r: FindResult): string {
  const head = [`claim ${r.claim} (conditions of ${r.related.join(', ')} dropped)`, `  searched: ${r.statement}`, `  true claim needs: ${r.dropped}`];
  if (!r.found) return [...head, `no counterexample in ${r.runs} cases (seed ${r.seed})`].join('\n');
  return [
    ...head,
    `COUNTEREXAMPLE after ${r.runs} case(s), shrunk ${r.shrinks} time(s):`,
    `  ${r.description}`,
    `  violation: ${r.violation?.summary}`,
    `  ${r.reference}`,
    `  replay:  ${r.replay}`,
    `  request (hasme serve):`,
    JSON.stringify(r.request),
  ].join('\n');
}

/** `hasme find ...` */
export async function findCommand(opts: { claim?: string; runs?: string; seed?: string; path?: string; json?: boolean; list?: boolean }): Promise<void> {
  if (opts.list) {
    console.log(opts.json ? JSON.stringify(FIND_CLAIMS.map(({ id, related, statement, dropped }) => ({ id, related, statement, dropped }))) : listClaims());
    return;
  }
  if (!opts.claim) throw new HasmeInputError('shape', `--claim is required (one of ${FIND_CLAIMS.map((c) => c.id).join(', ')}); see --list`);
  const claim = findClaim(opts.claim);
  const runs = opts.runs === undefined ? fromEnv(() => budgetRuns(DEFAULT_FIND_RUNS)) : integerOption('--runs', opts.runs, 1, 1e9);
  // fast-check seeds are 32-bit integers.
  const seed = opts.seed === undefined ? fromEnv(budgetSeed) : integerOption('--seed', opts.seed, -(2 ** 31), 2 ** 31 - 1);
  // A fast-check replay path is colon-separated run indices, e.g. "12:0:3".
  if (opts.path !== undefined && !/^\d+(:\d+)*$/.test(opts.path)) {
    throw new HasmeInputError('parse', `--path must be a fast-check replay path such as 12:0:3 (as printed with a counterexample), got ${JSON.stringify(opts.path)}`);
  }
  const result = findCounterexample(claim, { runs, seed, ...(opts.path ? { path: opts.path } : {}) });
  console.log(opts.json ? JSON.stringify(result) : renderFind(result));
  if (!result.found) process.exitCode = 1;
}
