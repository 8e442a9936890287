/**
 * C13 two routes agree (spec/claims.md): the eigenbasis formula Σ̃ = U (K ∘ UᵀΣU) Uᵀ and the
 * Stein-equation solve give the same Σ̃. The Stein route is singular wherever some m_i m_j = 1
 * (a zero eigenvalue of H, the removable singularity C10): there it must raise 'singular' while
 * the eigenbasis route returns numbers. Error: relative Frobenius, 40 digits at the reference.
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import { HasmeInputError } from '../../src/errors.js';
import { problem, type Problem } from '../arbitraries.js';
import { referenceImpl, type HasmeImpl } from '../impl.js';
import { fmt, relErr } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem } from './harness.js';
import { exactTolerance } from './tolerance.js';

/** min over i ≤ j of |1 − m_i m_j| = |z_i + z_j − z_i z_j| (no cancellation against 1 for tiny z). */
function steinGap(p: Problem): number {
  let g = Infinity;
  p.z.forEach((zi, i) => p.z.forEach((zj, j) => j >= i && (g = Math.min(g, Math.abs(zi + zj - zi * zj)))));
  return g;
}

/** Gap |1 − m_i m_j| below which the Stein route may refuse (half of the reference's 50 digits). */
const NEAR_SINGULAR = 1e-25;

export function makeC13(impl: HasmeImpl = referenceImpl()): ClaimCheck {
  const tol = exactTolerance(impl);
  const stein = impl.steinDiffusion?.bind(impl);
  return claimCheck(
    'C13',
    'Eigenbasis formula and Stein-equation solve give the same Σ̃',
    `${impl.name}: Σ̃ by both routes; error = relative Frobenius, tolerance ${fmt(tol)}; at exact m_i m_j = 1 (removable point, zero curvature) the Stein route must raise 'singular'; within ${NEAR_SINGULAR} of it, it may.`,
    () => {
      if (!stein) throw new Error(`${impl.name} has no Stein route`);
      return [
        {
          name: 'eigenbasis Σ̃ = Stein Σ̃',
          arb: fc.oneof(
            problem({ target: 'R', commuting: 'any', sigma: 'any', dMax: 3 }),
            problem({ target: 'X', commuting: 'any', sigma: 'any', dMax: 3 }),
            problem({ target: 'removable', commuting: 'any', sigma: 'any', dMax: 3 }),
          ),
          body: (p: Problem, rec) => {
            labelProblem(p, rec);
            const eig = impl.coefficients(p.H, p.Sigma, p.eta).diffusion;
            // Exactly on the Stein-singular set only for exact constructions (z on a binary grid, U exact).
            const exactSingular = steinGap(p) === 0 && p.U.every((row) => row.every((x) => x === 0 || Math.abs(x) === 1));
            if (exactSingular) {
              rec.label('stein-singular');
              let code: string | null = null;
              try {
                stein(p.H, p.Sigma, p.eta);
              } catch (err) {
                if (!(err instanceof HasmeInputError)) throw err;
                code = err.code;
              }
              ensure(code === 'singular', () => `Stein route returned ${code ?? 'numbers'} where I − M⊗M is singular`);
              return;
            }
            let viaStein;
            try {
              viaStein = stein(p.H, p.Sigma, p.eta);
            } catch (err) {
              // Within half the working precision of its singular set the Stein solve may refuse
              // (reference: pivot below 10^(−work/2)); that is the route's documented limit.
              if (err instanceof HasmeInputError && err.code === 'singular' && steinGap(p) < NEAR_SINGULAR) {
                rec.label('stein-refused-near-singular');
                return;
              }
              throw err;
            }
            const err = relErr(viaStein, eig);
            rec.error(err);
            ensure(err <= tol, () => `routes differ: relative error ${fmt(err)} > ${fmt(tol)}`);
          },
          describeCase,
          request: (p: Problem) => coefficientsRequest(p),
        },
      ];
    },
  );
}
