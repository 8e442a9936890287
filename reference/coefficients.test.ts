// HA-SME coefficients in the reference: singular errors naming the eigenvalue/pair (C9), the
// removable singularity (C10), the kernel formula against φ, the Stein route (C13) and its
// singular set, and the self-check battery.
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { HasmeInputError } from '../src/errors.js';
import {
  Complex,
  context,
  kernelEntry,
  parseProblem,
  phi,
  refCoefficients,
  refDiffusionOperator,
  refRegime,
  refSelfCheck,
  refSteinDiffusion,
  realOps,
  spectral,
  type ComplexMatrix,
} from './index.js';
import { fromEigenvaluesMany, modelSpectrum } from './coefficients.js';
import { digitsAgreed } from './selfcheck.js';

const S2 = [['1', '0.3'], ['0.3', '0.5']];
const H2 = [['2', '0.5'], ['0.5', '-1']];
/** Q diag(a, b) Qᵀ with Q = [[0.6, −0.8], [0.8, 0.6]], computed exactly in Decimal. */
function rot2(a: string, b: string): string[][] {
  const c = context({ digits: 100 });
  const [x, y] = [new c.D(a), new c.D(b)];
  const h00 = x.times('0.36').plus(y.times('0.64'));
  const h11 = x.times('0.64').plus(y.times('0.36'));
  const h01 = y.minus(x).times('0.48');
  return [[h00, h01], [h01, h11]].map((r) => r.map(String));
}
const flat = (M: ComplexMatrix) => M.flat();

function singularError(f: () => unknown): HasmeInputError {
  try {
    f();
  } catch (err) {
    if (err instanceof HasmeInputError && err.code === 'singular') return err;
    throw err;
  }
  throw new Error('expected a singular error');
}

describe('regime S raises a typed error naming the eigenvalue or the pair (C9)', () => {
  it('m_i = 0 names the index and the eigenvalue', () => {
    const err = singularError(() => refCoefficients([['2', '0'], ['0', '0.5']], S2, '0.5'));
    expect(err.message).toMatch(/η·a_1 = 1 \(a_1 = 2, η = 0.5\)/);
    expect(err.detail).toEqual({ index: 1, eigenvalue: '2' });
  });

  it('a pole pair m_i m_j = 1 with both negative names the pair (exact inputs, non-diagonal H)', () => {
    const err = singularError(() => refCoefficients(rot2('3', '1.5'), S2, '1'));
    expect(err.message).toMatch(/m_0·m_1 = 1 with both negative/);
    expect(err.detail?.pair).toEqual([0, 1]);
  });

  it('m_i = −1 alone is a pole (the pair (i, i))', () => {
    const err = singularError(() => refCoefficients([['4']], [['1']], '0.5'));
    expect(err.detail?.pair).toEqual([0, 0]);
  });

  it('spf is defined at a pole pair but not at m_i = 0; sme1 and sme2 are defined everywhere', () => {
    expect(refCoefficients(rot2('3', '1.5'), S2, '1', { model: 'spf' }).regime).toBe('S');
    singularError(() => refCoefficients([['2', '0'], ['0', '0.5']], S2, '0.5', { model: 'spf' }));
    for (const model of ['sme1', 'sme2'] as const) expect(refCoefficients([['2', '0'], ['0', '0.5']], S2, '0.5', { model }).regime).toBe('S');
  });

  it('spectral() records the singular point it found: zero (index, eigenvalue) or pole (pair, eigenvalues)', () => {
    const ctx = context({ digits: 50 });
    const at = (H: string[][], eta: string) => {
      const p = parseProblem(H, S2, eta, ctx);
      return spectral(p.H, p.eta, ctx).singular;
    };
    expect(at([['2', '0'], ['0', '0.5']], '0.5')).toEqual({ kind: 'zero', index: 1, eigenvalue: '2' });
    expect(at(rot2('3', '1.5'), '1')).toEqual({ kind: 'pole', pair: [0, 1], eigenvalues: ['1.5', '3'] });
    expect(at(H2, '0.3')).toBeNull();
  });

  it('regimes R, X, S', () => {
    expect(refRegime(H2, '0.3')).toBe('R');
    expect(refRegime(H2, '0.8')).toBe('X');
    expect(refRegime([['2']], '0.5')).toBe('S');
    expect(refRegime([['-100']], '10')).toBe('R'); // negative curvature is R for every η
  });
});

describe('drift T = ℓ/(ηa) and drift matrix B = ℓ/η against closed forms', () => {
  const ctx = context({ digits: 50 });
  const D = ctx.D;
  /** ℓ(a) = −Log(1 − ηa) on the principal branch. */
  const ell = (a: Decimal, eta: Decimal) => {
    const m = new D(1).minus(eta.times(a));
    return new Complex(m.abs().ln().neg(), m.isNegative() ? ctx.pi.neg() : new D(0));
  };

  it('a = 0: T = 1 (the limit of ℓ/(ηa)), β = 0, for spf and hasme (H = Q diag(0, 1) Qᵀ, η = 1/2)', () => {
    const Tb = new D(2).ln().times(2); // ℓ(1)/(η·1) = ℓ(1)/η = 2 ln 2
    const [T0, B0] = [new D(1), new D(0)];
    const onQ = (x: Decimal, y: Decimal) => [x.times('0.36').plus(y.times('0.64')), y.minus(x).times('0.48'), y.minus(x).times('0.48'), x.times('0.64').plus(y.times('0.36'))].map((v) => Complex.real(v));
    for (const model of ['spf', 'hasme'] as const) {
      const c = refCoefficients(rot2('0', '1'), S2, '0.5', { model });
      expect(digitsAgreed(flat(c.drift), onQ(T0, Tb), 70), model).toBeGreaterThan(48);
      expect(digitsAgreed(flat(c.driftMatrix), onQ(B0, Tb), 70), model).toBeGreaterThan(48);
    }
  });

  it('eigenvector products 10^5000 apart (the Decimal fallback of the dot products), regime X: T_ij and B_ij to 45 digits', () => {
    // H = diag(1, 2) + ε(E₀₁ + E₁₀), ε = 1e−2500: f(H) = diag(f(1), f(2)) + ε(f(2) − f(1))(E₀₁ + E₁₀) + O(ε²)
    // (divided difference); the diagonal sums U_i0² f(1) + U_i1² f(2) mix terms 10^5000 apart.
    const eta = new D('1.2');
    const eps = new D('1e-2500');
    const H = [['1', '1e-2500'], ['1e-2500', '2']];
    const c = refCoefficients(H, S2, '1.2');
    const T = (a: number) => ell(new D(a), eta).scale(new D(1).div(eta.times(a)));
    const B = (a: number) => ell(new D(a), eta).scale(new D(1).div(eta));
    for (const [got, f] of [[c.drift, T], [c.driftMatrix, B]] as const) {
      expect(digitsAgreed([got[0][0], got[1][1]], [f(1), f(2)], 70)).toBeGreaterThan(45);
      expect(digitsAgreed([got[0][1], got[1][0]], [f(2).sub(f(1)).scale(eps), f(2).sub(f(1)).scale(eps)], 70)).toBeGreaterThan(45);
    }
  });

  it('commuting H and Σ in X: Σ̃_ii = φ(2ℓ_i) Σ_ii = 2ℓ_i Σ_ii / (1 − m_i²), Σ̃_01 = 0 (H = diag(2, −1), η = 0.8)', () => {
    // e^{−2ℓ_i} = m_i² exactly; m = (−0.6, 1.8): the row of K∘Σ̂ for m = 1.8 is real, the other complex.
    const eta = new D('0.8');
    const c = refCoefficients([['2', '0'], ['0', '-1']], [['1', '0'], ['0', '0.5']], '0.8');
    const want = ([a, s]: [number, string]) => {
      const m = new D(1).minus(eta.times(a));
      return ell(new D(a), eta).scale(new D(s).times(2).div(new D(1).minus(m.times(m))));
    };
    const zero = new Complex(new D(0), new D(0));
    expect(digitsAgreed(flat(c.diffusion), [want([2, '1']), zero, zero, want([-1, '0.5'])], 70)).toBeGreaterThan(48);
    expect(c.diffusion[0][0].im.isZero()).toBe(false);
  });

  it('sme1 and sme2 are exact (no eigenbasis): T = I, B = H; T = I + (η/2)H, B = TH; their spectra rebuild them', () => {
    const R = realOps(ctx);
    const p = parseProblem(H2, S2, '0.3', ctx);
    const T2 = R.add(R.identity(2), R.scale(p.H, new D('0.15')));
    const want = { sme1: [R.identity(2), p.H], sme2: [T2, R.mul(T2, p.H)] };
    const sp = spectral(p.H, p.eta, ctx);
    for (const model of ['sme1', 'sme2'] as const) {
      const c = refCoefficients(H2, S2, '0.3', { model });
      const [T, B] = want[model];
      expect(c.drift.flat().every((z, q) => z.im.isZero() && z.re.eq(T.flat()[q])), model).toBe(true);
      expect(c.driftMatrix.flat().every((z, q) => z.im.isZero() && z.re.eq(B.flat()[q])), model).toBe(true);
      // The per-eigenvalue T_i, β_i (used by the OU moments) give the same matrices through U.
      const ms = modelSpectrum(model, sp);
      const [Tu, Bu] = fromEigenvaluesMany(sp.U, [ms.T, ms.beta], ctx);
      expect(digitsAgreed(flat(Tu), flat(c.drift), 70), model).toBeGreaterThan(48);
      expect(digitsAgreed(flat(Bu), flat(c.driftMatrix), 70), model).toBeGreaterThan(48);
    }
  });

  it('regime S errors name the model, and an unknown model is named too', () => {
    expect(singularError(() => refCoefficients([['2', '0'], ['0', '0.5']], S2, '0.5')).message).toMatch(/^singular: HA-SME is undefined: η·a_1 = 1/);
    expect(singularError(() => refCoefficients([['2', '0'], ['0', '0.5']], S2, '0.5', { model: 'spf' })).message).toMatch(/^singular: SPF is undefined: η·a_1 = 1/);
    const pole = singularError(() => refCoefficients(rot2('3', '1.5'), S2, '1'));
    expect(pole.message).toBe('singular: HA-SME is undefined: m_0·m_1 = 1 with both negative (a_0 = 1.5, a_1 = 3, η = 1): ℓ_0 + ℓ_1 = −2πi is a pole of φ');
    expect(pole.detail).toEqual({ pair: [0, 1], eigenvalues: ['1.5', '3'] });
    expect(() => refCoefficients(H2, S2, '0.3', { model: 'foo' as 'hasme' })).toThrow(/unknown SDE model "foo"/);
  });
});

describe('removable singularity C10', () => {
  it('K_ij = 1 exactly at ℓ_i + ℓ_j = 0 and the coefficients are continuous across it', () => {
    const at = refCoefficients(rot2('-2', '1'), S2, '0.5');
    const near = refCoefficients(rot2('-2', '1.00000000000000000001'), S2, '0.5');
    // Moving 1e-20 away changes Σ̃ by O(1e-20): about 20 digits agree, no digits are lost.
    const d = digitsAgreed(flat(near.diffusion), flat(at.diffusion), 100);
    expect(d).toBeGreaterThan(19);
    expect(d).toBeLessThan(22);
    const ctx = context({ digits: 50 });
    const p = parseProblem(rot2('-2', '1'), S2, '0.5', ctx);
    const sp = spectral(p.H, p.eta, ctx);
    expect(kernelEntry(sp, 0, 1).re.eq(1)).toBe(true);
  });

  it('φ(0) = 1 and φ(−iπ) = −iπ/2 (1 − e^{iπ} = 2)', () => {
    const ctx = context({ digits: 50 });
    expect(phi(new Complex(ctx.zero, ctx.zero)).re.eq(1)).toBe(true);
    const half = phi(new Complex(ctx.zero, ctx.pi.neg()));
    expect(digitsAgreed([half], [new Complex(ctx.zero, ctx.pi.div(-2))], 70)).toBeGreaterThan(48);
  });

  it('kernelEntry agrees with φ(ℓ_i + ℓ_j) in every regime away from C10', () => {
    const ctx = context({ digits: 50 });
    for (const eta of ['0.3', '0.8', '1.7']) {
      const p = parseProblem([['2', '0.5', '0'], ['0.5', '-1', '0.2'], ['0', '0.2', '1.1']], S2.map((r) => [...r, '0']).concat([['0', '0', '1']]), eta, ctx);
      const sp = spectral(p.H, p.eta, ctx);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const want = phi((sp.ell[i] as Complex).add(sp.ell[j] as Complex));
          expect(kernelEntry(sp, i, j).sub(want).abs().lte(want.abs().times('1e-55'))).toBe(true);
        }
      }
    }
  });
});

describe('Stein route (C13)', () => {
  it('equals the eigenbasis Σ̃ in R and X', () => {
    for (const eta of ['0.3', '0.8']) {
      const a = refCoefficients(H2, S2, eta).diffusion;
      expect(digitsAgreed(flat(refSteinDiffusion(H2, S2, eta)), flat(a), 70)).toBeGreaterThan(50);
    }
  });

  it('near C10 (1e-30 away) it raises its precision and still agrees', () => {
    const H = rot2('-2', '1.000000000000000000000000000001');
    expect(digitsAgreed(flat(refSteinDiffusion(H, S2, '0.5')), flat(refCoefficients(H, S2, '0.5').diffusion), 70)).toBeGreaterThan(50);
  });

  it('is singular exactly at C10 and at a zero eigenvalue, where the eigenbasis route is fine', () => {
    const err = singularError(() => refSteinDiffusion(rot2('-2', '1'), S2, '0.5'));
    expect(err.message).toMatch(/Stein route/);
    expect(err.detail?.route).toBe('stein'); // decomposition-free: the route cannot name the pair (reference/stein.ts)
    singularError(() => refSteinDiffusion([['0', '0'], ['0', '1']], S2, '0.5'));
    expect(refCoefficients([['0', '0'], ['0', '1']], S2, '0.5').regime).toBe('R');
  });
});

describe('diffusion operator', () => {
  it('is linear in Σ and reproduces refCoefficients (spec/weak.md §2)', () => {
    const ctx = context({ digits: 50 });
    const op = refDiffusionOperator(H2, '0.3', 'hasme');
    const S = S2.map((r) => r.map((x) => new ctx.D(x)));
    const twice = op(S.map((r) => r.map((x) => x.times(2))));
    const once = op(S);
    expect(digitsAgreed(flat(twice).map((z) => z.scale(new ctx.D(0.5))), flat(once), 70)).toBeGreaterThan(50);
    expect(digitsAgreed(flat(once), flat(refCoefficients(H2, S2, '0.3').diffusion), 70)).toBeGreaterThan(50);
    expect(() => refDiffusionOperator([['2']], '0.5', 'hasme')).toThrow(HasmeInputError);
  });

  it('applies to Σ’s symmetric part: an asymmetric Σ gives the Σ̃ of (Σ + Σᵀ)/2', () => {
    const ctx = context({ digits: 50 });
    const op = refDiffusionOperator(H2, '0.3', 'hasme');
    const skewed = [['1', '0.5'], ['0.1', '0.5']].map((r) => r.map((x) => new ctx.D(x)));
    const sym = S2.map((r) => r.map((x) => new ctx.D(x))); // (0.5 + 0.1)/2 = 0.3
    expect(digitsAgreed(flat(op(skewed)), flat(op(sym)), 70)).toBeGreaterThan(50);
  });
});

describe('self-check', () => {
  it('every battery case agrees to at least the requested 30 digits at 30 vs 50', () => {
    const results = refSelfCheck({ digits: 30 });
    for (const r of results) expect(r.digitsAgreed, r.name).toBeGreaterThanOrEqual(30);
  });
});
