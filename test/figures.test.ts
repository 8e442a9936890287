/**
 * The figures read back from their SVG as a viewer sees them (issue 14, figures): one colour per
 * model in every plot, order-1/2 reference slopes on the log–log weak-error plots, axes fitted to
 * the data, a diverging colour scale symmetric about zero for signed margins, the λmin axis
 * labelled in real units, downsampling that keeps the extreme cells, and a Σ̃ that does not rely
 * on the font placing a combining tilde. Each check is also shown failing on a figure built to
 * break it. Data: the measured tables of spec/weak.md §5 (no engine runs here).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FigureSink } from '../src/explore/figures.js';
import { axis, gridPoints } from '../src/explore/grid.js';
import type { Cell, FigureSpec, RunHeader } from '../src/explore/types.js';
import { MODELS, type Model } from '../src/formats/types.js';
import { GUIDE_COLOUR, MODEL_COLOURS, PSD_STATUS_COLOURS, REGIME_COLOURS, seriesColour } from '../src/plot/palette.js';
import { axisTicks, formatNumber } from '../src/plot/scale.js';
import { colourDomain, fittedDomain, heatmap, lineChart } from '../src/plot/svg.js';
import { lambdaMinCurves, lambdaMinFigure, SYMLOG_C } from '../src/report/lambdaMinFigure.js';
import { regimeFigures } from '../src/report/regimeFigures.js';
import type { EscapeResult } from '../src/weak/escape.js';
import { escapeDifferenceSvg, escapeSvg } from '../src/weak/escapeRender.js';
import { constantsFigure, errorFigure, sweepFigure } from '../src/weak/figures.js';

/** A C23-shaped sweep (|C(s)| per model at five scales) for the colour check. */
const C23_SWEEP = {
  points: [0.25, 0.5, 1, 2, 4].map((s) => ({ lambda: s, constants: { sme1: { value: -0.01 * s }, sme2: { value: 0.1 * s }, spf: { value: 0.09 * s }, hasme: { value: -0.005 } } })),
  exponents: { sme1: { value: 1, se: 0 }, sme2: { value: 1, se: 0 }, spf: { value: 1, se: 0 }, hasme: { value: 0, se: 0 } },
};
import { figure, findAll, gradientLegend, legend, marks, rgb, textContent, ticks, vertices, type Figure } from './figures.support.js';

// spec/weak.md §5: errors (sde − sgd) at η = 0.0125/2^j, j = 0..3.
const ETAS = [0.0125, 0.00625, 0.003125, 0.0015625];
const QUAD_D3 = { sme1: [2.191e-3, 1.12e-3, 5.657e-4, 2.843e-4], sme2: [-1.524e-4, -3.805e-5, -9.509e-6, -2.377e-6], spf: [-1.67e-4, -4.16e-5, -1.038e-5, -2.594e-6], hasme: [0, 0, 0, 0] };
const FINITE_SUM = { sme1: [-1.605e-3, -7.61e-4, -3.704e-4, -1.827e-4], sme2: [-3.712e-4, -9.183e-5, -2.284e-5, -5.695e-6], spf: [-3.594e-4, -8.862e-5, -2.2e-5, -5.482e-6], hasme: [-1.56e-4, -3.838e-5, -9.52e-6, -2.371e-6] };
const rows = (t: Record<string, number[]>) => Object.entries(t).flatMap(([model, e]) => e.map((error, i) => ({ model: model as Exclude<Model, 'sgd'>, eta: ETAS[i], error })));
const SWEEP = {
  kappa: '0.125',
  points: [1, 2, 4, 8].map((lambda, i) => ({
    lambda,
    eta: String(0.125 / lambda),
    constants: { sme1: [0.84, 1.5, 2.0, 3.1][i], sme2: [2.959, 4.283, 7.603, 28.21][i], spf: [3.02, 4.091, 7.775, 29.77][i], hasme: [1.373, 1.181, 0.1691, 3.446e-4][i] },
  })),
  exponents: { sme1: 0.6, sme2: 1.06, spf: 1.08, hasme: -3.87 },
};
/** Escape curves shaped like saddle-d2's (logistic in k, earlier for SME-1, SME-2, SPF; HA-SME = SGD, C16). */
const ESCAPE: EscapeResult = {
  eigenvalue: -0.6211,
  v: [1, 0],
  eta: 0.05,
  radius: 1,
  curves: (['sgd', 'sme1', 'sme2', 'spf', 'hasme'] as const).map((model, i) => ({
    model,
    probability: Array.from({ length: 201 }, (_, k) => 1 / (1 + Math.exp(-(k - 79 + [0, 1.5, 0.5, 0.5, 0][i]) / 12))),
    escapeStep: 79,
    relativeError: 0,
  })),
};

const MODEL_SET = new Set<string>(MODELS);

/** Why a figure's model colours are wrong (empty: every drawn model in its palette colour). */
function modelColourProblems(f: Figure): string[] {
  const problems: string[] = [];
  const entries = legend(f);
  const legendColours = new Set(entries.map((e) => e.colour));
  for (const e of entries) {
    const model = e.label.split(' ')[0];
    if (MODEL_SET.has(model) && e.colour !== MODEL_COLOURS[model as Model]) problems.push(`${model} is ${e.colour} in the legend, not ${MODEL_COLOURS[model as Model]}`);
  }
  const drawn = [...marks(f, 'line').map((p) => p.attrs.stroke), ...marks(f, 'symbol').map((p) => p.attrs.fill)].map((c) => c?.toLowerCase());
  for (const c of new Set(drawn)) if (c !== GUIDE_COLOUR && !legendColours.has(c!)) problems.push(`data drawn in ${c}, which no legend entry has`);
  return problems;
}

/** Where the data (points; lines, rules and guides in y) leave more than `margin` of the plot's width or height unused. */
function unfittedAxes(f: Figure, margin = 0.05): string[] {
  const pts = marks(f, 'symbol').flatMap(vertices);
  const lines = [...marks(f, 'line'), ...marks(f, 'rule'), ...marks(f, 'guide')].flatMap(vertices);
  const { x, y, width, height } = f.frame;
  const xs = pts.map((p) => p.x - x);
  const ys = [...pts, ...lines].map((p) => p.y - y);
  const out: string[] = [];
  if (Math.min(...xs) > margin * width || Math.max(...xs) < (1 - margin) * width) out.push(`x data span ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} of ${width} px`);
  if (Math.min(...ys) > margin * height || Math.max(...ys) < (1 - margin) * height) out.push(`y data span ${Math.min(...ys).toFixed(0)}–${Math.max(...ys).toFixed(0)} of ${height} px`);
  return out;
}

/** log10 of the value at a pixel, from the axis's labelled ticks (log axes). */
function logAxisMap(f: Figure, a: 'X' | 'Y'): (px: number) => number {
  const t = ticks(f, a);
  const lo = t[0];
  const hi = t[t.length - 1];
  const slope = (Math.log10(hi.value) - Math.log10(lo.value)) / (hi.at - lo.at);
  return (px) => Math.log10(lo.value) + (px - lo.at) * slope;
}

/** Slopes (in data units) of the dashed guides, with the labels drawn next to them. */
function guideSlopes(f: Figure): { slopes: number[]; labels: string[] } {
  const lx = logAxisMap(f, 'X');
  const ly = logAxisMap(f, 'Y');
  const guides = marks(f, 'guide').filter((p) => p.attrs.stroke === GUIDE_COLOUR && p.attrs['stroke-dasharray']);
  const slopes = guides.map((g) => {
    const v = vertices(g);
    const a = v[0];
    const b = v[v.length - 1];
    return (ly(b.y) - ly(a.y)) / (lx(b.x) - lx(a.x));
  });
  return { slopes, labels: marks(f, 'guide-label').map(textContent) };
}

/** Why a signed heatmap's colour scale is not centred at zero (symmetric domain, white middle). */
function divergingProblems(f: Figure): string[] {
  const g = gradientLegend(f);
  const values = g.labels.sort((a, b) => b.at - a.at).map((l) => l.value);
  const out: string[] = [];
  const lo = values[0];
  const hi = values[values.length - 1];
  if (!(lo < 0 && Math.abs(lo + hi) <= 1e-9 * Math.abs(hi))) out.push(`legend ends ${lo} and ${hi} are not ±M`);
  const mid = g.stops.find((s) => Math.abs(s.offset - 0.5) < 1e-9);
  if (!mid || rgb(mid.colour).some((c) => c < 225)) out.push(`colour at 0 is ${mid?.colour}, not near white`);
  return out;
}

/** Every text of a figure with a combining tilde left in it. */
function combiningTildes(svg: string): string[] {
  return findAll(figure(svg).root, (n) => n.tag === 'text')
    .map(textContent)
    .filter((t) => t.includes('\u0303'));
}

describe('issue 14 figures: one colour per model (C14–C17 plots)', () => {
  let figs: Record<string, string>;
  beforeAll(async () => {
    figs = {
      c14: (await errorFigure('quad-d3', 'C14', rows(QUAD_D3))).svg,
      c15: (await errorFigure('finite-sum-d2n4', 'C15', rows(FINITE_SUM))).svg,
      sweep: (await sweepFigure('finite-sum-d2n4', 'C15', SWEEP)).svg,
      escape: await escapeSvg(ESCAPE),
      escapeDifference: await escapeDifferenceSvg(ESCAPE),
      c23: (await constantsFigure('C23: |C(s)|', 's', C23_SWEEP, 'note.')).svg,
    };
  });

  it('every model drawn is in its palette colour, in every figure, and each figure names its models', () => {
    for (const [name, svg] of Object.entries(figs)) {
      const f = figure(svg);
      expect(modelColourProblems(f), name).toEqual([]);
      expect(legend(f).filter((e) => MODEL_SET.has(e.label.split(' ')[0])).length, name).toBeGreaterThanOrEqual(4);
    }
    // The five colours are distinct and no other series (λmin pairs, explorer rows) uses one, so a colour names one model.
    expect(new Set(Object.values(MODEL_COLOURS)).size).toBe(MODELS.length);
    const others = Array.from({ length: 12 }, (_, i) => seriesColour(i));
    expect(others.filter((c) => Object.values(MODEL_COLOURS).includes(c))).toEqual([]);
  });

  it('the colour check fails when a model is drawn in another model’s colour', async () => {
    const swapped = await lineChart({
      title: 't',
      x: { label: 'x' },
      y: { label: 'y' },
      series: [
        { name: 'sme1', colour: MODEL_COLOURS.sme2, points: [{ x: 1, y: 1 }, { x: 2, y: 2 }] },
        { name: 'sme2', colour: MODEL_COLOURS.sme1, points: [{ x: 1, y: 2 }, { x: 2, y: 3 }] },
      ],
    });
    expect(modelColourProblems(figure(swapped))).toHaveLength(2);
  });

  it('a model whose errors are exact zeros is named in the legend in its colour, not drawn (C14 HA-SME)', () => {
    const f = figure(figs.c14);
    expect(legend(f)).toContainEqual({ label: 'hasme (exact, not drawn)', colour: MODEL_COLOURS.hasme });
    expect(marks(f, 'symbol').filter((p) => p.attrs.fill === MODEL_COLOURS.hasme)).toHaveLength(0);
  });

  it('log–log weak-error plots carry labelled reference slopes of order 1 and 2 (C14, C15, C17)', () => {
    for (const name of ['c14', 'c15']) {
      const { slopes, labels } = guideSlopes(figure(figs[name]));
      expect(slopes.sort((a, b) => a - b).map((s) => Number(s.toFixed(2))), name).toEqual([1, 2]);
      expect(labels, name).toEqual(expect.arrayContaining(['order 1 (∝ η)', 'order 2 (∝ η²)']));
    }
    // The measured slopes run parallel to order 2 for SME-2 (spec/weak.md §5: 2.001): check it the same way.
    const f = figure(figs.c14);
    const lx = logAxisMap(f, 'X');
    const ly = logAxisMap(f, 'Y');
    const sme2 = marks(f, 'line').find((p) => p.attrs.stroke === MODEL_COLOURS.sme2)!;
    const v = vertices(sme2);
    expect((ly(v[v.length - 1].y) - ly(v[0].y)) / (lx(v[v.length - 1].x) - lx(v[0].x))).toBeCloseTo(2, 1);
  });

  it('the slope check fails on a log–log plot without guides', async () => {
    const bare = await lineChart({ title: 't', x: { label: 'η', scale: 'log' }, y: { label: 'e', scale: 'log' }, series: [{ name: 'sme1', colour: MODEL_COLOURS.sme1, points: ETAS.map((x) => ({ x, y: x })) }] });
    expect(guideSlopes(figure(bare)).slopes).toEqual([]);
  });

  it('axes are fitted to the data: points reach within 5% of every edge of the plot', () => {
    for (const [name, svg] of Object.entries(figs)) expect(unfittedAxes(figure(svg)), name).toEqual([]);
  });

  it('the axis check fails on an axis running a decade past the data (the old "nice" log axis)', async () => {
    const wide = await lineChart({
      title: 't',
      x: { label: 'η', scale: 'log', domain: [1e-3, 1e-1] },
      y: { label: 'e', scale: 'log' },
      series: [{ name: 'sme1', colour: MODEL_COLOURS.sme1, points: ETAS.map((x) => ({ x, y: x })) }],
    });
    expect(unfittedAxes(figure(wide))).toEqual([expect.stringMatching(/^x data span/)]);
  });
});

describe('issue 14 figures: λmin(Σ̃) against η (C5–C7)', () => {
  it('y ticks are values of r = λmin/λmax(Σ) (not transformed units) placed where the symmetric-log axis puts them', async () => {
    const svg = (await lambdaMinFigure()).svg;
    const f = figure(svg);
    const t = ticks(f, 'Y');
    expect(t.every((k) => Number.isFinite(k.value) && Math.abs(k.value) <= 1)).toBe(true);
    expect(t.some((k) => k.value < 0) && t.some((k) => k.value > 0) && t.some((k) => k.value === 0)).toBe(true);
    // The axis is linear in s(r) = sign(r)·ln(1 + |r|/c): map from the ticks ±1e-6, check every other tick and data point.
    const s = (r: number) => Math.sign(r) * Math.log1p(Math.abs(r) / SYMLOG_C);
    const a = t.find((k) => k.value === 1e-6)!;
    const b = t.find((k) => k.value === -1e-6)!;
    const px = (r: number) => a.at + ((s(r) - s(a.value)) * (b.at - a.at)) / (s(b.value) - s(a.value));
    for (const k of t) expect(Math.abs(k.at - px(k.value)), k.text).toBeLessThan(1);
    // The rank-deficient pair's point at the smallest η (r ≈ −1.3e-10, C7) sits where its value says.
    const [, , rankDeficient] = lambdaMinCurves([1e-4]);
    const colour = legend(f).find((e) => e.label === 'rank-deficient')!.colour;
    const left = marks(f, 'symbol')
      .filter((p) => p.attrs.fill === colour)
      .flatMap(vertices)
      .sort((p, q) => p.x - q.x)[0];
    expect(Math.abs(left.y - px(rankDeficient.points[0].r))).toBeLessThan(1);
    expect(unfittedAxes(f)).toEqual([]);
    expect(combiningTildes(svg)).toEqual([]);
  });

  it('the tick check fails on the old figure (transformed values on a linear axis)', async () => {
    const s = (r: number) => Math.sign(r) * Math.log10(1 + Math.abs(r) / SYMLOG_C);
    const old = await lineChart({ title: 't', x: { label: 'η' }, y: { label: 'y' }, series: [{ name: 'a', colour: '#0072b2', points: [1e-10, -1e-3].map((r, i) => ({ x: i, y: s(r) })) }] });
    expect(ticks(figure(old), 'Y').every((k) => Math.abs(k.value) <= 1)).toBe(false);
  });
});

describe('issue 14 figures: signed margins and downsampling (explorer, report figure (a))', () => {
  const header = (n: number): RunHeader => ({
    family: 'synthetic',
    params: {},
    axes: {
      x: axis({ name: 'x', label: 'x', min: 0, max: 1, n, scale: 'linear', includeMin: true }),
      y: axis({ name: 'y', label: 'y', min: 0, max: 1, n, scale: 'linear', includeMin: true }),
    },
    fields: ['x', 'y', 'regime', 'psdMargin', 'pcovErr', 'covErr', 'singularDistance'],
  });
  const SPECS: FigureSpec[] = [
    { kind: 'heatmap', file: 'margin.svg', title: 'PSD margin of Σ̃', field: 'psdMargin' },
    { kind: 'heatmap', file: 'regime.svg', title: 'regime', field: 'regime' },
  ];
  // 12×12 grid drawn as 4×4 blocks of 3×3: the worst margin (−0.08) and an S cell sit off the stride (ix % 3 ≠ 0).
  const WORST = { ix: 4, iy: 7, margin: -0.08 };
  const BEST = { ix: 10, iy: 1, margin: 0.05 };
  const S_CELL = { ix: 8, iy: 5 };
  async function run(): Promise<Record<string, string>> {
    const dir = await mkdtemp(join(tmpdir(), 'hasme-figures-'));
    try {
      const h = header(12);
      const sink = new FigureSink(h, SPECS, dir, 4);
      for (const p of gridPoints(h.axes.x, h.axes.y)) {
        const at = (c: { ix: number; iy: number }) => p.ix === c.ix && p.iy === c.iy;
        const margin = at(WORST) ? WORST.margin : at(BEST) ? BEST.margin : 0.01 * (1 + p.ix / 12);
        const cell: Cell = at(S_CELL)
          ? { x: p.x, y: p.y, regime: 'S', psdMargin: null, pcovErr: null, covErr: null, singularDistance: null }
          : { x: p.x, y: p.y, regime: 'R', psdMargin: margin, pcovErr: null, covErr: null, singularDistance: 1 };
        sink.cell(cell, p);
      }
      await sink.close();
      return { margin: await readFile(join(dir, 'margin.svg'), 'utf8'), regime: await readFile(join(dir, 'regime.svg'), 'utf8') };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('the downsampled margin map draws the worst cell and spans the true extremes, symmetric about 0', async () => {
    const { margin, regime } = await run();
    const f = figure(margin);
    const cells = marks(f, 'rect');
    expect(cells).toHaveLength(16);
    expect(divergingProblems(f)).toEqual([]);
    const g = gradientLegend(f);
    const ends = g.labels.map((l) => Math.abs(l.value));
    expect(Math.max(...ends)).toBeCloseTo(0.08, 12);
    // The block holding the worst cell is drawn in the scale's colour at −0.08 (the gradient's first stop).
    expect(cells.map((c) => c.attrs.fill)).toContain(g.stops[0].colour);
    // The S cell off the stride shows in the regime map (a block shows its most severe regime).
    expect(marks(figure(regime), 'rect').map((c) => c.attrs.fill)).toContain(REGIME_COLOURS.S);
    expect(textContent(findAll(f.root, (n) => n.tag === 'text' && textContent(n).includes('blocks'))[0])).toBe('12×12 grid in 4×4 blocks of 3×3, each showing its smallest margin');
  });

  it('the extreme-cell and centring checks fail on a strided, sequential map (the old figure)', async () => {
    const kept = [];
    for (const p of gridPoints(header(12).axes.x, header(12).axes.y)) {
      if (p.ix % 3 || p.iy % 3) continue;
      kept.push({ x: [p.x - 0.04, p.x + 0.04] as [number, number], y: [p.y - 0.04, p.y + 0.04] as [number, number], value: p.ix === WORST.ix && p.iy === WORST.iy ? WORST.margin : 0.01 * (1 + p.ix / 12) });
    }
    const old = figure(await heatmap({ title: 't', x: { label: 'x' }, y: { label: 'y' }, cells: kept, valueLabel: 'm', colour: { kind: 'sequential' } }));
    expect(divergingProblems(old).length).toBeGreaterThan(0);
    expect(Math.min(...gradientLegend(old).labels.map((l) => l.value))).toBeGreaterThan(WORST.margin);
  });

  it('report figure (a): the PSD-margin map is diverging about 0 and draws its smallest margin; the regime map uses the shared palette', async () => {
    const [map, margin] = await regimeFigures(16);
    const f = figure(margin.svg);
    expect(divergingProblems(f)).toEqual([]);
    const lo = Number(margin.caption.match(/the smallest margin on the grid is (\S+)\./)![1]);
    const g = gradientLegend(f);
    const ends = g.labels.map((l) => l.value);
    expect(Math.max(...ends.map(Math.abs))).toBeGreaterThanOrEqual(Math.abs(lo) * (1 - 1e-3));
    if (Math.abs(lo) >= Math.max(...ends)) expect(marks(f, 'rect').map((c) => c.attrs.fill)).toContain(g.stops[0].colour);
    const fills = new Set(marks(figure(map.svg), 'rect').map((c) => c.attrs.fill));
    expect([...fills].every((c) => Object.values(PSD_STATUS_COLOURS).includes(c as never))).toBe(true);
    for (const svg of [map.svg, margin.svg]) expect(combiningTildes(svg)).toEqual([]);
  });
});

describe('issue 14 figures: plot module', () => {
  it('fitted domains: the data extent widened by 3% in axis units (log10 on log axes); symlog keeps both signs', () => {
    expect(fittedDomain({ label: '' }, [1, 3])).toEqual([0.94, 3.06]);
    const [lo, hi] = fittedDomain({ label: '', scale: 'log' }, [1e-3, 1e-1, -5, 0]);
    expect(Math.log10(lo)).toBeCloseTo(-3.06, 12);
    expect(Math.log10(hi)).toBeCloseTo(-0.94, 12);
    const [a, b] = fittedDomain({ label: '', scale: { symlog: 1e-15 } }, [-1e-3, 1]);
    expect(a).toBeLessThan(-1e-3);
    expect(b).toBeGreaterThan(1);
  });

  it('tick labels: real values, 1e-6 style below 1e-3, U+2212 minus; log ticks 1–9×10^k with labels thinned over many decades', () => {
    expect([0, 0.002, 0.0125, -1e-9, 2.5e-7, 1, 12345].map(formatNumber)).toEqual(['0', '0.002', '0.0125', '\u22121e\u22129', '2.5e\u22127', '1', '1.235e4']);
    const narrow = axisTicks({ label: '', scale: 'log' }, [1.4e-3, 1.35e-2], 6);
    expect(narrow.map((t) => t.value)).toEqual([0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.01]);
    expect(narrow.every((t) => t.label !== '')).toBe(true); // one decade: every tick labelled (the chart drops overlapping ones)
    expect(axisTicks({ label: '', scale: 'log' }, [1e-3, 1e-1], 6).filter((t) => t.label).map((t) => t.value)).toEqual([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1]);
    const wide = axisTicks({ label: '', scale: 'log' }, [1e-8, 1e-2], 6);
    expect(wide.filter((t) => t.label).map((t) => t.label)).toEqual(['1e\u22128', '1e\u22127', '1e\u22126', '1e\u22125', '1e\u22124', '0.001', '0.01']);
    expect(axisTicks({ label: '' }, [-0.03, 1.6], 7).map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6]);
    expect(axisTicks({ label: '', ticks: [0, 1e-3, -1e-3, 1] }, [-0.01, 0.5], 5).map((t) => t.value)).toEqual([0, 1e-3, -1e-3]);
  });

  it('colour domains: diverging is [−M, M] with M the largest |value| among cells and extremes; sequential is the extent', () => {
    expect(colourDomain('diverging', [0.01, 0.03], [-0.08, 0.05])).toEqual([-0.08, 0.08]);
    expect(colourDomain('diverging', [0.2, 0.5])).toEqual([-0.5, 0.5]);
    expect(colourDomain('sequential', [-15, -16], [-17])).toEqual([-17, -15]);
  });

  it('Σ̃ is drawn as Σ under a spacing tilde (U+02DC) in every text, with no net baseline shift', async () => {
    const svg = await lineChart({ title: 'λmin(Σ̃) and Σ̃ ⪰ 0', x: { label: 'Σ̃' }, y: { label: 'y' }, series: [{ name: 'R, Σ̃ ⪰ 0', colour: '#0072b2', points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }] });
    expect(combiningTildes(svg)).toEqual([]);
    const texts = findAll(figure(svg).root, (n) => n.tag === 'text' && n.children.some((c) => c.tag === 'tspan'));
    expect(texts.length).toBe(3); // title, x-axis title, legend label
    for (const t of texts) {
      const spans = t.children.filter((c) => c.tag === 'tspan');
      expect(spans.map(textContent)).toEqual(textContent(t).includes('and') ? ['˜', 'Σ', '˜', 'Σ'] : ['˜', 'Σ']);
      expect(spans.reduce((sum, s) => sum + parseFloat(s.attrs.dy ?? '0'), 0)).toBeCloseTo(0, 12);
    }
  });
});
