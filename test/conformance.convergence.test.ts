/**
 * `hasme check --convergence` (spec/protocol.md §13), on an additive quadratic (C14) and on a
 * finite sum with state-dependent noise (C15): a correct Euler–Maruyama simulator (Python/numpy,
 * test/fixtures/impls/em_sim.py) passes with weak order ≈ 1 and an extrapolated limit equal to
 * the exact SDE value of the weak engines; one with dt in place of √dt in the noise and one with
 * the drift's sign flipped fail with a clear reason. The six simulators run once, concurrently,
 * with 50 000 paths (about 20 s of CPU in all).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultProblem, exactTargets, runConvergence, type ConvergenceResult, type ProblemKind } from '../src/conformance/convergence/run.js';
import { convergenceSvg, renderConvergence } from '../src/conformance/convergence/format.js';
import { fitWeakOrder } from '../src/conformance/convergence/fit.js';
import { refMoments } from '../reference/index.js';

const SIM = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures/impls/em_sim.py');
const run = (kind: ProblemKind, bug?: string) =>
  runConvergence({
    command: 'python3',
    args: [SIM, '--paths', '50000', ...(bug ? ['--bug', bug] : [])],
    kind,
    model: kind === 'quadratic' ? 'sme1' : 'hasme',
    levels: 4,
    expectedOrder: 1,
    caseTimeoutS: 170,
    timeoutS: 170,
    seed: 20240528,
  });

let good: ConvergenceResult;
let sqrtDt: ConvergenceResult;
let sign: ConvergenceResult;
let fsGood: ConvergenceResult;
let fsSqrtDt: ConvergenceResult;
let fsSign: ConvergenceResult;

beforeAll(async () => {
  [good, sqrtDt, sign, fsGood, fsSqrtDt, fsSign] = await Promise.all([
    run('quadratic'),
    run('quadratic', 'sqrt-dt'),
    run('quadratic', 'drift-sign'),
    run('finite-sum'),
    run('finite-sum', 'sqrt-dt'),
    run('finite-sum', 'drift-sign'),
  ]);
}, 180_000);

describe('check --convergence against outside Euler–Maruyama simulators', () => {
  it('a correct simulator passes: order interval meets [0.7, 1.3], limit = exact SDE value, model error separated', async () => {
    expect(good.verdict, renderConvergence(good, 'good')).toBe('pass');
    expect(good.fit.order!).toBeGreaterThan(0.8);
    expect(good.fit.order!).toBeLessThan(1.2);
    expect(Math.abs(good.limit!.error)).toBeLessThanOrEqual(good.limit!.allowance);
    // sme1 is not SGD: a model error independent of dt, which the total error tends to.
    expect(Math.abs(good.modelError)).toBeGreaterThan(0.01);
    const last = good.levels[good.levels.length - 1];
    expect(Math.abs(last.totalError! - good.modelError)).toBeCloseTo(Math.abs(last.solverError!), 10);
    const svg = await convergenceSvg(good);
    expect(svg.startsWith('<svg')).toBe(true);
  });

  it('dt in place of √dt in the noise fails: the solver converges to a different value', () => {
    expect(sqrtDt.verdict).toBe('fail');
    expect(sqrtDt.reason).toMatch(/converges to a different (value|law)/);
  });

  it('a flipped drift sign fails: the solver error does not vanish with dt', () => {
    expect(sign.verdict).toBe('fail');
    expect(sign.reason).toMatch(/does not vanish like dt\^1/);
  });

  it('finite sum (state-dependent noise, C15): a correct simulator of HA-SME passes; the model error SDE − SGD is separated and non-zero', () => {
    expect(fsGood.verdict, renderConvergence(fsGood, 'finite-sum good')).toBe('pass');
    expect(fsGood.fit.order!).toBeGreaterThan(0.8);
    expect(fsGood.fit.order!).toBeLessThan(1.3);
    expect(Math.abs(fsGood.limit!.error)).toBeLessThanOrEqual(fsGood.limit!.allowance);
    // HA-SME is exact on additive quadratics (C3), not on finite sums: a dt-independent model error.
    expect(Math.abs(fsGood.modelError)).toBeGreaterThan(1e-3);
    for (const l of fsGood.levels) expect(l.totalError! - l.solverError!).toBeCloseTo(fsGood.modelError, 12);
    expect(renderConvergence(fsGood, 'x')).toMatch(/finite sum F_i\(x\).*state-dependent noise/);
  });

  it('finite sum: dt for √dt and a flipped drift fail: the solver converges to a different law', () => {
    expect(fsSqrtDt.verdict).toBe('fail');
    expect(fsSqrtDt.reason).toMatch(/converges to a different (value|law)/);
    expect(fsSqrtDt.reason).toMatch(/dt for √dt/);
    expect(fsSign.verdict).toBe('fail');
    expect(fsSign.reason).toMatch(/does not vanish like dt\^1|converges to a different (value|law)/);
  });

  it('the exact SGD target on a finite sum equals the mean over all n^k index sequences of SGD (independent of the moment recursion)', () => {
    const p = defaultProblem('finite-sum');
    if (p.kind !== 'finite-sum') throw new Error('unreachable');
    let sum = 0;
    let count = 0;
    const walk = (x: number[], k: number) => {
      if (k === p.steps) {
        sum += p.w.reduce((s, wi, i) => s + wi * x[i], 0) + x.reduce((s, xi, i) => s + xi * x.reduce((t, xj, j) => t + p.W[i][j] * xj, 0), 0);
        count++;
        return;
      }
      p.A.forEach((Ai, i) => walk(x.map((xr, r) => xr - p.eta * (Ai[r].reduce((t, a, j) => t + a * x[j], 0) - p.c[i][r])), k + 1));
    };
    walk(p.x0, 0);
    expect(count).toBe(p.A.length ** p.steps);
    const { sgd } = exactTargets(p);
    expect(Math.abs(sgd - sum / count)).toBeLessThan(1e-13 * Math.max(1, Math.abs(sgd)));
  });

  it('on a quadratic the weak engines’ targets equal E u of the exact Gaussian moments (reference refMoments, a second route)', () => {
    for (const model of ['hasme', 'sme1'] as const) {
      const p = defaultProblem('quadratic', model);
      if (p.kind !== 'quadratic') throw new Error('unreachable');
      const { sde, sgd } = exactTargets(p);
      for (const [m, target] of [[model, sde], ['sgd', sgd]] as const) {
        const r = refMoments(m, p.H, p.Sigma, p.eta, p.x0, p.steps, { digits: 30 });
        const mu = r.mean.map((z) => z.re.toNumber());
        const C = r.pcov.map((row) => row.map((z) => z.re.toNumber()));
        const eu = mu.reduce((s, mi, i) => s + p.w[i] * mi + mu.reduce((t, mk, k) => t + p.W[i][k] * (C[k][i] + mk * mi), 0), 0);
        expect(Math.abs(eu - target), `${m}`).toBeLessThan(1e-13 * Math.abs(target));
      }
    }
  });

  it('an error answer is quoted without raw control or bidi characters (spec/protocol.md §7)', async () => {
    const code = 'import json,sys\nfor line in sys.stdin:\n  r=json.loads(line)\n  print(json.dumps({"id":r["id"],"error":"unsupported","message":"\\u001b[2J\\u202eevil"}), flush=True)';
    const r = await runConvergence({ command: 'python3', args: ['-c', code], levels: 2, expectedOrder: 1, caseTimeoutS: 60, timeoutS: 60, seed: 1 });
    expect(r.verdict).toBe('fail');
    const text = renderConvergence(r, 't');
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(text).toContain('answered error "unsupported" (\\u{1b}[2J\\u{202e}evil)');
  });

  it('CLI: --problem finite-sum runs the finite sum (JSON, SVG written); bad --problem, --model, --levels exit 2 naming the option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hasme-conv-'));
    const svg = join(dir, 'weak.svg');
    const ok = spawnSync('node', ['bin/hasme.js', 'check', '--convergence', '--problem', 'finite-sum', '--levels', '2', '--json', '--svg', svg, '--', 'python3', SIM, '--paths', '2000'], { encoding: 'utf8' });
    expect([0, 1], ok.stderr).toContain(ok.status);
    const out = JSON.parse(ok.stdout) as { problem: { kind: string; A: unknown[] }; levels: unknown[] };
    expect(out.problem.kind).toBe('finite-sum');
    expect(out.problem.A).toHaveLength(4);
    expect(out.levels).toHaveLength(2);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    for (const [flag, value, message] of [
      ['--problem', 'cubic', '--problem must be quadratic or finite-sum'],
      ['--model', 'sgd', '--model must be one of sme1, sme2, spf, hasme'],
      ['--levels', '1', '--levels'],
    ]) {
      const bad = spawnSync('node', ['bin/hasme.js', 'check', '--convergence', flag, value, '--', 'python3', SIM], { encoding: 'utf8' });
      expect(bad.status, flag).toBe(2);
      expect(bad.stderr).toContain(message);
    }
  });

  it('the order fit leaves out errors within 3 standard errors and inflates its s.e. by the misfit', () => {
    const f = fitWeakOrder([0.1, 0.05, 0.025], [0.1, 0.05, 0.001], [0.001, 0.001, 0.001]);
    expect(f.used).toEqual([0, 1]);
    expect(f.order).toBeCloseTo(1, 10);
    const g = fitWeakOrder([0.1, 0.05, 0.025, 0.0125], [0.1, 0.06, 0.02, 0.012], [1e-4, 1e-4, 1e-4, 1e-4]);
    expect(g.se!).toBeGreaterThan(0.05);
  });
});
