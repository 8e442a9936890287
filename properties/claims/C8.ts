/**
 * C8 no covariance match in X (spec/claims.md): on a mode with m < 0 and σ > 0, any diffusion factor
 * g (g² = D̂) gives covariance |g|² ∫|e^{−2βu}| du > |∫ e^{−2βu} g² du| = |pseudo-covariance|, so no
 * OU process reproduces SGD's covariance; only the pseudo-covariance matches (C3).
 * Proof (spec/claims.md): the integrand e^{−2βu} has phase −2 Im β u = 2πu/η, which turns through
 * full circles over [0, kη]; the triangle inequality is then strict. In closed form the ratio is
 * |ℓ|/|Re ℓ| = √(ln²|m| + π²)/|ln|m|| > 1 (e.g. ηa = 1.5: 4.64).
 * Check (commuting pairs in X with an exact eigenbasis, so that projecting onto a mode does not mix
 * in rounding errors of fast-growing modes with m > 1; per oscillating mode i): the covariance with the
 * stated factor g = √D̂_ii, η|D̂_ii|(1 − e^{−2 Re β_i t})/(2 Re β_i), computed here from the
 * implementation's D̂_ii and β_i, exceeds |pcov_ii| from its moments, which equals SGD's C_k,ii.
 * Error column: the largest |pseudo-covariance|/covariance seen; the claim needs it < 1.
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import { problem, transpose, type Problem } from '../arbitraries.js';
import { realToC, type HasmeImpl } from '../impl.js';
import { C, fmt } from './compare.js';
import { claimCheck, describeCase, ensure, labelProblem, momentsRequest } from './harness.js';
import { exactTolerance } from './tolerance.js';

type Case = { p: Problem; k: number };

export function makeC8(impl: HasmeImpl): ClaimCheck {
  const tol = exactTolerance(impl, 10);
  return claimCheck(
    'C8',
    'Regime X: covariance exceeds pseudo-covariance on oscillating modes (no covariance match)',
    `${impl.name}: commuting pairs in X, every mode with m < 0 and σ > 0, k ∈ {1, 2, 5, 20}; covariance with factor g = √D̂_ii vs |pcov_ii| (= SGD's C_k,ii within ${fmt(tol)}). Error column = max |pcov|/cov (claim: < 1).`,
    () => [
      {
        name: 'cov > |pcov| = C_k on modes with m < 0',
        arb: fc.record({ p: problem({ target: 'X', commuting: true, sigma: 'pd', dMax: 4, basis: 'exact' }), k: fc.constantFrom(1, 2, 5, 20) }),
        body: ({ p, k }: Case, rec) => {
          labelProblem(p, rec);
          const U = realToC(p.U);
          const Ut = realToC(transpose(p.U));
          const co = impl.coefficients(p.H, p.Sigma, p.eta);
          const Dh = C.mul(Ut, C.mul(co.diffusion, U));
          const Bh = C.mul(Ut, C.mul(co.driftMatrix, U));
          const mom = impl.moments('hasme', p.H, p.Sigma, p.eta, p.x0, k);
          const sgd = impl.moments('sgd', p.H, p.Sigma, p.eta, p.x0, k);
          const Ph = C.mul(Ut, C.mul(mom.pcov, U));
          const Ch = C.mul(Ut, C.mul(sgd.pcov, U));
          const t = k * p.eta;
          p.z.forEach((z, i) => {
            if (z <= 1) return; // m ≥ 0: not an oscillating mode
            rec.label('oscillating mode');
            const reBeta = Bh[i][i].re.toNumber();
            const absD = Dh[i][i].abs().toNumber();
            // η|D̂|(1 − e^{−2 Re β t})/(2 Re β), with the limit η|D̂| t at Re β = 0.
            const x = 2 * reBeta * t;
            const cov = p.eta * absD * (x === 0 ? t : (-Math.expm1(-x) / x) * t);
            const pc = Ph[i][i].abs().toNumber();
            const ck = Ch[i][i].re.toNumber();
            ensure(Math.abs(pc - ck) <= tol * Math.abs(ck), () => `mode ${i}: |pcov| = ${fmt(pc)} but SGD's C_k = ${fmt(ck)}`);
            const ratio = cov / pc;
            rec.error(1 / ratio);
            ensure(ratio > 1 + 1e-9, () => `mode ${i} (m = ${1 - z}): covariance ${fmt(cov)} not above |pseudo-covariance| ${fmt(pc)}`);
          });
        },
        describeCase: ({ p, k }: Case) => `k=${k} ${describeCase(p)}`,
        request: ({ p, k }: Case) => momentsRequest(p, 'hasme', k),
      },
    ],
  );
}
