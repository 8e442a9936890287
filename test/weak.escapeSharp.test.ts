/**
 * C20 (c)–(d) sharp escape probabilities (spec/weak.md §9): the density engine against closed forms
 * on a quadratic saddle, Richardson over Euler substeps, the double-well verdicts, and injected
 * errors the check must catch.
 */
import { describe, expect, it } from 'vitest';
import { builtinSharpEscape, builtinWellEscape } from '../src/weak/builtinResults.js';
import { judgeSaddle, judgeWell, makeC20, sharpErrors } from '../src/weak/escapeBeyond.js';
import { densityEscape, richardsonEuler, sgdStep } from '../src/weak/escapeDensity.js';
import { sharpFigures } from '../src/weak/figures.js';
import { doubleWell, saddleExact, SADDLE_SETTING, WELL_SETTINGS } from '../src/weak/escapeSharp.js';

describe('C20 sharp escape probabilities (density engine)', () => {
  it('C20 (c): the engine matches the closed forms on a quadratic saddle within its bounds; SGD’s to 1e-13', async () => {
    const { saddle } = await builtinSharpEscape();
    const j = judgeSaddle(saddle);
    expect(j.failures).toEqual([]);
    const sgd = j.validation.find((v) => v.curve === 'sgd')!;
    expect(sgd.worstError).toBeLessThan(1e-13);
    for (const v of j.validation) expect(v.worstBound).toBeLessThan(1e-6);
    // HA-SME's closed form is SGD's (C3, C4 in 1-D); the other models' are not.
    const exact = saddleExact(1, SADDLE_SETTING, 'sgd');
    expect(Math.max(...saddleExact(1, SADDLE_SETTING, 'hasme').map((v, k) => Math.abs(v - exact[k])))).toBeLessThan(1e-14);
    expect(Math.max(...saddleExact(1, SADDLE_SETTING, 'sme2').map((v, k) => Math.abs(v - exact[k])))).toBeGreaterThan(1e-3);
  }, 600_000);

  it('C20 (c): one step is the closed form exactly; the mass that leaves a too-small domain is counted as escaped', () => {
    const f = doubleWell(2);
    const step = sgdStep(f, 0.5, 0.125);
    const r = densityEscape(step, 0.1, 0.5, [1, 3], { spacingFactor: 0.5, halfWidth: 3 });
    expect(r.leaked).toBeLessThan(1e-12);
    const small = densityEscape(sgdStep(f, 5, 0.125), 0.1, 0.5, [6], { spacingFactor: 0.5, halfWidth: 1 });
    expect(small.leaked).toBeGreaterThan(1e-3);
    expect(small.probabilities[0]).toBeGreaterThan(small.leaked);
  });

  it('Richardson over Euler substeps removes the h, h², h³ terms exactly', () => {
    const P = (h: number) => 0.3 + 0.7 * h - 1.1 * h * h + 0.4 * h ** 3;
    const r = richardsonEuler([P(0.1), P(0.05), P(0.025), P(0.0125)]);
    expect(Math.abs(r.value - 0.3)).toBeLessThan(1e-14);
    expect(r.error).toBeGreaterThan(0);
  });

  it('C20 (d): HA-SME’s sharp escape curve is closest on the double wells where claimed (measured)', async () => {
    const { wells } = await builtinSharpEscape();
    for (const { setting, curves } of wells) {
      const j = judgeWell(setting, curves);
      expect(j.failures).toEqual([]);
      expect(j.worst).toBeLessThan(1);
      expect(j.closest.slice(0, setting.claimedUpTo).every((m) => m === 'hasme')).toBe(true);
    }
    // λ = 4: beyond t = 1 the data do not support "closest at every k" (SME-2/SPF cross SGD's curve).
    const l4 = wells.find((w) => w.setting.lambda === 4)!;
    expect(judgeWell(l4.setting, l4.curves).closest.slice(8).some((m) => m !== 'hasme')).toBe(true);
    expect(WELL_SETTINGS.map((s) => s.claimedUpTo)).toEqual([24, 8]);
  }, 600_000);

  it('C20 (d) figures: P_model − P_SGD per well, engine bound in the caption', async () => {
    const figs = await sharpFigures(await builtinSharpEscape());
    expect(figs.map((f) => f.title)).toEqual([expect.stringMatching(/double well λ = 2/), expect.stringMatching(/double well λ = 4/)]);
    expect(figs[1].caption).toMatch(/HA-SME closest claimed for k ≤ 8/);
  }, 600_000);

  it('C20 fails when HA-SME’s sharp curve is SPF’s (injected): the saddle check and the wells both catch it', async () => {
    const sh = await builtinSharpEscape();
    const swap = (c: typeof sh.saddle) => ({ ...c, models: { ...c.models, hasme: c.models.spf } });
    const bad = { saddle: swap(sh.saddle), wells: sh.wells.map((w) => ({ ...w, curves: swap(w.curves) })) };
    expect(judgeSaddle(bad.saddle).failures.join(' ')).toMatch(/engine's hasme curve .* beyond its bound|HA-SME's curve differs from SGD's beyond the engine bounds/);
    const o = await makeC20(builtinWellEscape, async () => bad).run({ runs: 1, seed: 3 });
    expect(o.status).toBe('fails');
    expect(o.notes).toMatch(/failing case/);
    expect(judgeWell(bad.wells[0].setting, bad.wells[0].curves).failures[0]).toMatch(/double well λ = 2: HA-SME's max_k \|P − P_SGD\|/);
    expect(sharpErrors(bad.wells[0].curves).hasme.value).toEqual(sharpErrors(bad.wells[0].curves).spf.value);
  }, 600_000);
});
