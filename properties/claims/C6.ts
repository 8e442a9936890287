/**
 * C6 small step, Σ ≻ 0 (derived bound, spec/claims.md C6): with E_ij = φ(ℓ_i + ℓ_j) − 1 (regime R),
 *   λ_min(Σ̃) ≥ λ_min(Σ) − max_i Σ̂_ii ‖E‖₂ ≥ λ_min(Σ) − max_i Σ̂_ii ‖F‖₂,  F_ij = φ(|ℓ_i| + |ℓ_j|) − 1.
 * Proof (spec/claims.md C6): Σ̃ = U (Σ̂ + E ∘ Σ̂) Uᵀ; Schur's bound ‖E ∘ Σ̂‖₂ ≤ max_i Σ̂_ii ‖E‖₂ for
 * Σ̂ ⪰ 0; Weyl's inequality. |E_ij| ≤ F_ij because φ(−u) = φ(u) − u and φ(u) ≥ 1 + u/2; F ≥ 0 grows
 * entrywise with η (|ℓ_i| does), so ‖F(η)‖₂ is nondecreasing (Perron–Frobenius) and the η where the
 * F-condition holds form an interval (0, η_F]. ‖E(η)‖₂ is not monotone when H has eigenvalues of
 * both signs; η_b is the first crossing of the E-condition, and Σ̃ ⪰ 0 on (0, η_b] by definition.
 * Checks: (1) no violation of either bound at generated η, and ‖E‖₂ ≤ ‖F‖₂ there; (2) Σ̃ ⪰ 0 at η_F
 * and at η_b (bisection from η_F); the E-condition is evaluated on a 64-point grid in [η_F, η_b]
 * (measured: did η_b's bisection find the first crossing?); (3) tightness: measured η₀ (first loss of
 * PSD, scan ×2 then 30 bisection steps) over η_b, reported in the notes.
 * E and F are evaluated here in closed form (log1p/expm1, real ℓ): an independent oracle.
 */
import fc from 'fast-check';
import type { ClaimCheck, ClaimOutcome, CheckOptions } from '../../src/claims/types.js';
import { matmul, problem, transpose, type Problem } from '../arbitraries.js';
import type { HasmeImpl } from '../impl.js';
import { EPS, eigSymDouble, fmt, norm2Sym, realDoubles } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem } from './harness.js';

/**
 * φ(s) − 1 for real s, φ(s) = s / (1 − e^{−s}), without cancellation: for |s| < 0.1 the Bernoulli
 * series s/2 + s²/12 − s⁴/720 + s⁶/30240 − s⁸/1209600 (truncation < 1e-17 relative), else directly
 * (relative error ≤ eps/(|s|/2) < 5e-15). Computing φ(s) − 1 directly at |s| = 1e-12 left ~4 digits,
 * and ‖E‖₂ ≤ ‖F‖₂ (equal to ~s²/12 relative) failed on rounding alone (seed 12345, 1000 runs).
 */
function phiMinus1(s: number): number {
  if (Math.abs(s) >= 0.1) return s / -Math.expm1(-s) - 1;
  const s2 = s * s;
  return s / 2 + s2 * (1 / 12 + s2 * (-1 / 720 + s2 * (1 / 30240 - s2 / 1209600)));
}

/** ‖E(η)‖₂ (E_ij = φ(ℓ_i + ℓ_j) − 1) or, with `majorant`, ‖F(η)‖₂ (F_ij = φ(|ℓ_i| + |ℓ_j|) − 1), regime R. */
function kernelNorm(p: Problem, eta: number, majorant = false): number {
  const ell = p.eigH.map((a) => -Math.log1p(-eta * a));
  const s = majorant ? ell.map(Math.abs) : ell;
  return norm2Sym(s.map((li) => s.map((lj) => phiMinus1(li + lj))));
}

/** The right side of the bound at step size η: λ_min(Σ) − max_i Σ̂_ii ‖E‖₂ (‖F‖₂ with `majorant`), regime R. */
export function c6Bound(p: Problem, eta: number, majorant = false): number {
  return Math.min(...p.sigmaEig) - maxDiagHat(p) * kernelNorm(p, eta, majorant);
}

/** max_i Σ̂_ii (≥ λ_min(Σ)): the scale of both terms of the bound near its crossing. */
function maxDiagHat(p: Problem): number {
  const Shat = matmul(transpose(p.U), matmul(p.Sigma, p.U));
  return Math.max(...Shat.map((row, i) => row[i]));
}

/** Points of the grid check between η_F and η_b (log-spaced). */
const GRID = 64;

/** Upper end of the η range in regime R (exclusive): 1/a_max, or 10/max|a| when no a_i > 0. */
function etaRegimeR(p: Problem): number {
  const aMax = Math.max(...p.eigH);
  if (aMax > 0) return 1 / aMax;
  const s = Math.max(...p.eigH.map(Math.abs));
  return s > 0 ? 10 / s : 1;
}

/**
 * Where the η scans stop inside regime R: m_max = 1 − η a_max ≥ 1e-6·max(1, η_R‖H‖) (at most half
 * way), clear of implementations' singular-set tolerances, which scale with η‖H‖·eps.
 */
function endOfScan(p: Problem, etaR: number): number {
  const normH = Math.max(...p.eigH.map(Math.abs));
  return etaR * (1 - Math.min(0.5, 1e-6 * Math.max(1, etaR * normH)));
}

/** Largest η in (0, hi) with f(η) ≥ 0, for f decreasing through 0 (bisection on a log scale). */
function lastNonNegative(f: (eta: number) => boolean, lo: number, hi: number, steps: number): number {
  for (let i = 0; i < steps; i++) {
    const mid = Math.sqrt(lo) * Math.sqrt(hi); // no overflow of lo·hi
    if (f(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function makeC6(impl: HasmeImpl): ClaimCheck {
  let ratios: number[] = [];
  let grid = { cases: 0, firstCrossing: 0 };
  const lamMin = (p: Problem, eta: number) => {
    const St = realDoubles(impl.coefficients(p.H, p.Sigma, eta).diffusion);
    const e = eigSymDouble(St);
    const norm = Math.max(...e.map(Math.abs), Number.MIN_VALUE);
    return { min: e[0], norm, tol: 100 * p.d * EPS * norm };
  };
  const inner = claimCheck(
    'C6',
    'Σ ≻ 0, regime R: λ_min(Σ̃) ≥ λ_min(Σ) − max Σ̂_ii ‖E‖₂ (PSD for η ≤ η_b)',
    `${impl.name}: non-commuting Σ ≻ 0 with κ(Σ) up to 1e6, regime R; error = bound violation in units of eps·‖Σ̃‖₂ (tolerance 100·d, ≤ 0 means no violation).`,
    () => [
      {
        name: 'no violation of the bound, Σ̃(η_b) ⪰ 0, tightness η₀/η_b',
        arb: fc.record({ p: problem({ target: 'R', commuting: false, sigma: 'pd', dMax: 4 }) }),
        body: ({ p }: { p: Problem }, rec) => {
          labelProblem(p, rec);
          const at = lamMin(p, p.eta);
          const bound = c6Bound(p, p.eta);
          const viol = (bound - at.min) / (EPS * at.norm);
          rec.error(viol, 100 * p.d);
          ensure(at.min >= bound - at.tol, () => `λ_min(Σ̃) = ${fmt(at.min)} below the bound ${fmt(bound)} at η = ${p.eta}`);
          const nE = kernelNorm(p, p.eta);
          const nF = kernelNorm(p, p.eta, true);
          ensure(nE <= nF * (1 + 1e3 * EPS), () => `‖E‖₂ = ${fmt(nE)} above its majorant ‖F‖₂ = ${fmt(nF)} at η = ${p.eta}`);
          const etaR = etaRegimeR(p);
          if (!(c6Bound(p, etaR * 1e-12, true) > 0)) {
            // The bound above was asserted; its η_b does not exist when λ_min(Σ) is at round-off level.
            rec.label('no η_b: λ_min(Σ) at round-off');
            return;
          }
          const etaEnd = endOfScan(p, etaR);
          // η_F: the F-condition is monotone, so bisection finds the end of its interval exactly.
          const etaF = lastNonNegative((eta) => c6Bound(p, eta, true) >= 0, etaR * 1e-12, etaEnd, 60);
          const atF = lamMin(p, etaF);
          ensure(atF.min >= -atF.tol, () => `Σ̃ not PSD at the majorant's η_F = ${fmt(etaF)}: λ_min = ${fmt(atF.min)}`);
          const etaB = lastNonNegative((eta) => c6Bound(p, eta) >= 0, etaF, etaEnd, 60);
          const atB = lamMin(p, etaB);
          ensure(atB.min >= -atB.tol, () => `Σ̃ not PSD at the bound's η_b = ${fmt(etaB)}: λ_min = ${fmt(atB.min)}`);
          grid.cases++;
          // Rounding of the bound's two terms: 1e3·d·eps·max Σ̂_ii.
          const slack = 1e3 * p.d * EPS * maxDiagHat(p);
          if (Array.from({ length: GRID }, (_, j) => etaF * (etaB / etaF) ** (j / (GRID - 1))).every((eta) => c6Bound(p, eta) >= -slack)) grid.firstCrossing++;
          // Measured η₀: scan ×2 from η_b, then bisection.
          let lo = etaB;
          let hi = etaEnd;
          for (let eta = etaB * 2; eta < hi; eta *= 2) {
            if (lamMin(p, eta).min < 0) {
              hi = eta;
              break;
            }
            lo = eta;
          }
          const psdThroughout = lamMin(p, hi).min >= 0;
          const eta0 = psdThroughout ? hi : lastNonNegative((eta) => lamMin(p, eta).min >= 0, lo, hi, 30);
          rec.label(psdThroughout ? 'PSD throughout R' : 'PSD lost inside R');
          ratios.push(eta0 / etaB);
          ensure(eta0 >= etaB * (1 - 1e-9), () => `measured η₀ = ${fmt(eta0)} below the bound's η_b = ${fmt(etaB)}`);
        },
        describeCase: ({ p }: { p: Problem }) => describeCase(p),
        request: ({ p }: { p: Problem }) => coefficientsRequest(p),
      },
    ],
  );
  return {
    ...inner,
    async run(options: CheckOptions): Promise<ClaimOutcome> {
      ratios = [];
      grid = { cases: 0, firstCrossing: 0 };
      const out = await inner.run(options);
      out.notes += ` The E-condition held on the ${GRID}-point grid in [η_F, η_b] in ${grid.firstCrossing} of ${grid.cases} cases (measured: η_b is the first crossing).`;
      if (ratios.length) {
        const s = [...ratios].sort((x, y) => x - y);
        out.notes += ` Tightness η₀/η_b over ${s.length} cases: min ${s[0].toPrecision(3)}, median ${s[s.length >> 1].toPrecision(3)}, max ${s[s.length - 1].toPrecision(3)} (η₀ capped at the end of the scan, m_max = 1e-6·max(1, η‖H‖) inside regime R).`;
      }
      return out;
    },
  };
}
