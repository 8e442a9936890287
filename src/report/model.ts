/**
 * The data of one claims report: what report.json holds and what the table, report.md and
 * report.html render. Built once by the runner, rendered by pure functions.
 */
import type { ClaimOutcome, ClaimStatus } from '../claims/types.js';
import type { ClaimTest } from './packageFiles.js';

/** One row of the report: a claim's settled outcome plus what the table needs. */
export interface ClaimRow extends ClaimOutcome {
  /** Short statement (the check's title). */
  title: string;
  /** Wall time of the claim's checks in milliseconds (0 when nothing ran). */
  durationMs: number;
  /** The vitest tests that check this claim (spec/claims.json), for replay commands. */
  tests?: ClaimTest[];
}

/** A row as written to the outputs: the wall time only with --timings. */
export type ReportRow = Omit<ClaimRow, 'durationMs'> & { durationMs?: number };

/** A figure as listed in report.json; the SVG itself lives in figures/<name>.svg. */
export interface FigureEntry {
  /** File-name stem, e.g. `regime-map` (figures/regime-map.svg). */
  name: string;
  title: string;
  caption: string;
  /** Path relative to the report directory. */
  file: string;
}

/** A rendered figure: its entry plus the standalone SVG text. */
export interface Figure extends Omit<FigureEntry, 'file'> {
  svg: string;
}

export interface ReportSummary {
  total: number;
  holds: number;
  fails: number;
  notRun: number;
}

/** The content of report.json (schema: spec/schemas/report.schema.json). */
export interface ReportData {
  /** hasme-verify package version that produced the report. */
  version: string;
  seed: number;
  runs: number;
  /** Present when the run was restricted with --claims: the claims that were run. */
  only?: string[];
  /** Wall time of the whole run (checks and figures) in milliseconds; outputs carry it only with --timings. */
  durationMs?: number;
  node: string;
  summary: ReportSummary;
  /** One row per claim C1–C17, in catalogue order. */
  claims: ReportRow[];
  figures: FigureEntry[];
  /** Things that went wrong outside the claims (a figure that could not be made, ...). */
  problems: string[];
}

/**
 * The report without wall times: what is written and printed by default, so identical inputs give
 * byte-identical outputs (timings go to stderr; `--timings` keeps them).
 */
export function withoutTimings(report: ReportData): ReportData {
  const { durationMs: _total, ...rest } = report;
  return { ...rest, claims: report.claims.map(({ durationMs: _ms, ...row }) => row) };
}

/** Counts rows by status. */
export function summarize(rows: readonly { status: ClaimStatus }[]): ReportSummary {
  const count = (s: ClaimStatus) => rows.filter((r) => r.status === s).length;
  return { total: rows.length, holds: count('holds'), fails: count('fails'), notRun: count('not-run') };
}

/**
 * Process exit code of a report: 1 if any claim whose checks ran fails, else 0. `not-run` rows do
 * not fail the run (they are listed as such), so a missing engine is visible but not an error.
 */
export function reportExitCode(report: Pick<ReportData, 'summary'>): number {
  return report.summary.fails > 0 ? 1 : 0;
}
