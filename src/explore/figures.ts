/**
 * SVG figures of a run (src/plot/svg.ts). Cells are kept on a strided sub-grid of at most
 * `cap`×`cap` points while they stream past, so memory and SVG size stay bounded for any grid;
 * a strided figure says so in its title.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { heatmap, lineChart, type Axis, type Series } from '../plot/svg.js';
import { axisStep, type AxisSpec, type GridPoint } from './grid.js';
import type { CellSink } from './sinks.js';
import type { Cell, FigureSpec, RunHeader } from './types.js';

/** Default cap on figure points per axis. */
export const FIGURE_CAP = 50;

/** Regime colours used by every regime map. */
export const REGIME_PALETTE = { R: '#4c78a8', X: '#f58518', S: '#e45756' };

/** Where C4's real SDE exists (R, Σ̃ ⪰ 0), where it fails (R, Σ̃ indefinite: C7), and X, S. */
export const PSD_STATUS_PALETTE = { 'R, Σ̃ ⪰ 0': '#4c78a8', 'R, Σ̃ indefinite': '#54a24b', X: '#f58518', S: '#e45756' };

function psdStatus(cell: Cell): string {
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

function heatValue(cell: Cell, field: Extract<FigureSpec, { kind: 'heatmap' }>['field']): number | string | null {
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

const HEAT_LABEL: Record<Extract<FigureSpec, { kind: 'heatmap' }>['field'], string> = {
  regime: 'regime',
  psdStatus: 'regime and Σ̃',
  psdMargin: 'λmin/λmax of Σ̃',
  log10PcovErr: `log10 rel. error (≥ ${LOG_FLOOR})`,
  log10CovErr: `log10 rel. error (≥ ${LOG_FLOOR})`,
  log10SingularDistance: 'log10 distance',
};

/** Collects a strided sub-grid of cells and renders the family's figures on close. */
export class FigureSink implements CellSink {
  private readonly kept: Cell[] = [];
  private readonly sx: number;
  private readonly sy: number;

  constructor(
    private readonly header: RunHeader,
    private readonly figures: FigureSpec[],
    private readonly dir: string,
    cap = FIGURE_CAP,
  ) {
    this.sx = stride(header.axes.x.n, cap);
    this.sy = stride(header.axes.y.n, cap);
  }

  cell(cell: Cell, p: GridPoint): void {
    if (p.ix % this.sx === 0 && p.iy % this.sy === 0) this.kept.push(cell);
  }

  /** Title suffix that states the downsampling, if any. */
  private caption(): string {
    const { x, y } = this.header.axes;
    if (this.sx === 1 && this.sy === 1) return `${x.n}×${y.n} grid`;
    const kx = Math.ceil(x.n / this.sx);
    const ky = Math.ceil(y.n / this.sy);
    return `downsampled for display: every ${this.sx}th×${this.sy}th point, ${kx}×${ky} of ${x.n}×${y.n}`;
  }

  async close(): Promise<void> {
    for (const f of this.figures) {
      const svg = f.kind === 'heatmap' ? await this.heat(f) : await this.curves(f);
      await writeFile(join(this.dir, f.file), svg);
    }
  }

  private heat(f: Extract<FigureSpec, { kind: 'heatmap' }>): Promise<string> {
    const { x, y } = this.header.axes;
    const cells: { x: number; y: number; value: number | string }[] = [];
    for (const c of this.kept) {
      const value = heatValue(c, f.field);
      if (value !== null) cells.push({ x: plotCoord(x, c.x), y: plotCoord(y, c.y), value });
    }
    return heatmap({
      title: `${f.title} (${this.caption()})`,
      x: plotAxis(x),
      y: plotAxis(y),
      cells,
      dx: axisStep(x) * this.sx,
      dy: axisStep(y) * this.sy,
      valueLabel: HEAT_LABEL[f.field],
      ...(f.field === 'regime' ? { categorical: true, palette: REGIME_PALETTE } : {}),
      ...(f.field === 'psdStatus' ? { categorical: true, palette: PSD_STATUS_PALETTE } : {}),
    });
  }

  /** One curve per field for up to five evenly spaced y rows, against x. */
  private curves(f: Extract<FigureSpec, { kind: 'curves' }>): Promise<string> {
    const { x, y } = this.header.axes;
    const rows = [...new Set(this.kept.map((c) => c.y))].sort((a, b) => a - b);
    const pick = rows.length <= 5 ? rows : [0, 1, 2, 3, 4].map((k) => rows[Math.round((k * (rows.length - 1)) / 4)]);
    const series: Series[] = [];
    for (const field of f.fields) {
      for (const row of pick) {
        const points = this.kept
          .filter((c) => c.y === row && typeof c[field] === 'number')
          .map((c) => ({ x: c.x, y: c[field] as number }));
        series.push({ name: `${field}, ${y.name} = ${row.toPrecision(3)}`, points, pointsOnly: field === 'etaBound' });
      }
    }
    return lineChart({ title: `${f.title} (${this.caption()})`, x: { label: x.label }, y: { label: f.yLabel, log: true }, series });
  }
}
