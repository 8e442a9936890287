/**
 * Every colour the figures use, in one place: one colour per model in every plot (Okabe–Ito,
 * readable with the common colour-vision deficiencies), the regime colours of the maps, and
 * colours for series that are not models (never a model's colour, so a colour always means one
 * model).
 */
import type { Model } from '../formats/types.js';

/** One colour per model (spec/models.md §1–§2), the same in every figure. */
export const MODEL_COLOURS: Readonly<Record<Model, string>> = {
  sgd: '#000000',
  sme1: '#e69f00',
  sme2: '#56b4e9',
  spf: '#009e73',
  hasme: '#d55e00',
};

/** Regimes R/X/S (spec/models.md §3–§6). */
export const REGIME_COLOURS = { R: '#4c78a8', X: '#f58518', S: '#7f7f7f' } as const;

/** Regime with R split by the sign of λmin(Σ̃) (C4–C7): the colours of every PSD-status map. */
export const PSD_STATUS_COLOURS = {
  'R, Σ̃ ⪰ 0': REGIME_COLOURS.R,
  'R, Σ̃ indefinite': '#c0392b',
  X: REGIME_COLOURS.X,
  S: REGIME_COLOURS.S,
} as const;

/** Series that are not models (e.g. the three Σ of the λmin figure, explorer rows), in order. */
const OTHER_SERIES = ['#0072b2', '#cc79a7', '#8c564b', '#6a3d9a', '#17becf', '#bcbd22'];

/** The colour of the i-th non-model series (cycles past the end of the list). */
export function seriesColour(i: number): string {
  return OTHER_SERIES[i % OTHER_SERIES.length];
}

/** Reference lines and guides (slopes, y = 0): drawn under the data, never in the legend. */
export const GUIDE_COLOUR = '#666666';

/** Diverging scale for signed quantities, low to high (red < 0 < blue, near-white at 0; ColorBrewer RdBu). */
export const DIVERGING_STOPS = ['#8c0d25', '#bf363a', '#df745e', '#f4ae91', '#fbdbc9', '#f2efee', '#d2e5ef', '#9dcae1', '#5da2cb', '#2f78b3', '#134b85'];

/** Sequential scale for unsigned quantities (log errors, distances), low to high (viridis). */
export const SEQUENTIAL_STOPS = ['#440154', '#482575', '#414487', '#35608d', '#2a788e', '#21918d', '#22a884', '#43bf71', '#7ad151', '#bcdf27', '#fde725'];

/** The colour at t ∈ [0, 1] of a scale given by evenly spaced stops (linear in RGB between stops), as #rrggbb. */
export function scaleColour(stops: readonly string[], t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = hexRgb(stops[i]);
  const b = hexRgb(stops[i + 1]);
  return `#${a.map((c, k) => Math.round(c + (b[k] - c) * f).toString(16).padStart(2, '0')).join('')}`;
}

function hexRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
