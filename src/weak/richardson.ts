/**
 * Richardson extrapolation to η → 0 on halved step sizes η_i = η_0/2^i (spec/weak.md §4, C14–C18).
 * For values v(η) = C + a_1η + a_2η² + … (analytic in η, as every weak error of the exact engines
 * is), the level-L estimate from L + 1 consecutive values removes a_1..a_L:
 *   R_{i,0} = v_i,  R_{i,k} = (2^k R_{i+1,k−1} − R_{i,k−1}) / (2^k − 1).
 * The estimate is a fixed linear combination Σ w_i v_i, so per-value error bounds n_i of an engine
 * propagate as Σ |w_i| n_i.
 */

/** A limit with its error estimate. */
export interface Limit {
  value: number;
  /** Extrapolation error estimate plus the propagated per-value error bounds. */
  error: number;
  /** Richardson level used (number of η-powers removed). */
  level: number;
}

/** The weights of the level-`level` estimate over `level + 1` consecutive values, coarsest first. */
export function richardsonWeights(level: number): number[] {
  if (!Number.isInteger(level) || level < 0) throw new RangeError(`Richardson level must be a non-negative integer, got ${level}`);
  let rows: number[][] = Array.from({ length: level + 1 }, (_, i) => Array.from({ length: level + 1 }, (_, j) => (i === j ? 1 : 0)));
  for (let k = 1; k <= level; k++) {
    const f = 2 ** k;
    rows = rows.slice(0, -1).map((r, i) => r.map((x, j) => (f * rows[i + 1][j] - x) / (f - 1)));
  }
  return rows[0];
}

function combine(w: number[], v: readonly number[], from: number): number {
  return w.reduce((s, wi, i) => s + wi * v[from + i], 0);
}

/**
 * Limit of v as η → 0 from values at η_0/2^i (coarse → fine). Level L = min(maxLevel, n − 2): the
 * estimate uses the finest L + 1 values; its error estimate is the larger distance to (a) the
 * level-(L−1) estimate on the finest L values and (b) the level-L estimate one halving coarser,
 * plus Σ|w_i| noise_i (noise: per-value error bounds, default 0). Needs at least 3 values.
 */
export function richardsonLimit(values: readonly number[], noise: readonly number[] = [], maxLevel = 3): Limit {
  const n = values.length;
  if (n < 3) throw new RangeError(`richardsonLimit needs at least 3 values, got ${n}`);
  if (noise.length !== 0 && noise.length !== n) throw new RangeError('richardsonLimit: one noise bound per value');
  const level = Math.min(maxLevel, n - 2);
  const w = richardsonWeights(level);
  const wLow = richardsonWeights(level - 1);
  const value = combine(w, values, n - level - 1);
  const lower = combine(wLow, values, n - level);
  const coarser = combine(w, values, n - level - 2);
  const propagated = noise.length ? w.reduce((s, wi, i) => s + Math.abs(wi) * noise[n - level - 1 + i], 0) : 0;
  return { value, error: Math.max(Math.abs(value - lower), Math.abs(value - coarser)) + propagated, level };
}
