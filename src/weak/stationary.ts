/**
 * C18 stationary law (spec/weak.md §7, derived). Additive quadratics, H ≻ 0, 0 < ηa_i < 1: SGD's
 * stationary covariance C∞ solves C − MCMᵀ = η²Σ; a model's OU stationary covariance P solves
 * BP + PBᵀ = ηD. Checked here with the check's own 60-digit Kronecker solves, on the drift matrix B
 * and diffusion D of the implementation under test (properties/impl.ts seam):
 *   (a) HA-SME: P = C∞ exactly;
 *   (b) SME-1: Δ = P − C∞ solves HΔ + ΔH = −ηHC∞H; SME-2: B₂Δ + ΔB₂ = −(η/2)(H²C∞ + 2HC∞H + C∞H²),
 *       B₂ = H + (η/2)H² (computed here);
 *   (c) Δ/η² → Δ′ as η → 0 (Richardson on η/2^k): SME-1 HΔ′ + Δ′H = −HC₀H with HC₀ + C₀H = Σ;
 *       SME-2 and SPF Δ′ = −Σ/2. Δ′ ≠ 0: every one of the three is off by exactly relative order 1.
 * Finite sums (state-dependent noise): HA-SME's stationary moments equal SGD's (fixed points of
 * the exact moment maps, reference/weak/stationary.ts); the other models' gaps are measured.
 */
import type { Decimal } from 'decimal.js';
import { context, realOps, refEigSym, type ComplexMatrix, type RealMatrix } from '../../reference/index.js';
import { decimalForm, type SecondMoments } from '../../reference/weak/form.js';
import { modelStationaryMoments, sgdStationaryMoments, solveLyapunov, solveStein } from '../../reference/weak/stationary.js';
import { CHECK_CTX, libraryImpl, referenceImpl, type HasmeImpl } from '../../properties/impl.js';
import { exactTolerance } from '../../properties/claims/tolerance.js';
import type { CheckOptions, ClaimCheck, Counterexample } from '../claims/types.js';
import type { SdeModel } from '../formats/types.js';
import { momentForm } from '../problems/momentForm.js';
import type { DecMatrix, FiniteSumProblem } from '../problems/types.js';
import { randomFiniteSum, randomStationaryQuadratic, rowSumNorm, stableStep } from './generate.js';
import { tallyOutcome } from './outcome.js';
import { richardsonLimit } from './richardson.js';

const R = realOps(CHECK_CTX);
const D = CHECK_CTX.D;

/** Leading coefficients Δ′ must be reproduced to this relative accuracy by the Richardson limit. */
export const ORDER_RTOL = 1e-6;
/** Halvings of η for the order limits (c): η0/2^k, k = 0..ORDER_STEPS − 1, η0 = min(η, 0.1/a_max). */
const ORDER_STEPS = 5;

const dec = (M: DecMatrix): RealMatrix => M.map((r) => r.map((x) => new D(x)));
const rel = (A: RealMatrix, B: RealMatrix) => R.frobenius(R.sub(A, B)).div(R.frobenius(B)).toNumber();
const frob = (A: RealMatrix) => R.frobenius(A);

/** The real part of a coefficient the regime-R formulas make real; an internal error otherwise. */
function real(M: ComplexMatrix, what: string): RealMatrix {
  const scale = M.reduce((s, row) => row.reduce((t, z) => D.max(t, z.re.abs()), s), new D(0));
  for (const row of M) for (const z of row) if (z.im.abs().gt(scale.times(1e-12))) throw new Error(`internal: ${what} is not real in regime R`);
  return M.map((row) => row.map((z) => z.re));
}

/** An additive quadratic's data in the check context. */
export interface StationaryCase {
  H: DecMatrix;
  Sigma: DecMatrix;
  eta: string;
}

/** P solving BP + PBᵀ = ηD with (B, D) of `model` from `impl`. */
function modelCovariance(impl: HasmeImpl, c: StationaryCase, eta: string, model: SdeModel): { P: RealMatrix; D: RealMatrix } {
  const k = impl.coefficients(c.H.map((r) => r.map(Number)), c.Sigma.map((r) => r.map(Number)), Number(eta), model);
  const Dm = real(k.diffusion, `${model} diffusion`);
  return { P: solveLyapunov(real(k.driftMatrix, `${model} drift matrix`), R.scale(Dm, new D(eta)), CHECK_CTX), D: Dm };
}

const sgdCovariance = (H: RealMatrix, Sigma: RealMatrix, eta: Decimal) =>
  solveStein(R.sub(R.identity(H.length), R.scale(H, eta)), R.scale(Sigma, eta.times(eta)), CHECK_CTX);

export interface StationaryResult {
  /** ‖P_HA − C∞‖/‖C∞‖. */
  hasme: number;
  /** Relative residuals of the exact deviation identities (b). */
  identity: { sme1: number; sme2: number };
  /** ‖lim Δ/η² − Δ′‖/‖Δ′‖ per model (c), and the Richardson error estimate (same units). */
  leading: Record<'sme1' | 'sme2' | 'spf', { error: number; estimate: number }>;
  /** Relative gaps ‖P − C∞‖/‖C∞‖ at η (for the notes). */
  gaps: Record<'sme1' | 'sme2' | 'spf', number>;
  /** λ_min(Σ̃) ≥ 0: N(0, C∞) is then the stationary law of a real OU process. */
  psd: boolean;
}

/** (a), (b), (c) of C18 on one case for one implementation. */
export function stationaryCase(impl: HasmeImpl, c: StationaryCase): StationaryResult {
  const H = dec(c.H);
  const Sigma = dec(c.Sigma);
  const eta = new D(c.eta);
  const Cinf = sgdCovariance(H, Sigma, eta);
  const P = (m: SdeModel, e = c.eta) => modelCovariance(impl, c, e, m);
  const ha = P('hasme');
  const gap = (m: SdeModel) => R.sub(P(m).P, Cinf);
  const HCH = R.mul(H, R.mul(Cinf, H));
  // (b) residual, scaled by the terms' sizes (Δ is a difference of O(η) matrices).
  const residual = (B: RealMatrix, Delta: RealMatrix, rhs: RealMatrix) =>
    frob(R.add(R.add(R.mul(B, Delta), R.mul(Delta, B)), rhs)).div(frob(B).times(frob(Cinf)).times(2).plus(frob(rhs))).toNumber();
  const half = eta.div(2);
  const B2 = R.add(H, R.scale(R.mul(H, H), half));
  const H2C = R.mul(R.mul(H, H), Cinf);
  const rhs2 = R.scale(R.add(R.add(H2C, R.transpose(H2C)), R.scale(HCH, new D(2))), half);
  const identity = { sme1: residual(H, gap('sme1'), R.scale(HCH, eta)), sme2: residual(B2, gap('sme2'), rhs2) };
  // (c) leading coefficients.
  const C0 = solveLyapunov(H, Sigma, CHECK_CTX);
  const expected = {
    sme1: solveLyapunov(H, R.scale(R.mul(H, R.mul(C0, H)), new D(-1)), CHECK_CTX),
    sme2: R.scale(Sigma, new D(-0.5)),
    spf: R.scale(Sigma, new D(-0.5)),
  };
  const eta0 = D.min(eta, new D(stableStep(0.1 / rowSumNorm(c.H))));
  const etas = Array.from({ length: ORDER_STEPS }, (_, k) => eta0.div(2 ** k));
  const leading = {} as StationaryResult['leading'];
  for (const m of ['sme1', 'sme2', 'spf'] as const) {
    const scaled = etas.map((e) => R.scale(R.sub(P(m, e.toString()).P, sgdCovariance(H, Sigma, e)), D.div(1, e.times(e))));
    const d = H.length;
    let error = 0;
    let estimate = 0;
    const norm = frob(expected[m]).toNumber();
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const lim = richardsonLimit(scaled.map((S) => S[i][j].toNumber()));
        error = Math.max(error, Math.abs(lim.value - expected[m][i][j].toNumber()) / norm);
        estimate = Math.max(estimate, lim.error / norm);
      }
    }
    leading[m] = { error, estimate };
  }
  const gaps = { sme1: rel(P('sme1').P, Cinf), sme2: rel(P('sme2').P, Cinf), spf: rel(P('spf').P, Cinf) };
  const psd = !refEigSym(ha.D.map((row) => row.map((x) => x.toString())), { digits: 50 }).values[0].isNegative();
  return { hasme: rel(ha.P, Cinf), identity, leading, gaps, psd };
}

/** Finite sums: relative gaps of each model's stationary (μ, S) to SGD's, at 50 digits (reference engines). */
export function finiteSumStationaryGaps(p: FiniteSumProblem, eta: string): Record<SdeModel, number> {
  const ctx = context({ digits: 50 });
  const f = decimalForm(momentForm(p), ctx);
  const Rc = realOps(ctx);
  const e = new ctx.D(eta);
  const sgd = sgdStationaryMoments(f, e, ctx);
  const size = (m: SecondMoments) => Rc.frobenius([m.mu, ...m.S]);
  const diff = (m: SecondMoments) => Rc.frobenius([m.mu.map((x, i) => x.minus(sgd.mu[i])), ...m.S.map((row, a) => row.map((x, b) => x.minus(sgd.S[a][b])))]);
  const out = {} as Record<SdeModel, number>;
  for (const model of p.models) out[model] = diff(modelStationaryMoments(f, model, e, ctx)).div(size(sgd)).toNumber();
  return out;
}

function problemsFor(runs: number, per: number, min: number): number {
  return Math.max(min, Math.round(runs / per));
}

const fmt = (x: number) => x.toExponential(1);

/** The C18 check on `impls` (default: the 50-digit reference and the double library). */
export function makeC18(impls: HasmeImpl[] = [referenceImpl(), libraryImpl()]): ClaimCheck {
  return {
    id: 'C18',
    title: 'Stationary law: HA-SME’s equals SGD’s N(0, C∞) exactly; SME-1, SME-2, SPF off by relative order η (derived)',
    async run(opts: CheckOptions) {
      const nq = problemsFor(opts.runs, 30, 2);
      const nf = problemsFor(opts.runs, 50, 2);
      const failures: Counterexample[] = [];
      const coverage: Record<string, number> = {};
      const lines: string[] = [];
      let worst = 0;
      let cases = 0;
      const fail = (seed: number, text: string) => failures.push({ seed, description: `${text}. Replay: npx hasme report --claims C18 --seed ${seed}` });
      for (let i = 0; i < nq; i++) {
        const seed = opts.seed + i;
        const c = randomStationaryQuadratic(seed);
        const what = `additive quadratic from seed ${seed} (d = ${c.H.length}, η = ${c.eta})`;
        for (const impl of impls) {
          const tol = exactTolerance(impl);
          const r = stationaryCase(impl, c);
          cases++;
          const label = r.psd ? 'Σ̃ ⪰ 0: stationary law' : 'Σ̃ indefinite: stationary moments';
          coverage[label] = (coverage[label] ?? 0) + 1;
          worst = Math.max(worst, r.hasme / tol, r.identity.sme1 / tol, r.identity.sme2 / tol);
          if (r.hasme > tol) fail(seed, `${what}, ${impl.name}: HA-SME stationary covariance differs from SGD's C∞ by ${fmt(r.hasme)} (relative) > ${fmt(tol)}`);
          for (const m of ['sme1', 'sme2'] as const) {
            if (r.identity[m] > tol) fail(seed, `${what}, ${impl.name}: ${m}'s stationary deviation violates its Lyapunov identity by ${fmt(r.identity[m])} > ${fmt(tol)}`);
          }
          for (const m of ['sme1', 'sme2', 'spf'] as const) {
            const l = r.leading[m];
            if (l.error > ORDER_RTOL) fail(seed, `${what}, ${impl.name}: lim (P − C∞)/η² of ${m} differs from the derived Δ′ by ${fmt(l.error)} (Richardson estimate ${fmt(l.estimate)}) > ${ORDER_RTOL}`);
          }
          if (i < 2 && impl === impls[0]) {
            lines.push(`${what}: HA-SME ${fmt(r.hasme)}, gaps ‖P − C∞‖/‖C∞‖ sme1 ${fmt(r.gaps.sme1)}, sme2 ${fmt(r.gaps.sme2)}, spf ${fmt(r.gaps.spf)}; Δ′ reproduced to ${fmt(Math.max(...Object.values(r.leading).map((l) => l.error)))}`);
          }
        }
        opts.onProgress?.(i + 1, nq + nf);
      }
      const fsTol = 1e-40;
      for (let i = 0; i < nf; i++) {
        const seed = opts.seed + i;
        const p = randomFiniteSum(seed, []);
        const H = p.A[0].map((row, a) => row.map((_, b) => String(p.A.reduce((s, A) => s + Number(A[a][b]), 0) / p.A.length)));
        const eta = stableStep(0.5 / rowSumNorm(H));
        const g = finiteSumStationaryGaps(p, eta);
        cases++;
        coverage['finite sum'] = (coverage['finite sum'] ?? 0) + 1;
        worst = Math.max(worst, g.hasme / fsTol);
        if (g.hasme > fsTol) fail(seed, `finite sum from seed ${seed} (n = ${p.A.length}, η = ${eta}): HA-SME's stationary moments differ from SGD's by ${fmt(g.hasme)} > ${fsTol}`);
        lines.push(`finite sum seed ${seed} (n = ${p.A.length}, η = ${eta}): HA-SME ${fmt(g.hasme)}, measured gaps sme1 ${fmt(g.sme1)}, sme2 ${fmt(g.sme2)}, spf ${fmt(g.spf)}`);
        opts.onProgress?.(nq + i + 1, nq + nf);
      }
      return tallyOutcome('C18', { cases, worst, failures }, 1, `worstError = largest error/tolerance over (a) ‖P_HA − C∞‖/‖C∞‖, (b) the SME-1/SME-2 deviation identities' relative residuals ` +
          `(tolerance 1e-40 at 50 digits, 1e5·eps for the double library) and the finite sums' HA-SME gap (1e-40); (c) leading coefficients Δ′ to ${ORDER_RTOL}. ` +
          `Implementations: ${impls.map((m) => m.name).join(', ')}. ${lines.join('; ')}.`, coverage);
    },
  };
}
