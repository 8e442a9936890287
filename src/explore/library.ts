/**
 * The explorer's only door to the double library (src/index.ts): HA-SME coefficients and the
 * SGD / HA-SME moments of a 2×2 problem given in H's eigenbasis. No model code lives here.
 */
import { HasmeInputError } from '../errors.js';
import { coefficients, moments } from '../index.js';
import type { Regime } from '../formats/types.js';
import { relativeFrobenius, type ComplexMatrix } from '../linalg/complex.js';
import { symmetricEigenvalues } from '../linalg/symmetricEigen.js';

type Mat = number[][];

/** Σ̃ and the library's distance to the singular set, for a problem known to lie outside S. */
export function diffusionOf(H: Mat, Sigma: Mat, eta: number): { diffusion: ComplexMatrix; singularDistance: number } {
  const c = coefficients(H, Sigma, eta, { model: 'hasme' });
  return { diffusion: c.diffusion, singularDistance: c.diagnostics.singularDistance };
}

/**
 * The regime with Σ̃ and its diagnostics outside S, or `{ regime: 'S' }` where the library reports
 * the singular set (C9) — one eigendecomposition instead of a regime() call plus coefficients().
 */
export function classifyAndDiffuse(
  H: Mat,
  Sigma: Mat,
  eta: number,
): { regime: 'S' } | { regime: Exclude<Regime, 'S'>; diffusion: ComplexMatrix; singularDistance: number } {
  try {
    const c = coefficients(H, Sigma, eta, { model: 'hasme' });
    return { regime: c.regime as Exclude<Regime, 'S'>, diffusion: c.diffusion, singularDistance: c.diagnostics.singularDistance };
  } catch (e) {
    if (e instanceof HasmeInputError && e.code === 'singular') return { regime: 'S' };
    throw e;
  }
}

/** [λmin, λmax] of a real symmetric matrix given row-major (the library's backward-stable eigensolver). */
export function extremeEigenvalues(a: Float64Array, n: number): [number, number] {
  const values = symmetricEigenvalues(a, n);
  return [values[0], values[n - 1]];
}

/**
 * HA-SME's pseudo-covariance and covariance against SGD's covariance C_k after `steps` steps
 * (C3, C4), as relative Frobenius errors; covErr is null where HA-SME's covariance is undefined.
 */
export function momentErrors(H: Mat, Sigma: Mat, eta: number, steps: number): { pcovErr: number; covErr: number | null } {
  const problem = { H, Sigma, eta, x0: H.map(() => 0) };
  const sgd = moments('sgd', problem, steps);
  const sde = moments('hasme', problem, steps);
  return { pcovErr: relativeFrobenius(sde.pcov, sgd.pcov), covErr: sde.cov === null ? null : relativeFrobenius(sde.cov, sgd.pcov) };
}
