/**
 * Exact stationary moments (C18, spec/weak.md §7): the Stein and Lyapunov equations solved as
 * Kronecker linear systems (row-major vec, vec(A X Bᵀ) = (A ⊗ B) vec X), and the fixed points of the
 * exact moment maps of a quadratic moment form (SGD's one-step map, a model's moment ODE).
 */
import type { SdeModel } from '../../src/formats/types.js';
import type { Ctx } from '../context.js';
import { realOps, type RealMatrix } from '../matrix.js';
import type { Decimal } from 'decimal.js';
import type { DecimalForm, SecondMoments } from './form.js';
import { momentOde } from './ode.js';
import { sgdMomentStepper } from './sgd.js';

function vecSolve(K: RealMatrix, Q: RealMatrix, ctx: Ctx): RealMatrix {
  const R = realOps(ctx);
  const d = Q.length;
  const x = R.solve(K, Q.flat().map((q) => [q]));
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => x[i * d + j][0]));
}

/** X with X − M X Mᵀ = Q: (I − M ⊗ M) vec X = vec Q. */
export function solveStein(M: RealMatrix, Q: RealMatrix, ctx: Ctx): RealMatrix {
  const R = realOps(ctx);
  return vecSolve(R.sub(R.identity(Q.length ** 2), R.kron(M, M)), Q, ctx);
}

/** X with B X + X Bᵀ = Q: (B ⊗ I + I ⊗ B) vec X = vec Q. */
export function solveLyapunov(B: RealMatrix, Q: RealMatrix, ctx: Ctx): RealMatrix {
  const R = realOps(ctx);
  const I = R.identity(Q.length);
  return vecSolve(R.add(R.kron(B, I), R.kron(I, B)), Q, ctx);
}

/** Coordinates of symmetric moments: μ (d entries), then S_ab for a ≤ b. */
function coordinates(d: number): { toVector: (m: SecondMoments) => Decimal[]; basis: (k: number, ctx: Ctx) => SecondMoments; size: number } {
  const pairs: [number, number][] = [];
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) pairs.push([a, b]);
  return {
    size: d + pairs.length,
    toVector: (m) => [...m.mu, ...pairs.map(([a, b]) => m.S[a][b])],
    basis: (k, ctx) => {
      const mu = Array.from({ length: d }, (_, i) => (i === k ? ctx.one : ctx.zero));
      const S = Array.from({ length: d }, () => new Array<Decimal>(d).fill(ctx.zero));
      if (k >= d) {
        const [a, b] = pairs[k - d];
        S[a][b] = S[b][a] = ctx.one;
      }
      return { mu, S };
    },
  };
}

/**
 * The point where the affine map F on symmetric moments satisfies F(m) = m (`fixed`: a one-step
 * map) or F(m) = 0 (`zero`: a time derivative), by one linear solve in the d + d(d+1)/2 coordinates.
 */
function affineRoot(F: (m: SecondMoments) => SecondMoments, d: number, kind: 'fixed' | 'zero', ctx: Ctx): SecondMoments {
  const R = realOps(ctx);
  const c = coordinates(d);
  const zero: SecondMoments = { mu: new Array<Decimal>(d).fill(ctx.zero), S: R.zeros(d, d) };
  const f0 = c.toVector(F(zero));
  const columns = Array.from({ length: c.size }, (_, k) => c.toVector(F(c.basis(k, ctx))).map((v, i) => v.minus(f0[i])));
  // J[i][k] = ∂F_i/∂u_k; solve (J − I)u = −f0 (fixed) or J u = −f0 (zero).
  const A = Array.from({ length: c.size }, (_, i) => Array.from({ length: c.size }, (_, k) => (kind === 'fixed' && i === k ? columns[k][i].minus(1) : columns[k][i])));
  const u = R.solve(A, f0.map((v) => [v.neg()])).map((r) => r[0]);
  const mu = u.slice(0, d);
  const S = R.zeros(d, d);
  let k = d;
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) S[a][b] = S[b][a] = u[k++];
  return { mu, S };
}

/** SGD's stationary moments: the fixed point of its exact one-step moment map (spec/weak.md §2). */
export function sgdStationaryMoments(f: DecimalForm, eta: Decimal, ctx: Ctx): SecondMoments {
  return affineRoot(sgdMomentStepper(f, eta, ctx), f.d, 'fixed', ctx);
}

/** A model's stationary moments: the zero of its moment ODE's right-hand side (reference/weak/ode.ts). */
export function modelStationaryMoments(f: DecimalForm, model: SdeModel, eta: Decimal, ctx: Ctx): SecondMoments {
  const { L, d } = momentOde(f, model, eta, ctx);
  const R = realOps(ctx);
  const apply = (m: SecondMoments): SecondMoments => {
    const z = R.mulVec(L, [...m.mu, ...m.S.flat(), ctx.one]);
    return { mu: z.slice(0, d), S: Array.from({ length: d }, (_, a) => z.slice(d + a * d, d + (a + 1) * d)) };
  };
  return affineRoot(apply, d, 'zero', ctx);
}
