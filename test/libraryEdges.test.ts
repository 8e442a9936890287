/**
 * Library edge points found by mutation testing (spec/mutation.md): each expectation is a closed
 * form, a documented threshold placed by the test itself, or a message the API documents.
 */
import { describe, expect, it } from 'vitest';
import { refHasmePsdTest } from '../reference/index.js';
import { HasmeInputError, coefficients, moments, regime, type Model } from '../src/index.js';
import { referenceCondition, refSpectrum } from '../properties/claims/referenceCondition.js';

const EPS = Number.EPSILON;

describe('SGD covariance with m_i = 0 paired with a negative m_j (0·m_j = 0, not a pole)', () => {
  // H = diag(1, 3), η = 1: m = (0, −2). C_k,ij = Σ_ij Σ_{r<k} (m_i m_j)^r with 0^0 = 1.
  const Sigma = [[2, 0.5], [0.5, 1]];
  const want = (k: number) => {
    const sum = (p: number) => Array.from({ length: k }, (_, r) => p ** r).reduce((a, b) => a + b, 0);
    return [Sigma[0][0] * sum(0), Sigma[0][1] * sum(0), Sigma[1][0] * sum(0), Sigma[1][1] * sum(4)];
  };
  for (const k of [0, 1, 3]) {
    it(`k = ${k}`, () => {
      const got = moments('sgd', { H: [[1, 0], [0, 3]], Sigma, eta: 1, x0: [1, 1] }, k).cov!.re;
      want(k).forEach((w, q) => expect(Math.abs(got[q] - w), `entry ${q}`).toBeLessThanOrEqual(8 * EPS * Math.max(1, Math.abs(w))));
    });
  }
});

describe('the covariance can overflow where the pseudo-covariance does not (spf in regime X)', () => {
  // H = 2.01, η = 1: m = −1.01, 2ℓ = x − 2πi with x = −2 ln 1.01. At k = 35500, e^{−kx} = e^{706.47} ≈ 6.6e306:
  // pcov = η²Σ(1 − e^{−kx})/(x − 2πi) ≈ 1.05e306 is finite, cov = η²Σ(1 − e^{−kx})/x ≈ 3.3e308 is not.
  it('`non-finite` naming cov', () => {
    const e = Math.exp(35500 * 2 * Math.log1p(0.01));
    expect(e / Math.hypot(2 * Math.log1p(0.01), 2 * Math.PI)).toBeLessThan(Number.MAX_VALUE);
    expect(e / (2 * Math.log1p(0.01))).toBeGreaterThan(Number.MAX_VALUE);
    expect(() => moments('spf', { H: [[2.01]], Sigma: [[1]], eta: 1, x0: [0] }, 35500)).toThrow(/^non-finite: cov is not representable/);
  });
});

describe('moments of an unknown model', () => {
  it('`unsupported`, naming the model', () => {
    expect(() => moments('foo' as Model, { H: [[1]], Sigma: [[1]], eta: 0.1, x0: [1] }, 1)).toThrow(new HasmeInputError('unsupported', 'unknown model "foo"'));
  });
});

describe('Σ̃ ⪰ 0 inside the band: the coupling threshold 8·d·eps·‖H‖₂ (spec/numerics.md "Is the covariance defined?")', () => {
  // Σ = diag(1, 0) and H = s·[[1, δ], [δ, 2]]: Σ's null space is e_1, its range e_0, and the coupling
  // ‖V_Rᵀ H V_N‖ is s·δ exactly. ‖H‖₂ = s·(1.5 + √(0.25 + δ²)) = 2s to rounding, so the threshold is
  // 8·2·eps·2s; δ at 0.45× and 2× of it puts the coupling on either side (η scaled so ηH is fixed).
  const threshold = 8 * 2 * EPS * 2;
  for (const s of [1, 1e4]) {
    for (const [factor, psd] of [[0.45, true], [2, false]] as const) {
      it(`‖H‖₂ = ${2 * s}, coupling ${factor}× the threshold: ${psd ? 'PSD (within rounding)' : 'indefinite'}`, () => {
        const H = [[s, s * factor * threshold], [s * factor * threshold, 2 * s]];
        const Sigma = [[1, 0], [0, 0]], eta = 1e-7 / s;
        // The case lies in the band |λ_min(Σ̃)| ≤ τ̃, placed by the 34-digit reference (as test/psdBand.test.ts).
        const t = refHasmePsdTest(H, Sigma, eta, { digits: 34 });
        const tau = 8 * 2 * EPS * t.top.toNumber() * referenceCondition('hasme', { H, Sigma, eta }, refSpectrum({ H, Sigma, eta }));
        expect(Math.abs(t.min.toNumber())).toBeLessThanOrEqual(tau);
        expect(moments('hasme', { H, Sigma, eta, x0: [1, 1] }, 2).cov !== null).toBe(psd);
      });
    }
  }
});

describe('regime S is closed: the singular tests are ≤ τ, exactly at the boundary (C9, spec/numerics.md "Regime S")', () => {
  // Library τ = 4·d·eps·max(1, η‖H‖₂) is a power-of-two multiple of ‖H‖₂ here (d = 2, η = 1): 2^−49·a_1.
  it('|m_0| = τ exactly: H = diag(1 + 2^−47, 4), τ = 2^−49·4 = 2^−47 = |m_0|: S; with a_1 = 4(1 − eps): X', () => {
    expect(regime([[1 + 2 ** -47, 0], [0, 4]], 1)).toBe('S');
    expect(regime([[1 + 2 ** -47, 0], [0, 4 * (1 - EPS)]], 1)).toBe('X');
  });
  it('pole distance = τ exactly: m_0 = −1 − 2^−40, distance |m_0² − 1|/(2|m_0|) rounded once; a_1 chosen so τ equals it', () => {
    // m_0² − 1 = 2^−39 + 2^−80 and 2|m_0| = 2 + 2^−39 are exact doubles: the distance is one correctly rounded quotient.
    const dist = (2 ** -39 + 2 ** -80) / (2 + 2 ** -39);
    const a1 = dist * 2 ** 49; // τ = 2^−49·a_1 = dist exactly; a_1 ≈ 512 adds no nearer pair or zero
    expect(regime([[2 + 2 ** -40, 0], [0, a1]], 1)).toBe('S');
    expect(regime([[2 + 2 ** -40, 0], [0, a1 * (1 - EPS)]], 1)).toBe('X');
  });
  it('the distance counts only pairs of negative m: m = (2, −10) is min|m| = 2, not the mixed pair\'s (1 + 20)/12', () => {
    // H = diag(−1, 11), η = 1. Negative pair (1, 1): (100 − 1)/20 = 4.95; zero distance min|m| = 2.
    const c = coefficients([[-1, 0], [0, 11]], [[1, 0], [0, 1]], 1, { model: 'sme1' });
    expect(c.regime).toBe('X');
    expect(Math.abs(c.diagnostics.singularDistance - 2)).toBeLessThanOrEqual(2 * EPS);
  });
});

describe('coefficient diagnostics: λ_min of the diffusion (spec/numerics.md), closed forms on commuting problems', () => {
  // H = diag(1, 2), Σ = diag(3, 0.5), η = 0.1: m = (0.9, 0.8), Σ̃ = diag(σ_i φ(2ℓ_i)), φ(2ℓ) = −2 ln m/(1 − m²).
  const H = [[1, 0], [0, 2]], Sigma = [[3, 0], [0, 0.5]];
  const close = (got: number | null, want: number) => expect(Math.abs((got ?? NaN) / want - 1)).toBeLessThanOrEqual(1e-14);
  it('hasme in R: λ_min(Σ̃) = min_i σ_i φ(2ℓ_i); the value is the same on every read', () => {
    const want = Math.min((3 * -2 * Math.log(0.9)) / (1 - 0.81), (0.5 * -2 * Math.log(0.8)) / (1 - 0.64));
    const c = coefficients(H, Sigma, 0.1);
    close(c.diagnostics.lambdaMinDiffusion, want);
    close(c.diagnostics.lambdaMinDiffusion, want);
  });
  it('sme1, sme2, spf: λ_min(Σ) = 0.5; hasme in X (m = (0.9, −2)): null', () => {
    for (const model of ['sme1', 'sme2', 'spf'] as const) close(coefficients(H, Sigma, 0.1, { model }).diagnostics.lambdaMinDiffusion, 0.5);
    expect(coefficients([[1, 0], [0, 30]], Sigma, 0.1).diagnostics.lambdaMinDiffusion).toBeNull();
  });
  it('an overflowing Σ̃ is refused, naming the diffusion: Σ = 1e308, K = φ(2 ln 2) = 1.85', () => {
    expect(() => coefficients([[1]], [[1e308]], 0.5)).toThrow(/^non-finite: diffusion is not representable in double precision \(entry 0: Infinity\)$/);
  });
});

describe('hasme at an extreme but valid step: η·a = −1e160 (regime R, m = 1 + 1e160)', () => {
  // The Σ̃-PSD decision reads HA-SME's own coefficients: B = ℓ/η is finite here (|ℓ| = ln(1 + 1e160) ≈ 368),
  // while another model's B (sme2: ηa + (ηa)²/2) would overflow.
  it('k = 0: mean x0, pseudo-covariance and covariance 0', () => {
    const m = moments('hasme', { H: [[-1e160]], Sigma: [[1]], eta: 1, x0: [3] }, 0);
    expect(Array.from(m.mean.re)).toEqual([3]);
    expect(Array.from(m.pcov.re)).toEqual([0]);
    expect(Array.from(m.cov!.re)).toEqual([0]);
  });
});
