/**
 * C10 removable singularity (spec/claims.md): if m_i m_j = 1 with both positive (a_j < 0,
 * a_i = −a_j/(1 − ηa_j)), then ℓ_i + ℓ_j = 0 and K_ij = φ(0) = 1 exactly; Σ̃ is analytic there.
 * Proof (spec/claims.md): ℓ_i + ℓ_j = −ln(m_i m_j) = 0 and φ(z) = z/(1 − e^{−z}) extends
 * analytically to z = 0 with φ(0) = 1 (its only singularities are z = 2πik, k ≠ 0).
 * Checks: (1) exactly at the point (exact construction), (UᵀΣ̃U)_01 = (UᵀΣU)_01 to 40 digits in
 * the reference; (2) continuity: offsets δ of 1e-13 … 1e-4 in ℓ change Σ̃ by at most
 * 10·|δ|·‖Σ‖/‖Σ̃‖ (relative): 0 < φ′ < 1 on ℝ (φ′ rises from 0 through ½ at 0 to 1), so each entry
 * of K moves by less than 2|δ|, and 10 leaves a factor 5 for the first-order offset (spec/claims.md
 * C10); (3) accuracy of a second implementation
 * (the double library, or an outside implementation with unit roundoff u) against the reference at
 * and near the point: relative Frobenius error in units of u·κ, κ the condition estimate of
 * spec/numerics.md ("Error model") computed by the check from the reference's spectral data (never
 * the implementation's own), ≤ 1e3.
 */
import type { ClaimCheck } from '../../src/claims/types.js';
import { fromEigen, problem, transpose, type Problem } from '../arbitraries.js';
import { realToC, type HasmeImpl } from '../impl.js';
import { C, fmt, fro, relErr } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem, type PropertySpec } from './harness.js';
import { referenceCondition } from './referenceCondition.js';
import { exactTolerance } from './tolerance.js';

/** The same problem exactly at the removable point: z_0 = 1 − μ with μ = 1/(1 − z_1) (powers of two). */
export function atRemovablePoint(p: Problem): Problem {
  const mu = 1 / (1 - p.z[1]);
  const z = [1 - mu, ...p.z.slice(1)];
  const eigH = z.map((zi) => zi / p.eta);
  return { ...p, z, eigH, H: fromEigen(p.U, eigH), removableOffset: 0 };
}

export function makeC10(reference: HasmeImpl, other?: HasmeImpl): ClaimCheck {
  const tol = exactTolerance(reference);
  const arb = problem({ target: 'removable', commuting: false, sigma: 'any', dMax: 3 });
  const specs: PropertySpec<Problem>[] = [
    {
      name: 'K_01 = 1 exactly at the point',
      arb,
      body: (p0, rec) => {
        const p = atRemovablePoint(p0);
        labelProblem(p, rec);
        const U = realToC(p.U);
        const Ut = realToC(transpose(p.U));
        const St = C.mul(Ut, C.mul(reference.coefficients(p.H, p.Sigma, p.eta).diffusion, U));
        const Sh = C.mul(Ut, C.mul(realToC(p.Sigma), U));
        const err = St[0][1].sub(Sh[0][1]).abs().div(Sh[0][0].abs().plus(Sh[1][1].abs())).toNumber();
        if (!other) rec.error(err, tol);
        ensure(err <= tol, () => `(UᵀΣ̃U)_01 = ${St[0][1].re.toString().slice(0, 20)} but (UᵀΣU)_01 = ${Sh[0][1].re.toString().slice(0, 20)} (K_01 ≠ 1): ${fmt(err)}`);
      },
      describeCase: (p) => describeCase(atRemovablePoint(p)),
      request: (p) => coefficientsRequest(atRemovablePoint(p)),
    },
    {
      name: 'continuity across the point',
      arb,
      body: (p, rec) => {
        labelProblem(p, rec);
        rec.label(`offset=${(p.removableOffset ?? 0).toExponential(0)}`);
        const S0 = reference.coefficients(...args(atRemovablePoint(p))).diffusion;
        const S1 = reference.coefficients(...args(p)).diffusion;
        const lip = 10 * (p.removableOffset ?? 0) * (fro(realToC(p.Sigma)) / fro(S0));
        const err = relErr(S1, S0);
        ensure(err <= lip + tol, () => `Σ̃ jumps by ${fmt(err)} (relative) over an offset ${fmt(p.removableOffset ?? 0)} in ℓ: beyond ${fmt(lip)}`);
      },
      describeCase,
      request: (p) => coefficientsRequest(p),
    },
  ];
  if (other) {
    specs.push({
      name: `${other.name} accuracy at and near the point`,
      arb,
      body: (p, rec) => {
        labelProblem(p, rec);
        for (const q of [p, atRemovablePoint(p)]) {
          const ref = reference.coefficients(...args(q)).diffusion;
          const got = other.coefficients(...args(q)).diffusion;
          const kappa = referenceCondition('hasme', q);
          const err = relErr(got, ref) / (other.unitRoundoff * kappa);
          rec.error(err);
          ensure(err <= 1e3, () => `Σ̃ off by ${fmt(err)}·u·κ (κ = ${fmt(kappa)}, from the reference) near the removable point`);
        }
      },
      describeCase,
      request: (p) => coefficientsRequest(p),
    });
  }
  return claimCheck(
    'C10',
    'Removable singularity m_i m_j = 1 (m > 0): K_ij = 1, Σ̃ continuous and accurate',
    `Reference ${reference.name}${other ? `, accuracy of ${other.name}` : ''}: exact construction (η and μ powers of two, exact basis), offsets 0 and 1e-13 … 1e-4 in ℓ. Tolerances: K_01 test relative ${fmt(tol)}; continuity within the Lipschitz allowance; accuracy ≤ 1e3·u·κ (κ from the reference). Error column: ${other ? `${other.name} error in u·κ` : 'K_01 test, relative'}.`,
    () => specs,
  );
}

const args = (p: Problem): [number[][], number[][], number] => [p.H, p.Sigma, p.eta];
