/**
 * The weak-error figures of the report (C14–C17), all through src/plot/svg.ts lineChart: log-log
 * |error| against η per built-in problem, λ-sweeps of |error|/η², and the escape curves.
 */
import type { SdeModel } from '../formats/types.js';
import { lineChart, type Series } from '../plot/svg.js';
import { builtinEscape, builtinOneDimRows, builtinSweep, builtinTable } from './builtinResults.js';
import { escapeDifferenceSvg, escapeSvg, escapeTimesText } from './escapeRender.js';
import { fitOrder } from './orders.js';
import { exponentsText } from './sweep.js';

export interface Figure {
  title: string;
  svg: string;
  caption?: string;
}

const MODELS: SdeModel[] = ['sme1', 'sme2', 'spf', 'hasme'];

type Point = { model: SdeModel; eta: number; error: number };

async function errorFigure(name: string, claim: string, points: Point[]): Promise<Figure> {
  const series: Series[] = MODELS.map((m) => ({
    name: m,
    points: points.filter((p) => p.model === m).map((p) => ({ x: p.eta, y: Math.abs(p.error) })),
  }));
  const orders = MODELS.map((m) => {
    const ps = points.filter((p) => p.model === m);
    const o = fitOrder(ps.map((p) => p.eta), ps.map((p) => p.error)).order;
    return `${m} ${typeof o === 'number' ? o.toFixed(2) : o}`;
  }).join(', ');
  const title = `${claim}: |E u(X_T) − E u(x_K)| against η (${name})`;
  const svg = await lineChart({ title, x: { label: 'η', log: true }, y: { label: '|weak error|', log: true }, series });
  return { title, svg, caption: `Fitted orders: ${orders}. Errors that are exactly zero to working precision are not drawn on the log axis.` };
}

async function sweepFigure(name: string, claim: string): Promise<Figure> {
  const s = await builtinSweep(name);
  const series: Series[] = MODELS.map((m) => ({ name: m, points: s.points.map((p) => ({ x: p.lambda, y: p.constants[m]! })) }));
  const title = `${claim}: |error|/η² against λ at ηλ = ${s.kappa} (${name})`;
  const svg = await lineChart({ title, x: { label: 'λ (scale of f)', log: true }, y: { label: '|error| / η²', log: true }, series });
  return { title, svg, caption: `Fitted exponents p in |error|/η² ∝ λ^p: ${exponentsText(s)}.` };
}

/** All weak-error figures (computations shared with the checks when both run in one process). */
export async function weakFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [name, claim] of [['quad-d3', 'C14'], ['finite-sum-d2n4', 'C15']] as const) {
    const t = await builtinTable(name);
    figures.push(await errorFigure(name, claim, t.rows.map((r) => ({ model: r.model, eta: Number(r.eta), error: Number(r.error) }))));
  }
  for (const name of ['logcosh', 'cos']) figures.push(await errorFigure(name, 'C17', await builtinOneDimRows(name)));
  for (const [name, claim] of [['finite-sum-d2n4', 'C15'], ['logcosh', 'C17'], ['cos', 'C17']] as const) figures.push(await sweepFigure(name, claim));
  const esc = await builtinEscape('saddle-d2');
  figures.push({ title: 'C16: escape curves on saddle-d2', svg: await escapeSvg(esc), caption: `Relative escape-time errors against SGD: ${escapeTimesText(esc)}.` });
  figures.push({
    title: 'C16: escape curves minus SGD’s on saddle-d2',
    svg: await escapeDifferenceSvg(esc),
    caption: 'HA-SME’s curve equals SGD’s (zero difference); SME-1, SME-2 and SPF escape early.',
  });
  return figures;
}
