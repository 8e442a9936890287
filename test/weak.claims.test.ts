/**
 * C14, C15, C16 through the report's checks (src/weak/checks.ts) at a small budget: every order
 * certified (err/η^p converges, spec/weak.md §4), HA-SME exact on additive quadratics, exact growth
 * on saddles; and injected wrong models that must fail with the problem, the model, the η range and a
 * replay command. HASME_RUNS / HASME_SEED widen or move the run.
 */
import { describe, expect, it } from 'vitest';
import { runs, seed } from '../properties/budget.js';
import type { SdeModel } from '../src/formats/types.js';
import { judgeAsymptoticOrders } from '../src/weak/asymptotic.js';
import { exactQuadraticErrors, makeWeakChecks, weakChecks, type QuadraticErrors } from '../src/weak/checks.js';
import { randomQuadratic } from '../src/weak/generate.js';
import { CONSTANT_RTOL } from '../src/weak/orderVerdict.js';

const byId = (id: string, checks = weakChecks) => checks.find((c) => c.id === id)!;
// 60 runs → 2 generated problems per claim (the report's default 100 → 3).
const OPTS = { runs: runs(60), seed: seed() };

/** The exact engine with one model's errors replaced: a wrong model the checks must catch. */
function injected(model: SdeModel, replace: (eta: number, errors: Partial<Record<SdeModel, number>>) => number): QuadraticErrors {
  return async (p, eta, models) => {
    const errors = await exactQuadraticErrors(p, eta, [...new Set<SdeModel>([...models, 'sme1'])]);
    return { ...errors, ...(models.includes(model) ? { [model]: replace(Number(eta), errors) } : {}) };
  };
}

describe('weak-error claims (exact engines)', () => {
  it('exports one check per claim C14–C20, C22 and C23, in order', () => {
    expect(weakChecks.map((c) => c.id)).toEqual(['C14', 'C15', 'C16', 'C17', 'C18', 'C19', 'C20', 'C22', 'C23']);
  });

  it.each(['C14', 'C15', 'C16'])('%s holds on generated problems', async (id) => {
    const o = await byId(id).run(OPTS);
    expect(o.id).toBe(id);
    expect(o.notes).toMatch(/sme1/);
    expect(o.counterexample).toBeUndefined();
    expect(o.status).toBe('holds');
    expect(o.cases).toBeGreaterThanOrEqual(8);
    // worstError: the largest relative error estimate of a certified lim err/η^p.
    expect(o.tolerance).toBe(CONSTANT_RTOL);
    expect(o.worstError!).toBeLessThanOrEqual(CONSTANT_RTOL);
  });

  it('C14: the problem of seed 12346 (SPF slope 2.36 on its window, a false failure of the ±0.15 slope test) holds', async () => {
    const p = randomQuadratic(12346, []);
    const r = await judgeAsymptoticOrders(['spf'], { sme1: 1, sme2: 2, spf: 2, hasme: 'exact' }, (eta, models) => exactQuadraticErrors(p, eta, models), {
      first: 3,
      window: 4,
      lastJ: 6,
    });
    expect(r.verdicts.spf.verdict).toBe('holds');
    expect(r.verdicts.spf.constant!.value).toBeCloseTo(-3.1965e-4, 7);
  });

  it('C15 fails when HA-SME is replaced by SME-1 (order 1), naming problem, model, η range and replay', async () => {
    const o = await byId('C15', makeWeakChecks(injected('hasme', (_, e) => e.sme1!))).run({ runs: 30, seed: 7 });
    expect(o.status).toBe('fails');
    expect(o.counterexample!.seed).toBe(7);
    expect(o.counterexample!.description).toMatch(/finite-sum problem \(n=\d\) from seed 7, model hasme, η 0\.00156\.\.0\.0125: order 1, expected 2/);
    expect(o.counterexample!.description).toMatch(/Replay: npx hasme report --claims C15 --seed 7/);
  });

  it('C14 fails on an order-1 error added to SPF, and when HA-SME is replaced by SME-1', async () => {
    const spf = await byId('C14', makeWeakChecks(injected('spf', (eta, e) => e.spf! + 0.05 * eta))).run({ runs: 30, seed: 7 });
    expect(spf.status).toBe('fails');
    expect(spf.counterexample!.description).toMatch(/model spf, η [\d.]+\.\.0\.0125: order 1, expected 2/);
    const hasme = await byId('C14', makeWeakChecks(injected('hasme', (_, e) => e.sme1!))).run({ runs: 30, seed: 7 });
    expect(hasme.status).toBe('fails');
    expect(hasme.counterexample!.description).toMatch(/model hasme, .*expected exact/);
  });
});
