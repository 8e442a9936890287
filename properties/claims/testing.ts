/** Vitest helper: run a ClaimCheck at the project's budget/seed policy and assert that it holds. */
import { expect } from 'vitest';
import type { ClaimCheck, ClaimOutcome } from '../../src/claims/types.js';
import { runs, seed } from '../budget.js';

/** Runs `check` with runs(base) cases and the policy seed; asserts 'holds' and the coverage labels. */
export async function expectHolds(check: ClaimCheck, base: number, labels: string[] = []): Promise<ClaimOutcome> {
  const out = await check.run({ runs: runs(base), seed: seed() });
  const cx = out.counterexample;
  const why = cx
    ? `${out.id} fails: ${cx.description}\nreplay: HASME_SEED=${cx.seed} (fast-check path ${cx.path ?? 'n/a'})\nrequest: ${JSON.stringify(cx.request ?? null)}`
    : `${out.id}: ${out.status}; ${out.notes}`;
  expect(out.status, why).toBe('holds');
  expect(out.cases).toBeGreaterThan(0);
  for (const l of labels) expect(out.coverage?.[l] ?? 0, `${out.id}: no case labelled ${l}; coverage ${JSON.stringify(out.coverage)}`).toBeGreaterThan(0);
  return out;
}
