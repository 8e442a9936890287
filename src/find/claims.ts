/**
 * Claims of spec/ stated WITHOUT their conditions, for `hasme find` to refute. Each has
 * a case generator, a check against the double library (null: the case satisfies the claim), a
 * confirmation of a found violation by the decimal reference, and the protocol request that
 * reproduces the case with `hasme serve`.
 */
import type fc from 'fast-check';
import type { ClaimId } from '../claims/types.js';
import { HasmeInputError } from '../errors.js';
import type { CoefficientsRequest, MomentsRequest } from '../formats/types.js';
import { coefficients, moments } from '../index.js';
import { relativeFrobenius } from '../linalg/complex.js';
import { frobenius } from '../linalg/dense.js';
import { refCoefficients, refEigSym, refMoments, realPart } from '../../reference/index.js';
import { extremeEigenvalues } from '../explore/library.js';
import { oscillatoryCases, pairCases, unitStepCurvatureCases, type FindCase } from './cases.js';

/** A violation of a claim by one case. */
export interface Violation {
  /** What failed, in words with the measured numbers. */
  summary: string;
  measured: Record<string, number | string | null>;
}

/** A claim stated without its conditions. */
export interface FindClaim {
  /** Name used by `--claim`. */
  id: string;
  /** The claims (spec/claims.md) whose conditions were dropped. */
  related: ClaimId[];
  /** The unconditioned statement that is searched. */
  statement: string;
  /** The condition(s) dropped, i.e. what the true claim requires. */
  dropped: string;
  cases(): fc.Arbitrary<FindCase>;
  /** null when the case satisfies the statement. */
  check(c: FindCase): Violation | null;
  /** Re-checks a violation with the decimal reference (50 digits); a sentence saying what it found. */
  confirm(c: FindCase): string;
  request(c: FindCase, id: string): CoefficientsRequest | MomentsRequest;
}

/**
 * Σ̃ counts as indefinite when λmin(Σ̃) < −PSD_VIOLATION_EPS·eps·‖Σ̃‖_F. The library's Σ̃ is within
 * 1e3 eps (relative Frobenius) of the exact one (its acceptance bound, spec/numerics.md), and an
 * eigenvalue moves by at most ‖δΣ̃‖₂ ≤ ‖δΣ̃‖_F (Weyl), so a violation beyond this cannot be rounding.
 */
export const PSD_VIOLATION_EPS = 1e3;

/**
 * Only violations with λmin(Σ̃) < −1e-9·λmax(Σ̃) are reported: shrinking drives a case toward the
 * edge of the predicate, and this keeps the final case four orders of magnitude clear of rounding.
 */
export const PSD_REPORT_RTOL = 1e-9;

/**
 * Moment match tolerance (relative Frobenius) for the moment claims: far above the library's
 * accuracy away from S; the searched violations are O(1) (undefined moments or C8's gap).
 */
export const MOMENT_RTOL = 1e-6;

function psdViolation(c: FindCase): Violation | null {
  const r = coefficients(c.H, c.Sigma, c.eta, { model: 'hasme' });
  if (r.regime !== 'R') return null; // "PSD" is only meaningful for real Σ̃
  const [lo, hi] = extremeEigenvalues(r.diffusion.re, c.d);
  const rounding = PSD_VIOLATION_EPS * Number.EPSILON * frobenius(r.diffusion.re);
  const tol = Math.max(rounding, PSD_REPORT_RTOL * hi);
  if (lo >= -tol) return null;
  return {
    summary: `Σ̃ is indefinite: λmin(Σ̃) = ${lo.toExponential(6)} < 0 (λmax = ${hi.toPrecision(6)}; rounding bound ${rounding.toExponential(1)})`,
    measured: { lambdaMin: lo, lambdaMax: hi, tolerance: tol },
  };
}

function psdConfirm(c: FindCase): string {
  const ref = refCoefficients(c.H, c.Sigma, c.eta, { digits: 50 });
  const D = realPart(ref.diffusion).map((row) => row.map((x) => x.toString()));
  const lo = refEigSym(D, { digits: 50 }).values[0];
  return lo.isNegative()
    ? `reference (50 digits) confirms: λmin(Σ̃) = ${lo.toSignificantDigits(12).toString()}`
    : `reference (50 digits) DISAGREES: λmin(Σ̃) = ${lo.toSignificantDigits(12).toString()} ≥ 0`;
}

function coefficientsRequest(c: FindCase, id: string): CoefficientsRequest {
  return { id, op: 'coefficients', model: 'hasme', eta: c.eta, H: c.H, Sigma: c.Sigma };
}

function momentsRequest(c: FindCase, id: string): MomentsRequest {
  return { id, op: 'moments', model: 'hasme', eta: c.eta, H: c.H, Sigma: c.Sigma, x0: c.x0, steps: c.steps };
}

function problemOf(c: FindCase) {
  return { H: c.H, Sigma: c.Sigma, eta: c.eta, x0: c.x0 };
}

/** The claims `hasme find` can search, in `--list` order. */
export const FIND_CLAIMS: readonly FindClaim[] = [
  {
    id: 'psd-small-step',
    related: ['C6', 'C7'],
    statement: 'Σ̃ ⪰ 0 for every pair (H, Σ) with ηλ < 1/2 (λ = ‖H‖₂)',
    dropped: 'Σ ≻ 0 with η below the C6 bound (C6); rank-deficient misaligned Σ fails at every η (C7)',
    cases: () => pairCases(0.5, true),
    check: psdViolation,
    confirm: psdConfirm,
    request: coefficientsRequest,
  },
  {
    id: 'psd-real-regime',
    related: ['C5'],
    statement: 'in regime R, Σ̃ ⪰ 0 for every pair with Σ ≻ 0 (here ηλ < 1, κ(Σ) ≤ 1e8)',
    dropped: 'HΣ = ΣH (C5); without it only small η is safe (C6)',
    cases: () => pairCases(1, false),
    check: psdViolation,
    confirm: psdConfirm,
    request: coefficientsRequest,
  },
  {
    id: 'pcov-unit-step',
    related: ['C3', 'C9'],
    statement: "HA-SME's pseudo-covariance equals SGD's C_k also where ηa_i = 1",
    dropped: 'regime R or X (C3): at m_i = 1 − ηa_i = 0 HA-SME is undefined (C9)',
    cases: unitStepCurvatureCases,
    check(c): Violation | null {
      const sgd = moments('sgd', problemOf(c), c.steps);
      try {
        const sde = moments('hasme', problemOf(c), c.steps);
        const err = relativeFrobenius(sde.pcov, sgd.pcov);
        return err > MOMENT_RTOL ? { summary: `pseudo-covariance differs from SGD's C_k by ${err.toExponential(3)} (relative Frobenius)`, measured: { pcovErr: err } } : null;
      } catch (e) {
        if (!(e instanceof HasmeInputError) || e.code !== 'singular') throw e;
        return {
          summary: `HA-SME is undefined (${e.message}) while SGD's C_k is finite (‖C_k‖_F = ${frobenius(sgd.pcov.re).toPrecision(6)})`,
          measured: { error: e.code },
        };
      }
    },
    confirm(c) {
      try {
        refMoments('hasme', c.H, c.Sigma, c.eta, c.x0, c.steps, { digits: 50 });
        return 'reference (50 digits) DISAGREES: it returns moments';
      } catch (e) {
        if (e instanceof HasmeInputError && e.code === 'singular') return `reference (50 digits) confirms: ${e.message}`;
        throw e;
      }
    },
    request: momentsRequest,
  },
  {
    id: 'cov-oscillatory',
    related: ['C4', 'C8'],
    statement: "HA-SME's covariance equals SGD's C_k in regime X too",
    dropped:
      "regime R with Σ̃ ⪰ 0 (C4); in X HA-SME matches SGD's mean and pseudo-covariance (C3), and for every diffusion factor its covariance exceeds C_k along each oscillating eigen-direction that carries noise (C8)",
    cases: oscillatoryCases,
    check(c): Violation | null {
      const sgd = moments('sgd', problemOf(c), c.steps);
      const sde = moments('hasme', problemOf(c), c.steps);
      if (sde.cov === null) {
        return {
          summary:
            "HA-SME reports no covariance here: Σ̃ is complex symmetric (regime X), so HA-SME is not a real SDE and its covariance depends on a choice of factor G (GGᵀ = Σ̃); for every choice it exceeds SGD's C_k along each eigen-direction with m_i < 0 and noise uᵢᵀΣuᵢ > 0, by the factor |ℓ_i|/|Re ℓ_i| at least (C8)",
          measured: { cov: null, pcovErr: relativeFrobenius(sde.pcov, sgd.pcov) },
        };
      }
      const err = relativeFrobenius(sde.cov, sgd.pcov);
      return err > MOMENT_RTOL ? { summary: `covariance differs from SGD's C_k by ${err.toExponential(3)} (relative Frobenius)`, measured: { covErr: err } } : null;
    },
    confirm(c) {
      const m = refMoments('hasme', c.H, c.Sigma, c.eta, c.x0, c.steps, { digits: 50 });
      return m.cov === null ? 'reference (50 digits) confirms: no covariance (D not real PSD)' : 'reference (50 digits) returns a covariance; compare it above';
    },
    request: momentsRequest,
  },
];

/**
 * The searchable claim called `id`; a claim ID (e.g. `C7`) selects the one claim that drops its
 * conditions. Otherwise a HasmeInputError listing the known ones.
 */
export function findClaim(id: string): FindClaim {
  const byRelated = FIND_CLAIMS.filter((x) => (x.related as string[]).includes(id.toUpperCase()));
  const c = FIND_CLAIMS.find((x) => x.id === id) ?? (byRelated.length === 1 ? byRelated[0] : undefined);
  if (!c) throw new HasmeInputError('unsupported', `unknown claim ${JSON.stringify(id)}; searchable: ${FIND_CLAIMS.map((x) => x.id).join(', ')} (see hasme find --list)`);
  return c;
}
