/**
 * The weak-error figures of the report (C14–C17), all through src/plot/svg.ts lineChart: log-log
 * |error| against η per built-in problem with order-1 and order-2 reference slopes, the C15 horizon
 * sweep, the C19 smoothness sweeps, the C20 escape errors, the C21 power curve and the escape curves. Each model has its colour from src/plot/palette.ts.
 */
import { SDE_MODELS, type SdeModel } from '../formats/types.js';
import { MODEL_COLOURS } from '../plot/palette.js';
import { lineChart, type Series } from '../plot/svg.js';
import { builtinEscape, builtinOneDimRows, builtinPowerCurve, builtinSharpEscape, builtinSmoothness, builtinSweep, builtinTable, builtinWellEscape } from './builtinResults.js';
import { sharpErrors, type SharpResults, type WellPoint } from './escapeBeyond.js';
import { escapeDifferenceSvg, escapeSvg, escapeTimesText } from './escapeRender.js';
import { EXACT_BELOW, fitOrder } from './orders.js';
import { SMOOTHNESS, smoothnessExponentsText, type Exponent, type SmoothnessSweep } from './smoothness.js';
import { exponentsText, type Sweep } from './sweep.js';
import { CASE_ALPHA, POWER_SETTING, type PowerCurve } from './recovery.js';

export interface Figure {
  title: string;
  svg: string;
  caption?: string;
}

type Point = { model: SdeModel; eta: number; error: number };

/** Reference slopes of the weak-error plots: the orders the claims predict (C14, C15, C17). */
const ORDER_GUIDES = [
  { order: 1, label: 'order 1 (∝ η)' },
  { order: 2, label: 'order 2 (∝ η²)' },
];

/** |error| against η, one series per model; errors below EXACT_BELOW (exact to working precision) are not drawn. `orders` replaces the caption's least-squares orders (C22: the certified ones). */
export async function errorFigure(name: string, claim: string, points: Point[], orders?: string): Promise<Figure> {
  const series: Series[] = SDE_MODELS.map((m) => {
    const ps = points.filter((p) => p.model === m && Math.abs(p.error) >= EXACT_BELOW).map((p) => ({ x: p.eta, y: Math.abs(p.error) }));
    return { name: ps.length ? m : `${m} (exact, not drawn)`, colour: MODEL_COLOURS[m], points: ps };
  });
  const fitted = SDE_MODELS.map((m) => {
    const ps = points.filter((p) => p.model === m);
    const o = fitOrder(ps.map((p) => p.eta), ps.map((p) => p.error)).order;
    return `${m} ${typeof o === 'number' ? o.toFixed(2) : o}`;
  }).join(', ');
  const title = `${claim}: |E u(X_T) − E u(x_K)| against η (${name})`;
  const svg = await lineChart({ title, x: { label: 'η', scale: 'log' }, y: { label: '|weak error|', scale: 'log' }, series, slopes: ORDER_GUIDES });
  return {
    title,
    svg,
    caption: `${orders ?? `Fitted orders: ${fitted}.`} Dashed lines: reference slopes 1 and 2. Errors that are exactly zero to working precision are not drawn on the log axis.`,
  };
}

/** C15's horizon sweep: |error|/η² against s (F_i → sF_i with ηs fixed), one series per model. */
export async function sweepFigure(name: string, claim: string, s: Sweep): Promise<Figure> {
  const series: Series[] = SDE_MODELS.map((m) => ({ name: m, colour: MODEL_COLOURS[m], points: s.points.map((p) => ({ x: p.lambda, y: p.constants[m]! })) }));
  const title = `${claim}: |error|/η² against the horizon scale s at ηs = ${s.kappa} (${name})`;
  const svg = await lineChart({ title, x: { label: 's (F_i → sF_i, horizon sT)', scale: 'log' }, y: { label: '|error| / η²', scale: 'log' }, series });
  return {
    title,
    svg,
    caption: `Scaling F_i → sF_i with ηs fixed runs the base problem to horizon sT (not a smoothness sweep; see C19). Fitted exponents in s: ${exponentsText(s)}.`,
  };
}

/** A curvature sweep's constants as the figures draw them (C19, C23). */
interface ConstantsSweep {
  points: { lambda: number; constants: Record<SdeModel, { value: number }> }[];
  exponents: Record<SdeModel, Exponent>;
}

/** |C| against the curvature scale on log–log axes, one series per model, fitted exponents in the caption (C19, C23). */
export async function constantsFigure(title: string, xLabel: string, s: ConstantsSweep, note: string): Promise<Figure> {
  const series: Series[] = SDE_MODELS.map((m) => ({ name: m, colour: MODEL_COLOURS[m], points: s.points.map((p) => ({ x: p.lambda, y: Math.abs(p.constants[m].value) })) }));
  const svg = await lineChart({ title, x: { label: xLabel, scale: 'log' }, y: { label: '|lim err/η²| (SME-1: err/η)', scale: 'log' }, series });
  return { title, svg, caption: `${note} Fitted exponents of |C| (± standard error): ${smoothnessExponentsText(s)}.` };
}

/** C19: |C(λ)| against λ at a fixed η range, horizon and noise, one series per model. */
function smoothnessFigure(s: SmoothnessSweep): Promise<Figure> {
  const title = `C19: error constant |C(λ)| against λ for f = λ·${s.family} (η = ${SMOOTHNESS.etas.join(', ')}, T = ${SMOOTHNESS.T})`;
  return constantsFigure(title, 'λ (curvature scale of f)', s, 'Richardson limits over η at fixed η range, horizon and noise.');
}

/** C20 (b): |escape-measure error| against t per model near the maximum of −cos. */
async function wellFigure(points: WellPoint[]): Promise<Figure> {
  const series: Series[] = SDE_MODELS.map((m) => ({ name: m, colour: MODEL_COLOURS[m], points: points.map((p) => ({ x: p.t, y: Math.abs(p.errors[m].value) })) }));
  const title = 'C20: escape-measure error against time near the maximum of −cos x (x0 = π − 0.1, η = 1/8)';
  const svg = await lineChart({ title, x: { label: 't = kη' }, y: { label: '|e_model − e_SGD|', scale: 'log' }, series });
  const last = points[points.length - 1];
  return { title, svg, caption: `Escape measure e = 1 − E exp(−(x − π)²/(2·0.5²)); SGD's rises to ${last.sgd.toFixed(3)} at t = ${last.t}. 1-D engine; its error bound is part of the check.` };
}

/** C20 (d): P_model,k − P_SGD,k against t = kη per model, one figure per double-well setting. */
export async function sharpFigures(sh: SharpResults): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const { setting, curves } of sh.wells) {
    const e = sharpErrors(curves);
    const { eta, steps } = setting.problem;
    const series: Series[] = SDE_MODELS.map((m) => ({ name: m, colour: MODEL_COLOURS[m], points: e[m].value.map((y, k) => ({ x: steps[k] * eta, y })) }));
    const title = `C20: sharp escape-probability error P(|x_k| > 0.5) − SGD's on the ${setting.name} (x0 = 0.1, η = ${eta})`;
    const svg = await lineChart({ title, x: { label: 't = kη' }, y: { label: 'P_model − P_SGD' }, series, rules: [{ y: 0 }] });
    const bound = Math.max(...SDE_MODELS.flatMap((m) => e[m].bound));
    const last = curves.sgd.probabilities[curves.sgd.probabilities.length - 1];
    figures.push({
      title,
      svg,
      caption: `f = λ(x²/4 − ½ log(1 + x²)), λ = ${setting.lambda}, σ = 0.5. SGD's escape probability rises to ${last.toFixed(3)}. Density engine (forward density, closed-form last step); largest engine bound ${bound.toExponential(1)}. HA-SME closest claimed for k ≤ ${setting.claimedUpTo}.`,
    });
  }
  return figures;
}

/** C21: rejection rate of the two-sample test against n per model (HA-SME: the laws agree, rate 0). */
export async function powerFigure(pc: PowerCurve): Promise<Figure> {
  const series: Series[] = pc.rows.map((r) => ({ name: r.model, colour: MODEL_COLOURS[r.model], points: r.rates.map((y, j) => ({ x: pc.sizes[j], y })) }));
  const title = `C21: two-sample test power against SGD's sampled law (η = ${POWER_SETTING.eta}, ${POWER_SETTING.steps} steps)`;
  const svg = await lineChart({ title, x: { label: 'n (samples per side)', scale: 'log' }, y: { label: `rejection rate at α = ${CASE_ALPHA}` }, series });
  const stated = pc.rows
    .filter((r) => r.model !== 'hasme')
    .map((r) => `${r.model} ${(100 * r.varianceGap[0]).toFixed(1)}% (KS distance ${r.ksDistance.toFixed(3)}${r.guaranteedN ? `, rejection guaranteed from n = ${r.guaranteedN}` : ''})`)
    .join(', ');
  return { title, svg, caption: `${pc.replicates} replicates per n (seed ${pc.seed}). Variance along H's top eigenvector relative to SGD's: ${stated}; HA-SME's law is SGD's (C4) and is never rejected.` };
}

/** All weak-error figures (computations shared with the checks when both run in one process). */
export async function weakFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [name, claim] of [['quad-d3', 'C14'], ['finite-sum-d2n4', 'C15']] as const) {
    const t = await builtinTable(name);
    figures.push(await errorFigure(name, claim, t.rows.map((r) => ({ model: r.model, eta: Number(r.eta), error: Number(r.error) }))));
  }
  for (const name of ['logcosh', 'cos']) figures.push(await errorFigure(name, 'C17', await builtinOneDimRows(name)));
  figures.push(await sweepFigure('finite-sum-d2n4', 'C15', await builtinSweep('finite-sum-d2n4')));
  for (const s of await builtinSmoothness()) figures.push(await smoothnessFigure(s));
  figures.push(await wellFigure(await builtinWellEscape()));
  figures.push(...(await sharpFigures(await builtinSharpEscape())));
  figures.push(await powerFigure(await builtinPowerCurve()));
  const esc = await builtinEscape('saddle-d2');
  figures.push({ title: 'C16: escape curves on saddle-d2', svg: await escapeSvg(esc), caption: `Relative escape-time errors against SGD: ${escapeTimesText(esc)}.` });
  figures.push({
    title: 'C16: escape curves minus SGD’s on saddle-d2',
    svg: await escapeDifferenceSvg(esc),
    caption: 'HA-SME’s curve equals SGD’s (zero difference); SME-1, SME-2 and SPF escape early.',
  });
  figures.push(...(await (await import('./twoDimFigures.js')).twoDimFigures()));
  return figures;
}
