/**
 * SVG figures through Vega-Lite, rendered headless (no browser, no canvas). Every figure in
 * the project (report, explorer, weak-error plots) goes through these two chart shapes so the
 * look is consistent and no plot code is written twice.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders any Vega-Lite spec to a standalone SVG string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return compactMarks(stableIds(await view.toSVG()));
  } finally {
    view.finalize();
  }
}

export interface Axis {
  label: string;
  log?: boolean;
  /** Explicit domain [min, max]; defaults to the data's extent. */
  domain?: [number, number];
}

export interface Series {
  name: string;
  points: { x: number; y: number }[];
  /** Draw as points only (default: line with points). */
  pointsOnly?: boolean;
}

/** A line chart of several named series (log axes allowed; non-positive values are dropped on log axes). */
export function lineChart(opts: {
  title: string;
  x: Axis;
  y: Axis;
  series: Series[];
  width?: number;
  height?: number;
  /** Horizontal reference lines, e.g. y = 0. */
  rules?: { y: number; label?: string }[];
}): Promise<string> {
  const keep = (v: number, log?: boolean) => Number.isFinite(v) && (!log || v > 0);
  const values = opts.series.flatMap((s) =>
    s.points.filter((p) => keep(p.x, opts.x.log) && keep(p.y, opts.y.log)).map((p) => ({ x: p.x, y: p.y, series: s.name })),
  );
  const scale = (a: Axis) => ({
    type: a.log ? ('log' as const) : ('linear' as const),
    ...(a.domain ? { domain: a.domain } : {}),
    ...(a.log ? {} : { zero: false }),
  });
  const lineSeries = opts.series.filter((s) => !s.pointsOnly).map((s) => s.name);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title,
    width: opts.width ?? 480,
    height: opts.height ?? 300,
    data: { values },
    layer: [
      {
        mark: { type: 'line', point: true },
        transform: [{ filter: { field: 'series', oneOf: lineSeries } }],
        encoding: {
          x: { field: 'x', type: 'quantitative', title: opts.x.label, scale: scale(opts.x) },
          y: { field: 'y', type: 'quantitative', title: opts.y.label, scale: scale(opts.y) },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
      {
        mark: { type: 'point', filled: true },
        transform: [{ filter: { not: { field: 'series', oneOf: lineSeries } } }],
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: scale(opts.x) },
          y: { field: 'y', type: 'quantitative', scale: scale(opts.y) },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
      ...(opts.rules ?? []).map((r) => ({
        data: { values: [r] },
        mark: { type: 'rule' as const, strokeDash: [4, 4], color: 'gray' },
        encoding: { y: { field: 'y', type: 'quantitative' as const } },
      })),
    ],
  } as TopLevelSpec;
  return renderSvg(spec);
}

/** A heatmap over a regular grid; `value` is numeric (quantitative colour) or a category. */
export function heatmap(opts: {
  title: string;
  x: Axis;
  y: Axis;
  cells: { x: number; y: number; value: number | string }[];
  /** Cell size in data units (grid spacing), for rect marks. */
  dx: number;
  dy: number;
  valueLabel: string;
  categorical?: boolean;
  /** Category colours, e.g. { R: '#4c78a8', X: '#f58518', S: '#e45756' }. */
  palette?: Record<string, string>;
  width?: number;
  height?: number;
}): Promise<string> {
  const values = opts.cells.map((c) => ({ x: c.x - opts.dx / 2, x2: c.x + opts.dx / 2, y: c.y - opts.dy / 2, y2: c.y + opts.dy / 2, v: c.value }));
  const color = opts.categorical
    ? {
        field: 'v',
        type: 'nominal' as const,
        title: opts.valueLabel,
        ...(opts.palette ? { scale: { domain: Object.keys(opts.palette), range: Object.values(opts.palette) } } : {}),
      }
    : { field: 'v', type: 'quantitative' as const, title: opts.valueLabel, scale: { scheme: 'viridis' } };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title,
    width: opts.width ?? 420,
    height: opts.height ?? 360,
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: opts.x.label, scale: { zero: false, nice: false, ...(opts.x.domain ? { domain: opts.x.domain } : {}) } },
      x2: { field: 'x2' },
      y: { field: 'y', type: 'quantitative', title: opts.y.label, scale: { zero: false, nice: false, ...(opts.y.domain ? { domain: opts.y.domain } : {}) } },
      y2: { field: 'y2' },
      color,
    },
  } as TopLevelSpec;
  return renderSvg(spec);
}

/**
 * Vega numbers gradients and clip paths with a process-wide counter (`gradient_3`, `clip2`); renumbering
 * them from 0 per figure makes a figure's bytes independent of what was drawn before it, so a
 * merged run writes the same SVG as an unsharded one.
 */
function stableIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\b(gradient_|clip)(\d+)\b/g, (_m, kind: string, n: string) => {
    const key = `${kind}${n}`;
    if (!ids.has(key)) ids.set(key, `${kind}${[...ids.keys()].filter((k) => k.startsWith(kind)).length}`);
    return ids.get(key)!;
  });
}

/**
 * Data marks dominate a figure's size (~260 bytes per heatmap cell as rendered: an aria-label
 * repeating the data, and 15-digit coordinates). Dropping the per-mark labels of cells, points and
 * lines (axes, legend and title keep theirs) and rounding their path coordinates to 0.01 px cuts
 * that to ~50 bytes without visible change.
 */
function compactMarks(svg: string): string {
  return svg.replace(
    /<path aria-label="[^"]*" role="graphics-symbol" aria-roledescription="(?:rect mark|point|line mark)" (transform="[^"]*" )?d="([^"]*)"/g,
    (_m, transform: string | undefined, d: string) => `<path ${transform ? roundNumbers(transform) : ''}d="${roundNumbers(d)}"`,
  );
}

/** Decimals and exponent forms rounded to 0.01 (integers untouched). */
function roundNumbers(text: string): string {
  return text.replace(/-?\d+\.\d+(?:e[-+]?\d+)?|-?\d+e[-+]?\d+/g, (x) => String(Number(Number(x).toFixed(2))));
}
