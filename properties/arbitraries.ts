/**
 * fast-check arbitraries for HA-SME problems (exported to users as `hasme-verify/arbitraries`).
 *
 * Everything is plain `number[][]` so the double library (src/) and the decimal reference
 * (reference/) consume the same cases. Shrinking is designed to end in readable cases: every
 * continuous choice is a `fc.oneof({ withCrossShrink: true }, grid, continuous)` whose grid
 * (integers, halves, quarters, powers of two, angles that are simple fractions of π) comes
 * first, dimensions shrink toward their minimum, eigenbases toward the identity.
 *
 * Regime control (spec/models.md §3–§6) works on the scaled curvatures z_i = η a_i (m_i = 1 − z_i):
 * the problem arbitrary draws z per target regime, a step size η, and sets a_i = z_i / η.
 * In the exact constructions (targets 'S' and 'removable') η is a power of two and the
 * eigenbasis a signed permutation, so H, η and the singular / removable relation are exact in
 * binary and both implementations see exactly the same mathematical case.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { problem } from 'hasme-verify/arbitraries';
 * import { coefficients } from 'hasme-verify';
 * // Σ̃ is real in regime R for every misaligned pair with Σ ≻ 0 (up to d = 6):
 * fc.assert(fc.property(problem({ target: 'R', commuting: false, sigma: 'pd', dMax: 6 }), (p) => {
 *   const c = coefficients(p.H, p.Sigma, p.eta);
 *   return c.diffusion.im === null;
 * }));
 * ```
 */
import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';
import { mersenne } from 'pure-rand/generator/mersenne';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { Regime } from '../src/formats/types.js';
import { readableMatrix, readableNumber } from '../src/formats/readable.js';

/** A dense real matrix as an array of rows. */
export type Mat = number[][];

/** What a generated step size aims at: a regime, or regime R next to the removable set (C10). */
export type Target = Regime | 'removable';

/** Kind of noise covariance Σ. */
export type SigmaKind = 'pd' | 'rank1' | 'rank-deficient';

/** Eigenvalue structure of H. */
export type Structure = 'distinct' | 'repeated' | 'clustered';

/** A generated quadratic problem with its construction data and coverage labels. */
export interface Problem {
  d: number;
  /** Hessian H = U diag(eigH) Uᵀ (exactly symmetric). */
  H: Mat;
  /** Noise covariance Σ = V diag(sigmaEig) Vᵀ (exactly symmetric, PSD up to rounding). */
  Sigma: Mat;
  eta: number;
  /** Starting point for moment computations (small integers). */
  x0: number[];
  /** Eigenvalues a_i of H, in the order of U's columns. */
  eigH: number[];
  /** Scaled curvatures z_i = η a_i as constructed (m_i = 1 − z_i). */
  z: number[];
  U: Mat;
  sigmaEig: number[];
  V: Mat;
  /** Regime of the construction (spec/models.md §3–§6); a 'removable' target is regime R. */
  regime: Regime;
  target: Target;
  commuting: boolean;
  sigmaKind: SigmaKind;
  structure: Structure;
  /** Misalignment angle of Σ's eigenbasis against H's in the plane (u_0, u_1), if used. */
  theta?: number;
  /** Distance to the removable singularity in ℓ, |ℓ_0 + ℓ_1| to first order (target 'removable'). */
  removableOffset?: number;
  /** Coverage labels: regime, commuting/noncommuting, removable, sigma kind, structure, d=…. */
  labels: string[];
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers (construction only; no model code)

export function identity(d: number): Mat {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
}

export function transpose(A: Mat): Mat {
  return A[0].map((_, j) => A.map((row) => row[j]));
}

export function matmul(A: Mat, B: Mat): Mat {
  return A.map((row) => B[0].map((_, j) => row.reduce((s, aik, k) => s + aik * B[k][j], 0)));
}

/** U diag(λ) Uᵀ, symmetrised so the result is exactly symmetric. */
export function fromEigen(U: Mat, lambda: readonly number[]): Mat {
  const d = U.length;
  const M: Mat = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      let s = 0;
      for (let k = 0; k < lambda.length; k++) s += U[i][k] * lambda[k] * U[j][k];
      M[i][j] = s;
      M[j][i] = s;
    }
  }
  return M;
}

/** Givens rotation by θ in the plane of coordinates (p, q). */
export function givens(d: number, p: number, q: number, theta: number): Mat {
  const G = identity(d);
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  G[p][p] = c;
  G[q][q] = c;
  G[p][q] = -s;
  G[q][p] = s;
  return G;
}

/**
 * Haar-distributed orthogonal d×d matrix from an integer seed (pure-rand Mersenne Twister, whose seeding decorrelates consecutive seeds):
 * QR of a standard Gaussian matrix (Box–Muller), with the sign fix Q ← Q diag(sign R_jj)
 * that makes the distribution exactly Haar (Mezzadri 2007).
 */
export function haarOrthogonalFromSeed(d: number, seed: number): Mat {
  const rng = mersenne(seed);
  const gauss = (): number => {
    const u1 = 1 - uniformFloat64(rng); // in (0, 1]
    const u2 = uniformFloat64(rng);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  const G = Array.from({ length: d }, () => Array.from({ length: d }, gauss));
  const qr = new QrDecomposition(new Matrix(G));
  const Q = qr.orthogonalMatrix.to2DArray();
  const R = qr.upperTriangularMatrix;
  for (let j = 0; j < d; j++) {
    if (R.get(j, j) < 0) for (let i = 0; i < d; i++) Q[i][j] = -Q[i][j];
  }
  return Q;
}

// ---------------------------------------------------------------------------------------------
// Scalar building blocks with readable shrinking

/** Multiples of `step` in [min, max]; shrinks toward the multiple nearest 0. */
export function grid(min: number, max: number, step: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.ceil(min / step - 1e-9), max: Math.floor(max / step + 1e-9) }).map((k) => k * step);
}

/** A value in [min, max]: half the time a multiple of `step`, and shrinking tries those first. */
export function roundOrDouble(min: number, max: number, step: number): fc.Arbitrary<number> {
  return fc.oneof(
    { withCrossShrink: true },
    grid(min, max, step),
    // Magnitudes below 1e-200 become 0 (an exact zero is a readable case; subnormals are not).
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-200 ? 0 : x)),
  );
}

/** Log-uniform in [lo, hi] (0 < lo < hi). */
export function logUniform(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true }).map((u) => 10 ** u);
}

/** Powers of two 2^-k for k in [kMin, kMax], shrinking toward 2^-kMin. */
export function powerOfTwo(kMin: number, kMax: number): fc.Arbitrary<number> {
  return fc.integer({ min: kMin, max: kMax }).map((k) => 2 ** -k);
}

/** Misalignment angles in (0, π/2): simple fractions of π first (π/4, π/6, π/3, π/12, 5π/12). */
export function misalignmentAngle(): fc.Arbitrary<number> {
  const PI = Math.PI;
  return fc.oneof(
    { withCrossShrink: true },
    fc.constantFrom(PI / 4, PI / 6, PI / 3, PI / 12, (5 * PI) / 12),
    fc.double({ min: 0.01, max: PI / 2 - 0.01, noNaN: true }),
  );
}

// ---------------------------------------------------------------------------------------------
// Matrices

/** Haar-random orthogonal d×d matrices (seed drawn by fast-check, matrix by pure-rand). */
export function haarOrthogonal(d: number): fc.Arbitrary<Mat> {
  return fc.integer({ min: 0, max: 0x7fffffff }).map((s) => haarOrthogonalFromSeed(d, s));
}

/** Signed permutation matrix from an integer seed (pure-rand Fisher–Yates): exact in binary. */
export function signedPermutationFromSeed(d: number, seed: number): Mat {
  const rng = mersenne(seed);
  const perm = Array.from({ length: d }, (_, i) => i);
  for (let i = d - 1; i > 0; i--) {
    const j = Math.floor(uniformFloat64(rng) * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  const P = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  perm.forEach((pi, j) => (P[pi][j] = uniformFloat64(rng) < 0.5 ? -1 : 1));
  return P;
}

/** How an eigenbasis is drawn; built at any size by {@link buildBasis}. */
export type BasisSpec =
  | { kind: 'identity' }
  | { kind: 'permutation'; seed: number }
  | { kind: 'rotation'; theta: number }
  | { kind: 'haar'; seed: number };

/**
 * Basis specifications shrinking toward the identity, then signed permutations, then Haar; also
 * plane rotations of coordinates 0, 1 by simple fractions of π first (π/4, π/6, ...), so that a
 * failure needing a genuinely rotated eigenbasis (e.g. transposed eigenvectors) can end in a
 * readable 2×2 case such as H = [[-0.125, -0.125], [-0.125, -0.125]].
 * `exact` restricts to bases exact in binary (identity and signed permutations).
 */
export function basisSpec(exact = false): fc.Arbitrary<BasisSpec> {
  const seed = fc.integer({ min: 0, max: 0x7fffffff });
  const arbs: fc.Arbitrary<BasisSpec>[] = [
    fc.constant({ kind: 'identity' as const }),
    seed.map((s) => ({ kind: 'permutation' as const, seed: s })),
  ];
  if (!exact) {
    arbs.push(seed.map((s) => ({ kind: 'haar' as const, seed: s })));
    arbs.push(misalignmentAngle().map((theta) => ({ kind: 'rotation' as const, theta })));
  }
  return fc.oneof({ withCrossShrink: true }, ...arbs);
}

export function buildBasis(spec: BasisSpec, d: number): Mat {
  switch (spec.kind) {
    case 'identity':
      return identity(d);
    case 'permutation':
      return signedPermutationFromSeed(d, spec.seed);
    case 'rotation':
      return d < 2 ? identity(d) : givens(d, 0, 1, spec.theta);
    case 'haar':
      return haarOrthogonalFromSeed(d, spec.seed);
  }
}

/** Signed permutation matrices: orthogonal and exact in binary. */
export function signedPermutation(d: number): fc.Arbitrary<Mat> {
  return basisSpec(true).map((b) => buildBasis(b, d));
}

/** Orthogonal d×d matrices: identity, signed permutations or Haar; shrinks toward the identity. */
export function orthogonal(d: number): fc.Arbitrary<Mat> {
  return basisSpec().map((b) => buildBasis(b, d));
}

export interface SpectrumOptions {
  min?: number;
  max?: number;
  /** Force a repeated (a_{d−2} = a_{d−1}) or clustered (gap 1e-8..1e-3) pair when d ≥ 2. */
  structure?: Structure;
}

/** Eigenvalue lists of length d in [min, max]; halves first, negative values allowed if min < 0. */
export function spectrum(d: number, opts: SpectrumOptions = {}): fc.Arbitrary<number[]> {
  const { min = -4, max = 4, structure = 'distinct' } = opts;
  return fc
    .record({
      a: fc.array(roundOrDouble(min, max, 0.5), { minLength: d, maxLength: d }),
      gap: logUniform(1e-8, 1e-3),
    })
    .map(({ a, gap }) => applyStructure(a, d, structure, gap, 0));
}

/** Symmetric H with the given eigenvalues in an orthogonal eigenbasis (shrinks toward diagonal). */
export function symmetricWithSpectrum(eigs: readonly number[]): fc.Arbitrary<{ H: Mat; U: Mat }> {
  return orthogonal(eigs.length).map((U) => ({ H: fromEigen(U, eigs), U }));
}

/** Σ ≻ 0 eigenvalues with condition number exactly κ: s_0 = 1, s_1 = κ, the rest log-spaced in [1, κ]. */
export function pdSpectrum(d: number, kappa: fc.Arbitrary<number>): fc.Arbitrary<number[]> {
  return fc
    .record({ kappa, t: fc.array(roundOrDouble(0, 1, 0.25), { minLength: d, maxLength: d }) })
    .map(({ kappa, t }) => t.map((ti, i) => (i === 0 ? 1 : i === 1 ? kappa : kappa ** ti)).slice(0, d));
}

/** Condition numbers ≥ min: 2, 4, 10, 100, 1e4 first, otherwise log-uniform up to max. */
export function conditionNumber(min = 1, max = 1e6): fc.Arbitrary<number> {
  const round = [2, 4, 10, 100, 1e4].filter((k) => k >= min && k <= max);
  return fc.oneof({ withCrossShrink: true }, fc.constantFrom(...(round.length ? round : [min])), logUniform(min, max));
}

/** Σ ≻ 0 with condition number κ in an orthogonal basis. */
export function spdWithCondition(d: number, kappa: fc.Arbitrary<number> = conditionNumber()): fc.Arbitrary<Mat> {
  return fc.record({ s: pdSpectrum(d, kappa), V: orthogonal(d) }).map(({ s, V }) => fromEigen(V, s));
}

/** PSD Σ of rank r < d (eigenvalues 1, then log-spaced in [1, 10], then zeros). */
export function rankDeficientPsd(d: number, rank: number): fc.Arbitrary<Mat> {
  return fc
    .record({ s: pdSpectrum(d, conditionNumber(1, 10)), V: orthogonal(d) })
    .map(({ s, V }) => fromEigen(V, s.map((si, i) => (i < rank ? si : 0))));
}

/** Commuting pairs: H and Σ share the eigenbasis U. */
export function commutingPair(d: number): fc.Arbitrary<{ H: Mat; Sigma: Mat }> {
  return fc
    .record({ a: spectrum(d), s: pdSpectrum(d, conditionNumber()), U: orthogonal(d) })
    .map(({ a, s, U }) => ({ H: fromEigen(U, a), Sigma: fromEigen(U, s) }));
}

/**
 * Non-commuting pairs (d ≥ 2): Σ's eigenbasis is H's rotated by θ in the plane (u_0, u_1),
 * with |a_0 − a_1| ≥ 1e-3·max|a_i| and s_0 = 1 ≠ s_1 = κ ≥ 2 so that HΣ ≠ ΣH.
 */
export function nonCommutingPair(
  d: number,
  theta: fc.Arbitrary<number> = misalignmentAngle(),
): fc.Arbitrary<{ H: Mat; Sigma: Mat; theta: number }> {
  return fc
    .record({ a: spectrum(d), s: pdSpectrum(d, conditionNumber(2)), U: orthogonal(d), theta })
    // a_0, a_1 separated relative to the spectrum, so that [H, Σ] is resolvably nonzero.
    .filter(({ a }) => a[0] !== a[1] && Math.abs(a[0] - a[1]) >= 1e-3 * Math.max(...a.map(Math.abs)))
    .map(({ a, s, U, theta }) => ({
      H: fromEigen(U, a),
      Sigma: fromEigen(matmul(U, givens(d, 0, 1, theta)), s),
      theta,
    }));
}

// ---------------------------------------------------------------------------------------------
// Step sizes aimed at a regime, for a given spectrum

/**
 * Step sizes η for the eigenvalues `eigs` aimed at `target` (spec/models.md §3–§6):
 * R: η a_max < 1 (any η if no a_i > 0); X: η a_max ∈ [1.25, 3.5], away from S by 0.05 in m;
 * S: η = 1/a_i, 2/a_i or 1/a_i + 1/a_j (a_i, a_j > 0); removable: η = 1/a_i + 1/a_j with
 * a_i < 0 < a_j, |a_i| > a_j. Throws if the spectrum admits no such η (e.g. X without a_i > 0).
 */
export function etaFor(eigs: readonly number[], target: Target): fc.Arbitrary<number> {
  const pos = eigs.filter((a) => a > 0);
  const aMax = pos.length ? Math.max(...pos) : 0;
  switch (target) {
    case 'R': {
      const frac = fc.oneof({ withCrossShrink: true }, fc.constantFrom(0.5, 0.25, 0.1, 0.01), logUniform(1e-6, 0.95));
      return aMax > 0 ? frac.map((f) => f / aMax) : frac;
    }
    case 'X': {
      if (aMax === 0) throw new RangeError('etaFor X: the spectrum has no positive eigenvalue');
      return roundOrDouble(1.25, 3.5, 0.25)
        .map((f) => f / aMax)
        .filter((eta) => singularDistance(eigs.map((a) => eta * a)) >= 0.05);
    }
    case 'S': {
      const etas: number[] = [];
      for (const ai of pos) for (const aj of pos) etas.push(ai === aj ? 2 / ai : 1 / ai + 1 / aj);
      for (const ai of pos) etas.push(1 / ai);
      if (!etas.length) throw new RangeError('etaFor S: the spectrum has no positive eigenvalue');
      return fc.constantFrom(...etas);
    }
    case 'removable': {
      const etas: number[] = [];
      for (const ai of eigs) for (const aj of eigs) if (ai < 0 && aj > 0 && -ai > aj) etas.push(1 / ai + 1 / aj);
      if (!etas.length) throw new RangeError('etaFor removable: needs a_i < 0 < a_j with |a_i| > a_j');
      return fc.constantFrom(...etas);
    }
  }
}

/**
 * Distance of scaled curvatures z = ηa from the singular set of spec/models.md §3–§6 (C9): the smallest of
 * |m_i| and |m_i m_j − 1| over pairs with m_i, m_j < 0 (including i = j), m = 1 − z.
 */
export function singularDistance(z: readonly number[]): number {
  const m = z.map((zi) => 1 - zi);
  let dist = Math.min(...m.map(Math.abs));
  for (const mi of m) for (const mj of m) if (mi < 0 && mj < 0) dist = Math.min(dist, Math.abs(mi * mj - 1));
  return dist;
}

// ---------------------------------------------------------------------------------------------
// The problem arbitrary

export interface ProblemOptions {
  /** Regime aimed at; default 'R'. */
  target?: Target;
  /** true: shared eigenbasis; false: misaligned; 'any' (default): both. */
  commuting?: boolean | 'any';
  /** Kind of Σ; default 'pd'. */
  sigma?: SigmaKind | 'any';
  /** Eigenvalue structure of H; default 'any'. */
  structure?: Structure | 'any';
  /** Dimension range (shrinks toward dMin); default 1..4 (2.. where the case needs a pair). */
  dMin?: number;
  dMax?: number;
  /** Range of continuous step sizes for targets R and X; default [1e-6, 1]. */
  etaMin?: number;
  etaMax?: number;
  /** Largest condition number of Σ ≻ 0; default 1e6. */
  kappaMax?: number;
  /** 'exact': H's eigenbasis is the identity or a signed permutation (exact in binary); default 'any'. */
  basis?: 'any' | 'exact';
}

/** How many leading eigen-indices each target constrains (the others are free in regime R). */
const RESERVED: Record<Target, number> = { R: 0, X: 1, S: 2, removable: 2 };

const R_Z = () => roundOrDouble(-3, 0.9, 0.25); // m ∈ [0.1, 4]
// The lower end 1 + 1/16 (not 1.05) is where the continuous part shrinks to: a readable, exact number.
const X_Z = () => roundOrDouble(1.0625, 3.5, 0.25); // m ∈ [−2.5, −0.0625]

/** Leading scaled curvatures for a target (the other indices come from `rest`, in regime R). */
function leadingZ(target: Target): fc.Arbitrary<{ lead: number[]; offset?: number; kind: string }> {
  switch (target) {
    case 'R':
      return fc.constant({ lead: [], kind: 'R' });
    case 'X':
      return X_Z().map((z) => ({ lead: [z], kind: 'X' }));
    case 'S':
      // m_0 = 0; a diagonal pole m_0 = −1; or a pair pole (z_0 − 1)(z_1 − 1) = 1 with t a power of two.
      return fc.oneof(
        fc.record({ z1: R_Z() }).map(({ z1 }) => ({ lead: [1, z1], kind: 'S:m=0' })),
        fc.record({ z1: R_Z() }).map(({ z1 }) => ({ lead: [2, z1], kind: 'S:pole-ii' })),
        fc.integer({ min: -2, max: 2 }).map((k) => ({ lead: [1 + 2 ** k, 1 + 2 ** -k], kind: 'S:pole-ij' })),
      );
    case 'removable':
      // m_0 = μ, m_1 = 1/μ (μ a power of two ≠ 1): z_0 = 1 − μ, z_1 = 1 − 1/μ; z_0 moved by a relative δ.
      return fc
        .record({
          k: fc.integer({ min: 1, max: 3 }),
          flip: fc.boolean(),
          delta: fc.oneof(
            { withCrossShrink: true },
            fc.constant(0),
            fc.integer({ min: 4, max: 13 }).chain((e) => fc.constantFrom(10 ** -e, -(10 ** -e))),
          ),
        })
        .map(({ k, flip, delta }) => {
          const mu = flip ? 2 ** -k : 2 ** k;
          // m_0 m_1 = 1 − δ(1 − μ)/μ, so |ℓ_0 + ℓ_1| ≈ |δ(1 − μ)/μ|.
          const offset = Math.abs((delta * (1 - mu)) / mu);
          return { lead: [(1 - mu) * (1 + delta), 1 - 1 / mu], offset, kind: 'removable' };
        });
  }
}

function applyStructure(z: number[], d: number, structure: Structure, gap: number, reserved: number): number[] {
  const out = z.slice(0, d);
  if (structure === 'distinct' || d < reserved + 2) return out;
  out[d - 1] = structure === 'repeated' ? out[d - 2] : out[d - 2] + gap * Math.max(1, Math.abs(out[d - 2]));
  return out;
}

/** [H, Σ] = 0 up to rounding (max-abs norms: squares of tiny entries would underflow). */
function isCommuting(H: Mat, S: Mat): boolean {
  const maxAbs = (xs: number[]) => Math.max(0, ...xs.map(Math.abs));
  const SH = matmul(S, H).flat();
  const comm = maxAbs(matmul(H, S).flat().map((x, i) => x - SH[i]));
  return comm <= 1e-10 * maxAbs(H.flat()) * maxAbs(S.flat());
}

/**
 * Random quadratic problems {H, Σ, η, x0} aimed at a regime, with labels. Composition:
 * dimension (prefix of maximal-length arrays, so shrinking d keeps the other choices), scaled
 * curvatures per target, η (powers of two first), eigenbasis (identity first), Σ's spectrum
 * (1 and κ first) and misalignment (plane rotation by a simple fraction of π first).
 */
export function problem(opts: ProblemOptions = {}): fc.Arbitrary<Problem> {
  const target = opts.target ?? 'R';
  const commuting = opts.commuting ?? 'any';
  const sigma = opts.sigma ?? 'pd';
  const structure = opts.structure ?? 'any';
  const needsPair = commuting === false || sigma === 'rank1' || sigma === 'rank-deficient' || RESERVED[target] === 2;
  const dMin = Math.max(opts.dMin ?? 1, needsPair ? 2 : 1);
  const dMax = Math.max(opts.dMax ?? 4, dMin);
  const exact = target === 'S' || target === 'removable';
  const exactBasis = exact || opts.basis === 'exact';
  const etaArb = exact
    ? powerOfTwo(1, 4)
    : fc.oneof({ withCrossShrink: true }, powerOfTwo(0, 4), logUniform(opts.etaMin ?? 1e-6, opts.etaMax ?? 1));
  const pick = <T>(choice: T | 'any', all: readonly T[]) =>
    choice === 'any' ? fc.constantFrom(...all) : fc.constant(choice);

  return fc
    .record({
      d: fc.integer({ min: dMin, max: dMax }),
      lead: leadingZ(target),
      // Target X lets the other modes oscillate too; the other targets keep them in R.
      rest: fc.array(target === 'X' ? fc.oneof({ withCrossShrink: true }, R_Z(), X_Z()) : R_Z(), {
        minLength: dMax,
        maxLength: dMax,
      }),
      structure: pick<Structure>(structure, ['distinct', 'repeated', 'clustered']),
      gap: logUniform(1e-8, 1e-3),
      eta: etaArb,
      basis: basisSpec(exactBasis),
      commuting: pick<boolean>(commuting, [true, false]),
      sigmaKind: pick<SigmaKind>(sigma, ['pd', 'rank1', 'rank-deficient']),
      s: pdSpectrum(dMax, conditionNumber(2, opts.kappaMax ?? 1e6)),
      rank: fc.integer({ min: 1, max: dMax - 1 }),
      misalign: fc.oneof(
        { withCrossShrink: true },
        misalignmentAngle().map((theta) => ({ theta, seed: -1 })),
        fc.integer({ min: 0, max: 0x7fffffff }).map((seed) => ({ theta: Number.NaN, seed })),
      ),
      x0: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: dMax, maxLength: dMax }),
    })
    .filter((c) => {
      // d = 1 cannot host a misaligned or rank-deficient Σ.
      if (c.d === 1 && (!c.commuting || c.sigmaKind !== 'pd')) return false;
      if (c.lead.lead.length > c.d) return false;
      // Regimes R and X stay 0.05 (in m) away from the singular set; S and removable are exact.
      return exact || singularDistance([...c.lead.lead, ...c.rest].slice(0, c.d)) >= 0.05;
    })
    .map((c) => {
      const { d, eta } = c;
      const reserved = Math.max(RESERVED[target], c.commuting ? 0 : 2);
      let z = [...c.lead.lead, ...c.rest].slice(0, d);
      z = applyStructure(z, d, c.structure, c.gap, reserved);
      const usedStructure: Structure = d >= reserved + 2 ? c.structure : 'distinct';
      const eigH = z.map((zi) => zi / eta);
      const Ud = buildBasis(c.basis, d);
      const rank = c.sigmaKind === 'rank1' ? 1 : c.sigmaKind === 'rank-deficient' ? Math.min(c.rank, d - 1) : d;
      const sigmaEig = (d === 1 ? [1] : c.s.slice(0, d)).map((si, i) => (i < rank ? si : 0));
      let V = Ud;
      let theta: number | undefined;
      if (!c.commuting) {
        if (Number.isNaN(c.misalign.theta)) V = matmul(Ud, haarOrthogonalFromSeed(d, c.misalign.seed));
        else {
          theta = c.misalign.theta;
          V = matmul(Ud, givens(d, 0, 1, theta));
        }
      }
      const H = fromEigen(Ud, eigH);
      const Sigma = fromEigen(V, sigmaEig);
      const isComm = isCommuting(H, Sigma);
      const regime: Regime = target === 'removable' ? 'R' : target;
      const labels = [
        regime,
        isComm ? 'commuting' : 'noncommuting',
        c.sigmaKind,
        usedStructure,
        `d=${d}`,
        ...(target === 'removable' ? ['removable'] : []),
        ...(target === 'S' ? [c.lead.kind] : []),
        ...(eigH.some((a) => a < 0) ? ['negative'] : []),
      ];
      const p: Problem = {
        d, H, Sigma, eta, x0: c.x0.slice(0, d), eigH, z, U: Ud, sigmaEig, V, regime, target,
        commuting: isComm, sigmaKind: c.sigmaKind, structure: usedStructure, labels,
      };
      if (theta !== undefined) p.theta = theta;
      if (c.lead.offset !== undefined) p.removableOffset = c.lead.offset;
      return p;
    })
    .filter((p) => commuting === 'any' || p.commuting === commuting);
}

/**
 * Largest η at which Σ̃ ⪰ 0 is certified for Σ ≻ 0 with eigenvalues in [1, κ] (C6's bound
 * λ_min(Σ̃) ≥ λ_min(Σ) − max_i Σ̂_ii ‖E‖₂, E_ij = φ(ℓ_i + ℓ_j) − 1): with |φ(x) − 1| ≤ |x| on ℝ and
 * ‖E‖₂ ≤ d max|E_ij| ≤ 2d max_i |ℓ_i|, requiring max_i |ln(1 − ηa_i)| ≤ c = 1/(4dκ) gives
 * λ_min(Σ̃) ≥ 1/2. Per eigenvalue: η ≤ (1 − e^{−c})/a for a > 0, η ≤ (e^c − 1)/|a| for a < 0.
 */
export function certifiedPsdEta(eigH: readonly number[], kappa: number): number {
  const c = 1 / (4 * eigH.length * kappa);
  return Math.min(...eigH.filter((a) => a !== 0).map((a) => (a > 0 ? -Math.expm1(-c) / a : Math.expm1(c) / -a)));
}

/**
 * Regime-R problems with Σ ≻ 0 misaligned against H (C4, "small η"): H and Σ are drawn first, at a
 * fixed scale (eigenvalues of H in [−4, 4], Σ's in [1, κ]), and the step size independently of
 * them: η = η_c·2^−j, j ∈ [0, 20], where η_c = {@link certifiedPsdEta} certifies Σ̃ ⪰ 0. So every
 * case is a genuinely small step for a fixed (H, Σ), and none needs skipping.
 */
export function smallStepProblem(opts: { dMax?: number; kappaMax?: number } = {}): fc.Arbitrary<Problem> {
  const dMax = Math.max(2, opts.dMax ?? 3);
  return fc
    .integer({ min: 2, max: dMax })
    .chain((d) =>
      fc.record({
        d: fc.constant(d),
        a: spectrum(d),
        s: pdSpectrum(d, conditionNumber(2, opts.kappaMax ?? 100)),
        basis: basisSpec(),
        theta: misalignmentAngle(),
        j: fc.integer({ min: 0, max: 20 }),
        x0: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: d, maxLength: d }),
      }),
    )
    // H at a fixed scale (‖H‖ ≥ 1/4, so η_c stays below 1), a_0, a_1 resolvably apart so that [H, Σ] ≠ 0.
    .filter(({ a }) => Math.max(...a.map(Math.abs)) >= 0.25 && Math.abs(a[0] - a[1]) >= 1e-3 * Math.max(...a.map(Math.abs)))
    .map(({ d, a, s, basis, theta, j, x0 }) => {
      const kappa = Math.max(...s);
      const eta = certifiedPsdEta(a, kappa) * 2 ** -j;
      const U = buildBasis(basis, d);
      const V = matmul(U, givens(d, 0, 1, theta));
      const H = fromEigen(U, a);
      const Sigma = fromEigen(V, s);
      const commuting = isCommuting(H, Sigma);
      return {
        d, H, Sigma, eta, x0, eigH: a, z: a.map((ai) => eta * ai), U, sigmaEig: s, V, regime: 'R' as const, target: 'R' as const,
        commuting, sigmaKind: 'pd' as const, structure: 'distinct' as const, theta,
        labels: ['R', commuting ? 'commuting' : 'noncommuting', 'pd', 'distinct', `d=${d}`, j <= 3 ? 'η ≥ η_c/8' : j <= 10 ? 'η_c/1024 ≤ η < η_c/8' : 'η < η_c/1024', ...(a.some((x) => x < 0) ? ['negative'] : [])],
      };
    });
}

/**
 * Problems whose H has a repeated eigenvalue a_{d−2} = a_{d−1} in every case (C12): `problem` with
 * structure 'repeated', keeping only the dimensions that leave room for the pair beside the
 * eigenvalues a target or a misaligned Σ reserves.
 */
export function repeatedEigenvalueProblem(opts: Omit<ProblemOptions, 'structure'> = {}): fc.Arbitrary<Problem> {
  return problem({ ...opts, structure: 'repeated', dMin: Math.max(2, opts.dMin ?? 2) }).filter((p) => p.structure === 'repeated');
}

/** The rotation by exactly π/2 in the plane (p, q): an exact signed permutation (givens(π/2) is not: cos(π/2) ≠ 0 in double). */
export function exactQuarterTurn(d: number, p: number, q: number): Mat {
  const G = identity(d);
  G[p][p] = 0;
  G[q][q] = 0;
  G[p][q] = -1;
  G[q][p] = 1;
  return G;
}

/** A compact readable rendering of a problem, for counterexample descriptions. */
export function describeProblem(p: Problem): string {
  const r = readableNumber;
  const m = readableMatrix;
  const parts = [
    `d=${p.d}`,
    `eta=${r(p.eta)}`,
    `eig(H)=[${p.eigH.map(r).join(', ')}]`,
    `eig(Sigma)=[${p.sigmaEig.map(r).join(', ')}]`,
    p.theta !== undefined ? `theta=${r(p.theta)}` : '',
    `H=${m(p.H)}`,
    `Sigma=${m(p.Sigma)}`,
    `[${p.labels.join(',')}]`,
  ];
  return parts.filter(Boolean).join(' ');
}
