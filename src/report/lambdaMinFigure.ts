/**
 * Figure (b) of the report: λmin(Σ̃) against η in regime R for three 2×2 pairs with the same H:
 * commuting (C5: never negative), non-commuting with Σ ≻ 0 but ill-conditioned (C6: PSD for small
 * η, indefinite past some η₀) and rank-deficient Σ = vvᵀ (C7: indefinite for every η > 0).
 * Values come from the double library's diagnostics (src/index.ts).
 */
import { coefficients } from '../index.js';
import { seriesColour } from '../plot/palette.js';
import { lineChart } from '../plot/svg.js';
import type { Figure } from './model.js';

type Mat = number[][];

/** The three pairs; H = diag(1, 0.2) so regime R is η < 1. */
const H: Mat = [
  [1, 0],
  [0, 0.2],
];
export const LAMBDA_MIN_PAIRS: { name: string; Sigma: Mat; lambdaMaxSigma: number }[] = [
  { name: 'commuting', Sigma: [[1, 0], [0, 0.5]], lambdaMaxSigma: 1 },
  // R(π/4) diag(1, 0.01) R(π/4)ᵀ: eigenvalues 1 and 0.01, eigenvectors at 45° to H's.
  { name: 'non-commuting', Sigma: [[0.505, 0.495], [0.495, 0.505]], lambdaMaxSigma: 1 },
  // spec/claims.md C7's example: Σ = vvᵀ with v = (1, 1)/√2.
  { name: 'rank-deficient', Sigma: [[0.5, 0.5], [0.5, 0.5]], lambdaMaxSigma: 1 },
];

/**
 * Constant c of the symmetric-log axis sign(r)·ln(1 + |r|/c): |r| ≫ c is logarithmic, |r| ≪ c is
 * flattened onto 0. c is near the double rounding level of λmin/λmax(Σ), below which the
 * library's λmin is noise.
 */
export const SYMLOG_C = 1e-15;

/** Axis ticks in units of r: 0 and ±10^−k every third decade down to c·1000. */
export const SYMLOG_TICKS = [0, ...[0, 3, 6, 9, 12].flatMap((k) => [10 ** -k, -(10 ** -k)])];

/** η from 1e-4 to 0.99 (regime R of H = diag(1, 0.2)), log-spaced. */
export function etaGrid(n = 60): number[] {
  return Array.from({ length: n }, (_, i) => 10 ** (-4 + (i * Math.log10(0.99 / 1e-4)) / (n - 1)));
}

/** r = λmin(Σ̃)/λmax(Σ) at each η for each pair, from the library's diagnostics. */
export function lambdaMinCurves(etas: readonly number[]): { name: string; points: { eta: number; r: number }[] }[] {
  return LAMBDA_MIN_PAIRS.map((p) => ({
    name: p.name,
    points: etas.map((eta) => {
      const lam = coefficients(H, p.Sigma, eta).diagnostics.lambdaMinDiffusion;
      if (lam === null) throw new Error(`no λmin(Σ̃) for the ${p.name} pair at η = ${eta}`);
      return { eta, r: lam / p.lambdaMaxSigma };
    }),
  }));
}

/** Where a curve changes sign between resolved values (|r| ≥ c; smaller ones are rounding noise). */
export function signChanges(points: readonly { eta: number; r: number }[]): [number, number][] {
  const resolved = points.filter((q) => Math.abs(q.r) >= SYMLOG_C);
  const out: [number, number][] = [];
  for (let i = 1; i < resolved.length; i++) {
    if (Math.sign(resolved[i].r) !== Math.sign(resolved[i - 1].r)) out.push([resolved[i - 1].eta, resolved[i].eta]);
  }
  return out;
}

/** Figure (b): λmin(Σ̃)/λmax(Σ) against η, symmetric-log y axis labelled in units of r. */
export async function lambdaMinFigure(): Promise<Figure> {
  const curves = lambdaMinCurves(etaGrid());
  const changes = curves.flatMap((c) => signChanges(c.points).map(([a, b]) => `${c.name}, between η = ${a.toPrecision(3)} and ${b.toPrecision(3)}`));
  const series = curves.map((c, i) => ({ name: c.name, colour: seriesColour(i), points: c.points.map((q) => ({ x: q.eta, y: q.r })) }));
  const svg = await lineChart({
    title: 'λmin(Σ̃) against η, H = diag(1, 0.2)',
    x: { label: 'η (log scale)', scale: 'log' },
    y: { label: 'r = λmin(Σ̃)/λmax(Σ), symmetric log', scale: { symlog: SYMLOG_C }, ticks: SYMLOG_TICKS },
    series,
    rules: [{ y: 0 }],
    width: 560,
  });
  return {
    name: 'lambda-min',
    title: 'λmin(Σ̃) against η: commuting, non-commuting and rank-deficient Σ',
    caption:
      `r = λmin(Σ̃)/λmax(Σ) from the double library, drawn on a symmetric-log axis sign(r)·ln(1 + |r|/c) with c = ${SYMLOG_C} ` +
      `and labelled in units of r: |r| ≫ c reads logarithmically, |r| below c (double rounding) is flattened onto the dashed line r = 0. ` +
      `Above the line Σ̃ ⪰ 0, below it Σ̃ is indefinite. H = diag(1, 0.2) (regime R for η < 1); commuting: Σ = diag(1, 0.5); ` +
      `non-commuting (Σ ≻ 0, κ(Σ) = 100): Σ = R(π/4) diag(1, 0.01) R(π/4)ᵀ = [[0.505, 0.495], [0.495, 0.505]]; rank-deficient: Σ = ½[[1, 1], [1, 1]] (spec/claims.md C7). Expected: commuting pair never below (C5); Σ ≻ 0 above for small η (C6); ` +
      `rank-deficient Σ below for every η (C7). Sign changes seen: ${changes.length ? changes.join('; ') : 'none'}.`,
    svg,
  };
}
