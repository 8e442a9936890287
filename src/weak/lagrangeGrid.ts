/**
 * Local Lagrange interpolation on a uniform grid, the spatial discretisation of the 1-D backward
 * recursions. A value at y comes from the `order` grid points nearest to y (stencil centred on
 * the cell of y, shifted inward at the ends; y outside the grid is clamped to the end point).
 * Local stencils keep the repeated step map stable over thousands of steps; global Chebyshev
 * interpolation was tried first and amplified grid-scale modes (measured growth > 10³ in 1280
 * steps on the −λ cos x problem).
 */

export interface UniformGrid {
  lo: number;
  spacing: number;
  /** Grid points lo + j·spacing, j = 0..size−1. */
  points: Float64Array;
  /** Stencil width (points per interpolation; even). */
  order: number;
}

/** Grid on [lo, hi] with spacing at most `spacing` and an even stencil width `order`. */
export function uniformGrid(lo: number, hi: number, spacing: number, order: number): UniformGrid {
  if (!(hi > lo) || !(spacing > 0)) throw new RangeError(`uniformGrid: need lo < hi and spacing > 0, got [${lo}, ${hi}], ${spacing}`);
  if (!Number.isInteger(order) || order < 2 || order % 2 !== 0) throw new RangeError(`uniformGrid: order must be an even integer ≥ 2, got ${order}`);
  const cells = Math.max(order, Math.ceil((hi - lo) / spacing));
  const h = (hi - lo) / cells;
  return { lo, spacing: h, points: Float64Array.from({ length: cells + 1 }, (_, j) => lo + j * h), order };
}

/** A sparse linear functional on grid values: Σ weights[k] · v[cols[k]]. */
export interface Stencil {
  cols: Int32Array;
  weights: Float64Array;
}

/** The interpolation functional at y (Lagrange basis values on the stencil around y). */
export function stencilAt(grid: UniformGrid, y: number): Stencil {
  const n = grid.points.length;
  const t = Math.min(n - 1, Math.max(0, (y - grid.lo) / grid.spacing));
  const first = Math.min(n - grid.order, Math.max(0, Math.floor(t) - grid.order / 2 + 1));
  const cols = new Int32Array(grid.order);
  const weights = new Float64Array(grid.order);
  for (let a = 0; a < grid.order; a++) {
    cols[a] = first + a;
    let w = 1;
    for (let b = 0; b < grid.order; b++) if (b !== a) w *= (t - (first + b)) / (a - b);
    weights[a] = w;
  }
  return { cols, weights };
}

/** Value at y of the local interpolant of `values`. */
export function interpolate(grid: UniformGrid, values: Float64Array, y: number): number {
  const { cols, weights } = stencilAt(grid, y);
  let s = 0;
  for (let k = 0; k < cols.length; k++) s += weights[k] * values[cols[k]];
  return s;
}
