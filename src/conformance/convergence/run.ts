/**
 * `hasme check --convergence -- CMD ARGS...` (spec/protocol.md §13): asks an outside simulator
 * for E u(X_T) of a model's SDE on a quadratic problem at solver steps dt = η/2^j (the `expect`
 * op), and compares with the exact values of the SDE and of SGD at T = kη, computed by the
 * 30-digit reference from the exact Gaussian moments (on quadratics the weak engines' moment
 * equations are solved exactly: spec/weak.md). Solver error = E_sim − E_SDE (→ 0 at the solver's
 * weak order, 1 for Euler–Maruyama); model error = E_SDE − E_SGD (independent of dt).
 */
import { refMoments } from '../../../reference/index.js';
import { ImplementationSession, SessionFault } from '../session.js';
import { fitWeakOrder, type OrderEstimate } from './fit.js';

/** The problem asked about: f(x) = ½ xᵀHx with gradient noise Σ, u(x) = xᵀWx + wᵀx. */
export interface ConvergenceProblem {
  model: 'hasme' | 'spf' | 'sme1' | 'sme2';
  eta: number;
  H: number[][];
  Sigma: number[][];
  x0: number[];
  steps: number;
  W: number[][];
  w: number[];
}

/** Default problem: d = 2, non-commuting, regime R with Σ̃ ≻ 0 (C6), T = 0.5. */
export const DEFAULT_PROBLEM: ConvergenceProblem = {
  model: 'hasme',
  eta: 0.1,
  H: [[2, 0.5], [0.5, 1.5]],
  Sigma: [[1, 0.2], [0.2, 0.5]],
  x0: [2, -1],
  steps: 5,
  W: [[1, 0], [0, 1]],
  w: [0, 0],
};

export interface ConvergenceOptions {
  command: string;
  args: readonly string[];
  problem?: ConvergenceProblem;
  /** Model of the default problem (default hasme). */
  model?: ConvergenceProblem['model'];
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

function expectOf(model: string, p: ConvergenceProblem): number {
  const m = refMoments(model as never, p.H, p.Sigma, p.eta, p.x0, p.steps, { digits: 30 });
  const C = (m.cov ?? m.pcov).map((r) => r.map((z) => z.re.toNumber()));
  const mu = m.mean.map((z) => z.re.toNumber());
  let v = 0;
  for (let i = 0; i < mu.length; i++) {
    v += p.w[i] * mu[i];
    for (let k = 0; k < mu.length; k++) v += p.W[i][k] * (C[k][i] + mu[k] * mu[i]);
  }
  return v;
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
  const p = opts.problem ?? { ...DEFAULT_PROBLEM, model: opts.model ?? DEFAULT_PROBLEM.model };
  const sde = expectOf(p.model, p);
  const sgd = expectOf('sgd', p);
  const session = new ImplementationSession({ command: opts.command, args: opts.args, caseTimeoutMs: opts.caseTimeoutS * 1000, timeoutMs: opts.timeoutS * 1000 });
  const levels: ConvergenceLevel[] = [];
  for (let j = 0; j < opts.levels; j++) {
    const dt = p.eta / 2 ** j;
    const id = `expect-${j}`;
    const req = { id, op: 'expect', ...p, dt, seed: opts.seed + j };
    const level: ConvergenceLevel = { j, dt, value: null, stderr: 0, solverError: null, totalError: null };
    try {
      const a = (await session.request(id, JSON.stringify(req), 1 << 16)) as { value?: unknown; stderr?: unknown; error?: unknown; message?: unknown };
      if (typeof a.value === 'number' && Number.isFinite(a.value) && (a.stderr === undefined || (typeof a.stderr === 'number' && a.stderr >= 0))) {
        level.value = a.value;
        level.stderr = (a.stderr as number | undefined) ?? 0;
        level.solverError = a.value - sde;
        level.totalError = a.value - sgd;
      } else {
        level.message = a.error !== undefined ? `answered error "${String(a.error)}"${a.message ? ` (${String(a.message)})` : ''}` : 'invalid answer: needs a finite number "value" and a non-negative "stderr"';
      }
    } catch (err) {
      if (!(err instanceof SessionFault)) throw err;
      level.message = err.message;
    }
    levels.push(level);
    if (level.value === null) break;
  }
  const problems = await session.close();
  const ok = levels.filter((l) => l.value !== null);
  const est = fitWeakOrder(ok.map((l) => l.dt), ok.map((l) => l.solverError!), ok.map((l) => l.stderr));
  const fit = { ...est, used: est.used.map((i) => ok[i].j), lo: est.order === null ? null : est.order - Z * est.se!, hi: est.order === null ? null : est.order + Z * est.se! };
  const limit = richardson(levels, opts.expectedOrder, sde);
  const { verdict, reason } = verdictOf(levels, fit, opts.expectedOrder, sde, limit);
  return { verdict: problems.length && verdict === 'pass' ? 'fail' : verdict, reason, problem: p, sdeValue: sde, sgdValue: sgd, modelError: sde - sgd, levels, fit, limit, expectedOrder: opts.expectedOrder, problems };
}
