/**
 * C7 rank-deficient counterexample (derived, spec/claims.md): log φ is strictly concave on ℝ, so every
 * 2×2 minor of K over distinct real ℓ has negative determinant; for Σ = vvᵀ with weight on two
 * eigenvectors of H with distinct eigenvalues (regime R), Σ̃ is indefinite for EVERY η > 0.
 * Check: rank-1 misaligned Σ, η = 10^−1 … 10^−6 (within regime R): λ_min(Σ̃) < 0, resolved.
 * Precision: λ_min ≈ −η²(a_0 − a_1)² c² s² / 12 to leading order (log φ'' (0) = −1/12), e.g.
 * −1.36e-6 at η = 0.01 and −1.33e-14 at η = 1e-6 for H = diag(1, 0.2), Σ = ½[[1,1],[1,1]]: below
 * double resolution (eps·‖Σ̃‖ ≈ 2e-16 only for the largest η). So Σ̃ comes from the reference at
 * 50 digits and λ_min from the reference eigensolver at 50 digits; a sign counts only when
 * |λ_min| > 1e-40·‖Σ̃‖ (10 digits above the working precision).
 * Σ must be EXACTLY rank 1 as read (numbers are the decimals they print as, spec/protocol.md §2):
 * vvᵀ rounded to doubles has a second eigenvalue of order eps‖v‖², which outweighs λ_min ∝ η² at
 * small η (a false failure at η = 1e-6). So v is rounded to 4 significant decimal digits and
 * Σ_ij = n_i n_j·10^{2e} is parsed from its exact short decimal: Σ is then exactly vvᵀ.
 */
import type { ClaimCheck } from '../../src/claims/types.js';
import { problem, type Problem } from '../arbitraries.js';
import { lambdaMinDecimal, referenceImpl, type HasmeImpl } from '../impl.js';
import { fmt, fro } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem } from './harness.js';

export const C7_ETAS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];

/** The rank-1 problem with Σ = vvᵀ exact as decimals: v = n·10^e with 4-digit integers n (Σ's range). */
export function exactRank1(p: Problem): Problem {
  const v = p.V.map((row) => Math.sqrt(p.sigmaEig[0]) * row[0]);
  const e = Math.floor(Math.log10(Math.max(...v.map(Math.abs)))) - 3;
  const n = v.map((x) => Math.round(x / 10 ** e));
  return { ...p, Sigma: n.map((ni) => n.map((nj) => Number(`${ni * nj}e${2 * e}`))) };
}

export function makeC7(impl: HasmeImpl = referenceImpl()): ClaimCheck {
  return claimCheck(
    'C7',
    'Rank-1 Σ misaligned with H: Σ̃ indefinite at every η > 0 (regime R)',
    `${impl.name}: Σ = vvᵀ with v mixing eigenvectors of distinct eigenvalues; every η in {1e-1, …, 1e-6} inside regime R; λ_min(Σ̃) by the 50-digit reference eigensolver must be < −1e-40·‖Σ̃‖_F. Error column: the largest λ_min/‖Σ̃‖_F seen (negative = indefinite).`,
    () => [
      {
        name: 'λ_min(Σ̃) < 0 for every tried η',
        arb: problem({ target: 'R', commuting: false, sigma: 'rank1', dMax: 3 }).filter(
          // Distinct eigenvalues by a resolvable margin (λ_min scales like η²(a_0 − a_1)²).
          (p) => Math.abs(p.eigH[0] - p.eigH[1]) >= 1e-3 * Math.max(1, Math.abs(p.eigH[0]), Math.abs(p.eigH[1])),
        ).map(exactRank1),
        body: (p: Problem, rec) => {
          labelProblem(p, rec);
          const aMax = Math.max(...p.eigH);
          for (const eta of C7_ETAS) {
            if (aMax > 0 && eta * aMax >= 1) continue; // outside regime R
            rec.label(`eta=${eta}`);
            const St = impl.coefficients(p.H, p.Sigma, eta).diffusion;
            const lam = lambdaMinDecimal(St, 50);
            const rel = lam / fro(St);
            rec.error(rel);
            ensure(rel < -1e-40, () => `Σ̃ not indefinite at η = ${eta}: λ_min/‖Σ̃‖ = ${fmt(rel)}`);
          }
        },
        describeCase,
        request: (p: Problem) => coefficientsRequest(p),
      },
    ],
    0.3, // each case runs up to six 50-digit coefficient and eigenvalue computations
  );
}
