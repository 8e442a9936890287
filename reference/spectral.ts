/**
 * The per-eigenvalue quantities of spec/models.md §1–§6 for a validated (H, η): eigenbasis, m_i = 1 − ηa_i,
 * ℓ_i = −Log m_i (principal branch), the regime, and the distance to the singular set.
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../src/errors.js';
import type { Regime } from '../src/formats/types.js';
import { Complex } from './complex.js';
import type { Ctx } from './context.js';
import { eigSym } from './eig.js';
import type { RealMatrix } from './matrix.js';
import { expm1, log1p } from './special.js';

/** Where the singular set (spec/models.md §3–§6 regime S, C9) was hit. */
export type SingularPoint =
  | { kind: 'zero'; index: number; eigenvalue: string }
  | { kind: 'pole'; pair: [number, number]; eigenvalues: [string, string] };

export interface Spectral {
  ctx: Ctx;
  eta: Decimal;
  /** Eigenvalues a_i of H, ascending, and orthonormal eigenvectors (columns of U). */
  a: Decimal[];
  U: RealMatrix;
  /** x_i = η a_i. */
  x: Decimal[];
  /** m_i = 1 − η a_i. */
  m: Decimal[];
  /** ℓ_i = −Log m_i; null where m_i = 0 (regime S). ℓ_i = −ln|m_i| − iπ for m_i < 0. */
  ell: (Complex | null)[];
  regime: Regime;
  /** The first singular point found (regime S only). */
  singular: SingularPoint | null;
}

/**
 * Tolerance of the singular-set test: |m_i| ≤ τ, or m_i, m_j < 0 with |ln|m_i| + ln|m_j|| ≤ τ,
 * where τ = 10^(8 − work)·max(1, η max|a_i|): a few hundred units of the eigenvalues' rounding
 * error. Inputs at a greater distance are computed (with accuracy degrading like 10^−work/distance,
 * as the self-check measures).
 */
export function singularTolerance(ctx: Ctx, eta: Decimal, a: Decimal[]): Decimal {
  const amax = a.reduce((m, x) => ctx.D.max(m, x.abs()), ctx.zero);
  return ctx.D.max(ctx.one, eta.times(amax)).times(new ctx.D(10).pow(8 - ctx.work));
}

/** ℓ = −Log(1 − x) for real x = η a ≠ 1 (log1p keeps full relative accuracy for small x). */
export function ellOf(x: Decimal, ctx: Ctx): Complex {
  const m = ctx.one.minus(x);
  if (m.isPositive()) return new Complex(log1p(x.neg()).neg(), ctx.zero);
  // |m| = x − 1, ln|m| = log1p(x − 2): accurate near m = −1.
  return new Complex(log1p(x.minus(2)).neg(), ctx.pi.neg());
}

/** Eigendecomposition of H plus m, ℓ and the regime for step size η. */
export function spectral(H: RealMatrix, eta: Decimal, ctx: Ctx): Spectral {
  const { values: a, vectors: U } = eigSym(H, ctx);
  const x = a.map((ai) => eta.times(ai));
  const m = x.map((xi) => ctx.one.minus(xi));
  const tau = singularTolerance(ctx, eta, a);
  const ell = x.map((xi, i) => (m[i].abs().lte(tau) ? null : ellOf(xi, ctx)));
  let singular: SingularPoint | null = null;
  const zero = ell.indexOf(null);
  if (zero >= 0) singular = { kind: 'zero', index: zero, eigenvalue: a[zero].toString() };
  for (let i = 0; i < a.length && !singular; i++) {
    for (let j = i; j < a.length && !singular; j++) {
      const li = ell[i];
      const lj = ell[j];
      if (!li || !lj || !m[i].isNegative() || !m[j].isNegative()) continue;
      // |m_i m_j − 1| ≤ τ(|m_i| + |m_j|) (the library's test, src/library/regime.ts) in log form:
      // |ℓ_i + ℓ_j| ≈ |m_i m_j − 1|/|m_i m_j|, so the bound is τ(1/|m_i| + 1/|m_j|). A bare τ,
      // which grows with ηa, would call every large step a pole (η = 1e296 with a = 1).
      if (li.re.plus(lj.re).abs().lte(tau.div(m[i].abs()).plus(tau.div(m[j].abs())))) singular = { kind: 'pole', pair: [i, j], eigenvalues: [a[i].toString(), a[j].toString()] };
    }
  }
  const regime: Regime = singular ? 'S' : m.some((mi) => mi.isNegative()) ? 'X' : 'R';
  return { ctx, eta, a, U, x, m, ell, regime, singular };
}

/** Throws HasmeInputError('singular') naming the eigenvalue or pair (spec/claims.md C9). */
export function raiseSingular(sp: Spectral, what: string): never {
  const s = sp.singular!;
  const eta = sp.eta.toString();
  if (s.kind === 'zero') {
    throw new HasmeInputError('singular', `${what} is undefined: η·a_${s.index} = 1 (a_${s.index} = ${s.eigenvalue}, η = ${eta}), so m_${s.index} = 0`, {
      index: s.index,
      eigenvalue: s.eigenvalue,
    });
  }
  const [i, j] = s.pair;
  throw new HasmeInputError(
    'singular',
    `${what} is undefined: m_${i}·m_${j} = 1 with both negative (a_${i} = ${s.eigenvalues[0]}, a_${j} = ${s.eigenvalues[1]}, η = ${eta}): ` +
      `ℓ_${i} + ℓ_${j} = −2πi is a pole of φ`,
    { pair: [i, j], eigenvalues: s.eigenvalues },
  );
}

/** φ(z) = z / (1 − e^{−z}), φ(0) = 1 (spec/models.md §1–§2), for any complex z off the poles 2πik, k ≠ 0. */
export function phi(z: Complex): Complex {
  if (z.isZero()) return new Complex(new z.D(1), new z.D(0));
  return z.div(z.neg().expm1().neg());
}

/** A complex number σ − iπq with σ real and q an integer: the exact form of ℓ_i + ℓ_j and of its multiples. */
export interface PiPhase {
  sigma: Decimal;
  q: number;
}

/** q_i with ℓ_i = Re ℓ_i − iπ q_i: 1 where m_i < 0, else 0. */
function halfTurns(sp: Spectral, i: number): number {
  return sp.m[i].isNegative() ? 1 : 0;
}

/** 1 − m_i m_j = x_i + x_j − x_i x_j: no cancellation from forming m_i m_j first. */
export function oneMinusProduct(sp: Spectral, i: number, j: number): Decimal {
  return sp.x[i].plus(sp.x[j]).minus(sp.x[i].times(sp.x[j]));
}

/**
 * ℓ_i + ℓ_j (or ℓ_i + conj ℓ_j) as σ − iπq. Where Re ℓ_i + Re ℓ_j cancels (near the removable
 * singularity C10, m_i m_j ≈ 1 with m_i m_j > 0), σ = −ln(m_i m_j) = −log1p(−(1 − m_i m_j)) instead,
 * so σ keeps full relative accuracy.
 */
export function ellPair(sp: Spectral, i: number, j: number, conjugate = false): PiPhase {
  const qi = halfTurns(sp, i);
  const qj = halfTurns(sp, j);
  const ri = sp.ell[i]!.re;
  const rj = sp.ell[j]!.re;
  const q = conjugate ? qi - qj : qi + qj;
  let sigma = ri.plus(rj);
  if (qi === qj && sigma.abs().times(2).lt(sp.ctx.D.max(ri.abs(), rj.abs()))) sigma = log1p(oneMinusProduct(sp, i, j).neg()).neg();
  return { sigma, q };
}

/** The complex value of σ − iπq. */
export function phaseValue(p: PiPhase, ctx: Ctx): Complex {
  return new Complex(p.sigma, ctx.pi.times(-p.q));
}

/**
 * K_ij = φ(ℓ_i + ℓ_j) (spec/models.md §1–§2) using e^{−(ℓ_i+ℓ_j)} = m_i m_j exactly (principal logarithm):
 * K_ij = (ℓ_i + ℓ_j) / (1 − m_i m_j), with K_ij = 1 at the removable singularity (C10) and
 * −log1p(−u)/u (u = 1 − m_i m_j) near it, so no digits are lost there. Regime S is excluded by the caller.
 */
export function kernelEntry(sp: Spectral, i: number, j: number): Complex {
  const u = oneMinusProduct(sp, i, j);
  const s = ellPair(sp, i, j);
  if (u.isZero()) return new Complex(sp.ctx.one, sp.ctx.zero); // q = 0 here: q = 2 would be a pole (regime S)
  return phaseValue(s, sp.ctx).scale(sp.ctx.one.div(u));
}

/**
 * ψ(z) = (1 − e^{−z}) / z, ψ(0) = 1, at z = y − iπp: 1 − e^{−z} = 1 − (−1)^p e^{−y}, evaluated with
 * expm1 when p is even (no cancellation as y → 0). t ψ(st) is the OU integral ∫_0^t e^{−su} du.
 */
export function psiPhase(y: Decimal, p: number, ctx: Ctx): Complex {
  const even = p % 2 === 0;
  if (p === 0 && y.isZero()) return new Complex(ctx.one, ctx.zero);
  const num = even ? expm1(y.neg()).neg() : y.neg().exp().plus(1);
  return new Complex(num, ctx.zero).div(new Complex(y, ctx.pi.times(-p))); // p = 0: a real division
}
