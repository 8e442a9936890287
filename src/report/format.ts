/** Small text formatters shared by the table, report.md and report.html. */
import type { Counterexample } from '../claims/types.js';
import type { ClaimRow, ReportData } from './model.js';

/** Milliseconds as seconds with one decimal ("12.3 s"). */
export function formatDuration(ms: number | undefined): string {
  return ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

/** Worst error in 3 significant digits, or an em dash when there is none. */
export function formatError(x: number | null): string {
  return x === null ? '—' : x.toExponential(2);
}

/** Worst error/tolerance ratio in 2 significant digits (the margin: < 1 holds), or an em dash. */
export function formatRatio(x: number | null | undefined): string {
  return typeof x === 'number' ? x.toExponential(1) : '—';
}

/** Total skipped cases, or an em dash when the check does not count skips. */
export function formatSkipped(skipped: Record<string, number> | undefined): string {
  return skipped ? String(Object.values(skipped).reduce((a, b) => a + b, 0)) : '—';
}

/** Skipped cases by reason as "reason: n; reason: n", or '' when none. */
export function skippedText(skipped: Record<string, number> | undefined): string {
  return Object.entries(skipped ?? {})
    .map(([reason, n]) => `${reason}: ${n}`)
    .join('; ');
}

/** "17 claims: 12 hold, 1 fail, 4 not run · seed 20240528 · runs 100 · 84.2 s" (+ "· only C3, C13") */
export function summaryLine(r: Pick<ReportData, 'summary' | 'seed' | 'runs' | 'durationMs' | 'only'>): string {
  const s = r.summary;
  const only = r.only ? ` · only ${r.only.join(', ')}` : '';
  return `${s.total} claims: ${s.holds} hold, ${s.fails} fail, ${s.notRun} not run · seed ${r.seed} · runs ${r.runs}${only}${r.durationMs === undefined ? '' : ` · ${formatDuration(r.durationMs)}`}`;
}

/** The command that reruns this report (or, with `id`, that one claim) at the same seed and budget. */
export function reportCommandLine(r: Pick<ReportData, 'seed' | 'runs' | 'only'>, id?: string): string {
  const claims = id ?? r.only?.join(',');
  return `npx hasme report${claims ? ` --claims ${claims}` : ''} --seed ${r.seed} --runs ${r.runs}`;
}

/** The counterexample in one line: description, seed and fast-check path. */
export function counterexampleLine(cx: Counterexample): string {
  return `${cx.description} (seed ${cx.seed}${cx.path ? `, path ${cx.path}` : ''})`;
}

/**
 * Commands that replay a claim: its report row, and the vitest tests listed for it in
 * spec/claims.json at the counterexample's seed and the report's budget (test names start with
 * "<id>:", which `-t` selects without catching C1x when replaying C1).
 */
export function replayCommands(row: Pick<ClaimRow, 'id' | 'counterexample' | 'tests'>, r: Pick<ReportData, 'seed' | 'runs'>): string[] {
  const cmds = [reportCommandLine(r, row.id)];
  if (row.counterexample) {
    const files = [...new Set((row.tests ?? []).map((t) => t.file))];
    cmds.push(`HASME_SEED=${row.counterexample.seed} HASME_RUNS=${r.runs} npx vitest run ${files.join(' ')}${files.length ? ' ' : ''}-t "${row.id}:"`);
  }
  return cmds;
}

/**
 * What the last table column shows: the counterexample, else (fails / not-run) the notes, cut to
 * `maxLength` characters; the full text is in the report's Counterexamples and Notes sections.
 */
export function reasonCell(row: Pick<ClaimRow, 'counterexample' | 'status' | 'notes'>, maxLength = 160): string {
  const text = row.counterexample ? counterexampleLine(row.counterexample) : row.status === 'holds' ? '' : row.notes;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Coverage counts as "R 120 · X 60 · S 20", or '' when the check reported none. */
export function coverageText(row: Pick<ClaimRow, 'coverage'>): string {
  return Object.entries(row.coverage ?? {})
    .map(([label, n]) => `${label} ${n}`)
    .join(' · ');
}

/** How to read the worst-error column, stated under every table. */
export const WORST_ERROR_NOTE =
  "Worst error is each claim's own oracle measure; its units and sign convention are stated in the claim's notes. Err/tol is the worst ratio of an error to the tolerance it was judged against (below 1: the margin by which the claim holds). Cases counts the cases that asserted the claim; Skipped counts generated cases that asserted nothing (reasons in the notes). Indented rows ↳ are the verdicts of each implementation checked (the decimal reference and the double library).";

/** What the exit code means, stated in every report. */
export const EXIT_CODE_NOTE =
  'Exit code of hasme report: 1 if any claim whose checks ran fails, 0 otherwise (not-run claims do not fail the run); 2 on bad flags or an unwritable output directory.';
