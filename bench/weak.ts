/**
 * Weak-error engines (issue #5 item 10): the built-in finite-sum table (d = 2, n = 4, four step
 * sizes, four models, 40 digits; target < 5 s — an mpmath computation of the same table takes about
 * 19 s on this class of machine), plus the other built-in tables for scale (no targets). The 2-D
 * table (C22: ridges-d2, 4 models × 4 η, both resolutions of the refinement check) has the target
 * of issue 12: < 60 s on 2 cores (spec/weak.md §11), its step sizes on two threads. It is its own
 * section, `npm run bench -- weak2d`.
 */
import { builtinProblem } from '../src/problems/builtin.js';
import { weakTable } from '../src/weak/table.js';
import { availableParallelism, loadavg } from 'node:os';
import Table from 'cli-table3';
import type { TwoDimProblem } from '../src/problems/types.js';
import type { TwoDimRow } from '../src/weak/twoDim.js';
import { TWOD_WORKERS, twoDimTableParallel } from '../src/weak/twoDimParallel.js';
import { measure, renderTable, type Sample } from './harness.js';

/**
 * The C22 table with its refinement check, its four step sizes on TWOD_WORKERS threads (one run: it
 * takes tens of seconds). Prints the table, wall and CPU time (all threads) and the load average,
 * since the machine the target is stated for is shared.
 */
export async function runTwoD(): Promise<void> {
  const p = builtinProblem('ridges-d2') as TwoDimProblem;
  let rows: TwoDimRow[] = [];
  const cpu0 = process.cpuUsage();
  const sample = await measure(`ridges-d2 2-D table (4 models × 4 η, with refinement), ${TWOD_WORKERS} threads`, async () => (rows = await twoDimTableParallel(p)), { runs: 1, warmup: 0, targetMs: 60_000 });
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sample.note = `CPU ${cpuSeconds.toFixed(1)} s (all threads), load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
  console.log(renderTable('2-D weak engine', [sample]));
  const table = new Table({ head: ['η', ...p.models.map((m) => `${m} error [engine]`)] });
  for (const eta of p.etas) table.push([eta, ...p.models.map((m) => rows.find((r) => r.model === m && r.eta === Number(eta))).map((r) => `${r!.error.toExponential(3)} [${r!.engineError.toExponential(1)}]`)]);
  console.log(table.toString());
  console.log(`wall ${(sample.medianMs / 1000).toFixed(1)} s against the 60 s target (${sample.medianMs <= 60_000 ? 'met' : 'NOT met'}); CPU ${cpuSeconds.toFixed(1)} s`);
}

export async function run(): Promise<void> {
  const samples: Sample[] = [];
  const table = (name: string, digits = 40) => () => weakTable(builtinProblem(name), { digits });
  samples.push(await measure('finite-sum-d2n4 table, 40 digits', table('finite-sum-d2n4'), { runs: 5, warmup: 1, targetMs: 5000 }));
  samples.push(await measure('quad-d3 table, 40 digits', table('quad-d3'), { runs: 3, warmup: 0 }));
  samples.push(await measure('logcosh 1-D table (double, with refinement)', table('logcosh'), { runs: 3, warmup: 0 }));
  console.log(renderTable('weak-error engines', samples));
}
