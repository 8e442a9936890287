/**
 * 2×2 problems written in H's eigenbasis: H = diag(a1, a2), Σ = R(θ)ᵀ diag(s1, s2) R(θ).
 * By orthogonal equivariance (C12) this is the same case as H = R(θ) diag(a1, a2) R(θ)ᵀ with
 * Σ = diag(s1, s2), with every quantity the explorer reports invariant (regime, eigenvalues of Σ̃,
 * relative Frobenius errors), and H's eigenvalues are exact, so ηa = 1 lands exactly on S.
 */
import { HasmeInputError } from '../errors.js';
import type { Regime } from '../formats/types.js';
import { classifyAndDiffuse, extremeEigenvalues, momentErrors } from './library.js';
import type { Cell } from './types.js';

type Mat = number[][];

/** Σ = R(θ)ᵀ diag(s1, s2) R(θ), exactly symmetric. */
export function rotatedSigma(theta: number, s1: number, s2: number): Mat {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const off = (s1 - s2) * c * s;
  // Rᵀ diag(s) R with R = [[c, −s], [s, c]]: entries c²s1 + s²s2, −cs(s1 − s2), s²s1 + c²s2.
  return [
    [c * c * s1 + s * s * s2, -off],
    [-off, s * s * s1 + c * c * s2],
  ];
}

/** A 2×2 problem in H's eigenbasis. */
export interface Problem2 {
  a1: number;
  a2: number;
  Sigma: Mat;
  eta: number;
}

/** H = diag(a1, a2). */
export function diagH(a1: number, a2: number): Mat {
  return [
    [a1, 0],
    [0, a2],
  ];
}

/**
 * Σ̃'s PSD margin λmin/λmax in regime R (null in X, where Σ̃ is complex symmetric and "PSD" has
 * no meaning, C8) and the library's singular distance; regime S gets nulls (C9).
 */
export function diffusionMargin(p: Problem2): { regime: Regime; psdMargin: number | null; singularDistance: number | null } {
  const c = classifyAndDiffuse(diagH(p.a1, p.a2), p.Sigma, p.eta);
  if (c.regime === 'S') return { regime: 'S', psdMargin: null, singularDistance: null };
  const regime = c.regime;
  let psdMargin: number | null = null;
  if (regime === 'R') {
    // Σ̃ is real in R; trace Σ̃ = Σ φ(2ℓ_i) Σ̂_ii > 0, so λmax > 0 whenever Σ ≠ 0.
    const [lo, hi] = extremeEigenvalues(c.diffusion.re, 2);
    psdMargin = hi > 0 ? lo / hi : null;
  }
  return { regime, psdMargin, singularDistance: c.singularDistance };
}

/** Every cell quantity of a 2×2 problem (without the axis values). */
export function evaluate2x2(p: Problem2, steps: number): Omit<Cell, 'x' | 'y'> {
  const { regime, psdMargin, singularDistance } = diffusionMargin(p);
  if (regime === 'S') return { regime, psdMargin, pcovErr: null, covErr: null, singularDistance, overflow: null };
  try {
    return { regime, psdMargin, ...momentErrors(diagH(p.a1, p.a2), p.Sigma, p.eta, steps), singularDistance, overflow: null };
  } catch (e) {
    // Moments beyond double range after `steps` steps (e.g. |1 − ηa| > 1 and k large): the cell
    // records why its errors are missing instead of aborting the whole map.
    if (e instanceof HasmeInputError && e.code === 'non-finite') return { regime, psdMargin, pcovErr: null, covErr: null, singularDistance, overflow: e.message };
    throw e;
  }
}
