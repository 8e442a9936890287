/**
 * `hasme report`: runs every claim's checks, prints the claims table (or report.json with
 * --json), writes DIR/report.{md,json,html} and DIR/figures/*.svg, and returns the exit code
 * (1 if any claim that ran fails; see reportExitCode).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { colorEnabled } from '../cli/color.js';
import { buildReport, type ReportSources } from './build.js';
import { counterexampleLine, formatDuration, reportCommandLine, summaryLine } from './format.js';
import { reportExitCode, withoutTimings } from './model.js';
import { resolveReportOptions, type ReportFlags } from './options.js';
import { progressFor } from './progress.js';
import { renderTable } from './table.js';
import { prepareReportDir, writeReport } from './write.js';

/** Streams the command writes to (injectable for tests). */
export interface ReportIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
}

/** The default sources: the claims registry and the report's figures, loaded lazily. */
async function defaultSources(): Promise<Omit<ReportSources, 'progress'>> {
  const [{ CLAIM_CHECKS }, { reportFigures }] = await Promise.all([import('../claims/registry.js'), import('./figures.js')]);
  return { checks: CLAIM_CHECKS, figures: reportFigures };
}

/** Exit code when the report could not be written (bad --out). */
export const EXIT_NOT_WRITTEN = 2;

/**
 * Runs the report command; returns the process exit code: 0 no claim that ran fails, 1 some claim
 * fails, 2 the report directory cannot be written (checked before the checks run, so a bad --out
 * fails fast).
 */
export async function reportCommand(
  flags: ReportFlags,
  io: ReportIo = { stdout: process.stdout, stderr: process.stderr },
  sources?: Omit<ReportSources, 'progress'>,
): Promise<number> {
  const options = resolveReportOptions(flags);
  const t0 = performance.now();
  const cannotWrite = (err: unknown) => {
    io.stderr.write(`hasme report: cannot write the report to ${displayPath(options.outDir)}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_NOT_WRITTEN;
  };
  try {
    await prepareReportDir(options.outDir);
  } catch (err) {
    return cannotWrite(err);
  }
  const built = await buildReport(options, { ...(sources ?? (await defaultSources())), progress: progressFor(io.stderr) });
  const report = options.timings ? built.report : withoutTimings(built.report);
  const { figures } = built;
  if (options.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    // A --claims replay shows only the claims it ran; every counterexample in full (seed and path).
    const shown = report.only ? report.claims.filter((r) => report.only!.includes(r.id)) : report.claims;
    io.stdout.write(`${renderTable({ claims: shown }, { width: io.stdout.columns, color: colorEnabled(io.stdout) })}\n`);
    for (const r of shown) if (r.counterexample) io.stdout.write(`${r.id} counterexample: ${counterexampleLine(r.counterexample)}\n`);
    io.stdout.write(`${summaryLine(report)}\n`);
  }
  const info = options.json ? io.stderr : io.stdout;
  for (const p of report.problems) io.stderr.write(`hasme report: ${p}\n`);
  let written: Awaited<ReturnType<typeof writeReport>>;
  try {
    written = await writeReport(options.outDir, report, figures);
  } catch (err) {
    return cannotWrite(err);
  }
  info.write(`Wrote ${written.documents.map(displayPath).join(', ')} and ${written.figures.length} figures.\n`);
  io.stderr.write(`hasme report: ${formatDuration(performance.now() - t0)} in total\n`);
  const code = reportExitCode(report);
  if (code !== 0) {
    const failing = report.claims.filter((r) => r.status === 'fails').map((r) => r.id);
    info.write(`${failing.length} claim(s) fail (${failing.join(', ')}): exit code ${code}. Replay: ${reportCommandLine(report, failing.join(','))}\n`);
  }
  return code;
}
