/**
 * The matrix exponential in Decimal by scaling and squaring with a Taylor polynomial, for the
 * moment ODE of the weak-error engine (spec/weak.md §2): e^A = (T_m(A / 2^s))^{2^s}.
 *
 * Parameter choice (spec/weak.md §Engines): with X = A/2^s and θ ≥ ‖X‖₁, the Taylor remainder
 * obeys ‖e^X − T_m(X)‖₁ ≤ θ^{m+1}/(m+1)! · 1/(1 − θ/(m+2)). Squaring s times multiplies a relative
 * error by about 2^s, so we require remainder ≤ 10^−work / 2^s. T_m is evaluated by Paterson–Stockmeyer
 * (p = ⌈√(m+1)⌉: X², …, X^p, then Horner in X^p over blocks of p terms: p − 1 + ⌊m/p⌋ products).
 * Among θ = 2^−j (j = 0..12) we take the (s, m) with the fewest products. At 40 digits (54 working
 * digits): ‖A‖₁ = 1 → s = 0, m = 43; ‖A‖₁ = 10 → s = 4, m = 44 (12 + 4 products); ‖A‖₁ = 1000 → s = 10,
 * m = 45. Rounding: each product adds ≈ N·10^−work relative;
 * the squarings amplify it by ≤ 2^s·‖e^A‖-growth, covered by the guard digits of the context
 * (measured: 40-digit weak tables agree with 60-digit runs to 1e-38 relative, test/weak.exact.test.ts).
 */
import type { Decimal } from 'decimal.js';
import type { Ctx } from '../context.js';
import { realOps, type Matrix, type MatrixOps, type RealMatrix } from '../matrix.js';

export interface ExpmPlan {
  /** Squarings. */
  s: number;
  /** Taylor degree. */
  m: number;
}

/** Matrix products of Paterson–Stockmeyer for degree m. */
function psProducts(m: number): number {
  const p = Math.ceil(Math.sqrt(m + 1));
  return p - 1 + Math.floor(m / p);
}

/** 1-norm (largest column sum of |a_ij|), over any field with a modulus (real or complex entries). */
export function norm1<T>(A: Matrix<T>, ctx: Ctx, abs: (a: T) => Decimal = (a) => (a as Decimal).abs()): Decimal {
  let best = ctx.zero;
  for (let j = 0; j < A.length; j++) {
    let s = ctx.zero;
    for (const row of A) s = s.plus(abs(row[j]));
    best = ctx.D.max(best, s);
  }
  return best;
}

/** The (s, m) of least cost m + s meeting the remainder bound for ‖A‖₁ = `norm` at `ctx.work` digits. */
export function expmPlan(norm: Decimal, ctx: Ctx): ExpmPlan {
  let best: ExpmPlan | null = null;
  const lnTol = -ctx.work * Math.LN10;
  const lnNorm = norm.isZero() ? -Infinity : norm.ln().toNumber();
  for (let j = 0; j <= 12; j++) {
    const lnTheta = -j * Math.LN2;
    const s = Math.max(0, Math.ceil((lnNorm - lnTheta) / Math.LN2));
    const theta = Math.exp(lnTheta);
    // ln(θ^{m+1}/(m+1)!) − ln(1 − θ/(m+2)) ≤ lnTol − s ln 2
    let m = 1;
    let lnTerm = 2 * lnTheta - Math.log(2); // ln(θ²/2!)
    while (lnTerm - Math.log(1 - theta / (m + 2)) > lnTol - s * Math.LN2) {
      m++;
      lnTerm += lnTheta - Math.log(m + 1);
    }
    if (!best || psProducts(m) + s < psProducts(best.m) + best.s) best = { s, m };
  }
  return best!;
}

/** e^A for a square Decimal matrix at the context's working precision. */
export function expm(A: RealMatrix, ctx: Ctx): RealMatrix {
  return expmWith(A, realOps(ctx), ctx);
}

/** e^A over any field's matrix operations (e.g. complexOps for a complex drift matrix, C1). */
export function expmWith<T>(A: Matrix<T>, R: MatrixOps<T>, ctx: Ctx): Matrix<T> {
  const n = A.length;
  const { s, m } = expmPlan(norm1(A, ctx, R.F.abs), ctx);
  const real = (x: Decimal) => R.F.scale(R.F.one, x);
  const X = R.scale(A, real(new ctx.D(2).pow(-s)));
  // Paterson–Stockmeyer: T_m(X) = Σ_j (X^p)^j B_j with B_j = Σ_{i<p} X^i/(jp + i)!.
  const p = Math.ceil(Math.sqrt(m + 1));
  const powers = [R.identity(n), X];
  for (let i = 2; i <= p; i++) powers.push(R.mul(powers[i - 1], X));
  const invFact = [ctx.one];
  for (let k = 1; k <= m; k++) invFact.push(invFact[k - 1].div(k));
  const block = (j: number) => {
    let B = R.zeros(n, n);
    for (let i = 0; i < p && j * p + i <= m; i++) B = R.add(B, R.scale(powers[i], real(invFact[j * p + i])));
    return B;
  };
  const blocks = Math.floor(m / p);
  let P = block(blocks);
  for (let j = blocks - 1; j >= 0; j--) P = R.add(R.mul(P, powers[p]), block(j));
  for (let i = 0; i < s; i++) P = R.mul(P, P);
  return P;
}
