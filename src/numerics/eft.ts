/**
 * Error-free transformations (Knuth's TwoSum, Dekker's TwoProduct with Veltkamp splitting):
 * a + b = s + err and a·b = p + err exactly, barring overflow. They let the library form
 * m = 1 − ηa and m_i m_j − 1 with a relative error of a few eps even where the naive
 * expressions cancel (spec/numerics.md). They return only the error term (the caller has the
 * rounded result), so O(d²) loops allocate nothing.
 */

/** a + b − fl(a + b), exactly; `s` must be fl(a + b). */
export function twoSumErr(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

const SPLITTER = 134217729; // 2^27 + 1

/** a·b − fl(a·b), exactly; `p` must be fl(a·b) (0 where the split would overflow). */
export function twoProductErr(a: number, b: number, p: number): number {
  if (!Number.isFinite(p) || Math.abs(a) > 1e300 || Math.abs(b) > 1e300) return 0;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
