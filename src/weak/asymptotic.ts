/**
 * Orders in the asymptotic range (C14–C16): judge every model on a window of halved step sizes
 * η = 0.1/2^j and, while some model is inconclusive (pre-asymptotic), slide the window one halving
 * finer, up to j = lastJ. A model's first decided verdict is final; one still inconclusive at
 * lastJ stays inconclusive (reported as skipped, never as holds or fails). Exact engines, one η at
 * a time, each computed once.
 */
import type { SdeModel } from '../formats/types.js';
import { halvings } from './generate.js';
import { judgeOrder, type ExpectedOrder, type OrderVerdict } from './orderVerdict.js';

export interface AsymptoticVerdicts {
  verdicts: Record<SdeModel, OrderVerdict>;
  /** The window each model was judged on (coarse → fine). */
  etas: Record<SdeModel, string[]>;
}

/** Signed weak errors of the given models at one step size. */
export type ErrorsAt = (eta: string, models: SdeModel[]) => Promise<Partial<Record<SdeModel, number>>>;

export interface RefineOptions {
  /** First window: j = first..first + window − 1. */
  first: number;
  window: number;
  /** Finest j allowed. */
  lastJ: number;
}

/** Judges `expected[m]` for every model m on η = 0.1/2^j, refining while some model is inconclusive. */
export async function judgeAsymptoticOrders(
  models: readonly SdeModel[],
  expected: Record<SdeModel, ExpectedOrder>,
  errorsAt: ErrorsAt,
  opts: RefineOptions,
): Promise<AsymptoticVerdicts> {
  const cache = new Map<string, Partial<Record<SdeModel, number>>>();
  const verdicts = {} as Record<SdeModel, OrderVerdict>;
  const windows = {} as Record<SdeModel, string[]>;
  let open = [...models];
  for (let first = opts.first; ; first++) {
    const etas = halvings(first, first + opts.window - 1);
    for (const eta of etas) {
      const have = cache.get(eta) ?? {};
      const missing = open.filter((m) => have[m] === undefined);
      if (missing.length) cache.set(eta, { ...have, ...(await errorsAt(eta, missing)) });
    }
    for (const m of open) {
      verdicts[m] = judgeOrder(etas.map(Number), etas.map((e) => cache.get(e)![m]!), expected[m]);
      windows[m] = etas;
    }
    open = open.filter((m) => verdicts[m].verdict === 'inconclusive');
    if (!open.length || first + opts.window - 1 >= opts.lastJ) return { verdicts, etas: windows };
  }
}
