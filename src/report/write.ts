/** Writes DIR/report.md, DIR/report.json, DIR/report.html and DIR/figures/*.svg. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomicWrite.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { Figure, ReportData } from './model.js';

/** Creates DIR and DIR/figures (throws if that is impossible, e.g. DIR is a file). */
export async function prepareReportDir(dir: string): Promise<void> {
  await mkdir(join(dir, 'figures'), { recursive: true });
}

/** Writes the report files into `dir` (created if needed) and returns the paths written. */
export async function writeReport(dir: string, report: ReportData, figures: readonly Figure[]): Promise<{ documents: string[]; figures: string[] }> {
  await prepareReportDir(dir);
  const figureFiles = figures.map((f): [string, string] => [join(dir, 'figures', `${f.name}.svg`), f.svg]);
  const documents: [string, string][] = [
    [join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`],
    [join(dir, 'report.md'), renderMarkdown(report)],
    [join(dir, 'report.html'), renderHtml(report, figures)],
  ];
  for (const [path, text] of [...figureFiles, ...documents]) await writeFileAtomic(path, text);
  return { documents: documents.map(([p]) => p), figures: figureFiles.map(([p]) => p) };
}
