/** The claims table printed on the terminal (cli-table3). */
import Table from 'cli-table3';
import type { ClaimStatus } from '../claims/types.js';
import { formatDuration, formatError, reasonCell } from './format.js';
import type { ReportData } from './model.js';

const ANSI: Record<ClaimStatus, string> = { holds: '\x1b[32m', fails: '\x1b[31m', 'not-run': '\x1b[33m' };

/**
 * Renders the claims table. `width` is the terminal width the table should fit (wrapping long
 * cells); `color` paints the status column.
 */
export function renderTable(report: Pick<ReportData, 'claims'>, opts: { width?: number; color?: boolean } = {}): string {
  const width = Math.max(opts.width ?? 120, 100);
  // Fixed columns: claim 7, status 9, cases 8, worst error 11, time 8 (+ borders); the rest is shared.
  const flexible = width - (7 + 9 + 8 + 11 + 8) - 3 * 7 - 1;
  const statementWidth = Math.max(24, Math.floor(flexible * 0.5));
  const reasonWidth = Math.max(24, flexible - statementWidth);
  const table = new Table({
    head: ['Claim', 'Statement', 'Status', 'Cases', 'Worst err', 'Time', 'Counterexample / reason'],
    colWidths: [7, statementWidth, 9, 8, 11, 8, reasonWidth],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
    wordWrap: true,
    style: { head: opts.color ? ['bold'] : [], border: [], compact: true },
  });
  for (const row of report.claims) {
    const status = opts.color ? `${ANSI[row.status]}${row.status}\x1b[0m` : row.status;
    table.push([row.id, row.title, status, row.cases, formatError(row.worstError), formatDuration(row.durationMs), reasonCell(row)]);
  }
  return table.toString();
}
