/**
 * The outcome of a weak-engine claim (C14–C21) from what its check tallied: `fails` on any failure,
 * `holds` only when some case asserted the claim, `not-run` otherwise (spec/claims.md: a claim never
 * holds without cases). The first failure is the counterexample; the notes open with the count.
 */
import type { ClaimId, ClaimOutcome, Counterexample } from '../claims/types.js';

export interface OutcomeTally {
  /** Cases that asserted the claim. */
  cases: number;
  /** Worst error in units of `tolerance`. */
  worst: number;
  failures: Counterexample[];
  /** Skipped cases by reason (asserted nothing, not counted in `cases`). */
  skipped?: Record<string, number>;
}

export function tallyOutcome(id: ClaimId, t: OutcomeTally, tolerance: number, notes: string, coverage?: Record<string, number>): ClaimOutcome {
  const skippedTotal = Object.values(t.skipped ?? {}).reduce((a, b) => a + b, 0);
  return {
    id,
    status: t.failures.length ? 'fails' : t.cases > 0 ? 'holds' : 'not-run',
    cases: t.cases,
    worstError: Number.isFinite(t.worst) ? t.worst : null,
    tolerance,
    ...(skippedTotal ? { skipped: t.skipped } : {}),
    ...(t.failures.length ? { counterexample: t.failures[0] } : {}),
    notes: `${t.failures.length ? `${t.failures.length} failing case(s). ` : ''}${notes}`,
    ...(coverage ? { coverage } : {}),
  };
}
