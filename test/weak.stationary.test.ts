/**
 * C18 stationary law (spec/weak.md §7): the stationary solves, the check on the reference and the
 * library, and injected wrong models that it must catch.
 */
import { describe, expect, it } from 'vitest';
import { context, realOps } from '../reference/index.js';
import { solveLyapunov, solveStein } from '../reference/weak/stationary.js';
import { referenceImpl, type HasmeImpl } from '../properties/impl.js';
import { seed } from '../properties/budget.js';
import { randomStationaryQuadratic } from '../src/weak/generate.js';
import { makeC18, stationaryCase } from '../src/weak/stationary.js';

const ctx = context({ digits: 50 });
const R = realOps(ctx);
const m = (rows: number[][]) => rows.map((r) => r.map((x) => new ctx.D(x)));

describe('stationary solves (C18)', () => {
  it('C18: Stein and Lyapunov solves match the scalar closed forms', () => {
    // d = 1: x = q/(1 − m²) and x = q/(2b).
    expect(solveStein(m([[0.8]]), m([[0.5]]), ctx)[0][0].minus(new ctx.D(0.5).div(0.36)).abs().toNumber()).toBeLessThan(1e-50);
    expect(solveLyapunov(m([[1.5]]), m([[0.6]]), ctx)[0][0].minus(0.2).abs().toNumber()).toBeLessThan(1e-50);
    // Non-symmetric residual check on a 2×2 case.
    const B = m([[2, 0.5], [0.5, 1]]);
    const Q = m([[1, 0.3], [0.3, 2]]);
    const X = solveLyapunov(B, Q, ctx);
    expect(R.maxAbs(R.sub(R.add(R.mul(B, X), R.mul(X, R.transpose(B))), Q)).toNumber()).toBeLessThan(1e-50);
  });
});

/** The reference with one model's coefficients replaced. */
function broken(replace: HasmeImpl['coefficients']): HasmeImpl {
  return { ...referenceImpl(), name: 'broken reference', coefficients: replace };
}

describe('C18 check', () => {
  it('C18 holds on the reference and the library, on PSD and indefinite Σ̃ and on finite sums', async () => {
    const o = await makeC18().run({ runs: 60, seed: seed() });
    expect(o.counterexample).toBeUndefined();
    expect(o.status).toBe('holds');
    expect(o.cases).toBeGreaterThanOrEqual(6);
    expect(o.worstError!).toBeLessThanOrEqual(1);
    expect(Object.keys(o.coverage!)).toContain('finite sum');
  });

  it('C18: HA-SME off by 1e-59 relative and the leading coefficients reproduced at 50 digits', () => {
    const r = stationaryCase(referenceImpl(), randomStationaryQuadratic(3));
    expect(r.hasme).toBeLessThan(1e-55);
    expect(r.identity.sme1).toBeLessThan(1e-55);
    for (const l of Object.values(r.leading)) expect(l.error).toBeLessThan(1e-6);
    // The other models' gaps are of relative order η: far from zero.
    for (const g of Object.values(r.gaps)) expect(g).toBeGreaterThan(1e-3);
  });

  it('C18 fails when the HA-SME diffusion is Σ (as in SPF), naming the case and the replay', async () => {
    const ref = referenceImpl();
    const impl = broken((H, S, eta, model = 'hasme') => {
      const c = ref.coefficients(H, S, eta, model);
      return model === 'hasme' ? { ...c, diffusion: ref.coefficients(H, S, eta, 'spf').diffusion } : c;
    });
    const o = await makeC18([impl]).run({ runs: 1, seed: 11 });
    expect(o.status).toBe('fails');
    expect(o.counterexample!.description).toMatch(/additive quadratic from seed 11 .*HA-SME stationary covariance differs from SGD's C∞/);
    expect(o.counterexample!.description).toMatch(/Replay: npx hasme report --claims C18 --seed 11/);
  });

  it("C18 fails when SME-2's drift has −(η/2)H² (issue 10's surviving mutant)", async () => {
    const ref = referenceImpl();
    const impl = broken((H, S, eta, model = 'hasme') => {
      const c = ref.coefficients(H, S, eta, model);
      if (model !== 'sme2') return c;
      // B = H + (η/2)H² → H − (η/2)H² = 2H − B.
      const sme1 = ref.coefficients(H, S, eta, 'sme1').driftMatrix;
      return { ...c, driftMatrix: sme1.map((row, i) => row.map((z, j) => z.scale(new ctx.D(2)).sub(c.driftMatrix[i][j]))) };
    });
    const o = await makeC18([impl]).run({ runs: 1, seed: 11 });
    expect(o.status).toBe('fails');
    expect(o.counterexample!.description).toMatch(/sme2's stationary deviation violates its Lyapunov identity/);
  });
});
