/**
 * SVG figures of a run (src/plot/svg.ts). Memory and SVG size stay bounded for any grid: a
 * heatmap keeps at most `cap`×`cap` blocks, each showing the most severe of its cells (smallest
 * PSD margin, largest error, nearest to the singular set, most severe regime), so the worst cells
 * of a run are always drawn; the colour scale also spans the true extremes over every cell.
 * Curves keep a strided sub-grid of rows. A downsampled figure says so in its title.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomicWrite.js';
import { PSD_STATUS_COLOURS, REGIME_COLOURS, seriesColour } from '../plot/palette.js';
import { heatmap, lineChart, type Axis, type HeatCell, type HeatColour, type Series } from '../plot/svg.js';
import { axisStep, type AxisSpec, type GridPoint } from './grid.js';
import type { CellSink } from './sinks.js';
import type { Cell, FigureSpec, RunHeader } from './types.js';

/** Default cap on figure points (heatmap blocks) per axis. */
export const FIGURE_CAP = 50;

type HeatSpec = Extract<FigureSpec, { kind: 'heatmap' }>;
type HeatField = HeatSpec['field'];

/** Regime with R split by the sign of Σ̃'s smallest eigenvalue (psdMargin = λmin/λmax of Σ̃, reported in R). */
export function psdStatus(cell: Cell): keyof typeof PSD_STATUS_COLOURS {
  if (cell.regime !== 'R') return cell.regime;
  return cell.psdMargin !== null && cell.psdMargin < 0 ? 'R, Σ̃ indefinite' : 'R, Σ̃ ⪰ 0';
}

/** Errors below this are drawn at this value on log colour scales (below double rounding). */
const LOG_FLOOR = 1e-17;

/** Stride that brings `n` points down to at most `cap`. */
export function stride(n: number, cap: number): number {
  return Math.ceil(n / cap);
}

function plotAxis(a: AxisSpec): Axis {
  return { label: a.scale === 'log' ? `log10 ${a.label}` : a.label };
}

function plotCoord(a: AxisSpec, v: number): number {
  return a.scale === 'log' ? Math.log10(v) : v;
}

function log10Clamped(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : Math.log10(Math.max(v, LOG_FLOOR));
}

function heatValue(cell: Cell, field: HeatField): number | string | null {
  switch (field) {
    case 'regime':
      return cell.regime;
    case 'psdStatus':
      return psdStatus(cell);
    case 'psdMargin':
      return cell.psdMargin;
    case 'log10PcovErr':
      return log10Clamped(cell.pcovErr);
    case 'log10CovErr':
      return log10Clamped(cell.covErr);
    case 'log10SingularDistance':
      return log10Clamped(cell.singularDistance);
  }
}

/** Categories from least to most severe: a block shows its most severe cell. */
const SEVERITY: Record<string, number> = { R: 0, 'R, Σ̃ ⪰ 0': 0, 'R, Σ̃ indefinite': 1, X: 2, S: 3 };

/**
 * How each field is drawn: its legend title, colour scale, and which value of a block is the most
 * severe (`+1`: the largest, `−1`: the smallest), described for the title of a downsampled figure.
 */
const HEAT: Record<HeatField, { label: string; colour: HeatColour; worst: 1 | -1; blockShows: string }> = {
  regime: { label: 'regime', colour: { kind: 'categorical', palette: REGIME_COLOURS }, worst: 1, blockShows: 'most severe regime' },
  psdStatus: { label: 'regime and Σ̃', colour: { kind: 'categorical', palette: PSD_STATUS_COLOURS }, worst: 1, blockShows: 'most severe status' },
  psdMargin: { label: 'λmin/λmax of Σ̃', colour: { kind: 'diverging' }, worst: -1, blockShows: 'smallest margin' },
  log10PcovErr: { label: `log10 rel. error (≥ ${LOG_FLOOR})`, colour: { kind: 'sequential' }, worst: 1, blockShows: 'largest error' },
  log10CovErr: { label: `log10 rel. error (≥ ${LOG_FLOOR})`, colour: { kind: 'sequential' }, worst: 1, blockShows: 'largest error' },
  log10SingularDistance: { label: 'log10 distance', colour: { kind: 'sequential' }, worst: -1, blockShows: 'smallest distance' },
};

/** `worst` direction: is `a` more severe than `b`? */
function moreSevere(a: number | string, b: number | string, worst: 1 | -1): boolean {
  const sa = typeof a === 'number' ? a : SEVERITY[a];
  const sb = typeof b === 'number' ? b : SEVERITY[b];
  return typeof a === 'number' ? worst * (sa - sb) > 0 : sa > sb;
}

/** A block of cells: its most severe value and the extent (in plot coordinates) of the cells that had one. */
interface Block {
  value: number | string;
  x: [number, number];
  y: [number, number];
}

/** One heatmap's blocks and the true extremes of its numeric values over every cell. */
class HeatBlocks {
  readonly blocks = new Map<number, Block>();
  lo = Infinity;
  hi = -Infinity;

  constructor(readonly spec: HeatSpec) {}

  add(key: number, value: number | string, x: number, y: number): void {
    if (typeof value === 'number') {
      this.lo = Math.min(this.lo, value);
      this.hi = Math.max(this.hi, value);
    }
    const b = this.blocks.get(key);
    if (!b) {
      this.blocks.set(key, { value, x: [x, x], y: [y, y] });
      return;
    }
    if (moreSevere(value, b.value, HEAT[this.spec.field].worst)) b.value = value;
    b.x = [Math.min(b.x[0], x), Math.max(b.x[1], x)];
    b.y = [Math.min(b.y[0], y), Math.max(b.y[1], y)];
  }

  extremes(): number[] {
    return this.lo <= this.hi ? [this.lo, this.hi] : [];
  }
}

/** Collects block extremes (heatmaps) and a strided sub-grid (curves) and renders the family's figures on close. */
export class FigureSink implements CellSink {
  private readonly kept: Cell[] = [];
  private readonly heats: HeatBlocks[];
  private readonly keepCurves: boolean;
  private readonly sx: number;
  private readonly sy: number;
  private readonly bx: number;

  constructor(
    private readonly header: RunHeader,
    private readonly figures: FigureSpec[],
    private readonly dir: string,
    cap = FIGURE_CAP,
  ) {
    this.sx = stride(header.axes.x.n, cap);
    this.sy = stride(header.axes.y.n, cap);
    this.bx = Math.ceil(header.axes.x.n / this.sx);
    this.heats = figures.filter((f): f is HeatSpec => f.kind === 'heatmap').map((f) => new HeatBlocks(f));
    this.keepCurves = figures.some((f) => f.kind === 'curves');
  }

  cell(cell: Cell, p: GridPoint): void {
    if (this.keepCurves && p.ix % this.sx === 0 && p.iy % this.sy === 0) this.kept.push(cell);
    if (!this.heats.length) return;
    const { x, y } = this.header.axes;
    const key = Math.floor(p.iy / this.sy) * this.bx + Math.floor(p.ix / this.sx);
    const px = plotCoord(x, cell.x);
    const py = plotCoord(y, cell.y);
    for (const h of this.heats) {
      const value = heatValue(cell, h.spec.field);
      if (value !== null) h.add(key, value, px, py);
    }
  }

  private downsampled(): boolean {
    return this.sx > 1 || this.sy > 1;
  }

  /** Subtitle that states the grid and the downsampling, if any (`shows`: what a block shows). */
  private caption(shows?: string): string {
    const { x, y } = this.header.axes;
    if (!this.downsampled()) return `${x.n}×${y.n} grid`;
    const kx = Math.ceil(x.n / this.sx);
    const ky = Math.ceil(y.n / this.sy);
    return shows
      ? `${x.n}×${y.n} grid in ${kx}×${ky} blocks of ${this.sx}×${this.sy}, each showing its ${shows}`
      : `downsampled for display: every ${this.sx}th×${this.sy}th point, ${kx}×${ky} of ${x.n}×${y.n}`;
  }

  async close(): Promise<void> {
    const heats = new Map(this.heats.map((h) => [h.spec, h]));
    for (const f of this.figures) {
      const svg = f.kind === 'heatmap' ? await this.heat(heats.get(f)!) : await this.curves(f);
      await writeFileAtomic(join(this.dir, f.file), svg);
    }
  }

  private heat(h: HeatBlocks): Promise<string> {
    const { x, y } = this.header.axes;
    const hx = axisStep(x) / 2;
    const hy = axisStep(y) / 2;
    const keys = [...h.blocks.keys()].sort((a, b) => a - b);
    const cells: HeatCell[] = keys.map((k) => {
      const b = h.blocks.get(k)!;
      return { x: [b.x[0] - hx, b.x[1] + hx], y: [b.y[0] - hy, b.y[1] + hy], value: b.value };
    });
    const how = HEAT[h.spec.field];
    return heatmap({
      title: h.spec.title,
      subtitle: this.caption(how.blockShows),
      x: plotAxis(x),
      y: plotAxis(y),
      cells,
      valueLabel: how.label,
      colour: how.colour,
      extremes: h.extremes(),
    });
  }

  /** One curve per field for up to five evenly spaced y rows, against x; a row has one colour for every field. */
  private curves(f: Extract<FigureSpec, { kind: 'curves' }>): Promise<string> {
    const { x, y } = this.header.axes;
    const rows = [...new Set(this.kept.map((c) => c.y))].sort((a, b) => a - b);
    const pick = rows.length <= 5 ? rows : [0, 1, 2, 3, 4].map((k) => rows[Math.round((k * (rows.length - 1)) / 4)]);
    const series: Series[] = [];
    for (const field of f.fields) {
      pick.forEach((row, i) => {
        const points = this.kept
          .filter((c) => c.y === row && typeof c[field] === 'number')
          .map((c) => ({ x: c.x, y: c[field] as number }));
        series.push({ name: `${field}, ${y.name} = ${row.toPrecision(3)}`, colour: seriesColour(i), points, pointsOnly: field === 'etaBound' });
      });
    }
    return lineChart({ title: f.title, subtitle: this.caption(), x: { label: x.label }, y: { label: f.yLabel, scale: 'log' }, series });
  }
}
