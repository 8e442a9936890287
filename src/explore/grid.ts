/**
 * Regular 2-D grids for the explorer: axis points computed so that every point whose exact value
 * is a double IS that double (one correctly rounded division), cells enumerated lazily in row-major
 * order (x fastest), and contiguous shards of that order.
 */
import { HasmeInputError } from '../errors.js';

/** One axis of a grid, as written in the JSON output (`axes.x`, `axes.y`). */
export interface AxisSpec {
  /** Parameter name, e.g. `theta`, `eta`, `etaA1`. */
  name: string;
  /** Human label for figures and tables. */
  label: string;
  min: number;
  max: number;
  /** Number of points. */
  n: number;
  /** `linear`: evenly spaced; `log`: evenly spaced in log10. */
  scale: 'linear' | 'log';
  /** Whether `min` itself is a grid point (false for half-open axes such as η ∈ (0, ηmax]). */
  includeMin: boolean;
}

/** Builds an axis spec, validating its range and size. */
export function axis(spec: AxisSpec): AxisSpec {
  const { min, max, n } = spec;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    throw new HasmeInputError('shape', `axis ${spec.name}: need finite min < max, got [${min}, ${max}]`);
  }
  if (!Number.isInteger(n) || n < 2) throw new HasmeInputError('shape', `axis ${spec.name}: need at least 2 points, got ${n}`);
  if (spec.scale === 'log' && !(min > 0)) throw new HasmeInputError('shape', `axis ${spec.name}: a log axis needs min > 0`);
  return spec;
}

/**
 * The i-th point of an axis (0-based). Linear axes use (min·(m − j) + max·j) / m, whose numerator
 * is exact for the small-integer multiples of dyadic bounds used here, so the result is the
 * correctly rounded grid value: exact whenever that value is a double (e.g. η = 1/4 on (0, 1]
 * with 200 points, so ηa = 1 lands exactly on the regime boundary).
 */
export function axisPoint(a: AxisSpec, i: number): number {
  // Half-open axes drop min: points are min + (max − min)·(i + 1)/n.
  const m = a.includeMin ? a.n - 1 : a.n;
  const j = a.includeMin ? i : i + 1;
  if (a.scale === 'log') {
    const lo = Math.log10(a.min);
    const hi = Math.log10(a.max);
    if (j === m) return a.max;
    if (j === 0) return a.min;
    return 10 ** ((lo * (m - j) + hi * j) / m);
  }
  return (a.min * (m - j) + a.max * j) / m;
}

/** Grid spacing of an axis (in log10 units for log axes), for figure cell sizes. */
export function axisStep(a: AxisSpec): number {
  const m = a.includeMin ? a.n - 1 : a.n;
  return a.scale === 'log' ? (Math.log10(a.max) - Math.log10(a.min)) / m : (a.max - a.min) / m;
}

/** A grid point with its indices; `index` = iy·nx + ix (row-major, x fastest). */
export interface GridPoint {
  index: number;
  ix: number;
  iy: number;
  x: number;
  y: number;
}

/** Total number of cells. */
export function gridSize(x: AxisSpec, y: AxisSpec): number {
  return x.n * y.n;
}

/** Largest grid run without `--force` (spec/regions.md §Limits): 10⁶ cells, about 250 MB of JSON and CSV. */
export const MAX_GRID_CELLS = 1_000_000;
/** Longest estimated run without `--force`, seconds. */
export const MAX_GRID_SECONDS = 3600;
/** Bytes of JSON plus CSV per cell (measured: about 150 + 100). */
export const BYTES_PER_CELL = 250;

/** The work of a grid, estimated up front: cells, bytes written and seconds on one core. */
export function gridEstimate(cells: number, microsPerCell = 0): string {
  const seconds = (cells * microsPerCell) / 1e6;
  const time = microsPerCell > 0 ? `, about ${seconds < 120 ? `${seconds.toFixed(0)} s` : `${(seconds / 3600).toPrecision(2)} h`} on one core` : '';
  return `${cells.toExponential(2)} cells, about ${((cells * BYTES_PER_CELL) / 1e9).toPrecision(2)} GB of JSON and CSV${time}`;
}

/**
 * Refuses a grid past the documented limits (cells, or estimated time at `microsPerCell`) with the
 * estimate, unless `force`.
 */
export function checkGridSize(cells: number, force: boolean, microsPerCell = 0): void {
  if (force) return;
  if (cells > MAX_GRID_CELLS || (cells * microsPerCell) / 1e6 > MAX_GRID_SECONDS) {
    throw new HasmeInputError(
      'unsupported',
      `grid too large: ${gridEstimate(cells, microsPerCell)}; the limit is ${MAX_GRID_CELLS.toExponential(0)} cells and ${MAX_GRID_SECONDS / 3600} h (use --force to run it anyway, or --shard i/n)`,
    );
  }
}

/** Lazily yields the grid points with index in [start, end). */
export function* gridPoints(x: AxisSpec, y: AxisSpec, start = 0, end = gridSize(x, y)): Generator<GridPoint> {
  for (let index = start; index < end; index++) {
    const iy = Math.floor(index / x.n);
    const ix = index - iy * x.n;
    yield { index, ix, iy, x: axisPoint(x, ix), y: axisPoint(y, iy) };
  }
}

/** Shard `index` of `count` (1-based, as in `--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new HasmeInputError('parse', `--shard must look like i/n (e.g. 2/4), got ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count > MAX_GRID_CELLS) throw new HasmeInputError('parse', `--shard ${text}: n must be at most ${MAX_GRID_CELLS} (and at most the number of cells)`);
  if (count < 1 || index < 1 || index > count) throw new HasmeInputError('parse', `--shard ${text}: need 1 ≤ i ≤ n`);
  return { index, count };
}

/** The contiguous index range [start, end) of a shard of `total` cells; shards partition [0, total). */
export function shardRange(shard: Shard, total: number): { start: number; end: number } {
  const at = (k: number) => Math.floor((k * total) / shard.count);
  return { start: at(shard.index - 1), end: at(shard.index) };
}
