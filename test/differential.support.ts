/**
 * Support for the differential tests and the library benchmark: the error of a double result
 * against the decimal reference, in units of eps (relative Frobenius, differences formed in
 * Decimal so the measurement itself adds no rounding), and the condition estimate by which
 * errors are normalized (spec/numerics.md, "Error model").
 */
import { Decimal } from 'decimal.js';
import type { Model, SdeModel } from '../src/formats/types.js';
import type { ComplexMatrix, ComplexVector } from '../src/linalg/complex.js';
import { coefficientsOf } from '../src/library/coefficients.js';
import { driftRates, hasmeKernel } from '../src/library/eigenbasis.js';
import type { Moments } from '../src/library/moments.js';
import { prepare } from '../src/library/prepare.js';
import { invPhiInto, type ComplexOut } from '../src/numerics/phi.js';
import type { Complex, ComplexMatrix as RefMatrix } from '../reference/index.js';

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

/**
 * Condition estimates of the moments (spec/numerics.md, "Error model"): first-order relative
 * sensitivity of e^{−kρ_i} and g(k(ρ_i + ρ_j)) to the eigensolver's backward error eps‖H‖₂
 * (1 + k·η‖H‖₂·max_i |dρ_i/d(ηa_i)|, with dρ/d(ηa) = 1 for sme1, 1 + ηa for sme2, 1/m for the
 * ℓ-based models and SGD), times the coefficient condition (hasme), times the cancellation
 * factor of the back-transformation: max weight × input norm / output norm.
 */
export function momentConditions(model: Model, pb: { H: number[][]; Sigma: number[][]; eta: number; x0: number[] }, steps: number, mine: Moments): { mean: number; pcov: number; cov: number } {
  const p = prepare(pb.H, pb.Sigma, pb.eta);
  const sdeModel: SdeModel = model === 'sgd' ? 'spf' : model;
  const rates = driftRates(p, sdeModel);
  let slope = 0;
  for (let i = 0; i < p.d; i++) {
    const x = p.logs.x[i];
    slope = Math.max(slope, sdeModel === 'sme1' ? 1 : sdeModel === 'sme2' ? Math.abs(1 + x) : 1 / Math.abs(p.logs.m[i]));
  }
  const base = (1 + steps * p.eta * p.normH * slope) * (model === 'hasme' ? coefficientsOf(p, 'hasme').diagnostics.condition : 1);
  let maxDecay = 0;
  for (let i = 0; i < p.d; i++) maxDecay = Math.max(maxDecay, Math.exp(-steps * rates.x[i]));
  const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
  const x0n = norm(pb.x0);
  const meanN = Math.hypot(norm(mine.mean.re), mine.mean.im ? norm(mine.mean.im) : 0);
  const ampMean = meanN === 0 ? 1 : Math.max(1, (maxDecay * x0n) / meanN);
  const g: ComplexOut = { re: 0, im: 0 };
  const kernel = model === 'hasme' ? hasmeKernel(p) : null;
  let maxWeight = 0;
  for (let i = 0; i < p.d; i++) {
    for (let j = 0; j < p.d; j++) {
      const kij = kernel ? Math.hypot(kernel.re[i * p.d + j], kernel.im ? kernel.im[i * p.d + j] : 0) : 1;
      for (const n of [rates.n[i] + rates.n[j], rates.n[i] - rates.n[j]]) {
        invPhiInto(steps * rates.pairSum(i, j), steps * n, g);
        maxWeight = Math.max(maxWeight, p.eta * p.eta * Math.max(steps, 1) * Math.hypot(g.re, g.im) * kij);
      }
    }
  }
  const sigmaN = norm(p.sigma);
  const amp = (m: ComplexMatrix | null) => {
    if (!m) return 1;
    const n = Math.hypot(norm(m.re), m.im ? norm(m.im) : 0);
    return n === 0 ? 1 : Math.max(1, (maxWeight * sigmaN) / n);
  };
  return { mean: base * ampMean, pcov: base * amp(mine.pcov), cov: base * amp(mine.cov) };
}
