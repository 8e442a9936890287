/**
 * The exact weak-error engines (C14, C15) against independent routes: the reference's closed-form
 * SGD and OU moments (additive quadratics), path enumeration (finite-sum SGD), a scalar closed form
 * and a reduction to an OU process (finite-sum moment ODE), and a precision self-check.
 * Tolerances: 40-digit computations agreeing to 1e-35 relative leave 5 digits for the
 * O(2^s · N) rounding growth of scaling and squaring (reference/weak/expm.ts).
 */
import type { Decimal } from 'decimal.js';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { refMoments, refSgdMomentsClosedForm } from '../reference/api.js';
import { context, type Ctx } from '../reference/context.js';
import { realOps } from '../reference/matrix.js';
import { decimalForm, expectQuadratic, initialMoments, type SecondMoments } from '../reference/weak/form.js';
import { momentOde, odeMomentsAt } from '../reference/weak/ode.js';
import { sgdMoments } from '../reference/weak/sgd.js';
import { refWeakRows } from '../reference/weak/weakErrors.js';
import { SDE_MODELS, type SdeModel } from '../src/formats/types.js';
import { builtinProblem } from '../src/problems/builtin.js';
import { momentForm } from '../src/problems/momentForm.js';
import type { FiniteSumProblem } from '../src/problems/types.js';
import { randomFiniteSum, randomQuadratic } from '../src/weak/generate.js';

const DIGITS = 40;
const RTOL = 1e-35;

function relDiff(a: Decimal, b: Decimal): number {
  const scale = a.abs().gt(b.abs()) ? a.abs() : b.abs();
  return scale.isZero() ? 0 : a.minus(b).abs().div(scale).toNumber();
}

/** Largest relative difference of (μ, S) against a reference mean and pseudo-covariance. */
function momentGap(m: SecondMoments, mean: Decimal[], pcov: Decimal[][], ctx: Ctx): number {
  const R = realOps(ctx);
  const S = R.add(pcov, mean.map((a) => mean.map((b) => a.times(b))));
  const scale = R.maxAbs(S).plus(mean.reduce((s, x) => s.plus(x.abs()), ctx.zero));
  let gap = ctx.zero;
  mean.forEach((x, i) => (gap = ctx.D.max(gap, x.minus(m.mu[i]).abs())));
  S.forEach((row, i) => row.forEach((x, j) => (gap = ctx.D.max(gap, x.minus(m.S[i][j]).abs()))));
  return gap.div(scale).toNumber();
}

describe('C14 engines: additive quadratics against the reference closed forms', () => {
  it('SGD recursion and every model’s moment ODE match refMoments (eigenbasis closed forms) to 1e-35', () => {
    const ctx = context({ digits: DIGITS });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('0.1', '0.05', '0.02'), fc.integer({ min: 1, max: 30 }), (seed, eta, k) => {
        const p = randomQuadratic(seed, [eta]);
        const f = decimalForm(momentForm(p), ctx);
        const re = (v: { re: Decimal }[]) => v.map((z) => z.re);
        const ref = refSgdMomentsClosedForm(p.H, p.Sigma, eta, p.x0, k, { digits: DIGITS });
        const sgd = sgdMoments(f, new ctx.D(eta), k, ctx);
        expect(momentGap(sgd, re(ref.mean), ref.pcov.map(re), ctx)).toBeLessThan(RTOL);
        for (const model of SDE_MODELS) {
          const ou = refMoments(model, p.H, p.Sigma, eta, p.x0, k, { digits: DIGITS });
          const ode = odeMomentsAt(momentOde(f, model, new ctx.D(eta), ctx), initialMoments(f), new ctx.D(eta).times(k), ctx);
          expect(momentGap(ode, re(ou.mean), ou.pcov.map(re), ctx)).toBeLessThan(RTOL);
        }
      }),
      params(5),
    );
  });
});

describe('C15 engines: finite sums', () => {
  it('SGD moment recursion equals E u over all n^K index paths (exact enumeration)', () => {
    const ctx = context({ digits: DIGITS });
    const R = realOps(ctx);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 4 }), (seed, K) => {
        const p = randomFiniteSum(seed, ['0.1']);
        const f = decimalForm(momentForm(p), ctx);
        const W = p.test.W.map((r) => r.map((x) => new ctx.D(x)));
        const w = p.test.w.map((x) => new ctx.D(x));
        const eta = new ctx.D('0.1');
        const n = f.A.length;
        let total = ctx.zero;
        for (let path = 0; path < n ** K; path++) {
          let x = f.x0;
          for (let s = 0, code = path; s < K; s++, code = Math.floor(code / n)) {
            const i = code % n;
            const g = R.mulVec(f.A[i], x).map((y, j) => y.minus(f.c[i][j]));
            x = x.map((y, j) => y.minus(eta.times(g[j])));
          }
          total = total.plus(expectQuadratic({ mu: x, S: x.map((a) => x.map((b) => a.times(b))) }, W, w, ctx));
        }
        const enumerated = total.div(n ** K);
        const recursed = expectQuadratic(sgdMoments(f, eta, K, ctx), W, w, ctx);
        expect(relDiff(enumerated, recursed)).toBeLessThan(RTOL);
      }),
      params(8),
    );
  });

  it('d = 1, c_i = 0: the moment ODE matches S(T) = x0² exp((−2β + η D(1) Var a) T) for every model', () => {
    const ctx = context({ digits: DIGITS });
    const a = ['0.5', '1.5', '2.5'];
    const p: FiniteSumProblem = {
      kind: 'finite-sum', A: a.map((x) => [[x]]), c: a.map(() => ['0']), x0: ['0.7'], T: '1.5', etas: ['0.05'],
      test: { W: [['1']], w: ['0'] }, models: [...SDE_MODELS],
    };
    const f = decimalForm(momentForm(p), ctx);
    const eta = new ctx.D('0.05');
    const T = new ctx.D('1.5');
    const H = new ctx.D(1.5);
    const varA = a.reduce((s, x) => s.plus(new ctx.D(x).minus(H).pow(2)), ctx.zero).div(3);
    const ell = ctx.one.minus(eta.times(H)).ln().neg();
    const beta: Record<SdeModel, Decimal> = { sme1: H, sme2: H.times(eta.times(H).div(2).plus(1)), spf: ell.div(eta), hasme: ell.div(eta) };
    // Σ̃ for d = 1 is σ φ(2ℓ) with φ(z) = z / (1 − e^{−z}).
    const phi2l = ell.times(2).div(ctx.one.minus(ell.times(-2).exp()));
    for (const model of SDE_MODELS) {
      const D1 = model === 'hasme' ? phi2l : ctx.one;
      const closed = new ctx.D('0.49').times(beta[model].times(-2).plus(eta.times(D1).times(varA)).times(T).exp());
      const ode = odeMomentsAt(momentOde(f, model, eta, ctx), initialMoments(f), T, ctx);
      expect(relDiff(ode.S[0][0], closed)).toBeLessThan(RTOL);
      expect(relDiff(ode.mu[0], new ctx.D('0.7').times(beta[model].times(T).neg().exp()))).toBeLessThan(RTOL);
    }
  });

  it('equal A_i, distinct c_i: the moment ODE is the OU process of Σ = Cov(c) around x* = H⁻¹c̄ (refMoments)', () => {
    const ctx = context({ digits: DIGITS });
    const R = realOps(ctx);
    const H = [['1.2', '0.3'], ['0.3', '0.8']];
    const c = [['1', '0'], ['-0.5', '0.5'], ['0.25', '-1']];
    const p: FiniteSumProblem = {
      kind: 'finite-sum', A: c.map(() => H), c, x0: ['0.4', '-0.2'], T: '1', etas: ['0.1'],
      test: { W: [['1', '0'], ['0', '1']], w: ['0', '0'] }, models: [...SDE_MODELS],
    };
    const f = decimalForm(momentForm(p), ctx);
    const xstar = R.solve(f.H, f.cbar.map((x) => [x])).map((r) => r[0]);
    const dev = f.c.map((ci) => ci.map((x, j) => x.minus(f.cbar[j])));
    const cov = dev[0].map((_, i) => dev[0].map((__, j) => dev.reduce((s, v) => s.plus(v[i].times(v[j])), ctx.zero).div(3)));
    const asJson = (M: Decimal[][]) => M.map((r) => r.map((x) => x.toFixed(60)));
    const shifted = f.x0.map((x, i) => x.minus(xstar[i]).toFixed(60));
    for (const model of SDE_MODELS) {
      const ou = refMoments(model, H, asJson(cov), '0.1', shifted, 10, { digits: DIGITS });
      const mean = ou.mean.map((z, i) => z.re.plus(xstar[i]));
      const ode = odeMomentsAt(momentOde(f, model, new ctx.D('0.1'), ctx), initialMoments(f), ctx.one, ctx);
      expect(momentGap(ode, mean, ou.pcov.map((r) => r.map((z) => z.re)), ctx)).toBeLessThan(RTOL);
    }
  });
});

describe('precision', () => {
  it('the built-in finite-sum table at 40 digits agrees with a 60-digit run to 1e-38 (sgd, sde) ', () => {
    const p = builtinProblem('finite-sum-d2n4') as FiniteSumProblem;
    const lo = refWeakRows({ ...p, etas: p.etas.slice(0, 2) }, { digits: 40 });
    const hi = refWeakRows({ ...p, etas: p.etas.slice(0, 2) }, { digits: 60 });
    lo.forEach((r, i) => {
      expect(relDiff(r.sgd, hi[i].sgd)).toBeLessThan(1e-38);
      expect(relDiff(r.sde, hi[i].sde)).toBeLessThan(1e-38);
      expect(relDiff(r.error, hi[i].error)).toBeLessThan(1e-33); // |error| ≥ 1e-6 |E u| here
    });
  });
});
