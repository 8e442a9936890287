/**
 * The 1-D non-quadratic engine (C17): its pieces against exact results, the whole engine against
 * closed forms on a quadratic objective (SGD and OU laws are Gaussian; HA-SME's equals SGD's, C4),
 * and C17 itself on the built-in problems, with the engine's own error ≥ 100× below every weak
 * error it measures.
 */
import { describe, expect, it } from 'vitest';
import { seed } from '../properties/budget.js';
import type { OneDimProblem } from '../src/problems/types.js';
import { weakChecks } from '../src/weak/checks.js';
import { CONSTANT_RTOL } from '../src/weak/orderVerdict.js';
import { builtinOneDimRows } from '../src/weak/builtinResults.js';
import { gaussHermite } from '../src/weak/gaussHermite.js';
import { interpolate, uniformGrid } from '../src/weak/lagrangeGrid.js';
import { builtinProblem } from '../src/problems/builtin.js';
import { oneDimSdeValues, oneDimWeakRows } from '../src/weak/oneDim.js';
import { principalFlowFactor } from '../src/weak/oneDimModels.js';

describe('1-D engine pieces', () => {
  it('Gauss–Hermite (q = 8) integrates E Z^{2k} = (2k − 1)!! exactly for 2k ≤ 15 (to 1e-13 relative)', () => {
    const { nodes, weights } = gaussHermite(8);
    let dfact = 1;
    for (let k = 0; k <= 7; k++) {
      if (k > 0) dfact *= 2 * k - 1;
      const m = nodes.reduce((s, z, i) => s + weights[i] * z ** (2 * k), 0);
      expect(Math.abs(m - dfact) / dfact).toBeLessThan(1e-13);
    }
  });

  it('local Lagrange interpolation reproduces polynomials of degree < order (to 1e-12 relative)', () => {
    const g = uniformGrid(-3, 4, 0.1, 10);
    const poly = (x: number) => 1 - 2 * x + 0.5 * x ** 3 - 0.01 * x ** 9;
    const values = Float64Array.from(g.points, poly);
    for (const y of [-2.95, -0.333, 0.05, 1.7777, 3.99]) expect(Math.abs(interpolate(g, values, y) - poly(y))).toBeLessThan(1e-12 * 30);
  });

  it('T(z) = −log(1 − z)/z is continuous across the series switch at |z| = 1e-4', () => {
    for (const z of [-1e-4, 1e-4]) {
      const inner = principalFlowFactor(z * (1 - 1e-12));
      const outer = principalFlowFactor(z * (1 + 1e-12));
      expect(Math.abs(inner - outer)).toBeLessThan(4 * Number.EPSILON);
    }
    expect(principalFlowFactor(0)).toBe(1);
  });
});

describe('1-D SDE step: weak order 2 with state-dependent coefficients', () => {
  it('HA-SME on −λ cos x (T and Σ̃ vary with f″(x)): plain Platen errors shrink 4× per halving of h', () => {
    // Against the Richardson value (error O(h⁴)), the plain scheme's errors at h = η/m, m = 2, 4, 8
    // must fall like h²: ratios 4 ± 0.25 (measured 4.08, 4.04). An O(h) defect would give ratios → 2.
    const r = oneDimSdeValues(builtinProblem('cos') as OneDimProblem, 'hasme', '0.05', [2, 4, 8]);
    const e = r.plain.map((v) => v - r.extrapolated);
    for (let i = 1; i < e.length; i++) expect(Math.abs(e[i - 1] / e[i] - 4)).toBeLessThan(0.25);
  });
});

describe('1-D engine on a quadratic objective (closed-form oracle)', () => {
  // f = a x²/2, noise σ: SGD x_K ~ N(m^K x0, η²σ²(1 − m^{2K})/(1 − m²)); SME-1 is OU with rate a.
  const a = 1.5;
  const sigma = 0.8;
  const p: OneDimProblem = {
    kind: 'oned', f: 'logcosh', lambda: String(a), sigma: String(sigma), x0: '1.2', T: '1', etas: ['0.1', '0.05'],
    test: { center: '0.3', width: '0.7' }, models: ['sme1', 'hasme'],
  };
  const gaussU = (mu: number, s2: number) => {
    const w2 = 0.49;
    return Math.sqrt(w2 / (w2 + s2)) * Math.exp(-((mu - 0.3) ** 2) / (2 * (w2 + s2)));
  };
  const rows = oneDimWeakRows(p, { objective: { lambda: a, fp: (x) => a * x, fpp: () => a } });

  it('SGD and SME-1 values match the Gaussian closed forms within 10× the engine estimate (+1e-12)', () => {
    for (const r of rows) {
      const m = 1 - r.eta * a;
      const sgd = gaussU(m ** r.steps * 1.2, (r.eta ** 2 * sigma ** 2 * (1 - m ** (2 * r.steps))) / (1 - m * m));
      expect(Math.abs(r.sgd - sgd)).toBeLessThan(10 * r.engineError + 1e-12);
      if (r.model === 'sme1') {
        const sde = gaussU(1.2 * Math.exp(-a), (r.eta * sigma ** 2 * (1 - Math.exp(-2 * a))) / (2 * a));
        expect(Math.abs(r.sde - sde)).toBeLessThan(10 * r.engineError + 1e-12);
      }
    }
  });

  it('HA-SME’s law equals SGD’s on a quadratic (C4): its weak error is at the engine’s error level', () => {
    for (const r of rows.filter((x) => x.model === 'hasme')) expect(Math.abs(r.error)).toBeLessThan(10 * r.engineError + 1e-12);
  });
});

describe('C17 on the built-in 1-D problems', () => {
  it.each(['logcosh', 'cos'])('%s: the engine error is at least 100× below every weak error', async (name) => {
    for (const r of await builtinOneDimRows(name)) expect(r.engineError).toBeLessThan(0.01 * Math.abs(r.error));
  });

  it('C17 holds: orders (SME-1 1, others 2) certified with the engine error propagated, HA-SME with the weakest λ-dependence', async () => {
    const o = await weakChecks.find((c) => c.id === 'C17')!.run({ runs: 100, seed: seed() });
    expect(o.counterexample).toBeUndefined();
    expect(o.status).toBe('holds');
    expect(o.skipped).toBeUndefined();
    // worstError: the largest relative error estimate of a certified lim err/η^p (engine error included).
    expect(o.worstError!).toBeLessThanOrEqual(CONSTANT_RTOL);
  });
});
