/** Builds a report: runs the checks, makes the figures, assembles the ReportData. */
import type { ClaimCheck, ClaimId } from '../claims/types.js';
import { summarize, type Figure, type ReportData } from './model.js';
import type { ProgressSink } from './progress.js';
import { claimTests, packageVersion } from './packageFiles.js';
import { runChecks } from './run.js';

/** Figures plus the reasons any of them could not be made. */
export interface FigureSet {
  figures: Figure[];
  problems: string[];
}

export interface ReportSources {
  /** The claim checks in run order (the registry, src/claims/registry.ts, by default). */
  checks: readonly ClaimCheck[];
  /** Makes the figures (src/report/figures.ts by default). */
  figures: () => Promise<FigureSet>;
  progress?: ProgressSink;
}

/**
 * Runs every check (or only `claims`) at budget `runs` with `seed`, makes the figures (full runs
 * only: a partial run is a replay, and the weak-error figures alone cost as much as their checks),
 * and returns the report.
 */
export async function buildReport(
  options: { runs: number; seed: number; claims?: ClaimId[] },
  sources: ReportSources,
): Promise<{ report: ReportData; figures: Figure[] }> {
  const t0 = performance.now();
  const tests = claimTests();
  const rows = await runChecks(sources.checks, { runs: options.runs, seed: options.seed, only: options.claims, progress: sources.progress });
  const claims = rows.map((r) => (tests[r.id] ? { ...r, tests: tests[r.id] } : r));
  const { figures, problems } = options.claims ? { figures: [], problems: [] } : await sources.figures();
  const report: ReportData = {
    version: packageVersion(),
    seed: options.seed,
    runs: options.runs,
    ...(options.claims ? { only: options.claims } : {}),
    durationMs: performance.now() - t0,
    node: process.version,
    summary: summarize(claims),
    claims,
    figures: figures.map((f) => ({ name: f.name, title: f.title, caption: f.caption, file: `figures/${f.name}.svg` })),
    problems,
  };
  return { report, figures };
}
