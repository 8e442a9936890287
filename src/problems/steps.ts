/**
 * Step counts: steps = T/η must be an exact integer (the SGD iterate x_k is compared with the
 * SDE at t = kη = T). Decided exactly on the decimal strings, never in floating point.
 */
import { Decimal } from 'decimal.js';
import { HasmeInputError } from '../errors.js';
import type { Dec } from './types.js';

/** Upper bound on T/η: the engines' cost is linear in the steps; beyond this they would hang. */
export const MAX_STEPS = 100_000;

// 120 digits: k·η is exact for every k ≤ MAX_STEPS and η with up to 100 significant digits.
const Exact = Decimal.clone({ precision: 120, minE: -9e15, maxE: 9e15 });

/** T/η as an integer; HasmeInputError('eta') if η ≤ 0 or T/η is not an integer in [1, MAX_STEPS]. */
export function stepsOf(T: Dec, eta: Dec): number {
  const t = new Exact(T);
  const e = new Exact(eta);
  if (!e.isPositive() || e.isZero()) throw new HasmeInputError('eta', `step size must be positive, got ${eta}`);
  if (!t.isPositive() || t.isZero()) throw new HasmeInputError('eta', `horizon T must be positive, got ${T}`);
  const k = t.div(e).round();
  if (!k.times(e).eq(t)) throw new HasmeInputError('eta', `T/η = ${T}/${eta} is not an integer`, { T, eta });
  if (k.gt(MAX_STEPS)) throw new HasmeInputError('unsupported', `T/η = ${k.toString()} steps exceeds ${MAX_STEPS}`, { T, eta });
  return k.toNumber();
}
