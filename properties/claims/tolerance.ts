/**
 * Tolerances of the claim checks, justified once.
 * - Exact identities (C1–C3, C13 and the exact parts of C10, C12) against a decimal implementation
 *   with unit roundoff u = 10^−digits: max(1e10·u, 1e-40), i.e. 40 digits at the default 50.
 *   Measured worst errors at the reference are ≤ 3e-57 (C1–C3, C13 at 100 cases each), so the
 *   tolerance leaves 10 digits for accumulation in small problems and still catches any leak of
 *   double precision (1e-16) or a loss of more than 10 digits (seen and fixed during development:
 *   a 1e-32 Stein-route error and a 5e-38 moments error at 70–80 digits).
 * - The same identities against a double implementation: 1e5·u ≈ 2e-11 (relative, u = 2^−53; an
 *   outside implementation's declared unit roundoff u in `hasme check --properties`): 1e3·eps
 *   of issue #3's accuracy target on hard cases times a condition allowance of 100 (generated
 *   regimes stay ≥ 0.05 from the singular set); moments after k steps take `growth` = 10 for
 *   the powers m^k.
 */
import type { HasmeImpl } from '../impl.js';

/** Whether `impl` computes in extended precision (then 40 digits are demanded). */
export const isExact = (impl: HasmeImpl): boolean => impl.unitRoundoff < 1e-30;

/** Tolerance of an exact identity for `impl`; `growth` scales it for long recursions (e.g. k steps). */
export function exactTolerance(impl: HasmeImpl, growth = 1): number {
  return isExact(impl) ? Math.max(impl.unitRoundoff * 1e10, 1e-40) : 1e5 * impl.unitRoundoff * growth;
}
