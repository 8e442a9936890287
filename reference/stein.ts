/**
 * Σ̃ by a second route (spec/claims.md C2, C13): the Stein equation Q − M Q Mᵀ = η²(BΣ + ΣBᵀ),
 * Q = ηΣ̃, M = I − ηH, solved as the d²×d² linear system (I − M⊗M) vec Q = η² vec(BΣ + ΣBᵀ).
 * I − M⊗M has eigenvalues 1 − m_i m_j, so the system is singular whenever some m_i m_j = 1:
 * at a zero eigenvalue of H (i = j, m = 1), at ηa_i = 2, at the poles of φ, and at the removable
 * singularity C10, where Σ̃ itself is analytic and only the eigenbasis route is valid.
 */
import type { Decimal } from 'decimal.js';
import { HasmeInputError } from '../src/errors.js';
import { fromEigenvalues, modelSpectrum } from './coefficients.js';
import { complexOps, realOps, type ComplexMatrix, type RealMatrix } from './matrix.js';
import { Complex } from './complex.js';
import type { Spectral } from './spectral.js';

/** min |1 − m_i m_j| over pairs i ≤ j, with the pair; 1 − m_i m_j = x_i + x_j − x_i x_j, x = ηa. */
export function steinDistance(sp: Spectral): { delta: Decimal; pair: [number, number] } {
  const x = sp.a.map((ai) => sp.eta.times(ai));
  let best = { delta: x[0].plus(x[0]).minus(x[0].times(x[0])).abs(), pair: [0, 0] as [number, number] };
  for (let i = 0; i < x.length; i++) {
    for (let j = i; j < x.length; j++) {
      const delta = x[i].plus(x[j]).minus(x[i].times(x[j])).abs();
      if (delta.lt(best.delta)) best = { delta, pair: [i, j] };
    }
  }
  return best;
}

/**
 * Σ̃ from the Stein equation. Raises HasmeInputError('singular') when some |1 − m_i m_j| is at
 * rounding level (10^(8 − work)), naming the pair; nearby, the solve loses log10(1/|1 − m_i m_j|)
 * digits (the public refSteinDiffusion raises the working precision to compensate).
 */
export function steinDiffusion(sp: Spectral, H: RealMatrix, Sigma: RealMatrix): ComplexMatrix {
  const { ctx, eta, U } = sp; // U only for B = U diag(ℓ/η) Uᵀ, the drift matrix of the equation
  const { delta, pair } = steinDistance(sp);
  const [i, j] = pair;
  if (delta.lte(new ctx.D(10).pow(8 - ctx.work))) {
    throw new HasmeInputError(
      'singular',
      `Stein route: I − M⊗M is singular since m_${i}·m_${j} = 1 (a_${i} = ${sp.a[i]}, a_${j} = ${sp.a[j]}, η = ${eta}); ` +
        'where HA-SME is defined there (e.g. the removable singularity C10) use the eigenbasis route',
      { pair, route: 'stein' },
    );
  }
  const R = realOps(ctx);
  const C = complexOps(ctx);
  const d = Sigma.length;
  const M = R.sub(R.identity(d), R.scale(H, eta));
  const A = R.sub(R.identity(d * d), R.kron(M, M));
  const B = fromEigenvalues(U, modelSpectrum('hasme', sp).beta, ctx);
  const Sc = Sigma.map((row) => row.map((s) => Complex.real(s)));
  const rhs = C.scale(C.add(C.mul(B, Sc), C.mul(Sc, C.transpose(B))), Complex.real(eta.times(eta)));
  const vec = rhs.flat().map((z) => [z.re, z.im]);
  const q = R.solve(A, vec);
  const invEta = ctx.one.div(eta);
  return Array.from({ length: d }, (_, r) => Array.from({ length: d }, (_, c) => new Complex(q[r * d + c][0], q[r * d + c][1]).scale(invEta)));
}
