/**
 * Benchmark section 'explore' (issue #7): the rotated 2×2 family on a 200×200 grid, target < 10 s on
 * 2 cores for the whole command (cells, JSON, CSV and the four SVG maps). Rows: the full run on
 * worker threads (default), the same in-process (baseline), cells alone, and the memory check that
 * the run is flat in grid size (peak RSS growth at 100×100 and 300×300, in-process).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, renderTable, type Sample } from './harness.js';
import { ROTATED2X2_DEFAULTS, rotated2x2Cells } from '../src/explore/index.js';
import { familyByName } from '../src/explore/families/index.js';
import { explore } from '../src/explore/run.js';

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

/** Peak RSS above the starting RSS during a run, sampled every 20 ms (MiB). */
async function peakRssGrowth(grid: number): Promise<number> {
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  await fullRun(1, grid);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return (peak - base) / 2 ** 20;
}

export async function run(): Promise<void> {
  const cores = availableParallelism();
  const samples: Sample[] = [];
  samples.push(await measure(`rotated2x2 ${GRID}×${GRID}, in-process`, () => fullRun(1), { runs: 3, warmup: 0, targetMs: TARGET_MS, note: 'cells + JSON + CSV + 4 SVG' }));
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
  const small = await peakRssGrowth(100);
  const large = await peakRssGrowth(300);
  console.log(`memory: peak RSS growth ${small.toFixed(1)} MiB at 100×100 (10k cells), ${large.toFixed(1)} MiB at 300×300 (90k cells), in-process`);
}
