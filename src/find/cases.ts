/**
 * Generators of the cases `hasme find` searches, built from the project's arbitraries
 * (properties/arbitraries.ts) so that shrinking ends in readable cases: small d, halves,
 * identity eigenbases, misalignment π/4 or π/6, round condition numbers, rank-1 Σ.
 */
import fc from 'fast-check';
import {
  conditionNumber,
  fromEigen,
  givens,
  grid,
  basisSpec,
  buildBasis,
  matmul,
  misalignmentAngle,
  pdSpectrum,
  problem,
  roundOrDouble,
  spectrum,
  type Mat,
} from '../../properties/arbitraries.js';

/** A generated case: the problem plus what it was built from, for the readable description. */
export interface FindCase {
  d: number;
  H: Mat;
  Sigma: Mat;
  eta: number;
  /** Eigenvalues of H as constructed. */
  eigH: number[];
  /** Eigenvalues of Σ as constructed (zeros: rank-deficient). */
  sigmaEig: number[];
  /** Misalignment of Σ's eigenbasis against H's in the plane (u_0, u_1), if any. */
  theta?: number;
  /** SGD steps, for moment claims. */
  steps: number;
  x0: number[];
}

const D_MAX = 4;

/**
 * Pairs with ηλ below `etaLambdaMax` (λ = max |a_i| = ‖H‖₂, so every m_i = 1 − ηa_i > 0: regime
 * R), Σ positive definite with κ up to 1e8 or, if `rankDeficient`, also of rank r < d; Σ's
 * eigenbasis is H's rotated by θ in the plane (u_0, u_1).
 */
export function pairCases(etaLambdaMax: number, rankDeficient: boolean): fc.Arbitrary<FindCase> {
  return fc
    .record({
      d: fc.integer({ min: 1, max: D_MAX }),
      a: spectrum(D_MAX, { min: -4, max: 4 }),
      basis: basisSpec(),
      theta: misalignmentAngle(),
      s: pdSpectrum(D_MAX, conditionNumber(1, 1e8)),
      // Rank of Σ: full first (shrinks toward 0 = full), else 1..d−1.
      deficiency: fc.integer({ min: 0, max: rankDeficient ? D_MAX - 1 : 0 }),
      // ηλ in (0, etaLambdaMax): round hundredths first.
      etaLambda: roundOrDouble(0.01, etaLambdaMax - 0.01, 0.01),
    })
    .map(({ d, a, basis, theta, s, deficiency, etaLambda }) => {
      const eigH = a.slice(0, d);
      const rank = Math.max(1, d - deficiency);
      const sigmaEig = s.slice(0, d).map((si, i) => (i < rank ? 1 / si : 0));
      const Ud = buildBasis(basis, d);
      const lambda = Math.max(...eigH.map(Math.abs));
      const eta = lambda > 0 ? etaLambda / lambda : etaLambda;
      const V = d >= 2 ? matmul(Ud, givens(d, 0, 1, theta)) : Ud;
      return {
        d, H: fromEigen(Ud, eigH), Sigma: fromEigen(V, sigmaEig), eta, eigH, sigmaEig,
        ...(d >= 2 ? { theta } : {}), steps: 1, x0: new Array<number>(d).fill(0),
      };
    });
}

/**
 * Problems with ηa_0 = 1 exactly: a_0 = 2^k, η = 2^−k, the other eigenvalues in regime R
 * (m ∈ [0.1, 4]); H = diag(a) in a signed-permutation basis (exact), Σ ≻ 0 diagonal.
 */
export function unitStepCurvatureCases(): fc.Arbitrary<FindCase> {
  return fc
    .record({
      d: fc.integer({ min: 1, max: 3 }),
      k: fc.integer({ min: -2, max: 2 }),
      z: fc.array(roundOrDouble(-3, 0.9, 0.25), { minLength: 2, maxLength: 2 }),
      s: pdSpectrum(3, conditionNumber(1, 100)),
      steps: fc.oneof({ withCrossShrink: true }, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 11, max: 1000 })),
    })
    .map(({ d, k, z, s, steps }) => {
      const eta = 2 ** -k;
      const eigH = [2 ** k, ...z.slice(0, d - 1).map((zi) => zi / eta)];
      const sigmaEig = s.slice(0, d);
      const diag = (v: number[]) => v.map((vi, i) => v.map((_, j) => (i === j ? vi : 0)));
      return { d, H: diag(eigH), Sigma: diag(sigmaEig), eta, eigH, sigmaEig, steps, x0: new Array<number>(d).fill(0) };
    });
}

/** Problems in regime X (some ηa_i ∈ (1.05, 3.5), away from S), any misalignment, Σ ≻ 0. */
export function oscillatoryCases(): fc.Arbitrary<FindCase> {
  return fc
    .record({ p: problem({ target: 'X', sigma: 'pd', dMin: 1, dMax: 3 }), steps: grid(1, 20, 1) })
    .map(({ p, steps }) => ({
      d: p.d, H: p.H, Sigma: p.Sigma, eta: p.eta, eigH: p.eigH, sigmaEig: p.sigmaEig,
      ...(p.theta !== undefined ? { theta: p.theta } : {}), steps, x0: new Array<number>(p.d).fill(0),
    }));
}
