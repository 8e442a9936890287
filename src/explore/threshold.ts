/**
 * First failure of a predicate along η: a geometric scan, then bisection of the first bracket to a
 * relative width of 1e-10 (used for η₀, where Σ̃ stops being PSD, and for the C6 bound's η).
 */

/** Scan and bisection settings. */
export interface ThresholdOptions {
  /** Scan points, geometric in (hi·floor, hi). */
  scan?: number;
  /** Smallest scanned η as a fraction of hi. */
  floor?: number;
  /** Relative bracket width at which bisection stops. */
  rtol?: number;
}

/**
 * The first η in (0, hi) at which `holds(η)` turns false, assuming it holds as η → 0+: returns the
 * upper end of a bracket [lo, η] of relative width ≤ rtol with holds(lo) and !holds(η), or null if
 * every scanned point holds. A failure between two scan points that recovers before the next one
 * is not seen: the scan density bounds the resolution of such islands.
 */
export function firstFailure(holds: (eta: number) => boolean, hi: number, opts: ThresholdOptions = {}): number | null {
  const scan = opts.scan ?? 48;
  const floor = opts.floor ?? 1e-9;
  const rtol = opts.rtol ?? 1e-10;
  let lo = 0;
  let fail = Number.NaN;
  for (let i = 0; i < scan; i++) {
    // Geometric from hi·floor up to hi·(1 − 1e-12), staying strictly inside (0, hi).
    const eta = i === scan - 1 ? hi * (1 - 1e-12) : hi * floor ** (1 - i / (scan - 1));
    if (holds(eta)) lo = eta;
    else {
      fail = eta;
      break;
    }
  }
  if (Number.isNaN(fail)) return null;
  while (fail - lo > rtol * fail) {
    const mid: number = lo + (fail - lo) / 2;
    if (holds(mid)) lo = mid;
    else fail = mid;
  }
  return fail;
}
