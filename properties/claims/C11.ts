/**
 * C11 small-η expansion (spec/claims.md):
 *   T  = I + (η/2)H + (η²/3)H² + O(η³),
 *   Σ̃ = Σ + (η/2)(HΣ + ΣH) + η²[(H²Σ + ΣH²)/3 + HΣH/6] + O(η³).
 * Check (reference): for fixed (H, Σ) and η_j = η_0 2^−j (η_0‖H‖ = 0.05, j = 0..3), the residuals
 * r_j of both expansions (relative to ‖Σ‖, ‖I‖) must shrink like η³: r_2/r_3 ≥ 2^2.8 ≈ 7
 * (a wrong η² coefficient gives ratio 4, a wrong η coefficient 2). Residuals at rounding level
 * (< max(1e-40, 1e3·u), u the implementation's unit roundoff) count as exact. Also HA-SME's drift vs SME-2's (I + ηH/2): O(η²), ratio ≥ 2^1.8.
 * Error column: 8 / (the Σ̃ residual ratio r_2/r_3): 1 for exact η³ scaling, ≤ 2^0.2 required.
 */
import type { ClaimCheck } from '../../src/claims/types.js';
import { problem, type Problem } from '../arbitraries.js';
import { CHECK_CTX, realToC, referenceImpl, type HasmeImpl } from '../impl.js';
import { C, cnum, fmt, fro } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem } from './harness.js';

const ETA_STEPS = [0, 1, 2, 3];
const HALF = cnum(0.5);
const THIRD = cnum(new CHECK_CTX.D(1).div(3));
const SIXTH = cnum(new CHECK_CTX.D(1).div(6));

export function makeC11(impl: HasmeImpl = referenceImpl()): ClaimCheck {
  return claimCheck(
    'C11',
    'Small-η expansion of T and Σ̃: residual O(η³); drift agrees with SME-2 to O(η²)',
    `${impl.name}: η_j = η_0 2^−j with η_0‖H‖ = 0.05; residual ratios r(η_2)/r(η_3) must be ≥ 2^2.8 for T and Σ̃ (O(η³)) and ≥ 2^1.8 for T − (I + ηH/2) (SME-2). Error column: 8/ratio for Σ̃ (1 = exact η³ scaling; at most 2^0.2 allowed).`,
    () => [
      {
        name: 'expansion residuals shrink like η³',
        arb: problem({ target: 'R', commuting: 'any', sigma: 'any', dMax: 3 }).filter((p) => p.eigH.some((a) => a !== 0)),
        body: (p: Problem, rec) => {
          labelProblem(p, rec);
          const H = realToC(p.H);
          const S = realToC(p.Sigma);
          const I = C.identity(p.d);
          const H2 = C.mul(H, H);
          const HS = C.add(C.mul(H, S), C.mul(S, H));
          const H2S = C.add(C.mul(H2, S), C.mul(S, H2));
          const HSH = C.mul(H, C.mul(S, H));
          const eta0 = 0.05 / Math.max(...p.eigH.map(Math.abs));
          const rT: number[] = [];
          const rS: number[] = [];
          const rSme2: number[] = [];
          for (const j of ETA_STEPS) {
            const etaN = eta0 * 2 ** -j;
            const eta = cnum(etaN);
            const c = impl.coefficients(p.H, p.Sigma, etaN);
            const sme2 = C.add(I, C.scale(H, eta.mul(HALF)));
            const T2 = C.add(sme2, C.scale(H2, eta.mul(eta).mul(THIRD)));
            const S2 = C.add(
              C.add(S, C.scale(HS, eta.mul(HALF))),
              C.scale(C.add(C.scale(H2S, THIRD), C.scale(HSH, SIXTH)), eta.mul(eta)),
            );
            rT.push(fro(C.sub(c.drift, T2)) / fro(I));
            rS.push(fro(C.sub(c.diffusion, S2)) / fro(S));
            rSme2.push(fro(C.sub(c.drift, sme2)) / fro(I));
          }
          // Residuals at the implementation's rounding level (or below 1e-40) count as exact: their ratio is noise.
          const floor = Math.max(1e-40, 1e3 * impl.unitRoundoff);
          const ratio = (r: number[]) => (r[3] < floor ? Infinity : r[2] / r[3]);
          const [qT, qS, q2] = [ratio(rT), ratio(rS), ratio(rSme2)];
          rec.error(Number.isFinite(qS) ? 8 / qS : 0);
          ensure(qT >= 2 ** 2.8, () => `T expansion residual ratio ${qT.toFixed(3)} < 2^2.8 (residuals ${rT.map(fmt).join(', ')})`);
          ensure(qS >= 2 ** 2.8, () => `Σ̃ expansion residual ratio ${qS.toFixed(3)} < 2^2.8 (residuals ${rS.map(fmt).join(', ')})`);
          ensure(q2 >= 2 ** 1.8, () => `drift − SME-2 drift ratio ${q2.toFixed(3)} < 2^1.8 (residuals ${rSme2.map(fmt).join(', ')})`);
        },
        describeCase,
        request: (p: Problem) => coefficientsRequest(p),
      },
    ],
  );
}
