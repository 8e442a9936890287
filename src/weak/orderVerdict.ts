/**
 * The verdict on a claimed weak order (C14–C17, spec/weak.md §4). The exact engines' errors are
 * analytic in η, err = C_q η^q (1 + a_1η + …) with an integer order q, so an order is certified by
 * the convergence of err/η^q (Richardson, with an error estimate), never by a least-squares slope:
 * `holds` when err/η^p → C ≠ 0 for the expected p; `fails` only when the order is confidently
 * another integer q: the local slopes have settled (spread ≤ 0.1 over the finest three) away from p
 * and err/η^q → C ≠ 0 for q = their rounded limit; otherwise `inconclusive` (pre-asymptotic: refine
 * η, or report the case as skipped).
 */
import { SDE_MODELS, type SdeModel } from '../formats/types.js';
import { EXACT_BELOW, fitOrder, PRE_ASYMPTOTIC_SPREAD, type OrderFit } from './orders.js';
import { richardsonLimit, type Limit } from './richardson.js';

export type ExpectedOrder = number | 'exact';

/** An order p holds when lim err/η^p is non-zero with relative error estimate at most this. */
export const CONSTANT_RTOL = 0.02;
/** A settled order farther than this from the expected one (beyond its error estimate) fails (issue #5). */
export const ORDER_TOLERANCE = 0.15;
/** Error estimate of the extrapolated local slope needed before a failure. */
export const SLOPE_SETTLED = 0.05;
/** The finest local slopes that must have settled (spread ≤ PRE_ASYMPTOTIC_SPREAD) before a failure. */
export const SETTLED_SLOPES = 3;

export interface OrderVerdict {
  verdict: 'holds' | 'fails' | 'inconclusive';
  /** Least-squares fit and local slopes on the step sizes judged (for display). */
  fit: OrderFit;
  /** lim err/η^p (numeric expected orders with non-exact errors). */
  constant?: Limit;
  /** lim of the local slopes (when there are at least three). */
  slope?: Limit;
  /** For a failure: the order q ≠ p found and lim err/η^q. */
  actual?: { order: number; constant: Limit };
  /** Largest |error| (for "exact" verdicts). */
  largest: number;
  /** The verdict's reason in words. */
  why: string;
}

const fmt = (x: number) => x.toPrecision(3);

/** Local slopes log2(|e_i| / |e_{i+1}|) on halvings (coarse → fine) and their error bounds from the per-value noise. */
function localSlopes(errors: readonly number[], noise: readonly number[]): { slopes: number[]; bounds: number[] } {
  const abs = errors.map(Math.abs);
  const rel = abs.map((e, i) => (noise.length ? noise[i] / e : 0));
  return {
    slopes: abs.slice(1).map((e, i) => Math.log2(abs[i] / e)),
    bounds: rel.slice(1).map((r, i) => (rel[i] + r) / Math.LN2),
  };
}

function checkHalvings(etas: readonly number[]): void {
  for (let i = 1; i < etas.length; i++) {
    if (Math.abs(etas[i - 1] / etas[i] - 2) > 1e-9) throw new RangeError(`judgeOrder needs halved step sizes, coarse to fine; got ${etas[i - 1]}, ${etas[i]}`);
  }
}

/**
 * Judges `expected` on errors at halved step sizes `etas` (coarse → fine, at least 4), with optional
 * per-value error bounds `noise` (an engine's own error; 0 for the exact engines).
 */
export function judgeOrder(etas: readonly number[], errors: readonly number[], expected: ExpectedOrder, noise: readonly number[] = []): OrderVerdict {
  if (etas.length !== errors.length || etas.length < 4) throw new RangeError('judgeOrder needs one error per step size and at least 4 step sizes');
  checkHalvings(etas);
  const fit = fitOrder(etas, errors);
  const largest = Math.max(...errors.map(Math.abs));
  const exact = largest < EXACT_BELOW;
  if (expected === 'exact') {
    return exact
      ? { verdict: 'holds', fit, largest, why: `every |error| < ${EXACT_BELOW}` }
      : { verdict: 'fails', fit, largest, why: `|error| up to ${fmt(largest)}, expected exact (every |error| < ${EXACT_BELOW})` };
  }
  if (exact) return { verdict: 'fails', fit, largest, why: `every |error| < ${EXACT_BELOW} (exact), expected order ${expected}` };
  const constantAt = (q: number) => richardsonLimit(errors.map((e, i) => e / etas[i] ** q), noise.map((n, i) => n / etas[i] ** q));
  const converged = (c: Limit) => c.value !== 0 && c.error <= CONSTANT_RTOL * Math.abs(c.value);
  const constant = constantAt(expected);
  const slopesText = fit.localSlopes.length ? `local slopes ${[...fit.localSlopes].reverse().map((s) => s.toFixed(3)).join(', ')}` : 'no local slopes';
  if (converged(constant)) return { verdict: 'holds', fit, constant, largest, why: `err/η^${expected} → ${fmt(constant.value)} ± ${fmt(constant.error)}` };
  if (errors.some((e) => e === 0)) return { verdict: 'inconclusive', fit, constant, largest, why: `an error is exactly 0; ${slopesText}` };
  const { slopes, bounds } = localSlopes(errors, noise);
  const slope = richardsonLimit(slopes, bounds, 2);
  const tail = slopes.slice(-SETTLED_SLOPES);
  const settled = Math.max(...tail) - Math.min(...tail) <= PRE_ASYMPTOTIC_SPREAD && slope.error <= SLOPE_SETTLED;
  const q = Math.round(slope.value);
  if (settled && q >= 0 && q !== expected && Math.abs(slope.value - expected) - slope.error > ORDER_TOLERANCE) {
    const actual = constantAt(q);
    if (converged(actual)) {
      return {
        verdict: 'fails',
        fit,
        constant,
        slope,
        actual: { order: q, constant: actual },
        largest,
        why:
          `order ${q}, expected ${expected}: ${slopesText} settle at ${slope.value.toFixed(3)} ± ${fmt(slope.error)}, ` +
          `err/η^${q} → ${fmt(actual.value)} ± ${fmt(actual.error)} while err/η^${expected} does not converge (${fmt(constant.value)} ± ${fmt(constant.error)})`,
      };
    }
  }
  return { verdict: 'inconclusive', fit, constant, slope, largest, why: `pre-asymptotic: ${slopesText}; err/η^${expected} ≈ ${fmt(constant.value)} ± ${fmt(constant.error)}` };
}

/** Each model's verdict on a table's rows (sorted by η, largest first; engine errors propagated) and its η values. */
export function judgeRows(
  rows: readonly { model: SdeModel; eta: number; error: number; engineError?: number }[],
  expected: Record<SdeModel, ExpectedOrder>,
): { verdicts: Record<SdeModel, OrderVerdict>; etas: Record<SdeModel, string[]> } {
  const verdicts = {} as Record<SdeModel, OrderVerdict>;
  const etas = {} as Record<SdeModel, string[]>;
  for (const m of SDE_MODELS) {
    const rs = rows.filter((r) => r.model === m).sort((a, b) => b.eta - a.eta);
    verdicts[m] = judgeOrder(rs.map((r) => r.eta), rs.map((r) => r.error), expected[m], rs.map((r) => r.engineError ?? 0));
    etas[m] = rs.map((r) => String(r.eta));
  }
  return { verdicts, etas };
}
