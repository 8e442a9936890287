/**
 * `hasme check --convergence` (spec/protocol.md §13): a correct Euler–Maruyama simulator
 * (Python/numpy, test/fixtures/impls/em_sim.py) passes with weak order ≈ 1 and an extrapolated
 * limit equal to the exact SDE value; one with dt in place of √dt in the noise and one with the
 * drift's sign flipped fail with a clear reason. The three simulators run once, concurrently,
 * with 50 000 paths (about 10 s of CPU in all).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConvergence, type ConvergenceResult } from '../src/conformance/convergence/run.js';
import { convergenceSvg, renderConvergence } from '../src/conformance/convergence/format.js';
import { fitWeakOrder } from '../src/conformance/convergence/fit.js';

const SIM = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures/impls/em_sim.py');
const run = (bug?: string) =>
  runConvergence({ command: 'python3', args: [SIM, '--paths', '50000', ...(bug ? ['--bug', bug] : [])], model: 'sme1', levels: 4, expectedOrder: 1, caseTimeoutS: 170, timeoutS: 170, seed: 20240528 });

let good: ConvergenceResult;
let sqrtDt: ConvergenceResult;
let sign: ConvergenceResult;

beforeAll(async () => {
  [good, sqrtDt, sign] = await Promise.all([run(), run('sqrt-dt'), run('drift-sign')]);
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

  it('the order fit leaves out errors within 3 standard errors and inflates its s.e. by the misfit', () => {
    const f = fitWeakOrder([0.1, 0.05, 0.025], [0.1, 0.05, 0.001], [0.001, 0.001, 0.001]);
    expect(f.used).toEqual([0, 1]);
    expect(f.order).toBeCloseTo(1, 10);
    const g = fitWeakOrder([0.1, 0.05, 0.025, 0.0125], [0.1, 0.06, 0.02, 0.012], [1e-4, 1e-4, 1e-4, 1e-4]);
    expect(g.se!).toBeGreaterThan(0.05);
  });
});
