/**
 * C23, the 2-D smoothness sweep (spec/weak.md §12): the family f_s = s·f, and C23's check on
 * injected rows (it fails when a wrong HA-SME model grows faster in s or is not the smallest).
 * The engine's own sweep runs once, in the report's end-to-end test.
 */
import { describe, expect, it } from 'vitest';
import type { SdeModel } from '../src/formats/types.js';
import { builtinProblem } from '../src/problems/builtin.js';
import type { TwoDimProblem } from '../src/problems/types.js';
import { makeC23 } from '../src/weak/checks.js';
import { twoDimObjective } from '../src/weak/twoDimModels.js';
import { scaledProblem, TWOD_SWEEP, twoDimSweep } from '../src/weak/twoDimSweep.js';
import type { TwoDimRow } from '../src/weak/twoDim.js';

const OPTS = { runs: 1000, seed: 3 };

describe('C23 family f_s = s·f', () => {
  it('C23: scales every ridge weight and μ by s, keeps Σ, x0 and the test function, and stays in regime R', () => {
    const p = builtinProblem(TWOD_SWEEP.builtin) as TwoDimProblem;
    const q = scaledProblem(p, 4);
    const [f, g] = [twoDimObjective(p), twoDimObjective(q)];
    expect(g.grad(0.3, -0.7).map((x, i) => x / f.grad(0.3, -0.7)[i])).toEqual([4, 4].map((x) => expect.closeTo(x, 12)));
    expect(g.hess(0.3, -0.7).map((x, i) => x / f.hess(0.3, -0.7)[i])).toEqual([4, 4, 4].map((x) => expect.closeTo(x, 12)));
    expect([q.Sigma, q.x0, q.test, q.T, q.etas]).toEqual([p.Sigma, p.x0, p.test, TWOD_SWEEP.T, [...TWOD_SWEEP.etas]]);
    const largest = Math.max(...TWOD_SWEEP.scales);
    expect(Number(TWOD_SWEEP.etas[0]) * twoDimObjective(scaledProblem(p, largest)).curvature).toBeLessThan(1);
    expect(largest / Math.min(...TWOD_SWEEP.scales)).toBeGreaterThanOrEqual(16);
  });
});

/** err = C_m(s) η^q (1 + η) per model with C_m(s) = c·s^k (exact orders), engine error a fraction of |err|. */
function rowsWith(constants: Record<SdeModel, (s: number) => number>, engineRatio = 1e-5): (s: number) => TwoDimRow[] {
  return (s) =>
    TWOD_SWEEP.etas.map(Number).flatMap((eta) =>
      (Object.keys(constants) as SdeModel[]).map((model) => {
        const error = constants[model](s) * eta ** (model === 'sme1' ? 1 : 2) * (1 + eta);
        return { model, eta, steps: Math.round(Number(TWOD_SWEEP.T) / eta), sgd: 0.5, sde: 0.5 + error, error, engineError: engineRatio * Math.abs(error) };
      }),
    );
}

/** Constants shaped like the engine's: HA-SME's small and slowly varying, SME-2's and SPF's growing about like s. */
const GOOD: Record<SdeModel, (s: number) => number> = {
  sme1: (s) => -0.013 * s ** 0.9,
  sme2: (s) => 0.1 * s ** 1.2,
  spf: (s) => 0.1 * s ** 0.9,
  hasme: (s) => -0.006 * s ** (0.1 * Math.sin(3 * s)),
};

const run = (rows: (s: number) => TwoDimRow[]) => makeC23(async () => twoDimSweep(rows)).run(OPTS);

describe('C23 check (injected rows)', () => {
  it('C23 holds when HA-SME’s constant stays small and flat while SME-2’s and SPF’s grow', async () => {
    const out = await run(rowsWith(GOOD));
    expect(out.status).toBe('holds');
    expect(out.cases).toBe(2 + TWOD_SWEEP.scales.length);
    expect(out.notes).toMatch(/hasme -?0\.\d+ ± 0\.\d+/);
  });

  it('C23 fails when a wrong HA-SME (its constant growing like s² past SPF’s) is injected, naming the scale', async () => {
    const out = await run(rowsWith({ ...GOOD, hasme: (s) => 0.08 * s ** 2 }));
    expect(out.status).toBe('fails');
    expect(out.counterexample?.description).toMatch(/exponent .* exceeds|at s = \d/);
    expect(out.counterexample?.description).toContain('replay: hasme report --claims C23 --seed 3');
  });

  it('C23 fails when HA-SME’s |C| exceeds SPF’s beyond both error estimates at one scale only', async () => {
    const out = await run(rowsWith({ ...GOOD, hasme: (s) => (s === 1 ? 0.2 : GOOD.hasme(s)) }));
    expect(out.status).toBe('fails');
    expect(out.counterexample?.description).toMatch(/at s = 1 HA-SME's \|C\| 0\.2\d* .* is not below/);
  });

  it('C23 reports the scales whose rows miss the 1e-3 engine bar, and fails when the propagated engine error leaves HA-SME’s constant not certifiably below the others', async () => {
    const out = await run(rowsWith(GOOD, 0.05));
    expect(out.notes).toMatch(/above C22's bar 0\.001 at s = 0\.25 \(5\.0e-2\)/);
    const swamped = await run(rowsWith(GOOD, 50));
    expect(swamped.status).toBe('fails');
  });
});
