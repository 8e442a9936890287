/**
 * C19 smoothness sweep (spec/weak.md §8): the exponent fit, the check on the engine's sweeps, and
 * injected sweeps that must fail.
 */
import { describe, expect, it } from 'vitest';
import type { SdeModel } from '../src/formats/types.js';
import { makeC19 } from '../src/weak/checks.js';
import { slopeWithError, SMOOTHNESS, type SmoothnessSweep } from '../src/weak/smoothness.js';

describe('slopeWithError', () => {
  it('C19: exact on a power law, and the textbook standard error on scattered data', () => {
    const x = [0, 1, 2, 3];
    const fit = slopeWithError(x, x.map((v) => 2 * v + 1));
    expect(fit.value).toBeCloseTo(2, 14);
    expect(fit.se).toBeLessThan(1e-14);
    // y = 0, 1, 1, 3: slope 0.9, residuals 0.1, 0.2, −0.7, 0.4 → SSR 0.7, se = sqrt(0.7/2/5).
    const s = slopeWithError(x, [0, 1, 1, 3]);
    expect(s.value).toBeCloseTo(0.9, 14);
    expect(s.se).toBeCloseTo(Math.sqrt(0.07), 14);
  });
});

/** A synthetic sweep with C(λ) = c_m λ^{p_m} (exact limits, zero error estimates). */
function powerSweep(c: Record<SdeModel, number>, p: Record<SdeModel, number>): SmoothnessSweep {
  const models: SdeModel[] = ['sme1', 'sme2', 'spf', 'hasme'];
  const points = SMOOTHNESS.lambdas.map((lambda) => ({
    lambda,
    constants: Object.fromEntries(models.map((m) => [m, { value: c[m] * lambda ** p[m], error: 0, level: 1 }])) as SmoothnessSweep['points'][number]['constants'],
  }));
  const exponents = Object.fromEntries(models.map((m) => [m, { value: p[m], se: 0.01 }])) as SmoothnessSweep['exponents'];
  return { family: 'logcosh', x0: '1.5', points, exponents };
}

describe('C19 check', () => {
  it('C19 holds on the engine sweeps and reports the measured small-λ exception', async () => {
    const o = await makeC19().run({ runs: 100, seed: 1 });
    expect(o.counterexample).toBeUndefined();
    expect(o.status).toBe('holds');
    expect(o.worstError!).toBeLessThan(1);
    expect(o.notes).toMatch(/logcosh: exponents of \|C\(λ\)\|/);
    expect(o.notes).toMatch(/NOT the smallest/);
  });

  it('C19 fails when HA-SME and SME-2 swap roles (injected sweep), naming family and λ', async () => {
    const good = powerSweep({ sme1: 0.1, sme2: 0.01, spf: 0.01, hasme: 0.005 }, { sme1: 1, sme2: 2, spf: 1, hasme: 0 });
    const swapped = powerSweep({ sme1: 0.1, sme2: 0.005, spf: 0.01, hasme: 0.01 }, { sme1: 1, sme2: 0, spf: 1, hasme: 2 });
    expect((await makeC19(async () => [good]).run({ runs: 1, seed: 1 })).status).toBe('holds');
    const o = await makeC19(async () => [swapped]).run({ runs: 1, seed: 1 });
    expect(o.status).toBe('fails');
    expect(o.counterexample!.description).toMatch(/f = λ·logcosh .*HA-SME's exponent 2\.00 ± 0\.01 exceeds sme2's 0\.00/);
  });
});
