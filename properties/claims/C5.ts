/**
 * C5 commuting ⇒ PSD (spec/claims.md): if HΣ = ΣH, in regime R, Σ̃ = U diag(σ_i φ(2ℓ_i)) Uᵀ with
 * φ(2ℓ) = −2 ln m / (1 − m²) > 0, so Σ̃ ⪰ 0.
 * Proof (spec/claims.md): in a shared eigenbasis Σ̂ is diagonal, so K ∘ Σ̂ is diagonal with entries
 * σ_i K_ii = σ_i φ(2ℓ_i); for real ℓ, φ(z) = z/(1 − e^{−z}) > 0 (numerator and denominator have the
 * sign of z; φ(0) = 1).
 * Oracle: the eigenvalues of Re Σ̃ (double eigensolver) against the closed form σ_i φ(2ℓ_i), here
 * −2·log1p(−z)/(z(2 − z)) with z = ηa (1 at z = 0). Error in units of eps·‖Σ̃‖₂.
 */
import type { ClaimCheck } from '../../src/claims/types.js';
import { problem, type Problem } from '../arbitraries.js';
import type { HasmeImpl } from '../impl.js';
import { EPS, eigSymDouble, fmt, imagRatio, realDoubles } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem } from './harness.js';

/** φ(2ℓ) for ℓ = −log(1 − z), z < 1, without cancellation: −2 log1p(−z) / (z (2 − z)). */
export function phiTwoEll(z: number): number {
  return z === 0 ? 1 : (-2 * Math.log1p(-z)) / (z * (2 - z));
}

export function makeC5(impl: HasmeImpl): ClaimCheck {
  return claimCheck(
    'C5',
    'Commuting H, Σ in regime R ⇒ Σ̃ ⪰ 0 with eigenvalues σ_i φ(2ℓ_i)',
    `${impl.name}: commuting pairs (shared eigenbasis, repeated/clustered eigenvalues, rank-deficient Σ), regime R; eigenvalues of Re Σ̃ vs σ_i φ(2ℓ_i) in units of eps·‖Σ̃‖₂ (tolerance 100·d); λ_min ≥ −tolerance; Im Σ̃ = 0.`,
    () => [
      {
        name: 'Σ̃ ⪰ 0 with eigenvalues σ_i φ(2ℓ_i)',
        arb: problem({ target: 'R', commuting: true, sigma: 'any', structure: 'any', dMax: 6 }),
        body: (p: Problem, rec) => {
          labelProblem(p, rec);
          const St = impl.coefficients(p.H, p.Sigma, p.eta).diffusion;
          ensure(imagRatio(St) <= 1e3 * EPS, () => `Σ̃ has an imaginary part (${fmt(imagRatio(St))} relative) in regime R`);
          const got = eigSymDouble(realDoubles(St));
          const want = p.sigmaEig.map((s, i) => s * phiTwoEll(p.z[i])).sort((x, y) => x - y);
          const scale = Math.max(...want.map(Math.abs), Number.MIN_VALUE);
          const err = Math.max(...got.map((g, i) => Math.abs(g - want[i]))) / (EPS * scale);
          const tol = 100 * p.d;
          rec.error(err, tol);
          ensure(got[0] >= -tol * EPS * scale, () => `negative eigenvalue λ_min(Σ̃) = ${fmt(got[0])} (‖Σ̃‖₂ = ${fmt(scale)})`);
          ensure(err <= tol, () => `eigenvalues of Σ̃ differ from σ_i φ(2ℓ_i) by ${fmt(err)} eps·‖Σ̃‖₂ > ${tol}`);
        },
        describeCase,
        request: (p: Problem) => coefficientsRequest(p),
      },
    ],
  );
}
