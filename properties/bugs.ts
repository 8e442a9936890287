/**
 * Injected bugs for the claim × bug matrix (spec/claims.md "Claim × bug matrix"): each bug turns a
 * working {@link HasmeImpl} into a broken one through the seam, the way a plausible coding error
 * would. `claims` lists the claims whose checks are expected to catch it (asserted by
 * properties/bugMatrix.test.ts); the matrix itself records every claim's verdict.
 *
 * `impl(base)` wraps `base` (default: the double library). A bug that only makes sense in double
 * precision ignores `base` and returns a library-level implementation; the matrix then keeps the
 * true reference for the reference-level parts of the checks (properties/bugMatrix.ts).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { ClaimId } from '../src/claims/types.js';
import { HasmeInputError } from '../src/errors.js';
import type { Complex, ComplexMatrix } from '../reference/index.js';
import { fromDoubles, libraryImpl, realToC, type Coeffs, type HasmeImpl } from './impl.js';
import type { Mat } from './arbitraries.js';
import { C, cnum } from './claims/compare.js';

export interface Bug {
  id: string;
  description: string;
  /** Claims whose checks catch this bug (each of C1–C13 is caught by at least one bug). */
  claims: ClaimId[];
  /** Cases per claim check in the claim × bug matrix, for a bug that shows only on inputs the first cases rarely reach. */
  matrixRuns?: number;
  impl(base?: HasmeImpl): HasmeImpl;
}

const conj = (A: ComplexMatrix): ComplexMatrix => A.map((row) => row.map((z: Complex) => z.conj()));

/** H = U diag(a) Uᵀ in double (ml-matrix; the bugs' own eigenbasis, not the implementation's). */
function eigenbasis(H: Mat): { a: number[]; U: Mat } {
  const e = new EigenvalueDecomposition(new Matrix(H), { assumeSymmetric: true });
  return { a: e.realEigenvalues, U: e.eigenvectorMatrix.to2DArray() };
}

/** U (K ∘ (UᵀΣU)) Uᵀ in double for a real kernel K_ij = kernel(a_i, a_j). */
function assemble(H: Mat, Sigma: Mat, kernel: (ai: number, aj: number) => number): ComplexMatrix {
  const { a, U } = eigenbasis(H);
  const d = a.length;
  const Ut = new Matrix(U).transpose();
  const hat = Ut.mmul(new Matrix(Sigma)).mmul(new Matrix(U));
  const KS = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) KS.set(i, j, kernel(a[i], a[j]) * hat.get(i, j));
  const out = new Matrix(U).mmul(KS).mmul(Ut);
  return fromDoubles(out.to1DArray(), null, d, d);
}

/** `base` with its HA-SME coefficients replaced by `f(base's coefficients, inputs)`. */
function withCoefficients(
  base: HasmeImpl,
  name: string,
  f: (c: Coeffs, H: Mat, Sigma: Mat, eta: number) => Partial<Coeffs>,
): HasmeImpl {
  return {
    ...base,
    name: `${base.name}, broken: ${name}`,
    coefficients: (H, Sigma, eta, model = 'hasme') => {
      const c = base.coefficients(H, Sigma, eta, model);
      return model === 'hasme' ? { ...c, ...f(c, H, Sigma, eta) } : c;
    },
  };
}

/** `base` with the moments of the SDE models (not SGD) passed through `f`. */
function withSdeMoments(base: HasmeImpl, name: string, f: NonNullable<HasmeImpl['moments']>): HasmeImpl {
  return {
    ...base,
    name: `${base.name}, broken: ${name}`,
    moments: (model, H, Sigma, eta, x0, steps) => (model === 'sgd' ? base.moments(model, H, Sigma, eta, x0, steps) : f(model, H, Sigma, eta, x0, steps)),
  };
}

/** Regime R in double: every m_i = 1 − ηa_i > 0 (the bugs below that assemble Σ̃ themselves stay there). */
const inR = (H: Mat, eta: number): boolean => eigenbasis(H).a.every((a) => 1 - eta * a > 0);

const scaled = (A: ComplexMatrix, s: number): ComplexMatrix => C.scale(A, cnum(s));

const lib = (base?: HasmeImpl): HasmeImpl => base ?? libraryImpl();

export const BUGS: Bug[] = [
  {
    id: 'sigma-for-sigma-tilde',
    description: 'the diffusion is Σ itself (SPF’s), not Σ̃',
    claims: ['C2', 'C5', 'C7', 'C8', 'C11', 'C13'],
    impl: (base) => withCoefficients(lib(base), 'Σ instead of Σ̃', (_c, _H, Sigma) => ({ diffusion: realToC(Sigma) })),
  },
  {
    id: 'wrong-log-branch',
    description: 'the drift uses ℓ = −ln|m| + iπ (conjugate branch) while Σ̃ keeps the principal one',
    claims: ['C2', 'C8'],
    impl: (base) => withCoefficients(lib(base), '+iπ log branch in the drift', (c) => ({ drift: conj(c.drift), driftMatrix: conj(c.driftMatrix) })),
  },
  {
    id: 'transposed-eigenvectors',
    description: 'Σ̃ assembled with Uᵀ in place of U (rows of U taken as eigenvectors)',
    claims: ['C2'],
    // Invisible while H's eigenvector matrix is symmetric (d = 1, diagonal H, the 2×2 swap), as it
    // is in most of the first, simplest cases: 20 cases reach a rotated H (measured over 6 seeds).
    matrixRuns: 20,
    impl: (base) =>
      withCoefficients(lib(base), 'Uᵀ for U in Σ̃', (_c, H, Sigma, eta) => {
        const { a, U } = eigenbasis(H);
        const Ut = new Matrix(U).transpose();
        const Hswapped = Ut.transpose().mmul(Matrix.diag(a)).mmul(Ut).to2DArray();
        const sym = Hswapped.map((row, i) => row.map((x, j) => (x + Hswapped[j][i]) / 2));
        return { diffusion: lib(base).coefficients(sym, Sigma, eta).diffusion };
      }),
  },
  {
    id: 'unsymmetrized-correction',
    description: 'Σ̃ carries the first-order term ηHΣ instead of (η/2)(HΣ + ΣH): Σ̃ + (η/2)(HΣ − ΣH), not symmetric',
    claims: ['C2', 'C12'],
    impl: (base) =>
      withCoefficients(lib(base), 'ηHΣ for (η/2)(HΣ + ΣH)', (c, H, Sigma, eta) => {
        const Hc = realToC(H);
        const Sc = realToC(Sigma);
        const commutator = C.sub(C.mul(Hc, Sc), C.mul(Sc, Hc));
        return { diffusion: C.add(c.diffusion, C.scale(commutator, cnum(eta / 2))) };
      }),
  },
  {
    id: 'drift-matrix-is-T',
    description: 'the reported driftMatrix is the drift factor T, not B = TH',
    claims: ['C2', 'C8'],
    impl: (base) => withCoefficients(lib(base), 'driftMatrix = T', (c) => ({ driftMatrix: c.drift })),
  },
  {
    id: 'dropped-eta-in-moments',
    description: 'the SDE (pseudo-)covariance lacks the factor η of the diffusion sqrt(η D)',
    claims: ['C3', 'C4', 'C8'],
    impl: (base) =>
      withSdeMoments(lib(base), 'pcov without the factor η', (model, H, Sigma, eta, x0, steps) => {
        const m = lib(base).moments(model, H, Sigma, eta, x0, steps);
        return { ...m, pcov: scaled(m.pcov, 1 / eta), cov: m.cov && scaled(m.cov, 1 / eta) };
      }),
  },
  {
    id: 'off-by-one-steps',
    description: 'SDE moments are evaluated at t = (k + 1)η instead of kη',
    claims: ['C1', 'C3', 'C4', 'C8'],
    impl: (base) => withSdeMoments(lib(base), 'moments at k + 1 steps', (model, H, Sigma, eta, x0, steps) => lib(base).moments(model, H, Sigma, eta, x0, steps + 1)),
  },
  {
    id: 'cov-is-pcov-in-X',
    description: 'in regime X the covariance is reported and set to the pseudo-covariance',
    claims: ['C8'],
    impl: (base) =>
      withSdeMoments(lib(base), 'cov = pcov in X', (model, H, Sigma, eta, x0, steps) => {
        const m = lib(base).moments(model, H, Sigma, eta, x0, steps);
        return model === 'hasme' && lib(base).coefficients(H, Sigma, eta).regime === 'X' ? { ...m, cov: m.pcov } : m;
      }),
  },
  {
    id: 'missing-singular-error',
    description: 'on the singular set HA-SME returns the numbers at η(1 − 2^−30) instead of raising',
    claims: ['C9'],
    impl: (base) => {
      const b = lib(base);
      const nudged = <T>(f: (eta: number) => T, eta: number): T => {
        try {
          return f(eta);
        } catch (err) {
          if (err instanceof HasmeInputError && err.code === 'singular') return f(eta * (1 - 2 ** -30));
          throw err;
        }
      };
      return {
        ...b,
        name: `${b.name}, broken: no singular error`,
        coefficients: (H, Sigma, eta, model) => nudged((e) => b.coefficients(H, Sigma, e, model), eta),
        moments: (model, H, Sigma, eta, x0, steps) => (model === 'sgd' ? b.moments(model, H, Sigma, eta, x0, steps) : nudged((e) => b.moments(model, H, Sigma, e, x0, steps), eta)),
      };
    },
  },
  {
    id: 'naive-phi',
    description: 'K_ij = (ℓ_i + ℓ_j)/(1 − m_i m_j) evaluated naively in double (0/0 at the removable point C10)',
    claims: ['C10'],
    impl: () =>
      withCoefficients(libraryImpl(), 'naive φ quotient', (c, H, Sigma, eta) => {
        if (!inR(H, eta)) return c;
        const naive = (ai: number, aj: number) => {
          const mi = 1 - eta * ai;
          const mj = 1 - eta * aj;
          return -(Math.log(mi) + Math.log(mj)) / (1 - mi * mj);
        };
        return { diffusion: assemble(H, Sigma, naive) };
      }),
  },
  {
    id: 'kernel-on-drift-rates',
    description: 'K_ij = φ(β_i + β_j) with β = ℓ/η (a dropped factor η inside φ)',
    claims: ['C6'],
    impl: () =>
      withCoefficients(libraryImpl(), 'φ of β_i + β_j', (c, H, Sigma, eta) => {
        if (!inR(H, eta)) return c;
        const phi = (s: number) => (s === 0 ? 1 : s / -Math.expm1(-s));
        const beta = (a: number) => -Math.log1p(-eta * a) / eta;
        return { diffusion: assemble(H, Sigma, (ai, aj) => phi(beta(ai) + beta(aj))) };
      }),
  },
  {
    id: 'drift-matrix-offdiagonal-sign',
    description: 'the reported drift matrix B has the sign of its (0,1) and (1,0) entries flipped; the moments are right',
    claims: ['C1'],
    impl: (base) =>
      withCoefficients(lib(base), 'B with flipped off-diagonal', (c) => ({
        driftMatrix: c.driftMatrix.map((row, i) => row.map((z, j) => (i + j === 1 ? z.neg() : z))),
      })),
  },
  {
    id: 'drift-matrix-is-H',
    description: 'the reported drift matrix B is H (SME-1’s) instead of TH; the moments are right',
    claims: ['C1'],
    impl: (base) => withCoefficients(lib(base), 'B = H', (_c, H) => ({ driftMatrix: realToC(H) })),
  },
  {
    id: 'shared-power-off-by-one',
    description: 'every model, SGD included, evaluates its moments after k − 1 steps (one shared M^(k−1))',
    claims: ['C1', 'C3', 'C4'],
    impl: (base) => {
      const b = lib(base);
      return { ...b, name: `${b.name}, broken: k − 1 steps everywhere`, moments: (model, H, Sigma, eta, x0, steps) => b.moments(model, H, Sigma, eta, x0, Math.max(0, steps - 1)) };
    },
  },
  {
    id: 'shared-noise-eta-not-squared',
    description: 'every model, SGD included, scales its (pseudo-)covariance by η instead of η² (noise ηΣ per step)',
    claims: ['C3', 'C4'],
    impl: (base) => {
      const b = lib(base);
      return {
        ...b,
        name: `${b.name}, broken: ηΣ noise everywhere`,
        moments: (model, H, Sigma, eta, x0, steps) => {
          const m = b.moments(model, H, Sigma, eta, x0, steps);
          return { ...m, pcov: scaled(m.pcov, 1 / eta), cov: m.cov && scaled(m.cov, 1 / eta) };
        },
      };
    },
  },
  {
    id: 'eigenbasis-dependent',
    description: 'inside a repeated eigenvalue of H, Σ̃ gains 1e-3·u_i (UᵀΣU)_ii u_iᵀ for the eigenvectors u_i ml-matrix picks (basis-dependent)',
    // properties/oracleBugs.test.ts also checks that C12 catches it at 40 cases, whatever the matrix's 3 cases draw.
    claims: ['C12', 'C13'],
    impl: (base) =>
      withCoefficients(lib(base), 'eigenbasis-dependent Σ̃', (c, H, Sigma) => {
        const { a, U } = eigenbasis(H);
        const scale = Math.max(...a.map(Math.abs));
        const repeated = a.map((ai, i) => a.some((aj, j) => j !== i && Math.abs(ai - aj) <= 1e-12 * scale));
        if (!repeated.some(Boolean)) return c;
        const Um = new Matrix(U);
        const hat = Um.transpose().mmul(new Matrix(Sigma)).mmul(Um);
        const diag = Matrix.diag(a.map((_, i) => (repeated[i] ? hat.get(i, i) : 0)));
        return { diffusion: C.add(c.diffusion, scaled(realToC(Um.mmul(diag).mmul(Um.transpose()).to2DArray()), 1e-3)) };
      }),
  },
  {
    id: 'sme2-drift-sign',
    description: 'SME-2’s drift factor is I − (η/2)H instead of I + (η/2)H',
    claims: [],
    impl: (base) => {
      const b = lib(base);
      return {
        ...b,
        name: `${b.name}, broken: SME-2 drift sign`,
        coefficients: (H, Sigma, eta, model = 'hasme') => {
          const c = b.coefficients(H, Sigma, eta, model);
          if (model !== 'sme2') return c;
          const one = b.coefficients(H, Sigma, eta, 'sme1');
          // I − (η/2)H = 2I − (I + (η/2)H); B = (I − (η/2)H)H = 2H − B_sme2.
          const twice = (A: ComplexMatrix, S: ComplexMatrix) => C.sub(C.scale(A, cnum(2)), S);
          return { ...c, drift: twice(one.drift, c.drift), driftMatrix: twice(one.driftMatrix, c.driftMatrix) };
        },
      };
    },
  },
];
