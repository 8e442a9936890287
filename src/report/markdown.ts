/** report.md: the report for people reading it in a repository or an editor. */
import {
  counterexampleLine,
  coverageText,
  EXIT_CODE_NOTE,
  WORST_ERROR_NOTE,
  formatDuration,
  formatError,
  formatRatio,
  formatSkipped,
  reasonCell,
  replayCommands,
  reportCommandLine,
  skippedText,
  summaryLine,
} from './format.js';
import type { ReportData } from './model.js';

/** Makes text safe inside a Markdown table cell. */
function cell(text: string | number): string {
  return String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

const STATUS_MARK = { holds: '✅ holds', fails: '❌ fails', 'not-run': '⚪ not-run' } as const;

/** Renders report.md; figures are linked as figures/<name>.svg next to it. */
export function renderMarkdown(report: ReportData): string {
  const out: string[] = [];
  out.push('# HA-SME claims report', '');
  out.push(`**${summaryLine(report)}**`, '');
  out.push(`hasme-verify ${report.version}, Node ${report.node}.`);
  out.push(`Replay this run: \`${reportCommandLine(report)}\`. Claims: spec/claims.md / spec/claims.md.`, '');
  if (report.figures.length) out.push(`Figures (below): ${report.figures.map((f) => `[${f.title}](${f.file})`).join(' · ')}.`, '');

  out.push('## Claims', '');
  out.push('| Claim | Statement | Status | Cases | Skipped | Worst error | Err/tol | Time | Counterexample / reason |');
  out.push('|---|---|---|--:|--:|--:|--:|--:|---|');
  for (const r of report.claims) {
    out.push(
      `| ${r.id} | ${cell(r.title)} | ${STATUS_MARK[r.status]} | ${r.cases} | ${formatSkipped(r.skipped)} | ${formatError(r.worstError)} | ${formatRatio(r.worstRatio)} | ${formatDuration(r.durationMs)} | ${cell(reasonCell(r))} |`,
    );
    for (const p of r.parts ?? []) {
      const reason = p.counterexample ? counterexampleLine(p.counterexample) : '';
      out.push(`| ↳ | ${cell(p.implementation)} | ${STATUS_MARK[p.status]} | ${p.cases} | ${formatSkipped(p.skipped)} | ${formatError(p.worstError)} | ${formatRatio(p.worstRatio)} | | ${cell(reason)} |`);
    }
  }
  out.push('', WORST_ERROR_NOTE, EXIT_CODE_NOTE, '');

  const failing = report.claims.filter((r) => r.counterexample);
  if (failing.length) {
    out.push('## Counterexamples', '');
    for (const r of failing) {
      const cx = r.counterexample!;
      out.push(`### ${r.id}: ${r.title}`, '', counterexampleLine(cx), '', 'Replay:', '', '```sh', ...replayCommands(r, report), '```', '');
      if (cx.path) out.push(`fast-check path \`${cx.path}\` (pass it as \`path\` in the property's parameters to replay only the shrunk case).`, '');
      if (cx.request) out.push('As a `hasme serve` request line:', '', '```json', JSON.stringify(cx.request), '```', '');
    }
  }

  out.push('## Notes per claim', '');
  for (const r of report.claims) {
    out.push(`### ${r.id}: ${r.title} (${r.status})`, '');
    const skips = skippedText(r.skipped);
    const tolerance = typeof r.tolerance === 'number' ? `, tolerance ${formatError(r.tolerance)}` : '';
    out.push(
      `${r.cases} cases asserted${r.skipped ? `, ${formatSkipped(r.skipped)} skipped${skips ? ` (${skips})` : ''}` : ''}, worst error ${formatError(r.worstError)}${tolerance}, worst err/tol ${formatRatio(r.worstRatio)}, ${formatDuration(r.durationMs)}.` +
        (r.coverage ? ` Coverage: ${coverageText(r)}.` : ''),
      '',
    );
    if (r.notes) out.push(r.notes, '');
  }

  if (report.figures.length) {
    out.push('## Figures', '');
    for (const f of report.figures) out.push(`### ${f.title}`, '', `![${f.title}](${f.file})`, '', f.caption, '');
  }
  if (report.problems.length) {
    out.push('## Problems', '', ...report.problems.map((p) => `- ${p}`), '');
  }
  return out.join('\n');
}
