/**
 * The report's figures (issue 4 item 4): the rotated 2×2 regime map (cell counts per regime
 * against the boundaries of spec/models.md §3–§6 worked out by hand) and λmin(Σ̃) against η (signs as C5,
 * C6 and C7 predict). How the figures are drawn (colours, axes, scales) is tested in figures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { etaGrid, lambdaMinCurves, lambdaMinFigure, signChanges } from '../src/report/lambdaMinFigure.js';
import { regimeFigures } from '../src/report/regimeFigures.js';

describe('report figures', () => {
  it('λmin(Σ̃) curves: commuting stays positive (C5), Σ ≻ 0 positive at small η (C6), rank-deficient negative for every η (C7)', () => {
    const [commuting, nonCommuting, rankDeficient] = lambdaMinCurves(etaGrid());
    expect(commuting.points.every((p) => p.r > 0)).toBe(true);
    expect(rankDeficient.points.every((p) => p.r < 0)).toBe(true);
    expect(nonCommuting.points.filter((p) => p.eta < 0.1).every((p) => p.r > 0)).toBe(true);
    // C7's size: λmin ≈ −(η(a1 − a2))²/48 for small η (log φ concave with (log φ)''(0) = −1/12).
    const small = rankDeficient.points[0];
    expect(small.r / -((small.eta * 0.8) ** 2 / 48)).toBeCloseTo(1, 2);
    expect(signChanges(commuting.points)).toEqual([]);
    expect(signChanges(rankDeficient.points)).toEqual([]);
    expect(signChanges(nonCommuting.points)).toHaveLength(1);
  });

  it('λmin(Σ̃) figure names the sign change in its caption', async () => {
    const f = await lambdaMinFigure();
    expect(f.svg.startsWith('<svg')).toBe(true);
    expect(f.caption).toMatch(/Sign changes seen: non-commuting, between η = [\d.]+ and [\d.]+\.$/);
  });

  it('regime map: S exactly on the rows η = 1/4, 1/2, 1, 5/4, 2 and R below η = 1/4 (a1 = 4, a2 = 1, 40×40)', async () => {
    const [map, margin] = await regimeFigures();
    // η = 2.5k/40 = k/16, k = 1..40: R for k < 4 (3 rows), S for k ∈ {4, 8, 16, 20, 32} (5 rows), X otherwise (32 rows).
    const tally = Object.fromEntries([...map.caption.matchAll(/(R, Σ̃ ⪰ 0|R, Σ̃ indefinite|X|S): (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    expect(tally.S).toBe(5 * 40);
    expect(tally.X).toBe(32 * 40);
    expect((tally['R, Σ̃ ⪰ 0'] ?? 0) + (tally['R, Σ̃ indefinite'] ?? 0)).toBe(3 * 40);
    expect(tally['R, Σ̃ indefinite']).toBeGreaterThan(0);
    // Commuting column θ = 0 never has a negative margin (C5).
    const commuting = Number(margin.caption.match(/At θ = 0 \(commuting, C5\) the smallest margin is (\S+)\./)![1]);
    expect(commuting).toBeGreaterThan(0);
  });
});
