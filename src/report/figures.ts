/**
 * The report's figures: (a) the rotated 2×2 regime and PSD-margin maps, (b) λmin(Σ̃) against η,
 * (c) the weak-error figures of C14–C17. Each is made independently; one that cannot be made
 * becomes a line under "Problems" instead of stopping the report.
 */
import type { FigureSet } from './build.js';
import type { Figure } from './model.js';

/** A file-name stem from a title: lower case, ASCII letters and digits joined by dashes. */
export function slug(text: string, max = 48): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** The weak-error engines' figures (C14–C17, src/weak/figures.ts), named weak-NN-<title>. */
async function weakFigures(): Promise<Figure[]> {
  const figures = await (await import('../weak/figures.js')).weakFigures();
  return figures.map((f, i) => ({ name: `weak-${String(i + 1).padStart(2, '0')}-${slug(f.title)}`, title: f.title, caption: f.caption ?? '', svg: f.svg }));
}

const MAKERS: [string, () => Promise<Figure[]>][] = [
  ['regime map (rotated 2×2)', async () => (await import('./regimeFigures.js')).regimeFigures()],
  ['λmin(Σ̃) against η', async () => [await (await import('./lambdaMinFigure.js')).lambdaMinFigure()]],
  ['weak-error figures (C14–C17)', weakFigures],
];

/** Makes every figure; failures are collected as problems. */
export async function reportFigures(): Promise<FigureSet> {
  const figures: Figure[] = [];
  const problems: string[] = [];
  for (const [label, make] of MAKERS) {
    try {
      figures.push(...(await make()));
    } catch (err) {
      problems.push(`figure "${label}" could not be made: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { figures, problems };
}
