/**
 * C20 escape beyond the saddle (spec/weak.md §9): exact curves on quadratic saddles from x0 ≠ 0,
 * the measured escape errors near the maximum of −cos, and an injected result the check must fail.
 */
import { describe, expect, it } from 'vitest';
import { builtinSharpEscape, builtinWellEscape } from '../src/weak/builtinResults.js';
import { makeC20, saddleEscapeErrors, type WellPoint } from '../src/weak/escapeBeyond.js';

describe('C20 escape beyond the saddle', () => {
  it('C20 holds: HA-SME exact on saddles from x0 ≠ 0, closest on the −cos maximum', async () => {
    const o = await makeC20(builtinWellEscape, builtinSharpEscape).run({ runs: 60, seed: 3 });
    expect(o.counterexample).toBeUndefined();
    expect(o.status).toBe('holds');
    expect(o.coverage).toEqual({
      'quadratic saddle, x0 ≠ 0': 2,
      'non-quadratic maximum (−cos)': 4,
      'sharp escape, 1-D saddle (engine check)': 1,
      'sharp escape, double well (curve + claimed k)': 1 + 24 + 1 + 8,
    });
  }, 600_000);

  it('C20: on a saddle from x0 ≠ 0 the other models miss SGD’s curve by far more than rounding', async () => {
    const r = await saddleEscapeErrors(5);
    expect(r.errors.hasme).toBeLessThan(1e-12);
    for (const m of ['sme1', 'sme2', 'spf'] as const) expect(r.errors[m]).toBeGreaterThan(1e-4);
  });

  it('C20 fails when HA-SME’s escape error is not the smallest (injected result)', async () => {
    const points = await builtinWellEscape();
    const bad: WellPoint[] = points.map((p) => ({ ...p, errors: { ...p.errors, hasme: { value: 2 * p.errors.sme2.value, engine: p.errors.hasme.engine } } }));
    const o = await makeC20(async () => bad, builtinSharpEscape).run({ runs: 1, seed: 3 });
    expect(o.status).toBe('fails');
    expect(o.counterexample!.description).toMatch(/−cos well at t = 0\.5: HA-SME's escape-measure error .* is not below sme1, sme2, spf/);
  });
});
