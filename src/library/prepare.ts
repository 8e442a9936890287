/**
 * Validation and the one eigendecomposition every computation shares: H = U diag(a) Uᵀ, the
 * step logs of (a, η), the regime, and Σ's spectrum (for the PSD check) — spec/models.md §1–§6.
 */
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { stepLogs, type StepLogs } from '../numerics/stepLog.js';
import { classify, type RegimeInfo } from './regime.js';
import { requireEta, requirePsd, requireSymmetric, toDense, type MatrixInput } from './input.js';

/** A validated (H, Σ, η) with H's eigendecomposition. */
export interface Prepared {
  d: number;
  eta: number;
  /** H and Σ, symmetrized, row-major. */
  h: Float64Array;
  sigma: Float64Array;
  /** H's eigenvalues (ascending), U row-major (columns = eigenvectors) and Uᵀ. */
  a: Float64Array;
  u: Float64Array;
  ut: Float64Array;
  /** ‖H‖₂ = max |a_i|. */
  normH: number;
  logs: StepLogs;
  info: RegimeInfo;
  /** Some m_i < 0: ℓ (hence T, B, K) is complex (regime X, or S with a pole). */
  complex: boolean;
}

/** Validates H, Σ (same size, symmetric, Σ PSD) and η, and decomposes H. */
export function prepare(H: MatrixInput, Sigma: MatrixInput, eta: number): Prepared {
  const e = requireEta(eta);
  const h = toDense('H', H);
  requireSymmetric('H', h);
  const s = toDense('Sigma', Sigma, h.d);
  requireSymmetric('Sigma', s);
  requirePsd('Sigma', s);
  const { values: a, u, ut } = symmetricEigen(h.data, h.d);
  const logs = stepLogs(a, e);
  const normH = Math.max(Math.abs(a[0]), Math.abs(a[h.d - 1]));
  return {
    d: h.d, eta: e, h: h.data, sigma: s.data, a, ut, u, normH, logs,
    info: classify(a, e, logs), complex: logs.n.some((v) => v !== 0),
  };
}
