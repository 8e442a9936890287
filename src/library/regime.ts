/**
 * Regime classification per step size (spec/models.md §3–§6) with a documented singular tolerance:
 * R when every m_i > 0, X when some m_i < 0, S when some |m_i| ≤ τ or a negative pair has
 * |m_i m_j − 1| ≤ τ (|m_i| + |m_j|) — i.e. when an eigenvalue perturbation of τ could put the
 * problem on the singular set (C9), so the answer's sign or existence cannot be certified.
 * τ = SINGULAR_TOL_EPS · d · eps · max(1, η‖H‖₂): the eigensolver's backward error, scaled.
 */
import { HasmeInputError } from '../errors.js';
import type { Regime } from '../formats/types.js';
import type { StepLogs } from '../numerics/stepLog.js';
import { productMinusOne } from '../numerics/stepLog.js';
import { symmetricEigenvalues } from '../linalg/symmetricEigen.js';
import { EPS, requireEta, requireSymmetric, toDense, type MatrixInput } from './input.js';
import { stepLogs } from '../numerics/stepLog.js';

/** Multiple of d·eps·max(1, η‖H‖₂) within which the singular set is declared reached. */
export const SINGULAR_TOL_EPS = 4;

/** Regime and distance to the singular set of one (H, η). */
export interface RegimeInfo {
  regime: Regime;
  /**
   * min( min_i |m_i|, min over pairs with m_i, m_j < 0 of |m_i m_j − 1| / (|m_i| + |m_j|) ):
   * the smallest change of one m (in units of m, i.e. of η·a) that reaches the singular set.
   */
  singularDistance: number;
  /** The tolerance τ used for S. */
  tolerance: number;
  /** Where |m_i| ≤ τ (ℓ_i undefined: spf and hasme are singular), for the error message; else null. */
  zero: string | null;
  /** Where a negative pair has |m_i m_j − 1| ≤ τ(|m_i| + |m_j|) (a pole of φ: hasme is singular); else null. */
  pole: string | null;
}

/** Classifies the eigenvalues `a` (with their step logs) at step size `eta`. */
export function classify(a: Float64Array, eta: number, logs: StepLogs): RegimeInfo {
  const d = a.length;
  let normH = 0;
  for (let i = 0; i < d; i++) normH = Math.max(normH, Math.abs(a[i]));
  if (!Number.isFinite(eta * normH)) {
    throw new HasmeInputError('non-finite', `η·max|a_i| = ${eta}·${normH} overflows double precision (the regime is undefined, spec/models.md §3)`, { eta });
  }
  const tolerance = SINGULAR_TOL_EPS * d * EPS * Math.max(1, eta * normH);
  let zeroDist = Infinity, zeroAt = -1;
  for (let i = 0; i < d; i++) {
    if (Math.abs(logs.m[i]) < zeroDist) {
      zeroDist = Math.abs(logs.m[i]);
      zeroAt = i;
    }
  }
  let poleDist = Infinity, poleAt: [number, number, number] = [-1, -1, 0];
  for (let i = 0; i < d; i++) {
    if (logs.m[i] >= 0) continue;
    for (let j = i; j < d; j++) {
      if (logs.m[j] >= 0) continue;
      const q = productMinusOne(logs, i, j);
      const dist = Math.abs(q) / (Math.abs(logs.m[i]) + Math.abs(logs.m[j]));
      if (dist < poleDist) {
        poleDist = dist;
        poleAt = [i, j, q];
      }
    }
  }
  const zero = zeroDist <= tolerance
    ? `m_${zeroAt} = 1 − η·a_${zeroAt} = ${logs.m[zeroAt]} (eigenvalue a_${zeroAt} = ${a[zeroAt]}, η = ${eta}; tolerance ${tolerance.toExponential(2)})`
    : null;
  const [pi, pj, pq] = poleAt;
  const pole = poleDist <= tolerance
    ? `pole of φ: m_${pi}·m_${pj} − 1 = ${pq} with m_${pi} = ${logs.m[pi]}, m_${pj} = ${logs.m[pj]} (eigenvalues ${a[pi]}, ${a[pj]}, η = ${eta})`
    : null;
  const regime: Regime = zero || pole ? 'S' : logs.m.some((m) => m < 0) ? 'X' : 'R';
  return { regime, singularDistance: Math.min(zeroDist, poleDist), tolerance, zero, pole };
}

/**
 * The regime of (H, η): 'R' real, 'X' oscillatory, 'S' singular (spec/models.md §3–§6, C9), with the
 * singular tolerance {@link SINGULAR_TOL_EPS}. Throws HasmeInputError on bad H or η.
 */
export function regime(H: MatrixInput, eta: number): Regime {
  const e = requireEta(eta);
  const h = toDense('H', H);
  requireSymmetric('H', h);
  const a = symmetricEigenvalues(h.data, h.d);
  return classify(a, e, stepLogs(a, e)).regime;
}
