/**
 * Benchmarks of the decimal reference at 50 digits: the symmetric eigensolver alone, HA-SME
 * coefficients at d = 2, 4, 8 (issue target: d = 8 under 30 ms), and 1000-step moments.
 */
import { context, eigSym, parseSquare, refCoefficients, refMoments, refSgdMomentsRecursion } from '../reference/index.js';
import { measure, renderTable, type Sample } from './harness.js';

/** A fixed, well-conditioned symmetric d×d problem with mixed-sign curvature. */
function problem(d: number): { H: string[][]; Sigma: string[][]; x0: string[] } {
  const H = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? String(1 + i / 2 - (i === d - 1 ? 3 : 0)) : String(Number((1 / (i + j + 2)).toFixed(6))))));
  const Sigma = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => String((i === j ? 1 : 0) + Number((0.1 / (1 + Math.abs(i - j))).toFixed(6)))));
  return { H, Sigma, x0: Array.from({ length: d }, (_, i) => String(1 - i / 4)) };
}

export async function run(): Promise<void> {
  const ctx = context({ digits: 50 });
  const samples: Sample[] = [];
  for (const d of [2, 4, 8]) {
    const p = problem(d);
    const H = parseSquare(p.H, ctx, 'H');
    samples.push(await measure(`eigensolver d=${d}`, () => eigSym(H, ctx), { runs: 15 }));
    samples.push(
      await measure(`coefficients hasme d=${d} (R)`, () => refCoefficients(p.H, p.Sigma, '0.1'), {
        runs: 15,
        targetMs: d === 8 ? 30 : undefined,
        baseline: `eigensolver d=${d}`,
      }),
    );
  }
  const p8 = problem(8);
  samples.push(await measure('coefficients hasme d=8 (X)', () => refCoefficients(p8.H, p8.Sigma, '0.9'), { runs: 10, targetMs: 30 }));
  samples.push(await measure('moments sgd d=8, 1000 steps (closed form)', () => refMoments('sgd', p8.H, p8.Sigma, '0.1', p8.x0, 1000), { runs: 10 }));
  samples.push(await measure('moments hasme d=8, 1000 steps', () => refMoments('hasme', p8.H, p8.Sigma, '0.1', p8.x0, 1000), { runs: 10 }));
  const p4 = problem(4);
  samples.push(await measure('moments sgd d=4, 1000 steps (recursion)', () => refSgdMomentsRecursion(p4.H, p4.Sigma, '0.1', p4.x0, 1000), { runs: 3, warmup: 1 }));
  console.log(renderTable('Decimal reference, 50 significant digits (median of runs)', samples));
}
