/**
 * Figure (a) of the report: the rotated 2×2 family H = R(θ) diag(a1, a2) R(θ)ᵀ, Σ = diag(s1, s2)
 * of the explorer (src/explore/families/rotated2x2.ts), whose cells and margin figure are reused
 * as they are: a map of regime R/X/S (spec/models.md §3–§6) with R split by whether Σ̃ ⪰ 0 (C5–C7), and the
 * explorer's PSD-margin heatmap λmin(Σ̃)/λmax(Σ̃) over the regime-R band.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rotated2x2, rotated2x2Axes, ROTATED2X2_DEFAULTS, type Rotated2x2Params } from '../explore/families/rotated2x2.js';
import { FigureSink, psdStatus } from '../explore/figures.js';
import { axisStep, gridPoints, type GridPoint } from '../explore/grid.js';
import { runHeader } from '../explore/run.js';
import { diffusionMargin, rotatedSigma } from '../explore/twoByTwo.js';
import type { Cell, FigureSpec } from '../explore/types.js';
import { PSD_STATUS_COLOURS } from '../plot/palette.js';
import { heatmap } from '../plot/svg.js';
import type { Figure } from './model.js';

/**
 * Points per axis. 40 keeps report.html small and, with the explorer's defaults (a1 = 4, a2 = 1,
 * η ≤ 2.5, spacing 1/16), puts every singular row η ∈ {1/4, 1/2, 1, 5/4, 2} exactly on the grid.
 */
export const REPORT_GRID = 40;

/**
 * The family's cells restricted to what the figures show: regime, PSD margin and singular distance
 * from the explorer's per-cell function, without the moment comparison (pcovErr, covErr: null),
 * which the figures do not draw and which dominates the cost of a full cell.
 */
function* marginCells(params: Rotated2x2Params, n: number): Generator<{ cell: Cell; point: GridPoint }> {
  const axes = rotated2x2Axes(params, n);
  for (const point of gridPoints(axes.x, axes.y)) {
    const Sigma = rotatedSigma(point.x, params.s1, params.s2);
    const m = diffusionMargin({ a1: params.a1, a2: params.a2, Sigma, eta: point.y });
    yield { cell: { x: point.x, y: point.y, ...m, pcovErr: null, covErr: null }, point };
  }
}

function describe(p: Rotated2x2Params): string {
  return `H = R(θ) diag(${p.a1}, ${p.a2}) R(θ)ᵀ, Σ = diag(${p.s1}, ${p.s2})`;
}

/** Regime map with the PSD split of regime R, over θ ∈ [0, π/2] and η ∈ (0, etaMax]. */
async function regimeMap(params: Rotated2x2Params, n: number): Promise<Figure> {
  const axes = rotated2x2Axes(params, n);
  const cells = [...marginCells(params, n)].map((c) => c.cell);
  const counts: Record<string, number> = {};
  for (const c of cells) counts[psdStatus(c)] = (counts[psdStatus(c)] ?? 0) + 1;
  const hx = axisStep(axes.x) / 2;
  const hy = axisStep(axes.y) / 2;
  const svg = await heatmap({
    title: `Regime and sign of Σ̃, rotated 2×2 (${n}×${n} grid)`,
    x: { label: axes.x.label },
    y: { label: axes.y.label },
    cells: cells.map((c) => ({ x: [c.x - hx, c.x + hx], y: [c.y - hy, c.y + hy], value: psdStatus(c) })),
    valueLabel: 'regime',
    colour: { kind: 'categorical', palette: PSD_STATUS_COLOURS },
  });
  const tally = Object.entries(counts)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return {
    name: 'regime-map',
    title: 'Regime map of the rotated 2×2 family',
    caption:
      `${describe(params)}, θ ∈ [0, π/2] (θ = 0: H and Σ commute), η ∈ (0, ${params.etaMax}]. ` +
      `R: every 1 − ηa_i > 0; X: some 1 − ηa_i < 0; S (singular, C9): ηa_i = 1 or a pole of φ, here the rows ` +
      `η = 1/4, 1/2, 1, 5/4, 2 (ηa1 = 1, ηa1 = 2, ηa2 = 1, (1 − ηa1)(1 − ηa2) = 1, ηa2 = 2). In R the colour says whether ` +
      `Σ̃ ⪰ 0 (C4's condition) or Σ̃ is indefinite. Cells: ${tally}. Same cells as \`hasme explore --family rotated2x2 --grid ${n}\`.`,
    svg,
  };
}

/** The explorer's PSD-margin heatmap over the regime-R band η ∈ (0, 1/a1]. */
async function psdMarginMap(params: Rotated2x2Params, n: number): Promise<Figure> {
  const band: Rotated2x2Params = { ...params, etaMax: 1 / Math.max(params.a1, params.a2) };
  const spec = rotated2x2.figures.find((f): f is Extract<FigureSpec, { kind: 'heatmap' }> => f.kind === 'heatmap' && f.field === 'psdMargin');
  if (!spec) throw new Error('the rotated2x2 family has no psdMargin figure');
  const header = runHeader(rotated2x2, band, n);
  const dir = await mkdtemp(join(tmpdir(), 'hasme-report-'));
  try {
    const sink = new FigureSink(header, [spec], dir, n);
    let lo = Infinity;
    let loCommuting = Infinity;
    for (const { cell, point } of marginCells(band, n)) {
      sink.cell(cell, point);
      if (cell.psdMargin === null) continue;
      lo = Math.min(lo, cell.psdMargin);
      if (point.ix === 0) loCommuting = Math.min(loCommuting, cell.psdMargin);
    }
    await sink.close();
    const svg = await readFile(join(dir, spec.file), 'utf8');
    return {
      name: 'psd-margin',
      title: 'PSD margin λmin(Σ̃)/λmax(Σ̃) in regime R',
      caption:
        `${describe(band)}, θ ∈ [0, π/2], η ∈ (0, ${band.etaMax}] (regime R; the top row ηa1 = 1 is singular and left blank). ` +
        `Negative values mean Σ̃ is indefinite, so HA-SME is not a real SDE there (C6, C7); the smallest margin on the grid is ${lo.toExponential(2)}. ` +
        `At θ = 0 (commuting, C5) the smallest margin is ${loCommuting.toExponential(2)}. Drawn by the explorer (\`hasme explore --family rotated2x2 --eta-max ${band.etaMax}\`).`,
      svg,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Figure (a): the regime map and the PSD-margin map of the rotated 2×2 family. */
export async function regimeFigures(n = REPORT_GRID): Promise<Figure[]> {
  return [await regimeMap(ROTATED2X2_DEFAULTS, n), await psdMarginMap(ROTATED2X2_DEFAULTS, n)];
}
