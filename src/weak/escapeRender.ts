/**
 * Output of `hasme escape`: the escape-time table (readable), the JSON document, and the SVG of
 * the curves P(|vᵀx_k| > r) against k.
 */
import Table from 'cli-table3';
import { MODEL_COLOURS } from '../plot/palette.js';
import { lineChart } from '../plot/svg.js';
import type { EscapeResult } from './escape.js';

/** "sgd 0.00e+0, sme1 -1.20e-1, ...": relative escape-time errors against SGD ("none": no escape). */
export function escapeTimesText(r: EscapeResult): string {
  return r.curves.map((c) => `${c.model} ${c.relativeError === null ? 'none' : c.relativeError.toExponential(2)}`).join(', ');
}

export function renderEscapeTable(r: EscapeResult): string {
  const table = new Table({ style: { head: [], border: [] }, head: ['model', 'escape step k*', 'escape time k*η', 'relative error vs SGD'] });
  for (const c of r.curves) {
    table.push([
      c.model,
      c.escapeStep === null ? 'none' : c.escapeStep.toFixed(4),
      c.escapeStep === null ? '' : (c.escapeStep * r.eta).toFixed(5),
      c.relativeError === null ? '' : c.relativeError.toExponential(3),
    ]);
  }
  const dir = r.v.map((x) => x.toFixed(6)).join(', ');
  return [
    `unstable direction v = (${dir}), eigenvalue a = ${r.eigenvalue.toPrecision(8)}, η = ${r.eta}, r = ${r.radius}`,
    'escape step: first (linearly interpolated) k with P(|vᵀx_k| > r) ≥ 1/2; Gaussian marginals from exact moments',
    table.toString(),
  ].join('\n');
}

export function escapeJson(r: EscapeResult): Record<string, unknown> {
  return {
    eigenvalue: r.eigenvalue,
    v: r.v,
    eta: r.eta,
    radius: r.radius,
    curves: Object.fromEntries(r.curves.map((c) => [c.model, c.probability])),
    escape: r.curves.map((c) => ({ model: c.model, step: c.escapeStep, relativeError: c.relativeError })),
  };
}

/** At most ~60 points per series (every k would make a multi-megabyte SVG for long curves). */
function thinned(values: readonly number[]): { x: number; y: number }[] {
  const every = Math.max(1, Math.ceil(values.length / 60));
  return values.map((y, x) => ({ x, y })).filter((p) => p.x % every === 0 || p.x === values.length - 1);
}

/** The curves P(|vᵀx_k| > r) against k: SGD as points, each model as a line (HA-SME's runs through SGD's points, C16). */
export function escapeSvg(r: EscapeResult): Promise<string> {
  return lineChart({
    title: `P(|vᵀx_k| > ${r.radius}) along the unstable direction (η = ${r.eta}, a = ${r.eigenvalue.toPrecision(4)})`,
    x: { label: 'step k' },
    y: { label: 'probability' },
    series: r.curves.map((c) => ({ name: c.model, colour: MODEL_COLOURS[c.model], points: thinned(c.probability), pointsOnly: c.model === 'sgd' })),
    rules: [{ y: 0.5 }],
  });
}

/** Each model's curve minus SGD's (HA-SME's is identically zero, C16). */
export function escapeDifferenceSvg(r: EscapeResult): Promise<string> {
  const sgd = r.curves[0].probability;
  return lineChart({
    title: `P_model − P_SGD along the unstable direction (η = ${r.eta})`,
    x: { label: 'step k' },
    y: { label: 'probability difference' },
    series: r.curves.slice(1).map((c) => ({ name: c.model, colour: MODEL_COLOURS[c.model], points: thinned(c.probability.map((p, k) => p - sgd[k])) })),
    rules: [{ y: 0 }],
  });
}
