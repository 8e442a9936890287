/**
 * Symmetric eigendecomposition in Decimal, accurate to working precision for every spectrum,
 * including repeated and clustered eigenvalues.
 *
 * Method: a double-precision start (ml-matrix, on H / max|h_ij|), refined in Decimal by the
 * Ogita–Aishima iteration (X ← X(I + E) from R = I − XᵀX and S = XᵀHX; quadratic convergence of
 * both orthogonality and eigenvector error: 1e-16 → 1e-32 → 1e-64), then cyclic Jacobi on the
 * final S = XᵀHX. Pairs the iteration cannot separate safely (eigenvalues closer than its error
 * bound, or a correction that would not be small) get only the orthogonality correction; their
 * invariant subspace still converges, and Jacobi then resolves each cluster (repeated or clustered
 * eigenvalues). If the double start is unusable, Jacobi starts from the identity (more sweeps).
 */
import type { Decimal } from 'decimal.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { reducedContext, type Ctx } from './context.js';
import { scaledMatrix, sequentialDot } from './dot.js';
import { realOps, type RealMatrix } from './matrix.js';

/** H = V diag(values) Vᵀ with V orthogonal; values ascending. */
export interface EigSym {
  values: Decimal[];
  vectors: RealMatrix;
}

/** Upper bound on Jacobi sweeps (typically 2–3 from a double start, ≤ 10 from the identity). */
const MAX_SWEEPS = 60;

function doubleStart(H: RealMatrix, scale: Decimal): number[][] | null {
  const Hd = new Matrix(H.map((row) => row.map((a) => a.div(scale).toNumber())));
  const V = new EigenvalueDecomposition(Hd, { assumeSymmetric: true }).eigenvectorMatrix.to2DArray();
  return V.every((row) => row.every(Number.isFinite)) ? V : null;
}

/** XᵀY for square matrices whose product is symmetric: upper triangle computed, mirrored. */
function symmetricProduct(X: RealMatrix, Y: RealMatrix, ctx: Ctx): RealMatrix {
  const n = X.length;
  const Xt = realOps(ctx).transpose(X);
  const Yt = X === Y ? Xt : realOps(ctx).transpose(Y);
  const xs = scaledMatrix(Xt);
  const ys = X === Y ? xs : scaledMatrix(Yt);
  const P: RealMatrix = Array.from({ length: n }, () => new Array<Decimal>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      // Bit-identical to s = 0; s = s + X[r][i]·Y[r][j] over r (reference/dot.ts).
      P[i][j] = P[j][i] = sequentialDot(xs[i], ys[j], ctx.D, () => Xt[i].reduce((s, x, r) => s.plus(x.times(Yt[j][r])), ctx.zero));
    }
  }
  return P;
}

/** Iterations of the refinement before falling back to Jacobi alone. */
const MAX_REFINEMENTS = 8;
/** A pair is separated when its first-order correction is below this fraction of the gap. */
const SEPARATION = 1e-3;

/**
 * Ogita–Aishima refinement of approximate eigenvectors X of symmetric H. Returns X and
 * S = XᵀHX at the converged X (orthogonal to ~100 units of working precision, S diagonal outside
 * clusters to the same level), or null if it did not converge. Each step roughly squares the
 * error, so a step whose input error is e runs at the precision needed for e² (−2 log10 e + 8
 * digits), capped at the working precision.
 */
function refine(H: RealMatrix, X0: RealMatrix, tol: Decimal, ctx: Ctx): { X: RealMatrix; S: RealMatrix } | null {
  const n = H.length;
  const normH2 = H.reduce((s, row) => row.reduce((t, h) => t.plus(h.times(h)), s), ctx.zero);
  const normH = normH2.sqrt();
  let X = X0;
  let errDigits = 14; // the double start's accuracy, log10 scale
  for (let iter = 0; iter < MAX_REFINEMENTS; iter++) {
    const c = reducedContext(ctx, 2 * errDigits + 8);
    const Rops = realOps(c);
    const Xc = X.map((row) => row.map((v) => new c.D(v)));
    const Hc = H.map((row) => row.map((v) => new c.D(v)));
    const half = new c.D(0.5);
    const G = symmetricProduct(Xc, Xc, c); // XᵀX = I − R
    const S = symmetricProduct(Xc, Rops.mul(Hc, Xc), c);
    const R = G.map((row, i) => row.map((g, j) => (i === j ? c.one.minus(g) : g.neg())));
    const lambda = S.map((row, i) => row[i].times(c.one.plus(R[i][i]))); // s_ii/(1 − r_ii) to O(r²)
    let offS = c.zero;
    let normR = c.zero;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        normR = normR.plus(R[i][j].times(R[i][j]));
        if (i !== j) offS = offS.plus(S[i][j].times(S[i][j]));
      }
    }
    // Relative error measures in double (ratios ≥ 1e-300 suffice: below that the pair test is moot).
    const relOff = Math.sqrt(offS.div(normH2).toNumber());
    const relR = Math.sqrt(normR.toNumber());
    const delta = normH.times(2 * (relOff + relR));
    let done = c.work === ctx.work && normR.lte(ctx.eps.times(ctx.eps).times(1e4));
    const E: RealMatrix = R.map((row) => row.map((r) => r.times(half)));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const gap = lambda[j].minus(lambda[i]);
        const numIJ = S[i][j].plus(lambda[j].times(R[i][j]));
        const numJI = S[i][j].plus(lambda[i].times(R[i][j]));
        // Separate the pair only where the first-order correction is valid (small); else treat it as a cluster.
        const small = gap.abs().times(SEPARATION);
        if (gap.abs().gt(delta) && numIJ.abs().lt(small) && numJI.abs().lt(small)) {
          const inv = c.one.div(gap);
          E[i][j] = numIJ.times(inv);
          E[j][i] = numJI.times(inv).neg();
          if (S[i][j].abs().gt(tol)) done = false;
        }
      }
    }
    if (done) return { X: Xc, S };
    const err = Math.max(relOff, relR);
    // X E is of relative size ≈ err, so it needs only work + log10(err) + 5 digits.
    const small = reducedContext(ctx, c.work + Math.log10(Math.max(err, 1e-300)) + 5);
    const XE = realOps(small).mul(Xc.map((row) => row.map((v) => new small.D(v))), E.map((row) => row.map((v) => new small.D(v))));
    X = Xc.map((row, i) => row.map((v, j) => v.plus(XE[i][j])));
    errDigits = Math.min(ctx.work, err > 0 ? Math.max(errDigits, 2 * -Math.log10(err) - 2) : ctx.work);
  }
  return null;
}

/**
 * Eigendecomposition of a real symmetric Decimal matrix at the context's working precision.
 * The caller guarantees symmetry (reference/input.ts validates user input).
 */
export function eigSym(H: RealMatrix, ctx: Ctx): EigSym {
  const n = H.length;
  const R = realOps(ctx);
  const scale = R.maxAbs(H);
  if (scale.isZero()) return { values: H.map(() => ctx.zero), vectors: R.identity(n) };
  // Rotations stop at 100 units of the working precision: the remaining off-diagonal mass moves
  // eigenvalues by O(off²/gap) and eigenvectors by O(off/gap), within the rounding floor.
  const tol = R.frobenius(H).times(ctx.eps).times(100);
  const start = n > 1 ? doubleStart(H, scale) : null;
  const refined = start ? refine(H, start.map((row) => row.map((v) => new ctx.D(v))), tol, ctx) : null;
  const V = refined ? refined.X.map((row) => row.slice()) : R.identity(n);
  const A = refined ? refined.S : H.map((row) => row.slice());
  let converged = false;
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    converged = true;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (A[p][q].abs().lte(tol)) continue;
        converged = false;
        rotate(A, V, p, q, ctx);
      }
    }
  }
  if (!converged) throw new Error(`eigSym: Jacobi did not converge in ${MAX_SWEEPS} sweeps`);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => A[i][i].comparedTo(A[j][j]));
  return {
    values: order.map((i) => A[i][i]),
    vectors: V.map((row) => order.map((i) => row[i])),
  };
}

/** One Jacobi rotation annihilating A[p][q] (Rutishauser's formulation), applied to A and V. */
function rotate(A: RealMatrix, V: RealMatrix, p: number, q: number, ctx: Ctx): void {
  const n = A.length;
  const apq = A[p][q];
  const theta = A[q][q].minus(A[p][p]).div(apq.times(2));
  const t = ctx.one.div(theta.abs().plus(theta.times(theta).plus(1).sqrt())).times(theta.isNegative() ? -1 : 1);
  const c = ctx.one.div(t.times(t).plus(1).sqrt());
  const s = t.times(c);
  const tau = s.div(c.plus(1));
  A[p][p] = A[p][p].minus(t.times(apq));
  A[q][q] = A[q][q].plus(t.times(apq));
  A[p][q] = A[q][p] = ctx.zero;
  for (let r = 0; r < n; r++) {
    if (r !== p && r !== q) {
      const g = A[r][p];
      const h = A[r][q];
      A[r][p] = A[p][r] = g.minus(s.times(h.plus(g.times(tau))));
      A[r][q] = A[q][r] = h.plus(s.times(g.minus(h.times(tau))));
    }
    const g = V[r][p];
    const h = V[r][q];
    V[r][p] = g.minus(s.times(h.plus(g.times(tau))));
    V[r][q] = h.plus(s.times(g.minus(h.times(tau))));
  }
}
