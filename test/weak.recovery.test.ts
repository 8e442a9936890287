/**
 * C21 recovery in distribution, by sampling (src/weak/recovery.ts, spec/weak.md §10): the check
 * holds on the library's sampler, is reproducible, and fails on injected sampler bugs through the
 * HasmeImpl seam (a √η mistake, SPF's law for HA-SME, an SPF sampler that draws SGD's law).
 */
import { describe, expect, it } from 'vitest';
import { libraryImpl, type HasmeImpl } from '../properties/impl.js';
import * as lib from '../src/index.js';
import { normal } from '../src/stats/distributions.js';
import { powerFigure } from '../src/weak/figures.js';
import { linearLaw } from '../src/weak/linearLaw.js';
import { MODEL_COLOURS } from '../src/plot/palette.js';
import {
  centredNormalKs,
  CASE_ALPHA,
  makeC21,
  nullCase,
  powerCurve,
  randomRecoveryCase,
  rejectionGuaranteed,
  simulateSgd,
} from '../src/weak/recovery.js';

const SEED = 20240528;
const lib0 = libraryImpl();

/** The library's sampler with HA-SME's deviations from its mean scaled by 1/√η (noise ηΣ per step for η²Σ). */
const sqrtEtaBug: HasmeImpl = {
  ...lib0,
  name: 'sampler with a √η mistake',
  sample: (model, H, Sigma, eta, x0, steps, n, seed) => {
    const rows = lib.sampleExact(model, { H, Sigma, eta, x0 }, steps, n, seed);
    if (model !== 'hasme') return rows;
    const mean = lib.moments('hasme', { H, Sigma, eta, x0 }, steps).mean.re;
    return rows.map((x) => x.map((v, i) => mean[i] + (v - mean[i]) / Math.sqrt(eta)));
  },
};

/** HA-SME sampled from SPF's law (diffusion Σ for Σ̃). */
const spfForHasme: HasmeImpl = { ...lib0, name: 'HA-SME sampler drawing SPF', sample: (model, ...rest) => lib0.sample!(model === 'hasme' ? 'spf' : model, ...rest) };

/** SPF sampled from HA-SME's law (= SGD's): the power assertion must notice. */
const spfIsExact: HasmeImpl = { ...lib0, name: 'SPF sampler drawing HA-SME', sample: (model, ...rest) => lib0.sample!(model === 'spf' ? 'hasme' : model, ...rest) };

describe('C21 exact recovery in distribution (two-sample test and power)', () => {
  it('C21 oracle: SGD simulated in the check has the exact mean and variance along u (1-D case)', () => {
    const c = { d: 1, H: [[0.8]], Sigma: [[0.5]], eta: 0.5, x0: [1], steps: 4, U: [[1]], a: [0.8], kind: 'commuting' as const };
    const x = simulateSgd(c, 40000, 3);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
    const m = 1 - 0.5 * 0.8;
    const exactVar = linearLaw('sgd', 0.8, 0.5, 0.5, 4).variance;
    expect(Math.abs(mean - m ** 4)).toBeLessThan(5 * Math.sqrt(exactVar / x.length));
    expect(Math.abs(variance / exactVar - 1)).toBeLessThan(5 * Math.sqrt(2 / x.length));
  });

  it('C21 oracle: HA-SME’s directional variance equals SGD’s, the others’ do not; KS distance of two centred normals', () => {
    for (const [a, eta, k] of [[2, 0.2, 3], [-0.5, 0.3, 20], [0.5, 0.2, 1]] as const) {
      const sgd = linearLaw('sgd', a, 0.7, eta, k).variance;
      expect(Math.abs(linearLaw('hasme', a, 0.7, eta, k).variance / sgd - 1)).toBeLessThan(1e-13);
      for (const m of ['sme1', 'sme2', 'spf'] as const) expect(Math.abs(linearLaw(m, a, 0.7, eta, k).variance / sgd - 1)).toBeGreaterThan(1e-3);
    }
    // The supremum by a fine grid with jstat's Φ (not src/stats/gaussianTail.ts).
    let grid = 0;
    for (let x = 0; x < 6; x += 1e-4) grid = Math.max(grid, Math.abs(normal.cdf(x, 0, 1) - normal.cdf(x, 0, 0.8)));
    expect(centredNormalKs(1, 0.64)).toBeCloseTo(grid, 7);
    expect(centredNormalKs(0.64, 1)).toBeCloseTo(grid, 7);
  });

  it('C21 power: rejection is guaranteed only for a real difference and grows with n', () => {
    expect(rejectionGuaranteed(0, 1e6, 3)).toBe(false);
    expect(rejectionGuaranteed(0.0563, 20000, 3)).toBe(false);
    expect(rejectionGuaranteed(0.0563, 40000, 3)).toBe(true);
  });

  it('C21 cases are seeded and reproducible, and satisfy C4’s conditions', () => {
    const a = nullCase(lib0, SEED, 2000);
    const b = nullCase(lib0, SEED, 2000);
    expect(a).toEqual(b);
    for (let s = 0; s < 30; s++) {
      const c = randomRecoveryCase(SEED + s);
      expect(c.a.every((ai) => c.eta * ai < 1)).toBe(true);
      expect(lib.coefficients(c.H, c.Sigma, c.eta).regime).toBe('R');
      expect(() => lib.sampleExact('hasme', { H: c.H, Sigma: c.Sigma, eta: c.eta, x0: c.x0 }, c.steps, 8, 1)).not.toThrow();
    }
  });

  it('C21 holds on the library sampler (4 null cases, a reduced power grid)', async () => {
    const check = makeC21(lib0, async (seed) => powerCurve(lib0, seed, [1250, 40000], 2));
    const out = await check.run({ runs: 40, seed: SEED });
    expect(out.status, out.notes).toBe('holds');
    expect(out.cases).toBe(4 + 2 + 1); // 4 null cases; SPF and SME-2 guaranteed at n = 40000 (one case per model and n); HA-SME's power row
    expect(out.worstError!).toBeLessThan(1);
    expect(out.notes).toMatch(/Family-wise false-failure probability of this run ≤/);
  }, 600_000);

  it('C21 fails on a √η mistake in the HA-SME sampler, naming the case and the replay', async () => {
    const check = makeC21(sqrtEtaBug, async (seed) => powerCurve(sqrtEtaBug, seed, [625], 1));
    const out = await check.run({ runs: 40, seed: SEED });
    expect(out.status).toBe('fails');
    expect(out.counterexample!.description).toMatch(/SGD and HA-SME samples .* differ/);
    expect(out.counterexample!.description).toMatch(/Replay: npx hasme report --claims C21 --seed 20240528/);
  }, 600_000);

  it('C21 fails when HA-SME is sampled from SPF’s law (null cases and the power case’s HA-SME row)', async () => {
    const check = makeC21(spfForHasme, async (seed) => powerCurve(spfForHasme, seed, [5000], 2));
    const out = await check.run({ runs: 40, seed: SEED });
    expect(out.status).toBe('fails');
    expect(out.counterexample!.description).toMatch(/SGD and HA-SME samples/);
    expect(out.notes).toMatch(/hasme: .* rates 5000:1/);
    // The power case alone catches it too: no null case, HA-SME's row rejected.
    const powerOnly = await makeC21(lib0, async (seed) => powerCurve(spfForHasme, seed, [5000], 2)).run({ runs: 40, seed: SEED });
    expect(powerOnly.counterexample!.description).toMatch(/power curve: HA-SME's sample rejected against SGD's in 2 of 2 tests/);
  }, 600_000);

  it('C21 fails when the SPF sampler draws SGD’s law: no rejection where power is guaranteed', async () => {
    const check = makeC21(spfIsExact, async (seed) => powerCurve(spfIsExact, seed, [40000], 1));
    const out = await check.run({ runs: 40, seed: SEED });
    expect(out.status).toBe('fails');
    expect(out.counterexample!.description).toMatch(/power: spf .* rejected in 0 of 1 replicates at n = 40000/);
  }, 600_000);

  it('C21 figure: one series per model in its colour, the stated amounts in the caption', async () => {
    const pc = powerCurve(lib0, SEED, [625, 2500], 1);
    const f = await powerFigure(pc);
    for (const m of ['sme1', 'sme2', 'spf', 'hasme'] as const) expect(f.svg).toContain(MODEL_COLOURS[m]);
    expect(f.caption).toMatch(/spf -37\.4% \(KS distance 0\.056/);
    expect(f.caption).toMatch(/HA-SME's law is SGD's \(C4\) and is never rejected/);
  }, 600_000);

  it('C21 is not run on an implementation without a sampler', async () => {
    const { sample: _unused, ...noSampler } = lib0;
    const out = await makeC21(noSampler as HasmeImpl).run({ runs: 40, seed: SEED });
    expect(out.status).toBe('not-run');
    expect(CASE_ALPHA).toBe(1e-8);
  });
});
