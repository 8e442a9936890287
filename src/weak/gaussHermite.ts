/**
 * Gauss–Hermite quadrature for expectations over a standard normal: E g(Z) ≈ Σ w_j g(z_j),
 * exact for polynomials of degree ≤ 2q − 1. Nodes and weights by Golub–Welsch: eigenvalues of
 * the Jacobi matrix of the probabilists' Hermite recurrence (off-diagonal √k) and the squared
 * first components of its eigenvectors.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface Quadrature {
  nodes: number[];
  weights: number[];
}

const cache = new Map<number, Quadrature>();

/** q-point rule for E g(Z), Z ~ N(0, 1); weights sum to 1 (to rounding). */
export function gaussHermite(q: number): Quadrature {
  if (!Number.isInteger(q) || q < 1 || q > 100) throw new RangeError(`gaussHermite: q must be an integer in [1, 100], got ${q}`);
  const hit = cache.get(q);
  if (hit) return hit;
  const J = Matrix.zeros(q, q);
  for (let k = 1; k < q; k++) {
    J.set(k - 1, k, Math.sqrt(k));
    J.set(k, k - 1, Math.sqrt(k));
  }
  const eig = new EigenvalueDecomposition(J, { assumeSymmetric: true });
  const V = eig.eigenvectorMatrix;
  const order = eig.realEigenvalues.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const rule = {
    nodes: order.map(([x]) => x),
    weights: order.map(([, i]) => V.get(0, i) ** 2),
  };
  cache.set(q, rule);
  return rule;
}
