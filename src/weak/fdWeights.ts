/**
 * Finite-difference weights on arbitrary nodes by Fornberg's recursion (B. Fornberg, "Generation of
 * finite difference formulas on arbitrarily spaced grids", Math. Comp. 51, 1988): the weights of
 * the derivatives of orders 0..m at z of the polynomial interpolating the values at the nodes.
 * Used by the 2-D engine's Kolmogorov generator (spec/weak.md §11, C22).
 */

/** weights[k][j]: weight of node j in the k-th derivative at z, k = 0..m. */
export function fornbergWeights(z: number, nodes: readonly number[], m: number): number[][] {
  const n = nodes.length;
  const c = Array.from({ length: m + 1 }, () => new Array<number>(n).fill(0));
  let c1 = 1;
  let c4 = nodes[0] - z;
  c[0][0] = 1;
  for (let i = 1; i < n; i++) {
    const mn = Math.min(i, m);
    let c2 = 1;
    const c5 = c4;
    c4 = nodes[i] - z;
    for (let j = 0; j < i; j++) {
      const c3 = nodes[i] - nodes[j];
      c2 *= c3;
      if (j === i - 1) {
        for (let k = mn; k >= 1; k--) c[k][i] = (c1 * (k * c[k - 1][i - 1] - c5 * c[k][i - 1])) / c2;
        c[0][i] = (-c1 * c5 * c[0][i - 1]) / c2;
      }
      for (let k = mn; k >= 1; k--) c[k][j] = (c4 * c[k][j] - k * c[k - 1][j]) / c3;
      c[0][j] = (c4 * c[0][j]) / c3;
    }
    c1 = c2;
  }
  return c;
}
