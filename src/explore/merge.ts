/**
 * `hasme explore merge`: joins shard parts into the same outputs an unsharded run writes. Parts are
 * validated (same family, parameters and axes; shards 1..n each present once; complete) and then
 * streamed line by line, so memory stays flat.
 */
import { HasmeInputError } from '../errors.js';
import { boundedLines, type LineLimits } from '../io/lines.js';
import { axis, axisPoint, checkGridSize, gridSize, shardRange, type GridPoint } from './grid.js';
import { openFullSinks, pump, type OutputOptions, type RunResult } from './run.js';
import { PART_KIND, type PartHeader } from './sinks.js';
import type { Cell, Family, RunHeader } from './types.js';

/** Longest line of a part file: a header or a cell is well under 4 KiB (spec/regions.md). */
export const MAX_PART_LINE_BYTES = 1 << 16;

/** Caps for reading a part of `cells` cells: the header and one line per cell (plus a few blank ones), each at most a line cap. */
function partLimits(path: string, cells: number): LineLimits {
  return { maxLineBytes: MAX_PART_LINE_BYTES, maxLines: cells + 16, maxTotalBytes: (cells + 2) * MAX_PART_LINE_BYTES, what: `part file ${path}` };
}

/** Reads only the first line of a file (bounded: /dev/zero fails at the line cap). */
async function firstLine(path: string): Promise<string> {
  // Only the first chunk is read: the line cap bounds it; the other caps need the header.
  for await (const { text } of boundedLines(path, { ...partLimits(path, 0), maxLines: Infinity, maxTotalBytes: Infinity })) return text;
  return '';
}

/** Parses and checks a part's header line. */
export async function readPartHeader(path: string): Promise<PartHeader> {
  const line = await firstLine(path);
  let header: PartHeader;
  try {
    header = JSON.parse(line) as PartHeader;
  } catch {
    throw new HasmeInputError('parse', `${path}: first line is not JSON; not an explore part file`);
  }
  if (header?.kind !== PART_KIND || !header.shard || !header.axes) {
    throw new HasmeInputError('parse', `${path}: not an explore part file (missing "kind":"${PART_KIND}" header)`);
  }
  const { index, count, start, end } = header.shard;
  if (![index, count, start, end].every(Number.isSafeInteger) || !header.axes.x || !header.axes.y) {
    throw new HasmeInputError('parse', `${path}: part header with a malformed shard or axes`);
  }
  axis(header.axes.x);
  axis(header.axes.y);
  checkGridSize(gridSize(header.axes.x, header.axes.y), false);
  return header;
}

function runKey(h: RunHeader): string {
  return JSON.stringify({ family: h.family, params: h.params, axes: h.axes, fields: h.fields });
}

/** Checks that the parts form one complete run; returns them in shard order with the common header. */
export function planMerge(parts: { path: string; header: PartHeader }[]): { header: RunHeader; ordered: { path: string; header: PartHeader }[] } {
  if (parts.length === 0) throw new HasmeInputError('shape', 'explore merge: no part files given');
  const key = runKey(parts[0].header);
  const count = parts[0].header.shard.count;
  for (const p of parts) {
    if (runKey(p.header) !== key) {
      throw new HasmeInputError('shape', `explore merge: ${p.path} belongs to a different run (family, params, axes or fields differ from ${parts[0].path})`);
    }
    if (p.header.shard.count !== count) throw new HasmeInputError('shape', `explore merge: ${p.path} is a shard of ${p.header.shard.count}, others of ${count}`);
  }
  const ordered = [...parts].sort((a, b) => a.header.shard.index - b.header.shard.index);
  for (let i = 0; i < count; i++) {
    const p = ordered[i];
    if (!p || p.header.shard.index !== i + 1) {
      const seen = new Set(parts.map((q) => q.header.shard.index));
      const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
      const dup = ordered.find((q, k) => k > 0 && q.header.shard.index === ordered[k - 1].header.shard.index);
      throw new HasmeInputError(
        'shape',
        dup ? `explore merge: shard ${dup.header.shard.index}/${count} given twice` : `explore merge: missing shard(s) ${missing.join(', ')} of ${count}`,
      );
    }
  }
  if (ordered.length !== count) throw new HasmeInputError('shape', `explore merge: ${ordered.length} parts for ${count} shards`);
  const { family, params, axes, fields } = parts[0].header;
  // A (hand-edited) header must claim exactly its shard's range of this grid, so that the parts
  // cover every cell once.
  const total = gridSize(axes.x, axes.y);
  for (const p of ordered) {
    const want = shardRange(p.header.shard, total);
    if (p.header.shard.start !== want.start || p.header.shard.end !== want.end) {
      throw new HasmeInputError('shape', `explore merge: ${p.path} claims cells [${p.header.shard.start}, ${p.header.shard.end}) but shard ${p.header.shard.index}/${count} of ${total} cells is [${want.start}, ${want.end})`);
    }
  }
  return { header: { family, params, axes, fields }, ordered };
}

/** Streams the cells of the ordered parts, checking each part has exactly its range. */
async function* partCells(ordered: { path: string; header: PartHeader }[], header: RunHeader): AsyncGenerator<{ cell: Cell; point: GridPoint }> {
  const { x, y } = header.axes;
  for (const { path, header: ph } of ordered) {
    let index = ph.shard.start;
    for await (const { lineNo, text: line } of boundedLines(path, partLimits(path, ph.shard.end - ph.shard.start))) {
      if (lineNo === 1 || line.trim() === '') continue;
      if (index >= ph.shard.end) throw new HasmeInputError('shape', `${path}: more cells than its range [${ph.shard.start}, ${ph.shard.end})`);
      let cell: Cell;
      try {
        cell = JSON.parse(line) as Cell;
      } catch {
        throw new HasmeInputError('parse', `${path}:${lineNo}: not a JSON cell`);
      }
      const iy = Math.floor(index / x.n);
      const ix = index - iy * x.n;
      const point = { index, ix, iy, x: axisPoint(x, ix), y: axisPoint(y, iy) };
      if (cell.x !== point.x || cell.y !== point.y) {
        throw new HasmeInputError('shape', `${path}:${lineNo}: cell at (${cell.x}, ${cell.y}) but grid point ${index} is (${point.x}, ${point.y})`);
      }
      yield { cell, point };
      index++;
    }
    if (index !== ph.shard.end) throw new HasmeInputError('shape', `${path}: truncated part: ${index - ph.shard.start} of ${ph.shard.end - ph.shard.start} cells`);
  }
}

/** Joins parts into the outputs of an unsharded run (same JSON, CSV and figures). */
export async function mergeParts(paths: string[], lookup: (name: string) => Family, opts: OutputOptions): Promise<RunResult> {
  const t0 = performance.now();
  const parts = await Promise.all(paths.map(async (path) => ({ path, header: await readPartHeader(path) })));
  const { header, ordered } = planMerge(parts);
  const family = lookup(header.family);
  const { sink, summary, files } = await openFullSinks(family, header, opts);
  const total = gridSize(header.axes.x, header.axes.y);
  const cells = await pump(partCells(ordered, header), sink, total, `merge ${family.name}`, opts.progress ?? true);
  return { header, files, cells, summary, ms: performance.now() - t0 };
}
