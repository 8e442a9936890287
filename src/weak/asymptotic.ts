/**
 * Orders in the asymptotic range (C14, C15): fit on a window of step sizes η = 0.1/2^j and, while
 * the local slopes of a model still disagree by more than 0.1 (pre-asymptotic), slide the window
 * to smaller η, up to a limit. Exact engines, one η at a time, each computed once.
 */
import type { SdeModel } from '../formats/types.js';
import type { QuadraticLike } from '../problems/types.js';
import { halvings } from './generate.js';
import { fitOrder, type OrderFit } from './orders.js';

export type ExpectedOrder = number | 'exact';

export interface AsymptoticOrders {
  fits: Record<SdeModel, OrderFit>;
  /** The window finally fitted. */
  etas: string[];
}

/** |fitted − expected| (0 for a matching "exact", Infinity for a kind mismatch). */
export function deviation(fit: OrderFit, expected: ExpectedOrder): number {
  if (expected === 'exact') return fit.order === 'exact' ? 0 : Infinity;
  return typeof fit.order === 'number' ? Math.abs(fit.order - expected) : Infinity;
}

/**
 * Fits every model of `problem` (its own etas are ignored) on η = 0.1/2^j, j = first..first+window−1,
 * sliding down to j ≤ lastJ while some model with a numeric expected order is pre-asymptotic.
 */
export async function asymptoticOrders(
  problem: QuadraticLike,
  expected: Record<SdeModel, ExpectedOrder>,
  opts: { first: number; window: number; lastJ: number; digits: number },
): Promise<AsymptoticOrders> {
  const { refWeakRows } = await import('../../reference/weak/weakErrors.js');
  const cache = new Map<string, Map<SdeModel, number>>();
  const errorsAt = (eta: string) => {
    let hit = cache.get(eta);
    if (!hit) {
      hit = new Map(refWeakRows({ ...problem, etas: [eta] }, { digits: opts.digits }).map((r) => [r.model, r.error.toNumber()]));
      cache.set(eta, hit);
    }
    return hit;
  };
  let first = opts.first;
  for (;;) {
    const etas = halvings(first, first + opts.window - 1);
    const fits = {} as Record<SdeModel, OrderFit>;
    for (const m of problem.models) fits[m] = fitOrder(etas.map(Number), etas.map((e) => errorsAt(e).get(m)!));
    const unsettled = problem.models.some((m) => expected[m] !== 'exact' && fits[m].preAsymptotic);
    if (!unsettled || first + opts.window - 1 >= opts.lastJ) return { fits, etas };
    first++;
  }
}
