/**
 * Quantities in H's eigenbasis shared by coefficients and moments: Σ̂ = UᵀΣU, HA-SME's kernel
 * K_ij = φ(ℓ_i + ℓ_j) (spec/models.md §1–§2), each model's per-eigenvalue drift rate ρ_i = η β_i, and the
 * singular-set guard (C9).
 */
import { HasmeInputError } from '../errors.js';
import type { SdeModel } from '../formats/types.js';
import { mulABt } from '../linalg/dense.js';
import type { ComplexMatrix } from '../linalg/complex.js';
import { phiInto, type ComplexOut } from '../numerics/phi.js';
import { pairLogSum } from '../numerics/stepLog.js';
import type { Prepared } from './prepare.js';

/** Σ̂ = Uᵀ Σ U (exactly symmetric). */
export function sigmaHat(p: Prepared): Float64Array {
  const { d, ut, sigma } = p;
  return mulABt(mulABt(ut, sigma, d, d, d), ut, d, d, d, true);
}

/**
 * On the singular set (C9) hasme is reported undefined (some m_i = 0, or a pole of φ, where T
 * exists but Σ̃ is not fixed by C2: the convention of C9) and spf where some m_i = 0 (it has no φ);
 * throw `singular` naming the eigenvalue or pair.
 */
export function requireNonsingular(p: Prepared, model: SdeModel): void {
  const witness = model === 'hasme' ? p.info.zero ?? p.info.pole : model === 'spf' ? p.info.zero : null;
  if (witness) {
    throw new HasmeInputError('singular', `${model} is undefined in regime S (spec/claims.md C9): ${witness}`, {
      singularDistance: p.info.singularDistance,
      tolerance: p.info.tolerance,
    });
  }
}

/**
 * K_ij = φ(ℓ_i + ℓ_j), symmetric; `im` null in regime R. ℓ_i + ℓ_j = x − iπ(n_i + n_j) with x
 * from {@link pairLogSum} (cancellation-free near the removable singularity C10).
 */
export function hasmeKernel(p: Prepared): ComplexMatrix {
  const { d, logs } = p;
  const re = new Float64Array(d * d);
  const im = p.complex ? new Float64Array(d * d) : null;
  const out: ComplexOut = { re: 0, im: 0 };
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      phiInto(pairLogSum(logs, i, j), logs.n[i] + logs.n[j], out);
      re[i * d + j] = re[j * d + i] = out.re;
      if (im) im[i * d + j] = im[j * d + i] = out.im;
    }
  }
  return { rows: d, cols: d, re, im };
}

/**
 * Per-eigenvalue drift rates ρ_i = η β_i of B = U diag(β) Uᵀ as x − iπn (spec/models.md §1–§2):
 * sme1 ηa, sme2 ηa + (ηa)²/2, spf and hasme ℓ_i.
 */
export interface Rates {
  x: Float64Array;
  n: Int8Array;
  /** Re(ρ_i + ρ_j), accurate where it cancels. */
  pairSum(i: number, j: number): number;
}

export function driftRates(p: Prepared, model: SdeModel): Rates {
  const { logs } = p;
  if (model === 'spf' || model === 'hasme') {
    return { x: logs.lre, n: logs.n, pairSum: (i, j) => pairLogSum(logs, i, j) };
  }
  const x = logs.x.map((xi) => (model === 'sme1' ? xi : xi + 0.5 * xi * xi));
  return { x, n: new Int8Array(p.d), pairSum: (i, j) => x[i] + x[j] };
}
