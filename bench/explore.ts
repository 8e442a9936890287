/**
 * Benchmark section 'explore' (issue #7): the rotated 2×2 family on a 200×200 grid, target < 10 s on
 * 2 cores for the whole command (cells, JSON, CSV and the five SVG maps). Rows: the full run on
 * worker threads, the same in-process (baseline), cells alone, and the memory check that the run
 * is flat in grid size (live heap during runs at 100×100 and 300×300, in-process).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { measure, renderTable, type Sample } from './harness.js';
import { ROTATED2X2_DEFAULTS, rotated2x2Cells } from '../src/explore/index.js';
import { familyByName } from '../src/explore/families/index.js';
import { explore, familyCells, openFullSinks, pump, runHeader } from '../src/explore/run.js';
import { TeeSink, type CellSink } from '../src/explore/sinks.js';

const GRID = 200;
const TARGET_MS = 10_000;

async function fullRun(workers: number, grid = GRID): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hasme-bench-explore-'));
  try {
    await explore(familyByName('rotated2x2'), ROTATED2X2_DEFAULTS, { grid, outDir: dir, progress: false, workers });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** V8's collector, exposed at run time (no --expose-gc flag needed on the command line). */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * Largest live heap (MiB, after a full collection every 5000 cells) during an in-process run at
 * `grid`: flat in grid size means this does not grow with the number of cells.
 */
async function retainedHeapMiB(grid: number, gc: () => void): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'hasme-bench-explore-'));
  const family = familyByName('rotated2x2');
  const header = runHeader(family, ROTATED2X2_DEFAULTS, grid);
  let peak = 0;
  const probe: CellSink = {
    cell(_cell, point) {
      if (point.index % 5000 !== 0) return;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
    close: async () => {},
  };
  try {
    const { sink } = await openFullSinks(family, header, { outDir: dir });
    await pump(familyCells(family, ROTATED2X2_DEFAULTS, header, 0, grid * grid), new TeeSink([sink, probe]), grid * grid, '', false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return peak / 2 ** 20;
}

/** Median process CPU time (user + sys, all threads) of `runs` calls, in ms: robust to a busy machine. */
async function medianCpuMs(fn: () => Promise<void>, runs = 3): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    t.push((c.user + c.system) / 1000);
  }
  return t.sort((a, b) => a - b)[runs >> 1];
}

export async function run(): Promise<void> {
  const cores = availableParallelism();
  const samples: Sample[] = [];
  samples.push(await measure(`rotated2x2 ${GRID}×${GRID}, in-process`, () => fullRun(1), { runs: 3, warmup: 0, targetMs: TARGET_MS, note: 'cells + JSON + CSV + 5 SVG' }));
  samples.push(
    await measure(`rotated2x2 ${GRID}×${GRID}, ${Math.min(2, cores)} workers`, () => fullRun(Math.min(2, cores)), {
      runs: 3,
      warmup: 0,
      targetMs: TARGET_MS,
      baseline: `rotated2x2 ${GRID}×${GRID}, in-process`,
      note: `${cores} cores available`,
    }),
  );
  samples.push(
    await measure(`cells only ${GRID}×${GRID}, in-process`, () => {
      let n = 0;
      for (const _ of rotated2x2Cells(ROTATED2X2_DEFAULTS, GRID)) n++;
      return n;
    }, { runs: 3, warmup: 0, note: `${((GRID * GRID) / 1000).toFixed(0)}k cells` }),
  );
  console.log(renderTable('explore: rotated2x2 family', samples));
  const cpu = await medianCpuMs(() => fullRun(1));
  console.log(`CPU time of the in-process run (≈ its wall time on an idle core): median ${(cpu / 1000).toFixed(2)} s`);
  const gc = exposeGc();
  const small = await retainedHeapMiB(100, gc);
  const large = await retainedHeapMiB(300, gc);
  console.log(`memory: live heap during the run ${small.toFixed(1)} MiB at 100×100 (10k cells), ${large.toFixed(1)} MiB at 300×300 (90k cells)`);
}
