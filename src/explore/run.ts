/**
 * Runs a family over its grid (or one shard of it) and streams the cells to the outputs:
 * `<family>.json`, `<family>.csv` and the SVG figures for a full run, `<family>.part-i-of-n.jsonl`
 * for a shard. Cells are produced lazily and never collected, so memory is flat in grid size.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { HasmeInputError } from '../errors.js';
import { checkGridSize, gridPoints, gridSize, shardRange, type GridPoint, type Shard } from './grid.js';
import { cellFields } from './cellFormat.js';
import { FigureSink, FIGURE_CAP } from './figures.js';
import { parallelCells, PARALLEL_MIN_CELLS } from './parallel.js';
import { Progress } from '../cli/progress.js';
import { CsvSink, JsonSink, PartSink, TeeSink, type CellSink } from './sinks.js';
import { SummarySink } from './summary.js';
import { TextOut } from './textOut.js';
import type { Cell, Family, FamilyParams, RunHeader } from './types.js';

/** Where and how a run writes. */
export interface OutputOptions {
  /** Directory for the output files (created if missing). */
  outDir: string;
  /** Also stream the JSON document (a shard: its part lines) to this stream, e.g. stdout for `--json`. */
  stdout?: Writable;
  /** Show a progress bar (only ever drawn when stderr is a TTY). */
  progress?: boolean;
  /** Cap on figure points per axis (default 100). */
  figureCap?: number;
}

export interface ExploreOptions extends OutputOptions {
  /** Points per axis. */
  grid: number;
  shard?: Shard;
  /** Run past the size limits of src/explore/grid.ts. */
  force?: boolean;
  /**
   * Worker threads (default 1: in-process). One core already meets the 200×200 target (bench/explore.ts);
   * workers help on an idle multi-core machine and lose on a busy one. Small grids always run in-process.
   */
  workers?: number;
}

/** What a run or merge wrote. */
export interface RunResult {
  header: RunHeader;
  files: string[];
  cells: number;
  summary: SummarySink;
  ms: number;
}

/** File names of a family's outputs. */
export function outputFiles(family: Family): { json: string; csv: string; figures: string[] } {
  return { json: `${family.name}.json`, csv: `${family.name}.csv`, figures: family.figures.map((f) => f.file) };
}

/** Part file name of shard i of n. */
export function partFile(family: string, shard: Shard): string {
  return `${family}.part-${shard.index}-of-${shard.count}.jsonl`;
}

/** Opens the sinks of a full (unsharded) output: JSON, CSV, figures, summary. */
export async function openFullSinks(
  family: Family,
  header: RunHeader,
  opts: OutputOptions,
): Promise<{ sink: CellSink; summary: SummarySink; files: string[] }> {
  await mkdir(opts.outDir, { recursive: true });
  const names = outputFiles(family);
  const summary = new SummarySink();
  const sinks: CellSink[] = [
    await JsonSink.open(TextOut.file(join(opts.outDir, names.json)), header),
    await CsvSink.open(TextOut.file(join(opts.outDir, names.csv)), header),
    new FigureSink(header, family.figures, opts.outDir, opts.figureCap ?? FIGURE_CAP),
    summary,
  ];
  if (opts.stdout) sinks.push(await JsonSink.open(TextOut.stream(opts.stdout), header));
  const files = [names.json, names.csv, ...names.figures].map((f) => join(opts.outDir, f));
  return { sink: new TeeSink(sinks), summary, files };
}

/** Feeds cells to a sink with a progress bar. */
export async function pump(
  cells: Iterable<{ cell: Cell; point: GridPoint }> | AsyncIterable<{ cell: Cell; point: GridPoint }>,
  sink: CellSink,
  total: number,
  label: string,
  progress: boolean,
): Promise<number> {
  const bar = new Progress(total, label, 'cells', progress && Boolean(process.stderr.isTTY));
  let n = 0;
  try {
    for await (const { cell, point } of cells) {
      await sink.cell(cell, point);
      bar.tick();
      n++;
    }
  } catch (err) {
    // Nothing half-written: the outputs of an earlier run stay as they were (issue: data loss).
    await sink.abort?.();
    throw err;
  } finally {
    bar.stop();
  }
  await sink.close();
  return n;
}

/** Evaluates the family lazily on grid points [start, end), in-process. */
export function* familyCells(family: Family, params: FamilyParams, header: RunHeader, start: number, end: number) {
  for (const point of gridPoints(header.axes.x, header.axes.y, start, end)) {
    yield { cell: family.cell(params, point.x, point.y), point };
  }
}

/** Cells [start, end) in grid order, on worker threads when that pays off. */
function cellsOf(family: Family, params: FamilyParams, header: RunHeader, start: number, end: number, workers: number) {
  return workers > 1 && end - start >= (family.parallelMinCells ?? PARALLEL_MIN_CELLS)
    ? parallelCells(family.name, params, header, start, end, workers)
    : familyCells(family, params, header, start, end);
}

/** The run header of a family at given parameters and grid size. */
export function runHeader(family: Family, params: FamilyParams, grid: number): RunHeader {
  return { family: family.name, params, axes: family.axes(params, grid), fields: cellFields(family.extraFields) };
}

/** Explores a family: a full run, or one shard written as a part. */
export async function explore(family: Family, params: FamilyParams, opts: ExploreOptions): Promise<RunResult> {
  const t0 = performance.now();
  const header = runHeader(family, params, opts.grid);
  const total = gridSize(header.axes.x, header.axes.y);
  if (opts.shard && opts.shard.count > total) throw new HasmeInputError('parse', `--shard ${opts.shard.index}/${opts.shard.count}: more shards than the ${total} cells`);
  const work = opts.shard ? shardRange(opts.shard, total) : { start: 0, end: total };
  checkGridSize(work.end - work.start, opts.force ?? false, family.microsPerCell);
  const progress = opts.progress ?? true;
  const workers = opts.workers ?? 1;
  if (!opts.shard) {
    const { sink, summary, files } = await openFullSinks(family, header, opts);
    const cells = await pump(cellsOf(family, params, header, 0, total, workers), sink, total, family.name, progress);
    return { header, files, cells, summary, ms: performance.now() - t0 };
  }
  const { start, end } = shardRange(opts.shard, total);
  await mkdir(opts.outDir, { recursive: true });
  const file = join(opts.outDir, partFile(family.name, opts.shard));
  const shard = { ...opts.shard, start, end };
  const summary = new SummarySink();
  const sinks: CellSink[] = [await PartSink.open(TextOut.file(file), header, shard), summary];
  if (opts.stdout) sinks.push(await PartSink.open(TextOut.stream(opts.stdout), header, shard));
  const label = `${family.name} ${opts.shard.index}/${opts.shard.count}`;
  const cells = await pump(cellsOf(family, params, header, start, end, workers), new TeeSink(sinks), end - start, label, progress);
  return { header, files: [file], cells, summary, ms: performance.now() - t0 };
}
