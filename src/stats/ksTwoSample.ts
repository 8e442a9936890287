/**
 * The two-sample Kolmogorov–Smirnov test for equal sample sizes with its exact null distribution
 * (C21, spec/weak.md §10). Under H0 the two samples are i.i.d. from one continuous law, so the
 * pooled ranks are a uniformly random interleaving and nD_{n,n} has the exact law of
 * Gnedenko–Korolyuk (1951), distribution-free:
 *   P(D ≥ k/n) = 2 Σ_{j ≥ 1} (−1)^{j+1} C(2n, n − jk) / C(2n, n),  k ≥ 1.
 * Exact p-values (not asymptotic) let a report use per-test levels of 1e-9 and below, which a
 * permutation null cannot reach (its p-values are ≥ 1/(B + 1)).
 */

/** Sample size below which log C(2n, n − m)/C(2n, n) is summed term by term (exact route). */
const DIRECT_BELOW = 64;

/** Stirling remainder of ln x! beyond (x + ½) ln x − x + ½ ln 2π, for x ≥ 10 (truncation error ≤ 1/(1680x⁷) ≤ 6e-11). */
function stirlingTail(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}

/**
 * ln[C(2n, n − m)/C(2n, n)] = ln[(n!)² / ((n − m)! (n + m)!)], 0 ≤ m ≤ n. Large n: Stirling's series
 * with u = m/n arranged as −(n + ½) log1p(−u²) − 2m atanh(u) + tails, so the ln n terms cancel
 * analytically (no subtraction of numbers of size n ln n); small n or n − m < 10: the exact product.
 */
export function logBinomialRatio(n: number, m: number): number {
  if (m === 0) return 0;
  if (n < DIRECT_BELOW || n - m < 10) {
    let s = 0;
    for (let i = 1; i <= m; i++) s += Math.log1p(-m / (n + i));
    return s;
  }
  const u = m / n;
  return -(n + 0.5) * Math.log1p(-u * u) - 2 * m * Math.atanh(u) + 2 * stirlingTail(n) - stirlingTail(n - m) - stirlingTail(n + m);
}

/** Exact P(D_{n,n} ≥ k/n) under H0 (Gnedenko–Korolyuk), 0 ≤ k ≤ n. */
export function ksExactPValue(n: number, k: number): number {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`ksExactPValue needs integers 0 ≤ k ≤ n, n ≥ 1; got n = ${n}, k = ${k}`);
  if (k === 0) return 1;
  let p = 0;
  for (let j = 1; j * k <= n; j++) {
    const term = Math.exp(logBinomialRatio(n, j * k));
    p += j % 2 === 1 ? term : -term;
    // Terms decrease in j; once below 1e-17 of the sum the rest cannot change it in double.
    if (term <= 1e-17 * p) break;
  }
  return Math.min(1, Math.max(0, 2 * p));
}

/** The statistic and its exact p-value. */
export interface KsResult {
  /** D = sup_x |F_a(x) − F_b(x)|. */
  statistic: number;
  /** nD, an integer. */
  k: number;
  n: number;
  p: number;
}

/**
 * Two-sample KS test of a against b (equal lengths n ≥ 1). Ties are processed together (a tie
 * between the samples has probability 0 under a continuous H0; with ties the test is conservative).
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const n = a.length;
  if (n !== b.length || n < 1) throw new RangeError(`ksTwoSample needs two samples of one size n ≥ 1, got ${a.length} and ${b.length}`);
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  if (Number.isNaN(sa[n - 1]) || Number.isNaN(sb[n - 1])) throw new RangeError('ksTwoSample: a sample contains NaN');
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < n && j < n) {
    const x = Math.min(sa[i], sb[j]);
    while (i < n && sa[i] === x) i++;
    while (j < n && sb[j] === x) j++;
    k = Math.max(k, Math.abs(i - j));
  }
  return { statistic: k / n, k, n, p: ksExactPValue(n, k) };
}

/**
 * Smallest integer k with P(D_{n,n} ≥ k/n) ≤ alpha (the critical count of a level-alpha test), or
 * n + 1 if no k reaches it. By bisection: the p-value decreases in k.
 */
export function ksCriticalCount(n: number, alpha: number): number {
  if (ksExactPValue(n, n) > alpha) return n + 1;
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ksExactPValue(n, mid) <= alpha) hi = mid;
    else lo = mid;
  }
  return hi;
}
