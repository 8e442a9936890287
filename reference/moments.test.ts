// SGD moments by recursion vs the eigenbasis closed form (every regime, incl. S and m_i m_j = 1),
// and the OU moments' special cases: steps = 0, β_i + β_j = 0, covariance availability.
import { describe, expect, it } from 'vitest';
import { HasmeInputError } from '../src/errors.js';
import {
  Complex,
  complexOps,
  context,
  realOps,
  refCoefficients,
  refMoments,
  refSgdMomentsClosedForm,
  refSgdMomentsRecursion,
  toComplex,
  type ComplexMatrix,
  type Moments,
} from './index.js';
import { digitsAgreed } from './selfcheck.js';

const flat = (m: Moments): Complex[] => [...m.mean, ...m.pcov.flat()];
const S2 = [['1', '0.3'], ['0.3', '0.5']];
const S3 = [['2', '0.5', '0.1'], ['0.5', '1', '0.2'], ['0.1', '0.2', '1']];
/** Q diag(a) Qᵀ for Q = [[0.6, 0.8], [−0.8, 0.6]] (exact decimal entries). */
function rot2(a: number, b: number): string[][] {
  const h00 = 0.36 * a + 0.64 * b;
  const h11 = 0.64 * a + 0.36 * b;
  const h01 = -0.48 * (b - a);
  return [[h00, h01], [h01, h11]].map((r) => r.map((x) => x.toPrecision(12)));
}

describe('SGD moments: recursion = closed form (spec/models.md §3–§6)', () => {
  const cases: [string, string[][], string[][], string, number][] = [
    ['R, noncommuting', [['2', '0.5'], ['0.5', '-1']], S2, '0.3', 40],
    ['X', [['2', '0.5'], ['0.5', '-1']], S2, '0.8', 25],
    ['S: m_0 = 0', [['2', '0'], ['0', '0.5']], S2, '0.5', 9],
    ['S: pole pair m = −1 (m_i m_j = 1)', [['4', '0'], ['0', '1']], S2, '0.5', 12],
    ['removable: m_i m_j = 1, both positive', rot2(-2, 1), S2, '0.5', 30],
    ['zero eigenvalue (m = 1)', [['0', '0', '0'], ['0', '1', '0.2'], ['0', '0.2', '3']], S3, '0.1', 17],
    ['tiny η', [['2', '0.5'], ['0.5', '-1']], S2, '1e-10', 50],
    // u ~ 1e-40 in the geometric sum: 1 − (1 − u)^k would cancel 40 of the working digits; the
    // log1p/expm1 form keeps them (reference/moments.ts geometricSum).
    ['η = 1e-40', [['2', '0.5'], ['0.5', '-1']], S2, '1e-40', 50],
    ['one step', [['2', '0.5'], ['0.5', '-1']], S2, '0.3', 1],
  ];
  for (const [name, H, S, eta, k] of cases) {
    it(`${name}, k = ${k}`, () => {
      const x0 = H.map((_, i) => String(1 - i / 2));
      const a = refSgdMomentsRecursion(H, S, eta, x0, k);
      const b = refSgdMomentsClosedForm(H, S, eta, x0, k);
      expect(digitsAgreed(flat(a), flat(b), 70)).toBeGreaterThanOrEqual(50);
      // The covariance on its own: in `flat` the mean's norm would hide its digits at tiny η.
      expect(digitsAgreed(a.pcov.flat(), b.pcov.flat(), 70)).toBeGreaterThanOrEqual(50);
      expect(b.cov).toEqual(b.pcov);
    });
  }

  it('steps = 0 gives mean x0 and zero covariance', () => {
    const m = refSgdMomentsClosedForm([['2', '0.5'], ['0.5', '-1']], S2, '0.3', ['1', '2'], 0);
    expect(m.mean.map((z) => z.re.toNumber())).toEqual([1, 2]);
    expect(m.pcov.flat().every((z) => z.isZero())).toBe(true);
  });
});

describe('OU moments', () => {
  it('sme1 with β_i + β_j = 0 (a = ±1): ψ(0) = 1 gives P̂ = η D̂ t exactly', () => {
    const m = refMoments('sme1', [['1', '0'], ['0', '-1']], [['1', '1'], ['1', '1']], '0.1', ['0', '0'], 30);
    // Off-diagonal: η Σ_01 t with t = kη = 3.
    expect(m.pcov[0][1].re.minus('0.3').abs().lte('1e-55')).toBe(true);
  });

  it('cov: null for hasme in X, = pcov for hasme in R with Σ̃ ⪰ 0, complex-conjugate form for spf in X', () => {
    const H = [['2', '0.5'], ['0.5', '-1']];
    expect(refMoments('hasme', H, S2, '0.8', ['1', '1'], 5).cov).toBeNull();
    const r = refMoments('hasme', H, S2, '0.3', ['1', '1'], 5);
    expect(r.cov).toBe(r.pcov);
    const spf = refMoments('spf', H, S2, '0.8', ['1', '1'], 5);
    expect(spf.cov).not.toBeNull();
    // Covariance is Hermitian with a real diagonal ≥ 0.
    for (let i = 0; i < 2; i++) expect(spf.cov![i][i].im.abs().lte('1e-50') && spf.cov![i][i].re.gte(0)).toBe(true);
  });

  it('hasme in R with a rank-one Σ along an eigenvector (C5: Σ̃ ⪰ 0, λ_min = 0 up to rounding) has cov = pcov', () => {
    // The PSD test's zero tolerance scales with max|λ(Σ̃)| (psdTest): λ_min is rounding noise of
    // either sign here, so a tolerance scaled by min|λ| would declare some of these indefinite.
    const H = rot2(1, 2);
    for (const S of [[['0.36', '0.48'], ['0.48', '0.64']], [['0.64', '-0.48'], ['-0.48', '0.36']]]) {
      for (const eta of ['0.1', '0.2', '0.3', '0.45']) {
        const m = refMoments('hasme', H, S, eta, ['1', '0'], 4);
        expect(m.cov, `Σ = ${JSON.stringify(S)}, η = ${eta}`).toEqual(m.pcov);
      }
    }
  });
  it('hasme in R with an indefinite Σ̃ (C7: rank-one Σ across distinct eigenvalues) has cov = null', () => {
    const m = refMoments('hasme', [['1', '0'], ['0', '0.2']], [['0.5', '0.5'], ['0.5', '0.5']], '0.01', ['1', '1'], 3);
    expect(m.cov).toBeNull();
  });

  it('hasme and spf raise in regime S; sgd, sme1 and sme2 do not', () => {
    const H = [['2', '0'], ['0', '0.5']]; // η = 0.5: m_0 = 0
    for (const model of ['hasme', 'spf'] as const) {
      expect(() => refMoments(model, H, S2, '0.5', ['1', '1'], 3)).toThrow(HasmeInputError);
    }
    for (const model of ['sgd', 'sme1', 'sme2'] as const) expect(refMoments(model, H, S2, '0.5', ['1', '1'], 3).mean).toHaveLength(2);
  });

  it('bad steps and x0 are typed errors', () => {
    const H = [['2', '0.5'], ['0.5', '-1']];
    expect(() => refMoments('sgd', H, S2, '0.3', ['1', '1'], -1)).toThrow(/parse: steps/);
    expect(() => refMoments('sgd', H, S2, '0.3', ['1', '1'], 1.5)).toThrow(/parse: steps/);
    expect(() => refMoments('sgd', H, S2, '0.3', ['1'], 2)).toThrow(/shape: x0/);
    expect(() => refMoments('sgd', H, S2, '0.3', ['1', 'abc'], 2)).toThrow(/non-finite: x0\[1\]/);
  });
});

describe('OU moments satisfy their Lyapunov equations (spf, hasme; R and X)', () => {
  // P = η∫₀ᵗ e^{−Bs} D e^{−Bᵀs} ds solves BP + PBᵀ = η(D − E D Eᵀ) and C (with Bᴴ) BC + CBᴴ = the same,
  // where E = e^{−Bt} = (I − ηH)^k (e^{−kℓ_i} = m_i^k), formed here by k matrix products.
  const H: string[][] = [['2', '0.5'], ['0.5', '-1']];
  const ctx = context({ digits: 50 });
  const C = complexOps(ctx);
  const R = realOps(ctx);
  const dec = (M: string[][]) => M.map((r) => r.map((x) => new ctx.D(x)));
  const residualDigits = (B: ComplexMatrix, X: ComplexMatrix, Bt: ComplexMatrix, rhs: ComplexMatrix) =>
    digitsAgreed(C.add(C.mul(B, X), C.mul(X, Bt)).flat(), rhs.flat(), 70);
  const cases: ['spf' | 'hasme', string, number, string[][]][] = [
    ['spf', '0.8', 5, H],
    ['spf', '0.3', 7, H],
    ['hasme', '0.8', 5, H],
    ['hasme', '0.3', 7, H],
    ['spf', '0.5', 4, [['4', '0'], ['0', '1']]],
    ['hasme', '0.9', 3, [['3', '0.5'], ['0.5', '2']]],
  ];
  for (const [model, eta, k, H] of cases) {
    // [['3', '0.5'], ['0.5', '2']] at η = 0.9: both m_i < 0 (−1.88, −0.62), so every entry of K∘Σ̂ is complex.
    // The spf case at H = diag(4, 1) is a pole pair (m_0 = −1): β_0 = −iπ/η, so P_00 = ηΣ_00 ∫₀ᵗ e^{2πis/η} ds = 0 over k periods.
    it(`${model}, η = ${eta}, k = ${k}${H[0][0] === '4' ? ', pole pair m_0 = −1' : ''}`, () => {
      const M = R.sub(R.identity(2), R.scale(dec(H), new ctx.D(eta)));
      let E = R.identity(2);
      for (let r = 0; r < k; r++) E = R.mul(M, E);
      const coef = refCoefficients(H, S2, eta, { model });
      const D = coef.diffusion;
      const Ec = toComplex(E);
      const rhs = C.scale(C.sub(D, C.mul(Ec, C.mul(D, C.transpose(Ec)))), Complex.real(new ctx.D(eta)));
      const m = refMoments(model, H, S2, eta, ['1', '1'], k);
      if (H[0][0] === '4') expect(m.pcov[0][0].abs().lt('1e-50')).toBe(true);
      const B = coef.driftMatrix;
      // Structure is exact, not only to 50 digits: T, B, D and P symmetric (upper triangle mirrored), C Hermitian.
      const exactly = (X: ComplexMatrix, conj: boolean) => X.every((row, i) => row.every((z, j) => z.re.eq(X[j][i].re) && z.im.eq(conj ? X[j][i].im.neg() : X[j][i].im)));
      for (const X of [coef.drift, B, D, m.pcov]) expect(exactly(X, false)).toBe(true);
      if (m.cov) expect(exactly(m.cov, true)).toBe(true);
      expect(residualDigits(B, m.pcov, C.transpose(B), rhs)).toBeGreaterThan(45);
      if (m.cov) expect(residualDigits(B, m.cov, C.adjoint(B), rhs)).toBeGreaterThan(45);
      // cov is undefined only for hasme in X (η = 0.8, 0.9; Σ̃ ⪰ 0 at η = 0.3); spf's in X is not pcov.
      expect(m.cov === null).toBe(model === 'hasme' && eta !== '0.3');
      if (eta === '0.8' && model === 'spf') expect(digitsAgreed(m.cov!.flat(), m.pcov.flat(), 70)).toBeLessThan(10);
      // The mean is E x0.
      expect(digitsAgreed(m.mean, R.mulVec(E, dec([['1', '1']])[0]).map((x) => Complex.real(x)), 70)).toBeGreaterThan(45);
    });
  }
});
