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

/** Diverging scale for signed quantities (red < 0 < blue, white at 0); domain always symmetric. */
export const DIVERGING_SCHEME = 'redblue';

/** Sequential scale for unsigned quantities (log errors, distances). */
export const SEQUENTIAL_SCHEME = 'viridis';
