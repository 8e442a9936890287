/**
 * Where the guarantees stop (issue #4 item 3): C7 rank-deficient counterexample at every η down to
 * 1e-6 (reference, 50 digits), C9 singular set raises at both levels, C10 removable singularity.
 */
import { describe, expect, it } from 'vitest';
import { Complex } from '../../reference/index.js';
import { HasmeInputError } from '../../src/errors.js';
import { CHECK_CTX, libraryImpl, referenceImpl } from '../impl.js';
import { makeC7 } from './C7.js';
import { makeC9 } from './C9.js';
import { makeC10 } from './C10.js';
import { expectHolds } from './testing.js';

const ref = referenceImpl();
const lib = libraryImpl();

describe('claims at the boundaries', () => {
  it('C7: rank-1 misaligned Σ gives an indefinite Σ̃ at every η from 1e-1 down to 1e-6', async () => {
    await expectHolds(makeC7(ref), 40, ['eta=0.000001', 'rank1', 'noncommuting']);
  });
  it('C9: singular cases raise HasmeInputError(singular) in the reference and the library; condition grows toward S', async () => {
    await expectHolds(makeC9([ref, lib]), 60, ['S:m=0', 'S:pole-ii', 'S:pole-ij']);
  });
  it('C9: at a pole pair the drift exists, HA-SME raises by convention, and Σ̃ extends continuously where Σ̂_ij = 0', () => {
    // H = diag(1.5, 3), Σ = I, η = 1: m = (−0.5, −2), m_0 m_1 = 1 (pole pair), Σ̂_01 = 0 (spec/claims.md C9).
    const H = [[1.5, 0], [0, 3]];
    const I = [[1, 0], [0, 1]];
    const D = CHECK_CTX.D;
    const ell0 = new Complex(new D(2).ln(), CHECK_CTX.pi.neg()); // −Log(−0.5) = ln 2 − iπ
    const phi2ell0 = ell0.scale(new D(2)).div(Complex.real(new D(0.75))); // φ(2ℓ_0) = 2ℓ_0/(1 − m_0²)
    const spf = ref.coefficients(H, I, 1, 'spf');
    expect(spf.drift[0][0].sub(ell0.div(Complex.real(new D(1.5)))).abs().toNumber()).toBeLessThan(1e-40); // T_00 = ℓ_0/(ηa_0)
    expect(() => ref.coefficients(H, I, 1)).toThrow(HasmeInputError);
    for (const eta of [1 - 2 ** -30, 1 + 2 ** -30]) {
      const St = ref.coefficients(H, I, eta).diffusion;
      expect(St[0][1].abs().toNumber()).toBeLessThan(1e-40);
      // |Σ̃_00(η) − φ(2ℓ_0)| = O(|η − 1|): φ(2ℓ_0(η)) moves by at most a few units of |η − 1|.
      expect(St[0][0].sub(phi2ell0).abs().toNumber()).toBeLessThan(20 * 2 ** -30);
    }
    expect(phi2ell0.re.toNumber()).toBeCloseTo(1.84839, 5);
    expect(phi2ell0.im.toNumber()).toBeCloseTo(-8.37758, 5);
  });
  it('C10: 0 < φ′ < 1 on ℝ, increasing, φ′(0) = ½ (the continuity allowance rests on it)', () => {
    // φ′(s) = (1 − e^{−s} − s e^{−s})/(1 − e^{−s})², evaluated with expm1; φ′(0) = ½ by the series φ = 1 + s/2 + s²/12 + ….
    const dphi = (s: number) => (s === 0 ? 0.5 : (-Math.expm1(-s) - s * Math.exp(-s)) / Math.expm1(-s) ** 2);
    const grid = Array.from({ length: 2001 }, (_, j) => -40 + j * 0.04);
    const values = grid.map(dphi);
    expect(values.every((v) => v > 0 && v < 1)).toBe(true);
    expect(values.every((v, j) => j === 0 || v >= values[j - 1] - 1e-12)).toBe(true);
    expect(dphi(0)).toBe(0.5);
    expect(dphi(1e-6)).toBeCloseTo(0.5, 6);
    expect(dphi(-30)).toBeLessThan(1e-11);
    expect(dphi(30)).toBeGreaterThan(1 - 1e-11);
  });
  it('C10: K_ij = 1 at the removable singularity, Σ̃ continuous across it, library accurate near it', async () => {
    await expectHolds(makeC10(ref, lib), 60, ['removable', 'offset=0e+0']);
  });
});
