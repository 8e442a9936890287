/**
 * The decision "is Σ̃ ⪰ 0?" behind HA-SME's covariance in regime R (C4, C7; spec/numerics.md
 * "Is the covariance defined?"): outside the band |λ_min(Σ̃)| ≤ τ̃ = 8·d·eps·‖Σ̃‖₂·κ the sign of
 * λ_min decides; inside it, structure decides (Σ̃ is indefinite iff H couples Σ's null space to its
 * range). Every case is placed by the 34-digit reference, with τ̃ computed by the test (κ from the
 * reference, test/differential.support.ts), on both sides of each edge, and again for sΣ: Σ̃ is
 * linear in Σ and τ̃ scales with ‖Σ̃‖, so the decision must not depend on s.
 */
import { describe, expect, it } from 'vitest';
import { refHasmePsdTest } from '../reference/index.js';
import { moments } from '../src/index.js';
import { referenceCondition, refSpectrum } from '../properties/claims/referenceCondition.js';

const SCALES = [1e-8, 1, 1e8];
const scaled = (S: number[][], s: number) => S.map((r) => r.map((x) => x * s));

/** The library's decision: is cov (defined iff Σ̃ ⪰ 0) non-null? */
function libraryPsd(H: number[][], Sigma: number[][], eta: number): boolean {
  return moments('hasme', { H, Sigma, eta, x0: H.map(() => 1) }, 2).cov !== null;
}

/** λ_min(Σ̃) and τ̃ = 8·d·eps·max|λ(Σ̃)|·κ, both from the reference. */
function placed(H: number[][], Sigma: number[][], eta: number): { lmin: number; tau: number } {
  const t = refHasmePsdTest(H, Sigma, eta, { digits: 34 });
  const pb = { H, Sigma, eta };
  const kappa = referenceCondition('hasme', pb, refSpectrum(pb));
  return { lmin: t.min.toNumber(), tau: 8 * H.length * Number.EPSILON * t.top.toNumber() * kappa };
}

const COUPLED = [[1, 0.5], [0.5, 2]];

describe('Σ̃ ⪰ 0 decision inside the band: structure (C7)', () => {
  const cases: [string, number[][], number[][], boolean][] = [
    ['Σ rank one, H couples its null space (λ_min ≈ −(η²/12)·|H_NR|²·S, in band): indefinite', COUPLED, [[1, 0], [0, 0]], false],
    ['Σ rank one commuting with H (λ_min = 0 exactly): PSD', [[1, 0], [0, 2]], [[1, 0], [0, 0]], true],
    ['H_RN = 1e−13, above rounding (7e−15): indefinite', [[1, 1e-13], [1e-13, 2]], [[1, 0], [0, 0]], false],
    ['H_RN = 1e−16, within rounding: counts as uncoupled, PSD', [[1, 1e-16], [1e-16, 2]], [[1, 0], [0, 0]], true],
    ['Σ = diag(1, 1e−17), a numerical null space, coupled: indefinite', COUPLED, [[1, 0], [0, 1e-17]], false],
  ];
  for (const [name, H, Sigma, psd] of cases) {
    it(name, () => {
      const eta = 1e-7;
      const { lmin, tau } = placed(H, Sigma, eta);
      expect(Math.abs(lmin), 'the case lies in the band').toBeLessThanOrEqual(tau);
      for (const s of SCALES) expect(libraryPsd(H, scaled(Sigma, s), eta), `Σ scaled by ${s}`).toBe(psd);
    });
  }
});

/**
 * Σ(c) = diag(1 + c, c) = diag(1, 0) + cI is full rank for c > 0 (no null space: structure alone
 * would say PSD) and H couples; λ_min(Σ̃(c)) increases with c (Σ̃(I) = U diag(φ(2ℓ_i)) Uᵀ ≻ 0 in
 * regime R) and crosses 0, so c is found by bisection on the reference's λ_min.
 */
const sigmaOf = (c: number) => [[1 + c, 0], [0, c]];
/** [label, H, η, an upper bracket of c]. */
const EDGE_CASES: [string, number[][], number, number][] = [
  ['κ ≈ 1 (η = 1e−3)', COUPLED, 1e-3, 1e-6],
  // H = R diag(0.5, 990) Rᵀ, R = [[0.6, −0.8], [0.8, 0.6]]: m_1 = 1 − ηa_1 = 0.01, so
  // κ ≈ 1 + η‖H‖₂/|m_1| ≈ 100 and a τ̃ without κ would misplace the band.
  ['κ ≈ 100 (η a_1 = 0.99)', [[633.78, -474.96], [-474.96, 356.72]], 1e-3, 1],
];

for (const [label, H, eta, bracket] of EDGE_CASES) {
  describe(`Σ̃ ⪰ 0 decision at the band edges, ${label}: the sign of λ_min (C4, C7)`, () => {
    /** The double c with λ_min(Σ̃(c)) = factor·τ̃(c) (τ̃ grows slowly with c). */
    function cFor(factor: number): number {
      let lo = 0, hi = bracket;
      for (let it = 0; it < 52; it++) {
        const mid = (lo + hi) / 2;
        const { lmin, tau } = placed(H, sigmaOf(mid), eta);
        if (lmin < factor * tau) lo = mid;
        else hi = mid;
      }
      return hi;
    }
    const edges: [string, number, boolean][] = [
      ['λ_min = −4τ̃ (below the band): indefinite, cov null', -4, false],
      ['λ_min = −τ̃/4 (inside; Σ full rank, no null space): PSD by the band rule', -0.25, true],
      ['λ_min = +τ̃/4 (inside): PSD', 0.25, true],
      ['λ_min = +4τ̃ (above the band): PSD', 4, true],
    ];
    for (const [name, factor, psd] of edges) {
      it(name, () => {
        const c = cFor(factor);
        expect(c, 'c inside the bracket').toBeLessThan(bracket);
        const { lmin, tau } = placed(H, sigmaOf(c), eta);
        expect(Math.abs(lmin / (factor * tau) - 1), 'bisection placed λ_min').toBeLessThanOrEqual(0.05);
        for (const s of SCALES) expect(libraryPsd(H, scaled(sigmaOf(c), s), eta), `Σ scaled by ${s}`).toBe(psd);
      });
    }
  });
}
