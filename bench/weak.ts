/**
 * Weak-error engines (issue #5 item 10): the built-in finite-sum table (d = 2, n = 4, four step
 * sizes, four models, 40 digits; target < 5 s — an mpmath computation of the same table takes about
 * 19 s on this class of machine), plus the other built-in tables for scale (no targets). The 2-D
 * table (C22: ridges-d2, 4 models × 4 η, both resolutions of the refinement check) has the target
 * of issue 12: < 60 s on 2 cores (spec/weak.md §11). It is its own section, `npm run bench -- weak2d`.
 */
import { builtinProblem } from '../src/problems/builtin.js';
import { weakTable } from '../src/weak/table.js';
import { measure, renderTable, type Sample } from './harness.js';

/** The C22 table with its refinement check (one run: it takes tens of seconds). */
export async function runTwoD(): Promise<void> {
  const sample = await measure('ridges-d2 2-D table (4 models × 4 η, with refinement)', () => weakTable(builtinProblem('ridges-d2')), { runs: 1, warmup: 0, targetMs: 60_000 });
  console.log(renderTable('2-D weak engine', [sample]));
}

export async function run(): Promise<void> {
  const samples: Sample[] = [];
  const table = (name: string, digits = 40) => () => weakTable(builtinProblem(name), { digits });
  samples.push(await measure('finite-sum-d2n4 table, 40 digits', table('finite-sum-d2n4'), { runs: 5, warmup: 1, targetMs: 5000 }));
  samples.push(await measure('quad-d3 table, 40 digits', table('quad-d3'), { runs: 3, warmup: 0 }));
  samples.push(await measure('logcosh 1-D table (double, with refinement)', table('logcosh'), { runs: 3, warmup: 0 }));
  console.log(renderTable('weak-error engines', samples));
}
