/**
 * The coefficient condition estimate κ of spec/numerics.md ("Error model"), computed from the
 * decimal reference's spectral data (its eigenvalues, kernel and Σ̃), never from the implementation
 * under test: the scale of every double tolerance that depends on conditioning (C10's accuracy
 * part, the differential tests, the PSD band). Implementations report the same documented estimate
 * as `diagnostics.condition`; tests pin that they agree.
 */
import type { Decimal } from 'decimal.js';
import type { SdeModel } from '../../src/formats/types.js';
import {
  context, ellPair, kernelEntry, parseProblem, refCoefficients, spectral,
  type Complex, type ComplexMatrix as RefMatrix, type Spectral,
} from '../../reference/index.js';

/** The inputs of a coefficients request, as doubles (the reference reads their decimal values). */
export interface CoefficientProblem {
  H: number[][];
  Sigma: number[][];
  eta: number;
}

/** The reference's spectral data of a problem, as doubles: the test's own route to the condition estimates. */
export interface RefSpectrum {
  d: number;
  eta: number;
  normH: number;
  /** x_i = ηa_i, m_i = 1 − ηa_i, Re ℓ_i and n_i (ℓ_i = Re ℓ_i − iπ n_i), from the decimal eigenvalues. */
  x: number[];
  m: number[];
  lre: number[];
  n: number[];
  /** |K_ij| = |φ(ℓ_i + ℓ_j)| (hasme's kernel) and Re(ℓ_i + ℓ_j) without cancellation. */
  kernelAbs: number[][];
  pairLre: number[][];
  sp: Spectral;
  /** referenceCondition per model, computed once. */
  conditions: Map<SdeModel, number>;
}

const REF_DIGITS = 34;

export function refSpectrum(pb: CoefficientProblem): RefSpectrum {
  const ctx = context({ digits: REF_DIGITS });
  const problem = parseProblem(pb.H, pb.Sigma, pb.eta, ctx);
  const sp = spectral(problem.H, problem.eta, ctx);
  const d = sp.a.length;
  const num = (x: Decimal) => x.toNumber();
  const n = sp.m.map((mi) => (mi.isNegative() ? 1 : 0));
  const regular = sp.regime !== 'S';
  const kernelAbs = sp.a.map((_, i) => sp.a.map((__, j) => (regular ? kernelEntry(sp, i, j).abs().toNumber() : NaN)));
  const pairLre = sp.a.map((_, i) => sp.a.map((__, j) => (sp.ell[i] && sp.ell[j] ? num(ellPair(sp, i, j).sigma) : NaN)));
  return {
    d, eta: pb.eta, normH: Math.max(...sp.a.map((a) => Math.abs(num(a)))),
    x: sp.x.map(num), m: sp.m.map(num), lre: sp.ell.map((l) => (l ? num(l.re) : Infinity)), n, kernelAbs, pairLre, sp, conditions: new Map(),
  };
}

export const frob = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
/** ‖A‖_F of a reference output (complex entries). */
export function refNorm(z: Complex[] | RefMatrix): number {
  const flat: Complex[] = Array.isArray(z[0]) ? (z as RefMatrix).flat() : (z as Complex[]);
  return Math.hypot(...flat.map((c) => Math.hypot(c.re.toNumber(), c.im.toNumber())));
}

/** max_i η‖H‖₂/|m_i|: sensitivity of ℓ_i to a relative perturbation eps of H (spec/numerics.md, "Error model"). */
function logSensitivity(s: RefSpectrum): number {
  return Math.max(0, ...s.m.map((m) => (s.eta * s.normH) / Math.abs(m)));
}

/** max over pairs with m_i, m_j < 0 of 1/|ln(m_i m_j)|: inverse distance to a pole of φ. */
function poleSensitivity(s: RefSpectrum): number {
  let k = 0;
  for (let i = 0; i < s.d; i++) for (let j = i; j < s.d; j++) if (s.n[i] && s.n[j]) k = Math.max(k, 1 / Math.abs(s.pairLre[i][j]));
  return k;
}

/**
 * The coefficient condition estimate κ of spec/numerics.md ("Error model"), computed by the test
 * from the decimal reference (its eigenvalues, kernel and Σ̃), not by the library:
 *   sme1 1; sme2 the cancellation factor of B = H + (η/2)H² and T = I + (η/2)H,
 *   (‖H‖_F + (η/2)‖H²‖_F)/‖B‖_F and (√d + (η/2)‖H‖_F)/‖T‖_F (1 at least);
 *   spf 1 + L; hasme (1 + L(1 + P))·max(1, max|K|·‖Σ‖_F/‖Σ̃‖_F),
 * with L = max_i η‖H‖₂/|m_i| and P = max_{m_i,m_j<0} 1/|ln(m_i m_j)|. The library reports the same
 * documented estimate as `diagnostics.condition` (sme2: 1, its products need no eigenbasis).
 */
export function referenceCondition(model: SdeModel, pb: CoefficientProblem, s: RefSpectrum = refSpectrum(pb)): number {
  return s.conditions.get(model) ?? s.conditions.set(model, computeCondition(model, pb, s)).get(model)!;
}

function computeCondition(model: SdeModel, pb: CoefficientProblem, s: RefSpectrum): number {
  if (model === 'sme1') return 1;
  if (model === 'sme2') {
    const h2 = s.x.map((x) => (x / s.eta) ** 2);
    const b = s.x.map((x) => (x / s.eta) * (1 + x / 2));
    const t = s.x.map((x) => 1 + x / 2);
    const cancelB = (Math.sqrt(h2.reduce((a, v) => a + v, 0)) + (s.eta / 2) * frob(h2)) / frob(b);
    const cancelT = (Math.sqrt(s.d) + (s.eta / 2) * Math.sqrt(h2.reduce((a, v) => a + v, 0))) / frob(t);
    return Math.max(1, Number.isFinite(cancelB) ? cancelB : 1, cancelT);
  }
  const l = logSensitivity(s);
  if (model === 'spf') return 1 + l;
  const sigmaNorm = frob(pb.Sigma.flat());
  const tilde = refNorm(refCoefficients(pb.H, pb.Sigma, pb.eta, { digits: REF_DIGITS }).diffusion);
  const maxK = Math.max(...s.kernelAbs.flat());
  const amplification = sigmaNorm === 0 ? 1 : Math.max(1, (maxK * sigmaNorm) / tilde);
  return (1 + l * (1 + poleSensitivity(s))) * amplification;
}
