/** Presenting a convergence run (spec/protocol.md §13): table, JSON, log-log SVG. */
import Table from 'cli-table3';
import { lineChart } from '../../plot/svg.js';
import { MODEL_COLOURS, seriesColour } from '../../plot/palette.js';
import type { ConvergenceProblem, ConvergenceResult } from './run.js';
import { Z } from './run.js';

const e = (x: number | null, digits = 3) => (x === null ? '—' : x.toExponential(digits));

/** The objective and its gradient noise, in words. */
function objective(p: ConvergenceProblem): string {
  return p.kind === 'quadratic'
    ? `f(x) = ½ xᵀHx with additive noise, H = ${JSON.stringify(p.H)}, Σ = ${JSON.stringify(p.Sigma)}`
    : `finite sum F_i(x) = ½ xᵀA_i x − c_iᵀx over n = ${p.A.length} components (state-dependent noise Σ(x) = Cov_i(A_i x − c_i)), A = ${JSON.stringify(p.A)}, c = ${JSON.stringify(p.c)}`;
}

/** Why the model error is what it is (C3 on additive quadratics, C15 on finite sums). */
function modelErrorNote(p: ConvergenceProblem): string {
  if (p.kind === 'finite-sum') return 'On finite sums no model reproduces SGD exactly: the model error is O(η) for SME-1 and O(η²) for SME-2, SPF and HA-SME (C15, measured).';
  return p.model === 'hasme' ? 'HA-SME reproduces every polynomial moment of SGD on quadratics (C3), so its model error is 0 here; --model sme1 shows a non-zero one.' : '';
}

export function renderConvergence(r: ConvergenceResult, title: string): string {
  const p = r.problem;
  const table = new Table({
    head: ['j', 'dt', 'E u(X_T) simulated', '± MC s.e.', 'Solver error (sim − SDE)', 'Total error (sim − SGD)', 'Used in fit'],
    colAligns: ['right', 'right', 'right', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [], compact: true },
  });
  for (const l of r.levels) {
    table.push([l.j, l.dt, l.value === null ? (l.message ?? '—') : l.value.toPrecision(8), e(l.stderr, 1), e(l.solverError), e(l.totalError), r.fit.used.includes(l.j) ? 'yes' : 'no (not resolved above 3 s.e.)']);
  }
  const fit = r.fit.order === null ? 'not enough resolved points' : `${r.fit.order.toFixed(3)} ± ${r.fit.se!.toFixed(3)} (interval ±${Z} s.e.: [${r.fit.lo!.toFixed(2)}, ${r.fit.hi!.toFixed(2)}])`;
  return [
    title,
    `Problem: model ${p.model}, η = ${p.eta}, T = ${p.steps}·η, ${objective(p)}, x0 = ${JSON.stringify(p.x0)}, u(x) = xᵀWx + wᵀx with W = ${JSON.stringify(p.W)}, w = ${JSON.stringify(p.w)}`,
    `Exact (weak engines, 30 digits): E u(X_T) of the SDE = ${r.sdeValue.toPrecision(10)}, of SGD after ${p.steps} steps = ${r.sgdValue.toPrecision(10)}; model error (SDE − SGD) = ${r.modelError.toExponential(3)}, independent of dt`,
    table.toString(),
    `Solver error = simulated − exact SDE (→ 0 as dt → 0 at the solver's weak order); total error = simulated − SGD → the model error.`,
    `Weak order of the solver in dt: ${fit}; expected ${r.expectedOrder} ± 0.3`,
    r.limit ? `Extrapolated limit (Richardson, two finest dt): ${r.limit.value.toPrecision(8)} ± ${r.limit.se.toExponential(1)}, off the exact SDE value by ${r.limit.error.toExponential(2)} (allowed ${r.limit.allowance.toExponential(1)})` : '',
    ...r.problems.map((x) => `Problem of the run: ${x}`),
    modelErrorNote(p),
    `${r.verdict.toUpperCase()}: ${r.reason}`,
  ].filter((l) => l !== '').join('\n');
}

export function convergenceJSON(r: ConvergenceResult): Record<string, unknown> {
  return JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
}

/** Log-log figure: |solver error| with ±2 s.e. marks, |total error|, a dt^p slope guide, |model error| as a rule. */
export function convergenceSvg(r: ConvergenceResult): Promise<string> {
  const ok = r.levels.filter((l) => l.solverError !== null);
  const model = MODEL_COLOURS[r.problem.model];
  return lineChart({
    title: `Weak error of the solver vs dt (${r.verdict})`,
    subtitle: `dashed rule: |model error| = |SDE − SGD| = ${Math.abs(r.modelError).toExponential(2)}`,
    x: { label: 'solver step dt', scale: 'log' },
    y: { label: '|E u(X_T) simulated − exact|', scale: 'log' },
    series: [
      { name: '|solver error| (vs exact SDE)', colour: model, points: ok.map((l) => ({ x: l.dt, y: Math.abs(l.solverError!) })) },
      { name: '|total error| (vs SGD)', colour: MODEL_COLOURS.sgd, points: ok.map((l) => ({ x: l.dt, y: Math.abs(l.totalError!) })) },
      {
        name: '|solver error| ± 2 s.e.',
        colour: seriesColour(2),
        pointsOnly: true,
        points: ok.flatMap((l) => [Math.abs(l.solverError!) + 2 * l.stderr, Math.abs(l.solverError!) - 2 * l.stderr].map((y) => ({ x: l.dt, y }))),
      },
    ],
    rules: r.modelError === 0 ? [] : [{ y: Math.abs(r.modelError) }],
    slopes: [{ order: r.expectedOrder, label: `dt^${r.expectedOrder}` }],
  });
}
