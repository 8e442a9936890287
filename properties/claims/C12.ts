/**
 * C12 structure (spec/claims.md): orthogonal equivariance T(QHQᵀ) = QTQᵀ, Σ̃(QHQᵀ, QΣQᵀ) = QΣ̃Qᵀ;
 * independence from the eigenbasis chosen inside a repeated eigenvalue; Σ̃ symmetric (complex
 * symmetric in X, Σ̃ = Σ̃ᵀ, not Hermitian); Σ̃ linear in Σ.
 * Tolerances: with exact transformations (signed permutations, dyadic scalars) the identities are
 * exact, so the reference must meet them to 40 digits; with Haar rotations the inputs QHQᵀ are
 * rounded to double (relative 1e-16·d), so agreement is demanded to 1e-10 relative (regimes keep
 * 0.05 from the singular set, bounding the amplification well below 1e6). Errors relative Frobenius.
 */
import fc from 'fast-check';
import type { ClaimCheck } from '../../src/claims/types.js';
import {
  basisSpec,
  buildBasis,
  exactQuarterTurn,
  fromEigen,
  givens,
  matmul,
  problem,
  repeatedEigenvalueProblem,
  transpose,
  type BasisSpec,
  type Mat,
  type Problem,
  type ProblemOptions,
} from '../arbitraries.js';
import type { HasmeImpl } from '../impl.js';
import { C, cnum, congruence, fmt, relErr } from './compare.js';
import { claimCheck, coefficientsRequest, describeCase, ensure, labelProblem } from './harness.js';
import { exactTolerance } from './tolerance.js';

const ROUNDED_INPUT_TOL = 1e-10;

/** Regime R and X problems (by default from `problem`; C12's eigenbasis part passes repeatedEigenvalueProblem). */
const rx = (opts: ProblemOptions = {}, make: (o: ProblemOptions) => fc.Arbitrary<Problem> = problem) =>
  fc.oneof(make({ target: 'R', commuting: 'any', sigma: 'any', dMax: 3, ...opts }), make({ target: 'X', commuting: 'any', sigma: 'any', dMax: 3, ...opts }));

const isExactMatrix = (Q: Mat) => Q.every((row) => row.every((x) => x === 0 || Math.abs(x) === 1));

export function makeC12(impl: HasmeImpl): ClaimCheck {
  const exactTol = exactTolerance(impl);
  const tolFor = (exact: boolean) => (exact ? exactTol : Math.max(exactTol, ROUNDED_INPUT_TOL));
  const rot = (Q: Mat, A: Mat): Mat => {
    const B = matmul(Q, matmul(A, transpose(Q)));
    return B.map((row, i) => row.map((_, j) => (B[i][j] + B[j][i]) / 2));
  };
  return claimCheck(
    'C12',
    'Equivariance, eigenbasis independence, symmetry, linearity in Σ',
    `${impl.name}: exact transformations (signed permutations) to ${fmt(exactTol)}, Haar rotations to ${fmt(ROUNDED_INPUT_TOL)} (inputs rounded to double); errors relative Frobenius.`,
    () => [
      {
        name: 'orthogonal equivariance of T and Σ̃',
        arb: fc.record({ p: rx(), q: basisSpec() }),
        body: ({ p, q }: { p: Problem; q: BasisSpec }, rec) => {
          labelProblem(p, rec);
          const Q = buildBasis(q, p.d);
          const exact = isExactMatrix(Q);
          rec.label(exact ? 'signed permutation' : 'Haar rotation');
          const a = impl.coefficients(p.H, p.Sigma, p.eta);
          const b = impl.coefficients(rot(Q, p.H), rot(Q, p.Sigma), p.eta);
          const err = Math.max(relErr(b.drift, congruence(Q, a.drift)), relErr(b.diffusion, congruence(Q, a.diffusion)));
          rec.error(err, tolFor(exact));
          ensure(err <= tolFor(exact), () => `T or Σ̃ not equivariant under Q = ${JSON.stringify(Q)}: ${fmt(err)}`);
        },
        describeCase: ({ p }: { p: Problem }) => describeCase(p),
        request: ({ p }: { p: Problem }) => coefficientsRequest(p),
      },
      {
        name: 'eigenbasis independence inside a repeated eigenvalue',
        tolerance: exactTol,
        arb: fc.oneof(
          // Exact: H's eigenbasis a signed permutation and W a quarter turn, so W is a signed permutation.
          fc.record({ p: rx({ basis: 'exact', dMax: 4 }, repeatedEigenvalueProblem), theta: fc.constant(Math.PI / 2) }),
          fc.record({ p: rx({ dMax: 4 }, repeatedEigenvalueProblem), theta: fc.constantFrom(Math.PI / 4, Math.PI / 6, 1) }),
        ),
        body: ({ p, theta }: { p: Problem; theta: number }, rec) => {
          labelProblem(p, rec);
          // W rotates inside span(u_{d−2}, u_{d−1}) (equal eigenvalues): WHWᵀ = H, so Σ̃(H, WΣWᵀ) = W Σ̃(H, Σ) Wᵀ.
          const G = theta === Math.PI / 2 ? exactQuarterTurn(p.d, p.d - 2, p.d - 1) : givens(p.d, p.d - 2, p.d - 1, theta);
          const W = matmul(p.U, matmul(G, transpose(p.U)));
          const exact = isExactMatrix(W);
          rec.label(exact ? 'exact swap' : 'rotation');
          const a = impl.coefficients(p.H, p.Sigma, p.eta).diffusion;
          const b = impl.coefficients(p.H, rot(W, p.Sigma), p.eta).diffusion;
          const err = relErr(b, congruence(W, a));
          rec.error(err, tolFor(exact));
          ensure(err <= tolFor(exact), () => `Σ̃ depends on the basis chosen inside the repeated eigenvalue ${p.eigH[p.d - 1]}: ${fmt(err)}`);
        },
        describeCase: ({ p, theta }: { p: Problem; theta: number }) => `theta_W=${theta.toPrecision(4)} ${describeCase(p)}`,
        request: ({ p }: { p: Problem; theta: number }) => coefficientsRequest(p),
      },
      {
        name: 'Σ̃ symmetric (complex symmetric in X)',
        tolerance: exactTol,
        arb: rx({ dMax: 4 }),
        body: (p: Problem, rec) => {
          labelProblem(p, rec);
          const St = impl.coefficients(p.H, p.Sigma, p.eta).diffusion;
          const err = relErr(C.transpose(St), St);
          rec.error(err);
          ensure(err <= exactTol, () => `Σ̃ ≠ Σ̃ᵀ: ${fmt(err)}`);
        },
        describeCase,
        request: (p: Problem) => coefficientsRequest(p),
      },
      {
        name: 'Σ̃ linear in Σ',
        tolerance: tolFor(false),
        arb: fc.record({ p: rx(), alpha: fc.constantFrom(1, 2, 0.5, 3), beta: fc.constantFrom(1, 0.25, 4) }),
        body: ({ p, alpha, beta }: { p: Problem; alpha: number; beta: number }, rec) => {
          labelProblem(p, rec);
          // Σ₂ = V diag(reversed spectrum) Vᵀ: a second PSD matrix. αΣ₁ + βΣ₂ is rounded to double.
          const S2 = fromEigen(p.V, [...p.sigmaEig].reverse());
          const mix = p.Sigma.map((row, i) => row.map((x, j) => alpha * x + beta * S2[i][j]));
          const a = impl.coefficients(p.H, p.Sigma, p.eta).diffusion;
          const b = impl.coefficients(p.H, S2, p.eta).diffusion;
          const c = impl.coefficients(p.H, mix, p.eta).diffusion;
          const lin = C.add(C.scale(a, cnum(alpha)), C.scale(b, cnum(beta)));
          const err = relErr(c, lin);
          rec.error(err);
          ensure(err <= tolFor(false), () => `Σ̃(αΣ₁ + βΣ₂) ≠ αΣ̃(Σ₁) + βΣ̃(Σ₂) with α = ${alpha}, β = ${beta}: ${fmt(err)}`);
        },
        describeCase: ({ p, alpha, beta }: { p: Problem; alpha: number; beta: number }) => `alpha=${alpha} beta=${beta} ${describeCase(p)}`,
        request: ({ p }: { p: Problem }) => coefficientsRequest(p),
      },
    ],
  );
}
