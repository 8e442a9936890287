/**
 * C14, C15, C16 through the report's checks (src/weak/checks.ts) at a small budget: fitted orders
 * on generated problems in their asymptotic range within ±0.15 of the expected ones, HA-SME exact
 * on additive quadratics, exact growth on saddles. HASME_RUNS / HASME_SEED widen or move the run.
 */
import { describe, expect, it } from 'vitest';
import { runs, seed } from '../properties/budget.js';
import { weakChecks } from '../src/weak/checks.js';

const byId = (id: string) => weakChecks.find((c) => c.id === id)!;
// 60 runs → 2 generated problems per claim (the report's default 100 → 3).
const OPTS = { runs: runs(60), seed: seed() };

describe('weak-error claims (exact engines)', () => {
  it('exports one check per claim C14–C17, in order', () => {
    expect(weakChecks.map((c) => c.id)).toEqual(['C14', 'C15', 'C16', 'C17']);
  });

  it.each(['C14', 'C15', 'C16'])('%s holds on generated problems', async (id) => {
    const o = await byId(id).run(OPTS);
    expect(o.id).toBe(id);
    expect(o.notes).toMatch(/sme1/);
    expect(o.counterexample).toBeUndefined();
    expect(o.status).toBe('holds');
    expect(o.cases).toBeGreaterThanOrEqual(3);
    expect(o.worstError).not.toBeNull();
    // worstError is the largest |fitted − expected order|; ±0.15 is the order tolerance of issue #5.
    expect(o.worstError!).toBeLessThanOrEqual(0.15);
  });
});
