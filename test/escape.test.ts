/**
 * C16 escape along negative curvature: HA-SME's directional moments equal SGD's at every step
 * (exact engines, random saddles), the Gaussian-marginal probabilities and crossing times against
 * closed forms, and the `hasme escape` command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normal } from '../src/stats/distributions.js';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { refEscapeMoments } from '../reference/weak/escape.js';
import { HasmeInputError } from '../src/errors.js';
import { exceedProbability, firstCrossing } from '../src/weak/escape.js';
import { randomSaddle } from '../src/weak/generate.js';

describe('C16 exact directional moments', () => {
  it('HA-SME’s mean and variance along v equal SGD’s at every k ≤ 40 (1e-35 relative, 40 digits); SME-1’s do not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('0.1', '0.05', '0.02'), (seed, eta) => {
        // Start off the saddle (x0 = 0.3 e_1) so the means along v are exercised too.
        const saddle = randomSaddle(seed, eta, 40);
        const p = { ...saddle, x0: saddle.x0.map((_, i) => (i === 0 ? '0.3' : '0')) };
        const em = refEscapeMoments({ ...p, models: ['sme1', 'hasme'] }, { digits: 40 });
        const [sgd, sme1, hasme] = em.curves;
        expect(em.eigenvalue.isNegative()).toBe(true);
        for (let k = 1; k <= 40; k++) {
          expect(hasme.variance[k].minus(sgd.variance[k]).abs().div(sgd.variance[k]).toNumber()).toBeLessThan(1e-35);
          expect(hasme.mean[k].minus(sgd.mean[k]).abs().toNumber()).toBeLessThan(1e-35 * (1 + Math.abs(sgd.mean[k].toNumber())));
        }
        // SME-1 grows like e^{−2akη} instead of (1 − ηa)^{2k}: visibly different (≥ 1e-6 relative) at k = 40.
        expect(sme1.variance[40].minus(sgd.variance[40]).abs().div(sgd.variance[40]).toNumber()).toBeGreaterThan(1e-6);
      }),
      params(4),
    );
  });

  it('refuses an H without negative curvature', () => {
    const p = { ...randomSaddle(1, '0.1', 3), H: [['1', '0'], ['0', '2']], Sigma: [['1', '0'], ['0', '1']], x0: ['0', '0'] };
    expect(() => refEscapeMoments(p, { digits: 20 })).toThrow(HasmeInputError);
  });
});

describe('escape probabilities and times', () => {
  it('P(|N(m, s²)| > r) agrees with 2Φ(−r/s) at m = 0 and tends to the indicator as s → 0', () => {
    for (const s of [0.1, 0.7, 3]) expect(exceedProbability(0, s, 1)).toBeCloseTo(2 * normal.cdf(-1 / s, 0, 1), 15);
    expect(exceedProbability(1.5, 0, 1)).toBe(1);
    expect(exceedProbability(0.5, 0, 1)).toBe(0);
    expect(exceedProbability(1.5, 1e-9, 1)).toBeCloseTo(1, 12);
  });

  it('firstCrossing interpolates linearly between the bracketing steps', () => {
    expect(firstCrossing([0, 0.2, 0.4, 0.6, 0.8])).toBeCloseTo(2.5, 14);
    expect(firstCrossing([0.7])).toBe(0);
    expect(firstCrossing([0, 0.1])).toBeNull();
  });
});

describe('hasme escape', () => {
  it('prints the escape table as JSON and writes the SVG curves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hasme-escape-'));
    try {
      const out = spawnSync('node', ['bin/hasme.js', 'escape', '--builtin', 'saddle-d2', '--json', '--out', dir], { encoding: 'utf8' });
      expect(out.status).toBe(0);
      const doc = JSON.parse(out.stdout) as { escape: { model: string; step: number; relativeError: number }[]; curves: Record<string, number[]> };
      expect(doc.escape.map((e) => e.model)).toEqual(['sgd', 'sme1', 'sme2', 'spf', 'hasme']);
      expect(doc.escape.find((e) => e.model === 'hasme')!.relativeError).toBe(0);
      expect(doc.escape.find((e) => e.model === 'sme1')!.relativeError).toBeLessThan(0);
      expect(doc.curves.sgd).toHaveLength(201);
      expect(readFileSync(join(dir, 'escape.svg'), 'utf8')).toMatch(/^<svg/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits with code 2 and a typed message on a non-saddle problem', () => {
    const out = spawnSync('node', ['bin/hasme.js', 'escape', '--builtin', 'cos'], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/hasme: unsupported: .*saddle/);
  });
});
