/**
 * Weak-error engines (issue #5 item 10): the built-in finite-sum table (d = 2, n = 4, four step
 * sizes, four models, 40 digits; target < 5 s — an mpmath computation of the same table takes about
 * 19 s on this class of machine), plus the other built-in tables for scale (no targets).
 */
import { builtinProblem } from '../src/problems/builtin.js';
import { weakTable } from '../src/weak/table.js';
import { measure, renderTable, type Sample } from './harness.js';

export async function run(): Promise<void> {
  const samples: Sample[] = [];
  const table = (name: string, digits = 40) => () => weakTable(builtinProblem(name), { digits });
  samples.push(await measure('finite-sum-d2n4 table, 40 digits', table('finite-sum-d2n4'), { runs: 5, warmup: 1, targetMs: 5000 }));
  samples.push(await measure('quad-d3 table, 40 digits', table('quad-d3'), { runs: 3, warmup: 0 }));
  samples.push(await measure('logcosh 1-D table (double, with refinement)', table('logcosh'), { runs: 3, warmup: 0 }));
  console.log(renderTable('weak-error engines', samples));
}
