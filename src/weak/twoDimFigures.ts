/**
 * C22's figures (spec/weak.md §11): |weak error| against η on each 2-D built-in, and the map of
 * λ_min(Σ̃(x)) over the engine's domain (HA-SME is a real SDE only where it is ≥ 0), for ridges-d2 at
 * its largest η and for the same f with a nearly singular Σ at η = 0.3, where the map has a
 * negative region and the engine refuses HA-SME.
 */
import { builtinProblem } from '../problems/builtin.js';
import type { SdeModel } from '../formats/types.js';
import type { TwoDimProblem } from '../problems/types.js';
import { heatmap, type HeatCell } from '../plot/svg.js';
import { builtinTwoDimRows, builtinTwoDimSweep } from './builtinResults.js';
import { constantsFigure, errorFigure, type Figure } from './figures.js';
import { modelOrder } from './smoothness.js';
import { hasmeLambdaMinMap } from './twoDim.js';
import { C22_BUILTINS, twoDimVerdicts } from './twoDimClaim.js';
import type { TwoDimRow } from './twoDim.js';
import { TWOD_SWEEP } from './twoDimSweep.js';

/** The nearly singular Σ of the second map (eigenvalues 0.9999 and 1e-4, at 45° to the axes). */
export const NEAR_SINGULAR_SIGMA = [['0.5', '0.4999'], ['0.4999', '0.5']];

async function lambdaMinMapFigure(p: TwoDimProblem, eta: number, label: string): Promise<Figure> {
  // 0.2: about 1 400 cells, ≈ 95 kB of SVG per map.
  const spacing = 0.2;
  const map = hasmeLambdaMinMap(p, eta, spacing);
  const cells: HeatCell[] = map.x.flatMap((x, i) => map.y.map((y, j) => ({ x: [x - spacing / 2, x + spacing / 2] as [number, number], y: [y - spacing / 2, y + spacing / 2] as [number, number], value: map.lambdaMin[i][j] })));
  const values = map.lambdaMin.flat();
  const lo = Math.min(...values);
  const negative = values.filter((v) => v < 0).length;
  const title = `C22: λ_min(Σ̃(x)) over the 2-D engine's domain (${label}, η = ${eta})`;
  const svg = await heatmap({ title, x: { label: 'x₁' }, y: { label: 'x₂' }, cells, valueLabel: 'λ_min(Σ̃(x))', colour: { kind: 'diverging' } });
  return {
    title,
    svg,
    caption:
      `HA-SME's diffusion Σ̃(∇²f(x), Σ) from the library at every point (spacing ${spacing}); smallest value ${lo.toExponential(3)}, ` +
      (negative ? `negative at ${negative} of ${values.length} points: the SDE is not real there, and the engine refuses HA-SME for this problem.` : 'positive everywhere: HA-SME is a real SDE on the whole domain.'),
  };
}

/**
 * The caption's orders: certified ones (err/η^p → C by Richardson, as C22 judges them), and the
 * least-squares slope over the finest three η next to it, since the slope over all four is
 * pre-asymptotic for SME-1 (its η and η² terms nearly cancel near η = 0.05).
 */
function certifiedOrdersText(rows: readonly TwoDimRow[]): string {
  const verdicts = twoDimVerdicts(rows);
  const text = Object.entries(verdicts).map(([m, v]) => {
    const order = v.verdict === 'holds' && v.constant ? `order ${modelOrder(m as SdeModel)} (C = ${v.constant.value.toPrecision(3)})` : v.verdict;
    const finest = v.fit.localSlopes.slice(0, 2);
    return `${m} ${order}, local slopes ${finest.map((x) => x.toFixed(2)).join(', ')}`;
  });
  return `Certified orders (lim err/η^p by Richardson with the engine's error, spec/weak.md §4) and the local slopes of the two finest halvings (finest first): ${text.join('; ')}.`;
}

/** The C22 and C23 figures. */
export async function twoDimFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const name of C22_BUILTINS) {
    const rows = await builtinTwoDimRows(name);
    figures.push(await errorFigure(name, 'C22', rows, certifiedOrdersText(rows)));
  }
  const p = builtinProblem('ridges-d2') as TwoDimProblem;
  figures.push(await lambdaMinMapFigure(p, Number(p.etas[0]), 'ridges-d2'));
  figures.push(await lambdaMinMapFigure({ ...p, Sigma: NEAR_SINGULAR_SIGMA }, 0.3, 'ridges-d2 f with Σ = [[0.5, 0.4999], [0.4999, 0.5]]'));
  const sweep = await builtinTwoDimSweep();
  const title = `C23: error constant |C(s)| against s for f_s = s·f of ${sweep.builtin} (η = ${TWOD_SWEEP.etas.join(', ')}, T = ${TWOD_SWEEP.T})`;
  // Constants zero within their error estimate: a dip on the log axis is a sign change, not a small constant.
  const nearZero = sweep.points.flatMap((pt) => Object.entries(pt.constants).filter(([, c]) => Math.abs(c.value) <= c.error).map(([m, c]) => `${m} at s = ${pt.lambda} (${c.value.toPrecision(2)} ± ${c.error.toPrecision(2)})`));
  const note = `Richardson limits over η with the 2-D engine's error propagated; Σ, x0 and the test function fixed.${nearZero.length ? ` Zero within the error estimate, so the dip is a sign change of C(s): ${nearZero.join(', ')}.` : ''}`;
  figures.push(await constantsFigure(title, 's (curvature scale of f)', sweep, note));
  return figures;
}
