/**
 * Support for the differential tests and the library benchmark: the error of a double result
 * against the decimal reference, in units of eps (relative Frobenius, differences formed in
 * Decimal so the measurement itself adds no rounding), and the condition estimates by which
 * errors are normalized (spec/numerics.md, "Error model"), computed from the reference's spectral
 * data (coefficients: properties/claims/referenceCondition.ts; moments: here): a test never takes
 * the library's own κ as its tolerance.
 */
import { Decimal } from 'decimal.js';
import type { Model, SdeModel } from '../src/formats/types.js';
import type { ComplexMatrix, ComplexVector } from '../src/linalg/complex.js';
import { psiPhase, type Complex, type ComplexMatrix as RefMatrix, type Moments as RefMoments } from '../reference/index.js';
import { frob, referenceCondition, refNorm, refSpectrum, type RefSpectrum } from '../properties/claims/referenceCondition.js';

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
