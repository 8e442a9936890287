/**
 * `hasme check --convergence -- CMD ARGS...` (spec/protocol.md §13): asks an outside simulator
 * for E u(X_T) of a model's SDE on a quadratic or finite-sum problem at solver steps dt = η/2^j
 * (the `expect` op, spec/schemas/expect.schema.json), and compares with the exact values of the
 * SDE and of SGD at T = kη from the exact weak engines (reference/weak at 30 digits: the SGD
 * moment recursion and the SDE moment ODE, spec/weak.md; C14, C15). Solver error = E_sim − E_SDE
 * (→ 0 at the solver's weak order, 1 for Euler–Maruyama); model error = E_SDE − E_SGD
 * (independent of dt).
 */
import { Decimal } from 'decimal.js';
import { refWeakRows } from '../../../reference/weak/weakErrors.js';
import type { SdeModel } from '../../formats/types.js';
import { printable } from '../../formats/printable.js';
import { expectRequestProblem, expectResponseProblem } from '../../formats/schemas.js';
import { builtinProblem } from '../../problems/builtin.js';
import type { FiniteSumProblem, QuadraticLike } from '../../problems/types.js';
import { ImplementationSession, SessionFault } from '../session.js';
import { fitWeakOrder, type OrderEstimate } from './fit.js';

interface ProblemBase {
  model: SdeModel;
  eta: number;
  x0: number[];
  /** T = steps·η. */
  steps: number;
  /** The test function u(x) = xᵀWx + wᵀx. */
  W: number[][];
  w: number[];
}

/** f(x) = ½ xᵀHx with additive gradient noise N(0, Σ) (C14). */
export interface QuadraticConvergenceProblem extends ProblemBase {
  kind: 'quadratic';
  H: number[][];
  Sigma: number[][];
}

/** F_i(x) = ½ xᵀA_i x − c_iᵀx, i uniform: state-dependent noise Σ(x) = Cov_i(A_i x − c_i) (C15). */
export interface FiniteSumConvergenceProblem extends ProblemBase {
  kind: 'finite-sum';
  A: number[][][];
  c: number[][];
}

/** The problem asked about, sent as the `expect` request's fields. */
export type ConvergenceProblem = QuadraticConvergenceProblem | FiniteSumConvergenceProblem;
export type ProblemKind = ConvergenceProblem['kind'];

/** Default quadratic: d = 2, non-commuting, regime R with Σ̃ ≻ 0 (C6), T = 0.5. */
const DEFAULT_QUADRATIC: QuadraticConvergenceProblem = {
  kind: 'quadratic',
  model: 'hasme',
  eta: 0.1,
  H: [[2, 0.5], [0.5, 1.5]],
  Sigma: [[1, 0.2], [0.2, 0.5]],
  x0: [2, -1],
  steps: 5,
  W: [[1, 0], [0, 1]],
  w: [0, 0],
};

/**
 * Default finite sum: the least-squares data (A_i, c_i) of the weak engines' `finite-sum-d2n4`
 * (d = 2, n = 4, regime R: η·λ_max(H) = 0.32) at η = 0.2, T = 0.6, started away from the
 * minimiser, with a mostly linear u: the Euler–Maruyama error at dt = η/8 is 8.7 Monte Carlo
 * standard errors at 5·10⁴ paths (the scheme's exact moments, u's variance in the Gaussian
 * approximation), and u's light tails keep those standard errors honest (spec/protocol.md §13).
 */
function defaultFiniteSum(): FiniteSumConvergenceProblem {
  const p = builtinProblem('finite-sum-d2n4') as FiniteSumProblem;
  const num = (v: string[]) => v.map(Number);
  return { kind: 'finite-sum', model: 'hasme', eta: 0.2, A: p.A.map((M) => M.map(num)), c: p.c.map(num), x0: [-2, 3], steps: 3, W: [[0.1, 0], [0, 0.1]], w: [1, -1] };
}

/** The default problem of each kind, for `model`. */
export function defaultProblem(kind: ProblemKind, model: SdeModel = 'hasme'): ConvergenceProblem {
  return { ...(kind === 'quadratic' ? DEFAULT_QUADRATIC : defaultFiniteSum()), model };
}

export interface ConvergenceOptions {
  command: string;
  args: readonly string[];
  problem?: ConvergenceProblem;
  /** Kind of the default problem (default quadratic). */
  kind?: ProblemKind;
  /** Model of the default problem (default hasme). */
  model?: SdeModel;
  /** dt = η/2^j for j = 0..levels−1. */
  levels: number;
  /** Expected weak order and the allowance for higher-order terms. */
  expectedOrder: number;
  caseTimeoutS: number;
  timeoutS: number;
  seed: number;
}

export interface ConvergenceLevel {
  j: number;
  dt: number;
  value: number | null;
  stderr: number;
  solverError: number | null;
  totalError: number | null;
  message?: string;
}

export type ConvergenceVerdict = 'pass' | 'fail' | 'inconclusive';

export interface ConvergenceResult {
  verdict: ConvergenceVerdict;
  reason: string;
  problem: ConvergenceProblem;
  sdeValue: number;
  sgdValue: number;
  modelError: number;
  levels: ConvergenceLevel[];
  fit: OrderEstimate & { lo: number | null; hi: number | null };
  /** Richardson limit from the two finest levels at the expected order, with its standard error. */
  limit: { value: number; se: number; error: number; allowance: number } | null;
  expectedOrder: number;
  problems: string[];
}

/** z of the order's interval: two-sided 6e-5 under the Gaussian approximation of the MC means. */
export const Z = 4;
/** Allowance for higher-order terms around the expected order. */
export const ORDER_BAND = 0.3;

/** Digits of the exact targets (far beyond any Monte Carlo resolution). */
const TARGET_DIGITS = 30;

/**
 * E u(X_T) of the model's SDE and E u(x_k) of SGD, exactly, from the weak engines. Every number
 * is read as the decimal its JSON form shows (String of a double is its shortest round-trip
 * decimal), so the targets are those of the problem the simulator was sent.
 */
export function exactTargets(p: ConvergenceProblem): { sde: number; sgd: number } {
  const dec = (v: number[]) => v.map(String);
  const eta = String(p.eta);
  const common = { x0: dec(p.x0), T: new Decimal(eta).times(p.steps).toString(), etas: [eta], models: [p.model], test: { W: p.W.map(dec), w: dec(p.w) } };
  const problem: QuadraticLike =
    p.kind === 'quadratic' ? { kind: 'quadratic', H: p.H.map(dec), Sigma: p.Sigma.map(dec), ...common } : { kind: 'finite-sum', A: p.A.map((M) => M.map(dec)), c: p.c.map(dec), ...common };
  const [row] = refWeakRows(problem, { digits: TARGET_DIGITS });
  return { sde: row.sde.toNumber(), sgd: row.sgd.toNumber() };
}

/** Allowance for the extrapolated limit: this share of the finest level's |solver error| (the O(dt^{p+1}) remainder). */
export const LIMIT_SHARE = 0.25;

/** E∞ = (2^p E(dt/2) − E(dt))/(2^p − 1) from the two finest levels, compared with the exact SDE value. */
function richardson(levels: ConvergenceLevel[], p: number, sde: number): ConvergenceResult['limit'] {
  const ok = levels.filter((l) => l.value !== null);
  if (ok.length < 2) return null;
  const [a, b] = ok.slice(-2);
  const q = 2 ** p;
  const value = (q * b.value! - a.value!) / (q - 1);
  const se = Math.hypot(q * b.stderr, a.stderr) / (q - 1);
  return { value, se, error: value - sde, allowance: Z * se + LIMIT_SHARE * Math.abs(b.solverError!) };
}

function verdictOf(levels: ConvergenceLevel[], fit: ConvergenceResult['fit'], expected: number, sde: number, limit: ConvergenceResult['limit']): { verdict: ConvergenceVerdict; reason: string } {
  const last = levels[levels.length - 1];
  if (levels.some((l) => l.value === null)) return { verdict: 'fail', reason: `no value at dt = ${levels.find((l) => l.value === null)!.dt}: ${levels.find((l) => l.value === null)!.message}` };
  if (fit.order === null || fit.lo === null || fit.hi === null) {
    return { verdict: 'inconclusive', reason: `fewer than two solver errors resolved above 3 Monte Carlo standard errors (smallest dt: ${last.solverError?.toExponential(2)} ± ${last.stderr.toExponential(1)}): more paths or larger dt needed` };
  }
  const band = `[${expected - ORDER_BAND}, ${expected + ORDER_BAND}]`;
  const ci = `[${fit.lo.toFixed(2)}, ${fit.hi.toFixed(2)}]`;
  if (fit.hi < expected - ORDER_BAND) {
    const rel = Math.abs(last.solverError! / sde);
    return {
      verdict: 'fail',
      reason: `the solver error does not vanish like dt^${expected}: fitted order ${fit.order.toFixed(2)}, interval ${ci} below ${band}; at dt = ${last.dt} the simulator is still off the exact SDE value by ${last.solverError!.toExponential(2)} (${(100 * rel).toFixed(1)} %) ± ${last.stderr.toExponential(1)}: it converges to a different law (e.g. a wrong noise scaling such as dt for √dt, or a wrong drift)`,
    };
  }
  const [prev, finest] = levels.slice(-2);
  const growth = Math.abs(finest.solverError!) - Math.abs(prev.solverError!);
  if (growth > Z * Math.hypot(finest.stderr, prev.stderr)) {
    return {
      verdict: 'fail',
      reason: `the solver error grows as dt shrinks: |simulated − SDE| = ${Math.abs(finest.solverError!).toExponential(2)} ± ${finest.stderr.toExponential(1)} at dt = ${finest.dt} against ${Math.abs(prev.solverError!).toExponential(2)} ± ${prev.stderr.toExponential(1)} at dt = ${prev.dt}, more than ${Z} s.e. apart: the simulator moves away from the exact SDE value and converges to a different law (e.g. a drift of the wrong sign, or a wrong noise scaling such as dt for √dt)`,
    };
  }
  if (limit && Math.abs(limit.error) > limit.allowance) {
    return {
      verdict: 'fail',
      reason: `the solver converges to a different value: the extrapolated limit (Richardson at order ${expected}) ${limit.value.toPrecision(6)} ± ${limit.se.toExponential(1)} is off the exact SDE value ${sde.toPrecision(6)} by ${limit.error.toExponential(2)}, beyond ${Z} s.e. + ${LIMIT_SHARE} × the finest error (${limit.allowance.toExponential(1)}), although the fitted order ${fit.order.toFixed(2)} ${ci} looks plausible: a different law in the limit (e.g. a wrong noise scaling such as dt for √dt, or a wrong drift)`,
    };
  }
  if (fit.lo > expected + ORDER_BAND) return { verdict: 'pass', reason: `fitted order ${fit.order.toFixed(2)}, interval ${ci}: faster than dt^${expected} (a higher-order scheme)` };
  return { verdict: 'pass', reason: `fitted weak order ${fit.order.toFixed(2)}, interval ${ci} (±${Z} standard errors, Monte Carlo error included) meets ${band}` };
}

export async function runConvergence(opts: ConvergenceOptions): Promise<ConvergenceResult> {
  const p = opts.problem ?? defaultProblem(opts.kind ?? 'quadratic', opts.model);
  const { sde, sgd } = exactTargets(p);
  const session = new ImplementationSession({ command: opts.command, args: opts.args, caseTimeoutMs: opts.caseTimeoutS * 1000, timeoutMs: opts.timeoutS * 1000 });
  const levels: ConvergenceLevel[] = [];
  for (let j = 0; j < opts.levels; j++) {
    const dt = p.eta / 2 ** j;
    const id = `expect-${j}`;
    const req = { id, op: 'expect', ...p, dt, seed: opts.seed + j };
    const bad = expectRequestProblem(req);
    if (bad) throw new Error(`internal: the expect request violates spec/schemas/expect.schema.json: ${bad}`);
    const level: ConvergenceLevel = { j, dt, value: null, stderr: 0, solverError: null, totalError: null };
    try {
      const a = (await session.request(id, JSON.stringify(req), 1 << 16)) as { value?: number; stderr?: number; error?: unknown; message?: unknown };
      const invalid = expectResponseProblem(a);
      if (invalid) level.message = printable(`invalid answer: ${invalid}`);
      else if (a.error !== undefined) level.message = printable(`answered error "${String(a.error)}"${a.message ? ` (${String(a.message)})` : ''}`);
      else {
        level.value = a.value!;
        level.stderr = a.stderr!;
        level.solverError = a.value! - sde;
        level.totalError = a.value! - sgd;
      }
    } catch (err) {
      if (!(err instanceof SessionFault)) throw err;
      level.message = printable(err.message);
    }
    levels.push(level);
    if (level.value === null) break;
  }
  const problems = (await session.close()).map(printable);
  const ok = levels.filter((l) => l.value !== null);
  const est = fitWeakOrder(ok.map((l) => l.dt), ok.map((l) => l.solverError!), ok.map((l) => l.stderr));
  const fit = { ...est, used: est.used.map((i) => ok[i].j), lo: est.order === null ? null : est.order - Z * est.se!, hi: est.order === null ? null : est.order + Z * est.se! };
  const limit = richardson(levels, opts.expectedOrder, sde);
  const { verdict, reason } = verdictOf(levels, fit, opts.expectedOrder, sde, limit);
  return { verdict: problems.length && verdict === 'pass' ? 'fail' : verdict, reason, problem: p, sdeValue: sde, sgdValue: sgd, modelError: sde - sgd, levels, fit, limit, expectedOrder: opts.expectedOrder, problems };
}
