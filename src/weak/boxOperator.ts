/**
 * Sparse step operators of the deterministic weak engines (spec/weak.md §3, C17, C22): on a tensor
 * grid of shape [n1] or [n1, n2], row r of G is E[interpolation functional at next(x_r, Z)] over a
 * quadrature in Z, a sum of tensor Lagrange stencils. Each row is stored as a dense box of columns
 * (the 1-D band is the case n2 = 1), the same box widths for every row, shifted inward at the
 * grid's edges; the map is built once and applied K times (E u(x_K) = (G^K u)(x0)).
 */
import type { Stencil } from './lagrangeGrid.js';

/** G with row r stored on columns [start1[r], start1[r] + w1) × [start2[r], start2[r] + w2). */
export interface BoxOperator {
  n1: number;
  n2: number;
  w1: number;
  w2: number;
  start1: Int32Array;
  start2: Int32Array;
  vals: Float64Array;
}

/** One quadrature term of a row: weight × (stencil along axis 1) ⊗ (stencil along axis 2, or the unit stencil in 1-D). */
export interface StencilTerm {
  weight: number;
  axes: Stencil[];
}

const UNIT: Stencil = { cols: Int32Array.of(0), weights: Float64Array.of(1) };

/** Builds G from each row's terms (rows in grid order, axis 2 fastest). */
export function boxOperator(shape: readonly number[], rowTerms: (r: number) => StencilTerm[]): BoxOperator {
  const [n1, n2 = 1] = shape;
  const n = n1 * n2;
  const terms = Array.from({ length: n }, (_, r) => rowTerms(r).map((t) => ({ weight: t.weight, a: t.axes[0], b: t.axes[1] ?? UNIT })));
  const start1 = new Int32Array(n);
  const start2 = new Int32Array(n);
  let w1 = 0;
  let w2 = 0;
  terms.forEach((row, r) => {
    let lo1 = Infinity, hi1 = -Infinity, lo2 = Infinity, hi2 = -Infinity;
    for (const t of row) {
      lo1 = Math.min(lo1, t.a.cols[0]);
      hi1 = Math.max(hi1, t.a.cols[t.a.cols.length - 1]);
      lo2 = Math.min(lo2, t.b.cols[0]);
      hi2 = Math.max(hi2, t.b.cols[t.b.cols.length - 1]);
    }
    start1[r] = lo1;
    start2[r] = lo2;
    w1 = Math.max(w1, hi1 - lo1 + 1);
    w2 = Math.max(w2, hi2 - lo2 + 1);
  });
  // Shift boxes that would run past the last grid point back inside (they still cover their row).
  for (let r = 0; r < n; r++) {
    start1[r] = Math.min(start1[r], n1 - w1);
    start2[r] = Math.min(start2[r], n2 - w2);
  }
  const vals = new Float64Array(n * w1 * w2);
  terms.forEach((row, r) => {
    const base = r * w1 * w2;
    for (const t of row) {
      for (let a = 0; a < t.a.cols.length; a++) {
        const wa = t.weight * t.a.weights[a];
        const off = base + (t.a.cols[a] - start1[r]) * w2 - start2[r];
        for (let b = 0; b < t.b.cols.length; b++) vals[off + t.b.cols[b]] += wa * t.b.weights[b];
      }
    }
  });
  return { n1, n2, w1, w2, start1, start2, vals };
}

/** Applies G `steps` times to v (v ← G v). */
export function iterateBox(G: BoxOperator, v: Float64Array, steps: number): Float64Array {
  let cur = Float64Array.from(v);
  let nxt = new Float64Array(v.length);
  const { n2, w1, w2, start1, start2, vals } = G;
  for (let s = 0; s < steps; s++) {
    for (let r = 0; r < cur.length; r++) {
      let acc = 0;
      let k = r * w1 * w2;
      for (let a = 0; a < w1; a++) {
        const row = (start1[r] + a) * n2 + start2[r];
        for (let b = 0; b < w2; b++) acc += vals[k++] * cur[row + b];
      }
      nxt[r] = acc;
    }
    [cur, nxt] = [nxt, cur];
  }
  return cur;
}
