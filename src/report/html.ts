/** report.html: one self-contained page (inline CSS and inline SVG figures, no external resources). */
import { counterexampleLine, coverageText, EXIT_CODE_NOTE, WORST_ERROR_NOTE, formatDuration, formatError, formatRatio, formatSkipped, reasonCell, replayCommands, reportCommandLine, skippedText, summaryLine } from './format.js';
import type { Figure, ReportData } from './model.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An SVG document made embeddable: no XML prologue or doctype. */
function inlineSvg(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
}

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1180px;margin:2em auto;padding:0 1em;color:#222}
h1{margin-bottom:.2em} h2{margin-top:2em;border-bottom:1px solid #ddd} h3{margin-bottom:.3em}
.summary{font-size:1.1em;font-weight:600} .meta{color:#666}
table{border-collapse:collapse;width:100%;font-size:14px} th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f4f4f4} td:nth-child(2){min-width:16em} td:last-child{max-width:24em;word-break:break-word} td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.status{font-weight:600;white-space:nowrap} .holds{color:#1a7f37} .fails{color:#cf222e} .not-run{color:#9a6700}
tr.row-fails td{background:#fff5f5} tr.row-not-run td{background:#fffbea}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px} pre{background:#f6f8fa;padding:.6em;overflow-x:auto}
figure{margin:1.5em 0} figcaption{color:#444;max-width:900px} figure svg{max-width:100%;height:auto}
`;

/** Renders report.html with every figure inline. */
export function renderHtml(report: ReportData, figures: readonly Figure[]): string {
  const e = escapeHtml;
  const rows = report.claims
    .map(
      (r) =>
        `<tr class="row-${r.status}"><td><a href="#${r.id}">${r.id}</a></td><td>${e(r.title)}</td><td class="status ${r.status}">${r.status}</td>` +
        `<td class="num">${r.cases}</td><td class="num">${formatSkipped(r.skipped)}</td><td class="num">${formatError(r.worstError)}</td><td class="num">${formatRatio(r.worstRatio)}</td><td class="num">${formatDuration(r.durationMs)}</td><td>${e(reasonCell(r))}</td></tr>` +
        (r.parts ?? [])
          .map(
            (p) =>
              `<tr class="part"><td>↳</td><td>${e(p.implementation)}</td><td class="status ${p.status}">${p.status}</td><td class="num">${p.cases}</td><td class="num">${formatSkipped(p.skipped)}</td>` +
              `<td class="num">${formatError(p.worstError)}</td><td class="num">${formatRatio(p.worstRatio)}</td><td></td><td>${e(p.counterexample ? counterexampleLine(p.counterexample) : '')}</td></tr>`,
          )
          .join(''),
    )
    .join('\n');
  const counterexamples = report.claims
    .filter((r) => r.counterexample)
    .map((r) => {
      const cx = r.counterexample!;
      return (
        `<h3>${r.id}: ${e(r.title)}</h3><p>${e(counterexampleLine(cx))}</p><p>Replay:</p><pre>${e(replayCommands(r, report).join('\n'))}</pre>` +
        (cx.path ? `<p>fast-check path <code>${e(cx.path)}</code> (pass it as <code>path</code> in the property's parameters to replay only the shrunk case).</p>` : '') +
        (cx.request ? `<p>As a <code>hasme serve</code> request line:</p><pre>${e(JSON.stringify(cx.request))}</pre>` : '')
      );
    })
    .join('\n');
  const notes = report.claims
    .map(
      (r) =>
        `<h3 id="${r.id}">${r.id}: ${e(r.title)} <span class="status ${r.status}">(${r.status})</span></h3>` +
        `<p class="meta">${r.cases} cases asserted${r.skipped ? `, ${formatSkipped(r.skipped)} skipped${skippedText(r.skipped) ? ` (${e(skippedText(r.skipped))})` : ''}` : ''}, worst error ${formatError(r.worstError)}, worst err/tol ${formatRatio(r.worstRatio)}, ${formatDuration(r.durationMs)}.${r.coverage ? ` Coverage: ${e(coverageText(r))}.` : ''}</p>` +
        (r.notes ? `<p>${e(r.notes)}</p>` : ''),
    )
    .join('\n');
  const figs = figures
    .map((f) => `<figure id="fig-${e(f.name)}"><h3>${e(f.title)}</h3>${inlineSvg(f.svg)}<figcaption>${e(f.caption)}</figcaption></figure>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>HA-SME claims report</title><style>${CSS}</style></head><body>
<h1>HA-SME claims report</h1>
<p class="summary">${e(summaryLine(report))}</p>
<p class="meta">hasme-verify ${e(report.version)}, Node ${e(report.node)}. Replay this run: <code>${e(reportCommandLine(report))}</code>. Claims: spec/claims.md / spec/claims.md.</p>
${figures.length ? `<p class="meta">Figures: ${figures.map((f) => `<a href="#fig-${e(f.name)}">${e(f.title)}</a>`).join(' · ')}</p>` : ''}
<h2>Claims</h2>
<table><thead><tr><th>Claim</th><th>Statement</th><th>Status</th><th>Cases</th><th>Skipped</th><th>Worst error</th><th>Err/tol</th><th>Time</th><th>Counterexample / reason</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="meta">${e(WORST_ERROR_NOTE)} ${e(EXIT_CODE_NOTE)}</p>
${counterexamples ? `<h2>Counterexamples</h2>\n${counterexamples}` : ''}
<h2>Notes per claim</h2>
${notes}
${figs ? `<h2>Figures</h2>\n${figs}` : ''}
${report.problems.length ? `<h2>Problems</h2><ul>${report.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
