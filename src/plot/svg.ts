/**
 * The figures' SVG, written directly (no plotting library): a line chart and a heatmap, each
 * from a small spec. Every figure in the project goes through these two functions.
 *
 * What every figure gets here: axes fitted to the data (src/plot/scale.ts), colours chosen by the
 * caller from src/plot/palette.ts (one per model everywhere), a diverging scale symmetric about
 * zero for signed values, reference slopes on log–log charts, and a Σ̃ that survives renderers
 * whose fonts place the combining tilde inside the Σ. Output bytes depend only on the spec.
 */
import { createHash } from 'node:crypto';
import { DIVERGING_STOPS, GUIDE_COLOUR, SEQUENTIAL_STOPS, scaleColour } from './palette.js';
import { axisTicks, drawable, fittedDomain, formatNumber, pixelMap, type Axis, type Tick } from './scale.js';

export { fittedDomain, type Axis } from './scale.js';

export interface Series {
  name: string;
  /** From src/plot/palette.ts: MODEL_COLOURS for a model, seriesColour(i) otherwise. */
  colour: string;
  points: { x: number; y: number }[];
  /** Draw as points only (default: line with points), on top of the lines. */
  pointsOnly?: boolean;
}

/** A reference slope y ∝ x^order on a log–log chart (e.g. weak order 1 and 2). */
export interface SlopeGuide {
  order: number;
  label: string;
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

/** Guides start this factor below the lowest data point, so they run under the data. */
const GUIDE_OFFSET = 4;

const SIZE = { title: 13, subtitle: 11, axisTitle: 11, label: 10 };
const GRID = '#dddddd';
const MINOR_GRID = '#eeeeee';
const GRADIENT_LENGTH = 200;

/** Estimated text width in px (no font metrics without a browser): 0.6 em per character, 0.66 em bold. */
function textWidth(s: string, size: number, bold = false): number {
  return [...s.replace(/\u0303/g, '')].length * size * (bold ? 0.66 : 0.6);
}

/** Coordinates to 0.01 px: no visible change, a third of the bytes. */
const px = (v: number) => String(Math.round(v * 100) / 100);

function attributes(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? px(v) : escapeXml(v!)}"`)
    .join('');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A text element. Σ̃ is drawn as a spacing small tilde (U+02DC) raised and centred over a Σ: fonts
 * without an anchor for U+0303 on Σ (DejaVu, the usual fallback of librsvg and Chromium on Linux)
 * draw the combining tilde inside the Σ's top bar, where it disappears. Tilde advance t ≈ 0.5em,
 * Σ advance s ≈ 0.63em: the tilde starts (s − t)/2 right of the pen and the Σ moves back by t plus
 * that offset, so the line's advance is that of a plain Σ.
 */
function text(content: string, a: Record<string, string | number | undefined>): string {
  const tilde = '<tspan dx="0.07em" dy="-0.22em">˜</tspan><tspan dx="-0.57em" dy="0.22em">Σ</tspan>';
  return `<text${attributes(a)}>${escapeXml(content).replaceAll('Σ\u0303', tilde)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra: Record<string, string | number> = {}): string {
  return `<line${attributes({ x1, y1, x2, y2, stroke, ...extra })}/>`;
}

function polyline(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${px(p.x)},${px(p.y)}`).join('');
}

/** Labels that would overlap the previous shown one (along the axis) are left blank. */
function thinned(ticks: Tick[], at: (v: number) => number, extent: (t: Tick) => number): Tick[] {
  let last = -Infinity;
  const ordered = [...ticks].sort((a, b) => at(a.value) - at(b.value));
  const keep = new Set<Tick>();
  for (const t of ordered) {
    if (!t.label) continue;
    const p = at(t.value);
    if (p - extent(t) / 2 >= last + 4) {
      keep.add(t);
      last = p + extent(t) / 2;
    }
  }
  return ticks.map((t) => (keep.has(t) ? t : { ...t, label: '' }));
}

interface Plot {
  width: number;
  height: number;
  x: (v: number) => number;
  y: (v: number) => number;
}

/** Grid, frame and both axes of a plot area of `width`×`height` px; returns the SVG and the pixel maps. */
function axes(xa: Axis, xDomain: [number, number], ya: Axis, yDomain: [number, number], width: number, height: number, grid: boolean) {
  const x = pixelMap(xa, xDomain, width, false);
  const y = pixelMap(ya, yDomain, height, true);
  const xt = thinned(axisTicks(xa, xDomain, Math.max(2, Math.round(width / 60))), x, (t) => textWidth(t.label, SIZE.label));
  const yt = thinned(axisTicks(ya, yDomain, Math.max(2, Math.round(height / 40))), y, () => SIZE.label + 2);
  const yLabelWidth = Math.max(0, ...yt.map((t) => textWidth(t.label, SIZE.label)));
  const parts: string[] = [];
  if (grid) {
    for (const t of xt) parts.push(line(x(t.value), 0, x(t.value), height, t.label ? GRID : MINOR_GRID));
    for (const t of yt) parts.push(line(0, y(t.value), width, y(t.value), t.label ? GRID : MINOR_GRID));
  }
  parts.push(`<rect class="plot"${attributes({ width, height, fill: 'none', stroke: GRID })}/>`);
  const xTicks = xt.map((t) => line(x(t.value), 0, x(t.value), 5, '#888888')).join('');
  const xLabels = xt.filter((t) => t.label).map((t) => text(t.label, { class: 'tick-label', x: x(t.value), y: 16, 'text-anchor': 'middle', 'font-size': SIZE.label }));
  parts.push(
    `<g class="axis x" transform="translate(0,${px(height)})">${line(0, 0, width, 0, '#888888')}${xTicks}${xLabels.join('')}` +
      `${text(xa.label, { class: 'axis-title', x: width / 2, y: 32, 'text-anchor': 'middle', 'font-size': SIZE.axisTitle, 'font-weight': 'bold' })}</g>`,
  );
  const yTicks = yt.map((t) => line(-5, y(t.value), 0, y(t.value), '#888888')).join('');
  const yLabels = yt.filter((t) => t.label).map((t) => text(t.label, { class: 'tick-label', x: -7, y: y(t.value), dy: '0.32em', 'text-anchor': 'end', 'font-size': SIZE.label }));
  const yTitleX = -(yLabelWidth + 16);
  parts.push(
    `<g class="axis y">${line(0, 0, 0, height, '#888888')}${yTicks}${yLabels.join('')}` +
      `${text(ya.label, { class: 'axis-title', transform: `translate(${px(yTitleX)},${px(height / 2)}) rotate(-90)`, 'text-anchor': 'middle', 'font-size': SIZE.axisTitle, 'font-weight': 'bold' })}</g>`,
  );
  const plot: Plot = { width, height, x, y };
  return { svg: parts.join(''), plot, leftNeeded: yLabelWidth + 16 + SIZE.axisTitle + 6 };
}

/** Title, plot and legend placed into one SVG document. */
function assemble(opts: { title: string; subtitle?: string; axes: ReturnType<typeof axes>; body: string; legend: { svg: string; width: number; height: number } }): string {
  const { plot } = opts.axes;
  const titleWidth = Math.max(textWidth(opts.title, SIZE.title, true), opts.subtitle ? textWidth(opts.subtitle, SIZE.subtitle) : 0);
  const left = Math.max(10 + opts.axes.leftNeeded, titleWidth / 2 - plot.width / 2 + 10);
  const top = 10 + SIZE.title + (opts.subtitle ? SIZE.subtitle + 6 : 0) + 12;
  const legendX = left + plot.width + 20;
  const width = Math.ceil(Math.max(legendX + opts.legend.width + 10, left + plot.width / 2 + titleWidth / 2 + 10));
  const height = Math.ceil(Math.max(top + plot.height + 42, top + opts.legend.height + 10));
  const mid = left + plot.width / 2;
  const titles =
    text(opts.title, { class: 'title', x: mid, y: 10 + SIZE.title, 'text-anchor': 'middle', 'font-size': SIZE.title, 'font-weight': 'bold' }) +
    (opts.subtitle ? text(opts.subtitle, { class: 'subtitle', x: mid, y: 10 + SIZE.title + SIZE.subtitle + 4, 'text-anchor': 'middle', 'font-size': SIZE.subtitle }) : '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" role="img"${attributes({ 'aria-label': opts.title })}>` +
    `<rect width="${width}" height="${height}" fill="white"/>${titles}` +
    `<g class="frame" transform="translate(${px(left)},${px(top)})">${opts.axes.svg}${opts.body}</g>` +
    `<g class="legend" transform="translate(${px(legendX)},${px(top)})">${opts.legend.svg}</g></svg>`
  );
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

/** A symbol legend: one coloured mark and label per entry (`shape`: circle or square). */
function symbolLegend(entries: { label: string; colour: string }[], shape: 'circle' | 'square', title?: string) {
  const head = title ? text(title, { class: 'legend-title', x: 0, y: SIZE.axisTitle, 'font-size': SIZE.axisTitle, 'font-weight': 'bold' }) : '';
  const y0 = title ? SIZE.axisTitle + 8 : 0;
  const rows = entries.map((e, i) => {
    const mark = shape === 'circle' ? `<circle cx="5" cy="5" r="5" fill="${e.colour}"/>` : `<rect width="10" height="10" fill="${e.colour}"/>`;
    return `<g class="entry" transform="translate(0,${y0 + i * 16})">${mark}${text(e.label, { x: 16, y: 5, dy: '0.32em', 'font-size': SIZE.label })}</g>`;
  });
  const width = Math.max(title ? textWidth(title, SIZE.axisTitle, true) : 0, ...entries.map((e) => 16 + textWidth(e.label, SIZE.label)));
  return { svg: head + rows.join(''), width, height: y0 + entries.length * 16 };
}

/** A line chart of several named series (non-positive values are dropped on log axes). */
export async function lineChart(opts: {
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
  const series = opts.series.map((s) => ({ ...s, points: s.points.filter((p) => drawable(opts.x, p.x) && drawable(opts.y, p.y)) }));
  const all = series.flatMap((s) => s.points);
  const guides = guideLines(opts.slopes ?? [], all);
  const rules = opts.rules ?? [];
  const xDomain = fittedDomain(opts.x, all.map((p) => p.x));
  const yDomain = fittedDomain(opts.y, [...all.map((p) => p.y), ...guides.flatMap((g) => [g.from.y, g.to.y]), ...rules.map((r) => r.y)]);
  const frame = axes(opts.x, xDomain, opts.y, yDomain, opts.width ?? 480, opts.height ?? 300, true);
  const { x, y, width } = frame.plot;
  const at = (p: { x: number; y: number }) => ({ x: x(p.x), y: y(p.y) });
  const dashed = { 'stroke-dasharray': '4,4', 'stroke-width': 1 };
  const body = [
    `<g class="marks rule">${rules.map((r) => line(0, y(r.y), width, y(r.y), GUIDE_COLOUR, dashed)).join('')}</g>`,
    `<g class="marks guide">${guides.map((g) => `<path${attributes({ d: polyline([at(g.from), at(g.to)]), stroke: GUIDE_COLOUR, fill: 'none', ...dashed })}/>`).join('')}</g>`,
    `<g class="marks guide-label">${guides.map((g) => text(g.label, { x: x(g.to.x) - 2, y: y(g.to.y) - 4, 'text-anchor': 'end', 'font-size': SIZE.label, fill: GUIDE_COLOUR })).join('')}</g>`,
    `<g class="marks line">${series.filter((s) => !s.pointsOnly && s.points.length > 1).map((s) => `<path${attributes({ d: polyline(s.points.map(at)), stroke: s.colour, 'stroke-width': 2, fill: 'none' })}/>`).join('')}</g>`,
    `<g class="marks symbol">${[...series.filter((s) => !s.pointsOnly), ...series.filter((s) => s.pointsOnly)]
      .flatMap((s) => s.points.map((p) => `<circle${attributes({ cx: x(p.x), cy: y(p.y), r: 2.75, fill: s.colour })}/>`))
      .join('')}</g>`,
  ].join('');
  const legend = symbolLegend(opts.series.map((s) => ({ label: s.name, colour: s.colour })), 'circle');
  return assemble({ title: opts.title, subtitle: opts.subtitle, axes: frame, body, legend });
}

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

/** A vertical colour bar (low at the bottom) labelled at both ends and the middle of its domain. */
function gradientLegend(title: string, stops: readonly string[], domain: [number, number], id: string) {
  const [lo, hi] = domain;
  const top = SIZE.axisTitle + 8;
  const at = (v: number) => top + GRADIENT_LENGTH * (1 - (v - lo) / (hi - lo));
  const gradient =
    `<defs><linearGradient id="${id}" x1="0" y1="1" x2="0" y2="0">` +
    stops.map((c, i) => `<stop offset="${px(i / (stops.length - 1))}" stop-color="${c}"/>`).join('') +
    '</linearGradient></defs>';
  const labels = [lo, (lo + hi) / 2, hi].map((v) => text(formatNumber(Number(v.toPrecision(3))), { class: 'legend-label', x: 20, y: at(v), dy: '0.32em', 'font-size': SIZE.label }));
  return {
    svg:
      gradient +
      text(title, { class: 'legend-title', x: 0, y: SIZE.axisTitle, 'font-size': SIZE.axisTitle, 'font-weight': 'bold' }) +
      `<rect class="bar"${attributes({ y: top, width: 16, height: GRADIENT_LENGTH, fill: `url(#${id})` })}/>` +
      labels.join(''),
    width: Math.max(textWidth(title, SIZE.axisTitle, true), 20 + Math.max(...[lo, hi].map((v) => textWidth(formatNumber(v), SIZE.label)))),
    height: top + GRADIENT_LENGTH + 8,
  };
}

/** A heatmap of rectangular cells. */
export async function heatmap(opts: {
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
  const extent = (lo: number[], hi: number[]): [number, number] => (lo.length ? [Math.min(...lo), Math.max(...hi)] : [0, 1]);
  const xDomain = opts.x.domain ?? extent(opts.cells.map((c) => c.x[0]), opts.cells.map((c) => c.x[1]));
  const yDomain = opts.y.domain ?? extent(opts.cells.map((c) => c.y[0]), opts.cells.map((c) => c.y[1]));
  const frame = axes(opts.x, xDomain, opts.y, yDomain, opts.width ?? 420, opts.height ?? 360, false);
  const { x, y } = frame.plot;
  let fill: (v: number | string) => string;
  let legend: { svg: string; width: number; height: number };
  const ID = '@gradient@';
  if (opts.colour.kind === 'categorical') {
    const palette = opts.colour.palette;
    fill = (v) => {
      const c = palette[String(v)];
      if (c === undefined) throw new RangeError(`heatmap: category "${v}" has no colour in the palette`);
      return c;
    };
    legend = symbolLegend(Object.entries(palette).map(([label, colour]) => ({ label, colour })), 'square', opts.valueLabel);
  } else {
    const stops = opts.colour.kind === 'diverging' ? DIVERGING_STOPS : SEQUENTIAL_STOPS;
    const numbers = opts.cells.map((c) => c.value).filter((v): v is number => typeof v === 'number');
    const [lo, hi] = colourDomain(opts.colour.kind, numbers, opts.extremes);
    fill = (v) => scaleColour(stops, ((v as number) - lo) / (hi - lo));
    legend = gradientLegend(opts.valueLabel, stops, [lo, hi], ID);
  }
  const rects = opts.cells.map((c) => {
    const x0 = x(c.x[0]);
    const y1 = y(c.y[1]);
    return `<rect${attributes({ x: x0, y: y1, width: x(c.x[1]) - x0, height: y(c.y[0]) - y1, fill: fill(c.value) })}/>`;
  });
  const svg = assemble({ title: opts.title, subtitle: opts.subtitle, axes: frame, body: `<g class="marks rect" shape-rendering="crispEdges">${rects.join('')}</g>`, legend });
  // The gradient's id comes from the figure's content, so figures inlined in one HTML page never share one.
  return svg.replaceAll(ID, `gradient-${createHash('sha256').update(svg).digest('hex').slice(0, 8)}`);
}
