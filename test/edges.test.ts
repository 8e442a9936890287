/**
 * Exact edge points, overflow guards and the regime-S tolerances (issue 10 item 6 blind spots):
 * each expectation is a closed form or an exact value computed here, never the implementation's
 * own output. Library (src/) and reference (reference/) are checked alike where both decide.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { context, refCoefficients, refDiffusionOperator, refMoments, refRegime } from '../reference/index.js';
import { HasmeInputError, coefficients, moments, regime, type Model } from '../src/index.js';
import { twoProductErr } from '../src/numerics/eft.js';
import { powerOfM, stepLogs } from '../src/numerics/stepLog.js';
import { exactDecimal } from './differential.support.js';

const EPS = Number.EPSILON;

/** The HasmeInputError code thrown by `f`, or 'none'. */
function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    return err instanceof HasmeInputError ? err.code : `untyped ${String(err)}`;
  }
  return 'none';
}

describe('mixed-sign pair with |m_i m_j| = 1 is regular (not a pole of φ, C9)', () => {
  // H = diag(−1, 1.5), η = 1: m = (2, −0.5), m_0 m_1 = −1. ℓ_0 + ℓ_1 = −ln 2 + (ln 2 − iπ) = −iπ,
  // K_01 = φ(−iπ) = −iπ/(1 − e^{iπ}) = −iπ/2, so Σ̃_01 = −(π/2)·0.3·i.
  const H = [[-1, 0], [0, 1.5]], Sigma = [[1, 0.3], [0.3, 1]];
  const expected = -(Math.PI / 2) * 0.3;
  it('library: regime X, Σ̃_01 = −0.3·π/2·i', () => {
    const c = coefficients(H, Sigma, 1);
    expect(c.regime).toBe('X');
    expect(Math.abs(c.diffusion.re[1])).toBeLessThanOrEqual(4 * EPS);
    expect(Math.abs(c.diffusion.im![1] - expected)).toBeLessThanOrEqual(8 * EPS);
    expect(c.diagnostics.singularDistance).toBeGreaterThan(0.1);
  });
  it('library κ = (1 + L(1 + P))·A from closed forms (the mixed pair is not a pole: P counts only (1, 1))', () => {
    // L = η‖H‖₂/min|m| = 1.5/0.5; P = 1/|ln m_1²| = 1/ln 4; K_00 = φ(−ln 4) = ln 4/3,
    // K_11 = φ(2 ln 2 − 2πi) = (ln 4 − 2πi)/(3/4), K_01 = −iπ/2; Σ̃ = K ∘ Σ (H diagonal); A = max|K|·‖Σ‖_F/‖Σ̃‖_F.
    const k00 = Math.log(4) / 3, k11 = Math.hypot(Math.log(4), 2 * Math.PI) / 0.75, k01 = Math.PI / 2;
    const tilde = Math.hypot(k00, k11, k01 * 0.3, k01 * 0.3), sigma = Math.hypot(1, 1, 0.3, 0.3);
    const kappa = (1 + 3 * (1 + 1 / Math.log(4))) * Math.max(1, (k11 * sigma) / tilde);
    expect(Math.abs(coefficients(H, Sigma, 1).diagnostics.condition / kappa - 1)).toBeLessThanOrEqual(1e-12);
  });
  it('reference: regime X, Σ̃_01 = −0.3·π/2·i', () => {
    const c = refCoefficients(H, Sigma, 1, { digits: 30 });
    expect(c.regime).toBe('X');
    expect(Math.abs(c.diffusion[0][1].re.toNumber())).toBeLessThanOrEqual(1e-25);
    expect(Math.abs(c.diffusion[0][1].im.toNumber() - expected)).toBeLessThanOrEqual(1e-15);
  });
});

describe('condition estimate κ at Σ = 0 (no cancellation factor: Σ̃ = 0)', () => {
  it('hasme, H = diag(1, 2), η = 0.1: κ = 1 + η‖H‖₂/min|m| = 1 + 0.2/0.8 (spec/numerics.md, "Error model")', () => {
    const c = coefficients([[1, 0], [0, 2]], [[0, 0], [0, 0]], 0.1);
    expect(Math.abs(c.diagnostics.condition - 1.25)).toBeLessThanOrEqual(4 * EPS);
    expect(Math.abs(coefficients([[1, 0], [0, 2]], [[0, 0], [0, 0]], 0.1, { model: 'spf' }).diagnostics.condition - 1.25)).toBeLessThanOrEqual(4 * EPS);
  });
});

describe('SGD covariance where η a_i = 1 (m_i = 0): C_k = Σ_{r<k} M^r η²Σ M^r', () => {
  // H = diag(1, 0.5), η = 1: M = diag(0, 0.5). C_0 = 0; C_k,ij = η² Σ_ij Σ_{r<k}(m_i m_j)^r with 0^0 = 1.
  const H = [[1, 0], [0, 0.5]], Sigma = [[2, 0.5], [0.5, 1]];
  const geometric = (p: number, k: number) => Array.from({ length: k }, (_, r) => p ** r).reduce((a, b) => a + b, 0);
  for (const k of [0, 1, 3]) {
    it(`k = ${k}`, () => {
      const m = [0, 0.5];
      const want = [0, 1].flatMap((i) => [0, 1].map((j) => Sigma[i][j] * geometric(m[i] * m[j], k)));
      for (const got of [moments('sgd', { H, Sigma, eta: 1, x0: [1, 1] }, k).cov!.re, refMoments('sgd', H, Sigma, 1, [1, 1], k, { digits: 30 }).cov!.flat().map((z) => z.re.toNumber())]) {
        Array.from(got).forEach((g, q) => expect(Math.abs(g - want[q]), `entry ${q}`).toBeLessThanOrEqual(4 * EPS * Math.max(1, Math.abs(want[q]))));
      }
    });
  }
});

describe('unknown models are refused with a typed error', () => {
  const pb = { H: [[1]], Sigma: [[1]], eta: 0.1, x0: [1] };
  it("moments('foo') and coefficients(model 'foo') throw `unsupported` (library)", () => {
    expect(codeOf(() => moments('foo' as Model, pb, 3))).toBe('unsupported');
    expect(codeOf(() => coefficients(pb.H, pb.Sigma, pb.eta, { model: 'foo' as 'hasme' }))).toBe('unsupported');
  });
  it("refMoments('foo') and refCoefficients(model 'foo') throw `unsupported` (reference)", () => {
    expect(codeOf(() => refMoments('foo' as Model, pb.H, pb.Sigma, pb.eta, pb.x0, 3, { digits: 20 }))).toBe('unsupported');
    expect(codeOf(() => refCoefficients(pb.H, pb.Sigma, pb.eta, { digits: 20, model: 'foo' as 'hasme' }))).toBe('unsupported');
  });
});

describe('m^k: a power where m = 1 − ηa is exact, e^{−k Re ℓ} where it is not', () => {
  const D = Decimal.clone({ precision: 60 });
  /** Relative error of powerOfM against (1 − ηa)^k with the exact binary η and a. */
  const relErr = (a: number, eta: number, k: number) => {
    const logs = stepLogs(new Float64Array([a]), eta);
    const exact = new D(1).minus(exactDecimal(eta, D).times(exactDecimal(a, D))).pow(k);
    return exactDecimal(powerOfM(logs, 0, k), D).minus(exact).div(exact).abs().toNumber();
  };
  it('m ≈ 1 inexact (ηa = 1e−10·1.1), k = 1e7: within 8 eps (a rounded m would lose ~1e6 eps)', () => {
    expect(stepLogs(new Float64Array([1.1]), 1e-10).mExact[0]).toBe(0);
    expect(relErr(1.1, 1e-10, 1e7)).toBeLessThanOrEqual(8 * EPS);
  });
  it('m = 0.5 exact, k = 1000: 2^−1000 to 1 ulp (e^{−k ln 2} would lose ~700 eps)', () => {
    expect(stepLogs(new Float64Array([0.5]), 1).mExact[0]).toBe(1);
    expect(relErr(0.5, 1, 1000)).toBeLessThanOrEqual(EPS);
    expect(relErr(2.5, 1, 999)).toBeLessThanOrEqual(EPS); // m = −1.5, odd power: the sign
  });
  it('m = 1 − 0.1·25.3 ≈ −1.53 inexact: (−1)^k e^{−k Re ℓ} carries the sign of odd and even powers', () => {
    expect(stepLogs(new Float64Array([25.3]), 0.1).mExact[0]).toBe(0);
    for (const k of [3, 4, 51]) expect(relErr(25.3, 0.1, k), `k = ${k}`).toBeLessThanOrEqual(8 * k * EPS);
  });
});

describe('overflow is refused as `non-finite`, never returned', () => {
  it('TwoProduct: 0 where fl(ab) or the split overflows; exact just below the guard', () => {
    expect(twoProductErr(1e300, 1e300, 1e300 * 1e300)).toBe(0);
    expect(twoProductErr(2e300, 0.5, 2e300 * 0.5)).toBe(0);
    expect(twoProductErr(0.5, 2e300, 0.5 * 2e300)).toBe(0);
    const a = 1e300, b = 1 / 3, p = a * b;
    const exact = exactDecimal(a).times(exactDecimal(b)).minus(exactDecimal(p));
    expect(twoProductErr(a, b, p)).toBe(exact.toNumber());
    expect(twoProductErr(b, a, p)).toBe(exact.toNumber());
    expect(exact.isZero()).toBe(false);
  });
  it('coefficients: sme2 B = H + (η/2)H² overflows at H = 1e200', () => {
    expect(codeOf(() => coefficients([[1e200]], [[1]], 1, { model: 'sme2' }))).toBe('non-finite');
    expect(() => coefficients([[1e200]], [[1]], 1, { model: 'sme2' })).toThrow(/driftMatrix/);
  });
  it('moments: SGD mean (−3)^1000 and pseudo-covariance Σ_{r<400} 9^r overflow', () => {
    const pb = { H: [[4]], Sigma: [[1]], eta: 1 };
    expect(() => moments('sgd', { ...pb, x0: [1] }, 1000)).toThrow(/mean is not representable/);
    expect(() => moments('sgd', { ...pb, x0: [1] }, 400)).toThrow(/pcov is not representable/); // 3^400 finite, 9^400 not
    expect(codeOf(() => moments('sme1', { H: [[-1]], Sigma: [[0]], eta: 1, x0: [1] }, 1000))).toBe('non-finite');
    expect(codeOf(() => moments('spf', { H: [[-4]], Sigma: [[1]], eta: 1, x0: [0] }, 400))).toBe('non-finite');
  });
});

describe('regime-S tolerances at their boundaries (C9, spec/numerics.md "Regime S")', () => {
  // Library: τ = 4·d·eps·max(1, η‖H‖₂). d = 2 with a second eigenvalue 100 (η = 1): τ = 800 eps.
  it('library, m_0 = 1 − a_0 near 0: S at |m_0| = 600 eps, X at 1000 eps (τ scales with d and η‖H‖)', () => {
    expect(regime([[1 + 600 * EPS, 0], [0, 100]], 1)).toBe('S');
    expect(regime([[1 + 1000 * EPS, 0], [0, 100]], 1)).toBe('X');
    expect(regime([[1 + 3 * EPS]], 1)).toBe('S'); // d = 1, η‖H‖ ≈ 1: τ = 4 eps
    expect(regime([[1 + 6 * EPS]], 1)).toBe('X');
  });
  it('library, pole pair m_0 m_0 = 1 (m_0 = −1 − δ): distance |m² − 1|/(2|m|) ≈ δ against τ', () => {
    // a = (2 + δ, 50), η = 1: τ = 4·2·eps·50 = 400 eps.
    expect(regime([[2 + 256 * EPS, 0], [0, 50]], 1)).toBe('S');
    expect(regime([[2 + 512 * EPS, 0], [0, 50]], 1)).toBe('X');
    expect(regime([[2 + 2 * EPS]], 1)).toBe('S'); // d = 1: τ = 4 eps·(2 + δ) ≈ 8 eps, distance ≈ δ = 2 eps
    expect(regime([[2 + 16 * EPS]], 1)).toBe('X');
  });
  it('library: a removable point m_0 m_1 = 1 with both positive is regular (C10), not a pole', () => {
    expect(regime([[-1, 0], [0, 0.5]], 1)).toBe('R'); // m = (2, 0.5)
  });
  it('library: the witness named is the first one (ties: m_0, the pair (0, 0))', () => {
    expect(() => coefficients([[1, 0], [0, 1]], [[1, 0], [0, 1]], 1)).toThrow(/m_0 = 1 − η·a_0 = 0/);
    expect(() => coefficients([[2, 0], [0, 2]], [[1, 0], [0, 1]], 1)).toThrow(/m_0·m_0 − 1 = 0/);
  });
  it('regime(H, η) names H in its input errors', () => {
    expect(() => regime([[1, 2], [0, 1]], 1)).toThrow(/\bH\[0\]\[1\]/);
    expect(() => regime([[1, 2]], 1)).toThrow(/\bH row 0/);
  });
  it('library, singular error carries the distance and the tolerance', () => {
    try {
      coefficients([[1 + 600 * EPS, 0], [0, 100]], [[1, 0], [0, 1]], 1);
      expect.unreachable();
    } catch (err) {
      const e = err as HasmeInputError;
      expect(e.code).toBe('singular');
      expect(e.detail).toMatchObject({ tolerance: 800 * EPS });
      expect((e.detail as { singularDistance: number }).singularDistance).toBeCloseTo(600 * EPS, 30);
    }
  });
  // Reference: τ = 10^(8 − work)·max(1, η max|a|), work = digits + 10: digits 34 → 1e−36·max(1, ηa).
  it('reference, m_0 near 0: S at 1e−37, X at 1e−35; with η max|a| = 1000 S at 1e−34', () => {
    expect(refRegime([['1.0000000000000000000000000000000000001']], 1, { digits: 34 })).toBe('S');
    expect(refRegime([['1.00000000000000000000000000000000001']], 1, { digits: 34 })).toBe('X');
    expect(refRegime([['1.0000000000000000000000000000000001', '0'], ['0', '1000']], 1, { digits: 34 })).toBe('S');
    expect(refRegime([['1.00000000000000000000000000000001', '0'], ['0', '1000']], 1, { digits: 34 })).toBe('X');
  });
  it('reference, pole pair m_0 = −1 − δ: |2 Re ℓ_0| ≈ 2δ against τ(1/|m_0| + 1/|m_0|) ≈ 2e−36', () => {
    expect(refRegime([['2.0000000000000000000000000000000000001']], 1, { digits: 34 })).toBe('S');
    expect(refRegime([['2.00000000000000000000000000000000001']], 1, { digits: 34 })).toBe('X');
  });
});

describe('reference diffusion operator Σ ↦ D(Σ) (C12: linear in Σ)', () => {
  const H = [[1, 0.4], [0.4, 2]];
  it('hasme reads Σ\'s symmetric part: D(A) = D((A + Aᵀ)/2) = refCoefficients\' Σ̃', () => {
    const ctx = context({ digits: 30 });
    const A = [[1, 0.7], [0.1, 2]].map((r) => r.map((x) => new ctx.D(x)));
    const S = [[1, 0.4], [0.4, 2]];
    const got = refDiffusionOperator(H, '0.3', 'hasme', { digits: 30 })(A);
    const want = refCoefficients(H, S, '0.3', { digits: 30 }).diffusion;
    got.flat().forEach((z, q) => expect(z.sub(want.flat()[q]).abs().toNumber(), `entry ${q}`).toBeLessThanOrEqual(1e-25));
  });
  it('is the identity for sme1, sme2 and spf', () => {
    const ctx = context({ digits: 30 });
    const S = [[2, 0.5], [0.5, 1]].map((r) => r.map((x) => new ctx.D(x)));
    for (const model of ['sme1', 'sme2', 'spf'] as const) {
      const got = refDiffusionOperator(H, '0.3', model, { digits: 30 })(S);
      got.flat().forEach((z, q) => expect(z.re.eq(S.flat()[q]) && z.im.isZero(), `${model} entry ${q}`).toBe(true));
    }
  });
  it('hasme raises `singular` in regime S (η a_0 = 1), also for the operator alone', () => {
    expect(codeOf(() => refDiffusionOperator([[2, 0], [0, 1]], '0.5', 'hasme', { digits: 30 }))).toBe('singular');
  });
});
