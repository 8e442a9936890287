/**
 * Support for the differential tests and the library benchmark: the error of a double result
 * against the decimal reference, in units of eps (relative Frobenius, differences formed in
 * Decimal so the measurement itself adds no rounding), and the condition estimates by which
 * errors are normalized (spec/numerics.md, "Error model"), computed here from the reference's
 * spectral data: a test never takes the library's own κ as its tolerance.
 */
import { Decimal } from 'decimal.js';
import type { Model, SdeModel } from '../src/formats/types.js';
import type { ComplexMatrix, ComplexVector } from '../src/linalg/complex.js';
import {
  context, ellPair, kernelEntry, parseProblem, psiPhase, refCoefficients, spectral,
  type Complex, type ComplexMatrix as RefMatrix, type Moments as RefMoments, type Spectral,
} from '../reference/index.js';

const D = Decimal.clone({ precision: 60 });
const EPS = new D(2).pow(-52);

/**
 * The exact value of a double as a Decimal. (`new Decimal(x)` takes x's shortest round-trip
 * string, which differs from x by up to ½ ulp: enough to fake a 60-eps "error" in e^x at x = 200.)
 */
export function exactDecimal(x: number, Ctor: Decimal.Constructor = D): Decimal {
  if (x === 0 || !Number.isFinite(x)) return new Ctor(x);
  const e = Math.max(Math.floor(Math.log2(Math.abs(x))) - 52, -1074);
  return new Ctor(x / 2 ** e).times(new Ctor(2).pow(e));
}

/** ‖mine − ref‖_F / ‖ref‖_F in units of eps (absolute / eps when ref = 0). */
export function errorInEps(mine: ComplexMatrix | ComplexVector, ref: RefMatrix | Complex[]): number {
  const flat: Complex[] = Array.isArray(ref[0]) ? (ref as RefMatrix).flat() : (ref as Complex[]);
  if (flat.length !== mine.re.length) throw new Error(`size mismatch: ${mine.re.length} vs ${flat.length}`);
  let num = new D(0), den = new D(0);
  flat.forEach((z, q) => {
    const re = new D(z.re.toString()), im = new D(z.im.toString());
    const dr = exactDecimal(mine.re[q]).minus(re), di = exactDecimal(mine.im ? mine.im[q] : 0).minus(im);
    num = num.plus(dr.times(dr)).plus(di.times(di));
    den = den.plus(re.times(re)).plus(im.times(im));
  });
  const rel = den.isZero() ? num.sqrt() : num.div(den).sqrt();
  return rel.div(EPS).toNumber();
}

/** A problem as the differential tests draw it (doubles; the reference reads their decimal values). */
export interface DrawnProblem {
  H: number[][];
  Sigma: number[][];
  eta: number;
  x0: number[];
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

export function refSpectrum(pb: Pick<DrawnProblem, 'H' | 'Sigma' | 'eta'>): RefSpectrum {
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

const frob = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
/** ‖A‖_F of a reference output (complex entries). */
function refNorm(z: Complex[] | RefMatrix): number {
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
export function referenceCondition(model: SdeModel, pb: Pick<DrawnProblem, 'H' | 'Sigma' | 'eta'>, s: RefSpectrum = refSpectrum(pb)): number {
  return s.conditions.get(model) ?? s.conditions.set(model, computeCondition(model, pb, s)).get(model)!;
}

function computeCondition(model: SdeModel, pb: Pick<DrawnProblem, 'H' | 'Sigma' | 'eta'>, s: RefSpectrum): number {
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

/** |(1 − e^{−w})/w| at w = y − iπq (the OU integral's factor), from the reference's ψ. */
function psiAbs(y: number, q: number, s: RefSpectrum): number {
  const ctx = s.sp.ctx;
  return psiPhase(new ctx.D(y), q, ctx).abs().toNumber();
}

/**
 * Condition estimates of the moments (spec/numerics.md, "Error model"), computed by the test from
 * the reference's spectral data: first-order relative sensitivity of e^{−kρ_i} and g(k(ρ_i + ρ_j))
 * to the eigensolver's backward error eps‖H‖₂ (1 + k·η‖H‖₂·max_i |dρ_i/d(ηa_i)|, with dρ/d(ηa) = 1
 * for sme1, 1 + ηa for sme2, 1/m for the ℓ-based models and SGD), times the coefficient condition
 * (hasme, {@link referenceCondition}), times the cancellation factor of the back-transformation:
 * max weight × input norm / output norm (output norms from the reference's moments).
 */
/**
 * SGD's moments are polynomials in m_i = 1 − ηa_i (defined on the singular set too): a perturbation
 * δ = η‖H‖₂ (relative eps) of m_i moves m_i^k by k|m_i|^(k−1)δ and Σ_{r<k}(m_i m_j)^r by
 * Σ_r r|p|^(r−1)(|m_i| + |m_j|)δ, p = m_i m_j; each times input norm / output norm.
 */
function sgdConditions(pb: DrawnProblem, k: number, ref: RefMoments, s: RefSpectrum): { mean: number; pcov: number; cov: number } {
  const delta = s.eta * s.normH;
  const pow = (x: number, e: number) => (e === 0 ? 1 : Math.abs(x) ** e);
  let meanW = 0, covW = 0;
  for (let i = 0; i < s.d; i++) {
    meanW = Math.max(meanW, pow(s.m[i], k) + (k === 0 ? 0 : k * pow(s.m[i], k - 1) * delta));
    for (let j = 0; j < s.d; j++) {
      const p = Math.abs(s.m[i] * s.m[j]);
      let w = 0;
      for (let r = 0; r < k; r++) w += pow(p, r) + (r === 0 ? 0 : r * pow(p, r - 1) * (Math.abs(s.m[i]) + Math.abs(s.m[j])) * delta);
      covW = Math.max(covW, s.eta * s.eta * w);
    }
  }
  const ratio = (weight: number, input: number, out: number) => (out === 0 ? 1 : Math.max(1, (weight * input) / out));
  const pcov = ratio(covW, frob(pb.Sigma.flat()), refNorm(ref.pcov));
  return { mean: ratio(meanW, frob(pb.x0), refNorm(ref.mean)), pcov, cov: pcov };
}

export function momentConditions(model: Model, pb: DrawnProblem, steps: number, ref: RefMoments, s: RefSpectrum = refSpectrum(pb)): { mean: number; pcov: number; cov: number } {
  if (model === 'sgd') return sgdConditions(pb, steps, ref, s);
  const sdeModel: SdeModel = model;
  const rateX = (i: number) => (sdeModel === 'sme1' ? s.x[i] : sdeModel === 'sme2' ? s.x[i] + 0.5 * s.x[i] * s.x[i] : s.lre[i]);
  const rateN = (i: number) => (sdeModel === 'sme1' || sdeModel === 'sme2' ? 0 : s.n[i]);
  const pairX = (i: number, j: number) => (sdeModel === 'sme1' || sdeModel === 'sme2' ? rateX(i) + rateX(j) : s.pairLre[i][j]);
  let slope = 0;
  for (let i = 0; i < s.d; i++) slope = Math.max(slope, sdeModel === 'sme1' ? 1 : sdeModel === 'sme2' ? Math.abs(1 + s.x[i]) : 1 / Math.abs(s.m[i]));
  const base = (1 + steps * s.eta * s.normH * slope) * (model === 'hasme' ? referenceCondition('hasme', pb, s) : 1);
  let maxDecay = 0;
  for (let i = 0; i < s.d; i++) maxDecay = Math.max(maxDecay, Math.exp(-steps * rateX(i)));
  const meanN = refNorm(ref.mean);
  const ampMean = meanN === 0 ? 1 : Math.max(1, (maxDecay * frob(pb.x0)) / meanN);
  let maxWeight = 0;
  for (let i = 0; i < s.d; i++) {
    for (let j = 0; j < s.d; j++) {
      const kij = model === 'hasme' ? s.kernelAbs[i][j] : 1;
      for (const q of [rateN(i) + rateN(j), rateN(i) - rateN(j)]) {
        maxWeight = Math.max(maxWeight, s.eta * s.eta * Math.max(steps, 1) * psiAbs(steps * pairX(i, j), steps * q, s) * kij);
      }
    }
  }
  const sigmaN = frob(pb.Sigma.flat());
  const amp = (m: RefMatrix | null) => {
    if (!m) return 1;
    const n = refNorm(m);
    return n === 0 ? 1 : Math.max(1, (maxWeight * sigmaN) / n);
  };
  return { mean: base * ampMean, pcov: base * amp(ref.pcov), cov: base * amp(ref.cov) };
}
