/**
 * SVG figures through Vega-Lite, rendered headless (no browser, no canvas). Every figure in
 * the project (report, explorer, weak-error plots) is one of the two chart shapes below, built
 * from a small spec; nothing outside this module knows the rendering backend.
 *
 * What every figure gets here: axes fitted to the data (no "nice" extension past it), colours
 * chosen by the caller from src/plot/palette.ts (one per model everywhere), a diverging scale
 * symmetric about zero for signed values, reference slopes on log–log charts, and a Σ̃ that
 * survives renderers whose fonts place the combining tilde inside the Σ.
 */
import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import { DIVERGING_SCHEME, GUIDE_COLOUR, SEQUENTIAL_SCHEME } from './palette.js';

export interface Axis {
  label: string;
  /**
   * `linear` (default); `log` (non-positive values are dropped); `symlog`: sign(v)·ln(1 + |v|/c),
   * for signed values over many decades, labelled in the values' own units.
   */
  scale?: 'linear' | 'log' | { symlog: number };
  /** Explicit domain [min, max]; defaults to the data's extent plus a 3% margin. */
  domain?: [number, number];
  /** Tick values (those inside the domain are drawn); default: the renderer's choice. */
  ticks?: number[];
}

export interface Series {
  name: string;
  /** From src/plot/palette.ts: MODEL_COLOURS for a model, seriesColour(i) otherwise. */
  colour: string;
  points: { x: number; y: number }[];
  /** Draw as points only (default: line with points). */
  pointsOnly?: boolean;
}

/** A reference slope y ∝ x^order on a log–log chart (e.g. weak order 1 and 2). */
export interface SlopeGuide {
  order: number;
  label: string;
}

/** Margin added at each end of a fitted axis, as a fraction of the data's extent (in axis units). */
const AXIS_MARGIN = 0.03;

/** Guides start this factor below the lowest data point, so they run under the data. */
const GUIDE_OFFSET = 4;

type Transform = { to: (v: number) => number; from: (t: number) => number };

/** The axis's coordinate (log10 for log axes): margins and guides are computed there. */
function transform(a: Axis): Transform {
  const s = a.scale ?? 'linear';
  if (s === 'linear') return { to: (v) => v, from: (t) => t };
  if (s === 'log') return { to: Math.log10, from: (t) => 10 ** t };
  const c = s.symlog;
  return { to: (v) => Math.sign(v) * Math.log1p(Math.abs(v) / c), from: (t) => Math.sign(t) * c * Math.expm1(Math.abs(t)) };
}

/** Whether a value can be drawn on the axis (finite; positive on a log axis). */
function drawable(a: Axis, v: number): boolean {
  return Number.isFinite(v) && (a.scale !== 'log' || v > 0);
}

/** The data's extent in axis coordinates widened by {@link AXIS_MARGIN} (a degenerate extent by ±0.5). */
export function fittedDomain(a: Axis, values: readonly number[]): [number, number] {
  if (a.domain) return a.domain;
  const t = transform(a);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!drawable(a, v)) continue;
    lo = Math.min(lo, t.to(v));
    hi = Math.max(hi, t.to(v));
  }
  if (lo > hi) return a.scale === 'log' ? [1, 10] : [0, 1];
  const pad = hi > lo ? (hi - lo) * AXIS_MARGIN : a.scale === 'log' || typeof a.scale === 'object' ? 0.5 : 0.5 * (Math.abs(lo) || 1);
  return [t.from(lo - pad), t.from(hi + pad)];
}

function scaleSpec(a: Axis, domain: [number, number]): Record<string, unknown> {
  const s = a.scale ?? 'linear';
  const type = s === 'linear' ? { type: 'linear', zero: false } : s === 'log' ? { type: 'log' } : { type: 'symlog', constant: s.symlog };
  return { ...type, domain, nice: false };
}

/**
 * Axis labels: tiny or huge magnitudes as 1e-6 (not 0.000001); a log axis keeps the renderer's
 * choice of which ticks carry a label. Symlog ticks are labelled with their values in real units.
 */
function axisSpec(a: Axis, domain: [number, number]): Record<string, unknown> {
  const [lo, hi] = domain;
  const ticks = a.ticks?.filter((v) => v >= Math.min(lo, hi) && v <= Math.max(lo, hi));
  const tiny = 'abs(datum.value) > 0 && (abs(datum.value) < 1e-3 || abs(datum.value) >= 1e4)';
  const labelExpr =
    typeof a.scale === 'object'
      ? `${tiny} ? format(datum.value, '.0e') : format(datum.value, '~g')`
      : `datum.label === '' ? '' : ${tiny} ? format(datum.value, '.0e') : datum.label`;
  return { title: a.label, labelExpr, ...(ticks ? { values: ticks } : {}) };
}

function titleSpec(opts: { title: string; subtitle?: string }) {
  return opts.subtitle ? { text: opts.title, subtitle: opts.subtitle } : opts.title;
}

/**
 * Renders a Vega-Lite spec to a standalone SVG string (deterministic bytes). The renderer is loaded
 * on first use, so importing this module (e.g. through the explorer or the escape command) costs
 * nothing until a figure is drawn.
 */
async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return legibleTilde(crispCells(compactMarks(stableIds(await view.toSVG()))));
  } finally {
    view.finalize();
  }
}

/** Points of each guide: from the data's left end, GUIDE_OFFSET below its lowest value, to its right end. */
function guideLines(guides: readonly SlopeGuide[], points: readonly { x: number; y: number }[]) {
  if (!guides.length || !points.length) return [];
  const xs = points.map((p) => p.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...points.map((p) => p.y)) / GUIDE_OFFSET;
  return guides.map((g) => ({ label: g.label, from: { x: x0, y: y0 }, to: { x: x1, y: y0 * (x1 / x0) ** g.order } }));
}

/** A line chart of several named series (non-positive values are dropped on log axes). */
export function lineChart(opts: {
  title: string;
  /** A second, smaller title line (e.g. how the data were downsampled). */
  subtitle?: string;
  x: Axis;
  y: Axis;
  series: Series[];
  width?: number;
  height?: number;
  /** Horizontal reference lines, e.g. y = 0. */
  rules?: { y: number }[];
  /** Reference slopes; only on log–log charts. */
  slopes?: SlopeGuide[];
}): Promise<string> {
  if (opts.slopes?.length && !(opts.x.scale === 'log' && opts.y.scale === 'log')) throw new RangeError('slope guides need log–log axes');
  const values = opts.series.flatMap((s) =>
    s.points.filter((p) => drawable(opts.x, p.x) && drawable(opts.y, p.y)).map((p) => ({ x: p.x, y: p.y, series: s.name })),
  );
  const guides = guideLines(opts.slopes ?? [], values);
  const rules = opts.rules ?? [];
  const xDomain = fittedDomain(opts.x, values.map((v) => v.x));
  const yDomain = fittedDomain(opts.y, [...values.map((v) => v.y), ...guides.flatMap((g) => [g.from.y, g.to.y]), ...rules.map((r) => r.y)]);
  const x = { field: 'x', type: 'quantitative' as const, scale: scaleSpec(opts.x, xDomain), axis: axisSpec(opts.x, xDomain) };
  const y = { field: 'y', type: 'quantitative' as const, scale: scaleSpec(opts.y, yDomain), axis: axisSpec(opts.y, yDomain) };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: opts.series.map((s) => s.name), range: opts.series.map((s) => s.colour) },
    legend: { labelLimit: 320 },
  };
  const lineSeries = opts.series.filter((s) => !s.pointsOnly).map((s) => s.name);
  const guide = { color: GUIDE_COLOUR, strokeDash: [4, 4], strokeWidth: 1 };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: titleSpec(opts),
    width: opts.width ?? 480,
    height: opts.height ?? 300,
    data: { values },
    encoding: { x, y },
    layer: [
      ...rules.map((r) => ({ data: { values: [r] }, mark: { type: 'rule', ...guide }, encoding: { x: null, y: { field: 'y', type: 'quantitative' } } })),
      ...guides.map((g) => ({ data: { values: [g.from, g.to] }, mark: { type: 'line', ...guide } })),
      ...guides.map((g) => ({
        data: { values: [{ ...g.to, label: g.label }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -2, dy: -2, fontSize: 10, color: GUIDE_COLOUR },
        encoding: { text: { field: 'label' } },
      })),
      { mark: { type: 'line', point: true }, transform: [{ filter: { field: 'series', oneOf: lineSeries } }], encoding: { color } },
      { mark: { type: 'point', filled: true }, transform: [{ filter: { not: { field: 'series', oneOf: lineSeries } } }], encoding: { color } },
    ],
  } as TopLevelSpec;
  return renderSvg(spec);
}

/** One heatmap cell: its extent on each axis and its value. */
export interface HeatCell {
  x: [number, number];
  y: [number, number];
  value: number | string;
}

/**
 * Colour of a heatmap: categories with fixed colours; `diverging` for signed values (white at
 * zero, domain [−M, M] with M the largest |value|, so the scale is symmetric about zero);
 * `sequential` for unsigned ones.
 */
export type HeatColour = { kind: 'categorical'; palette: Record<string, string> } | { kind: 'diverging' } | { kind: 'sequential' };

/** The colour domain: the cells' values and `extremes` (true extremes of cells not drawn), symmetric for diverging. */
export function colourDomain(kind: 'diverging' | 'sequential', values: readonly number[], extremes: readonly number[] = []): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...values, ...extremes]) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) return [-1, 1];
  if (kind === 'sequential') return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
  const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  return [-m, m];
}

/** A heatmap of rectangular cells. */
export function heatmap(opts: {
  title: string;
  /** A second, smaller title line (e.g. how the data were downsampled). */
  subtitle?: string;
  x: Axis;
  y: Axis;
  cells: HeatCell[];
  valueLabel: string;
  colour: HeatColour;
  /** Values the colour domain must include besides the cells' (e.g. extremes lost to downsampling). */
  extremes?: number[];
  width?: number;
  height?: number;
}): Promise<string> {
  const values = opts.cells.map((c) => ({ x: c.x[0], x2: c.x[1], y: c.y[0], y2: c.y[1], v: c.value }));
  const extent = (lo: number[], hi: number[]): [number, number] => (lo.length ? [Math.min(...lo), Math.max(...hi)] : [0, 1]);
  const xDomain = opts.x.domain ?? extent(values.map((v) => v.x), values.map((v) => v.x2));
  const yDomain = opts.y.domain ?? extent(values.map((v) => v.y), values.map((v) => v.y2));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: titleSpec(opts),
    width: opts.width ?? 420,
    height: opts.height ?? 360,
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: opts.x.label, scale: scaleSpec(opts.x, xDomain), axis: axisSpec(opts.x, xDomain) },
      x2: { field: 'x2' },
      y: { field: 'y', type: 'quantitative', title: opts.y.label, scale: scaleSpec(opts.y, yDomain), axis: axisSpec(opts.y, yDomain) },
      y2: { field: 'y2' },
      color: heatColour(opts.colour, opts.valueLabel, opts.cells, opts.extremes),
    },
  } as TopLevelSpec;
  return renderSvg(spec);
}

function heatColour(colour: HeatColour, title: string, cells: readonly HeatCell[], extremes?: number[]) {
  if (colour.kind === 'categorical') {
    return { field: 'v', type: 'nominal', title, scale: { domain: Object.keys(colour.palette), range: Object.values(colour.palette) } };
  }
  const numbers = cells.map((c) => c.value).filter((v): v is number => typeof v === 'number');
  const [lo, hi] = colourDomain(colour.kind, numbers, extremes);
  // Legend labels at both ends and the middle: the ends are the true extremes (or ±M).
  const legend = { values: [lo, (lo + hi) / 2, hi], format: '.3~g', gradientLength: 200, titleLimit: 320 };
  if (colour.kind === 'sequential') return { field: 'v', type: 'quantitative', title, scale: { scheme: SEQUENTIAL_SCHEME, domain: [lo, hi], nice: false }, legend };
  return { field: 'v', type: 'quantitative', title, scale: { scheme: DIVERGING_SCHEME, domain: [lo, hi], domainMid: 0, nice: false }, legend };
}

/**
 * Vega numbers gradients and clip paths with a process-wide counter (`gradient_3`, `clip2`). They are
 * renamed from the figure's content instead (a hash of the SVG with the ids blanked, then 0, 1, …),
 * so a figure's bytes do not depend on what was drawn before it (a merged run writes the same SVG
 * as an unsharded one) and figures inlined together in one HTML page never share an id.
 */
function stableIds(svg: string): string {
  const ID = /\b(gradient_|clip)(\d+)\b/g;
  const stem = createHash('sha256').update(svg.replace(ID, '$1')).digest('hex').slice(0, 8);
  const ids = new Map<string, string>();
  return svg.replace(ID, (_m, kind: string, n: string) => {
    const key = `${kind}${n}`;
    if (!ids.has(key)) ids.set(key, `${kind}${stem}-${[...ids.keys()].filter((k) => k.startsWith(kind)).length}`);
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

/** Heatmap cells drawn without anti-aliased edges, so abutting cells show no hairline seams. */
function crispCells(svg: string): string {
  return svg.replace(/<g class="mark-rect role-mark /g, '<g shape-rendering="crispEdges" class="mark-rect role-mark ');
}

/**
 * Σ̃ as text: fonts without an anchor for U+0303 on Σ (DejaVu, the usual fallback of librsvg and
 * Chromium on Linux) draw the combining tilde inside the Σ's top bar, where it disappears. Each
 * Σ̃ in text content becomes a spacing small tilde (U+02DC) raised and centred over a Σ:
 * tilde advance t ≈ 0.5em, Σ advance s ≈ 0.63em; the tilde starts (s − t)/2 right of the pen and the
 * Σ moves back by t plus that offset, so the line's total advance is that of a plain Σ.
 */
function legibleTilde(svg: string): string {
  const tilde = '<tspan dx="0.07em" dy="-0.22em">˜</tspan><tspan dx="-0.57em" dy="0.22em">Σ</tspan>';
  return svg.replace(/(<text\b[^>]*>)([^<]*)(<\/text>)/g, (_m, open: string, body: string, close: string) => open + body.replaceAll('Σ\u0303', tilde) + close);
}
