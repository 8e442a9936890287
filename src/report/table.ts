/** The claims table printed on the terminal (cli-table3). */
import Table from 'cli-table3';
import type { ClaimStatus } from '../claims/types.js';
import { counterexampleLine, formatDuration, formatError, formatRatio, formatSkipped, reasonCell } from './format.js';
import type { ReportData } from './model.js';

const ANSI: Record<ClaimStatus, string> = { holds: '\x1b[32m', fails: '\x1b[31m', 'not-run': '\x1b[33m' };

const HEAD = ['Claim', 'Statement', 'Status', 'Cases', 'Skipped', 'Worst err', 'Err/tol', 'Time', 'Counterexample / reason'];
const STATUS = 2;
const REASON = HEAD.length - 1;
/** Narrowest counterexample column: its header wraps onto two lines ("Counterexample" / "/ reason"). */
const MIN_REASON_WIDTH = 'Counterexample'.length + 2;
/** Narrowest statement column, so that a statement never wraps into a column of single words. */
const MIN_STATEMENT_WIDTH = 24;

/** Width a column needs to show `texts` unwrapped (widest text plus cli-table3's padding of 2). */
function naturalWidth(texts: string[]): number {
  return Math.max(...texts.map((t) => t.length)) + 2;
}

/**
 * Renders the claims table. `width` is the terminal width the table should fit (wrapping long
 * cells); `color` paints the status column. The short columns take what their contents need;
 * the statement gets the rest, except that counterexamples (when any) share it half and half.
 */
export function renderTable(report: Pick<ReportData, 'claims'>, opts: { width?: number; color?: boolean } = {}): string {
  const width = Math.max(opts.width ?? 120, 100);
  // One row per claim, then one indented row per implementation checked (reference, library).
  const lines: { status: ClaimStatus; cells: string[] }[] = [];
  for (const row of report.claims) {
    lines.push({
      status: row.status,
      cells: [row.id, row.title, row.status, String(row.cases), formatSkipped(row.skipped), formatError(row.worstError), formatRatio(row.worstRatio), formatDuration(row.durationMs), reasonCell(row)],
    });
    for (const part of row.parts ?? []) {
      const reason = part.counterexample ? counterexampleLine(part.counterexample) : '';
      lines.push({
        status: part.status,
        cells: ['  ↳', part.implementation, part.status, String(part.cases), formatSkipped(part.skipped), formatError(part.worstError), formatRatio(part.worstRatio), '', reason.length > 160 ? `${reason.slice(0, 159)}…` : reason],
      });
    }
  }
  const rows = lines.map((l) => l.cells);
  const column = (i: number) => [HEAD[i], ...rows.map((r) => r[i])];
  const fixedCols = [0, 2, 3, 4, 5, 6, 7];
  const fixed = fixedCols.map((i) => naturalWidth(column(i)));
  // n columns have n + 1 vertical borders.
  const flexible = width - (HEAD.length + 1) - fixed.reduce((a, b) => a + b, 0);
  const reasonNeeded = Math.max(MIN_REASON_WIDTH, naturalWidth(rows.map((r) => r[REASON])));
  const statementNeeded = naturalWidth(column(1));
  const statementWidth = Math.max(MIN_STATEMENT_WIDTH, Math.min(statementNeeded, Math.max(flexible - reasonNeeded, Math.floor(flexible / 2))));
  const reasonWidth = Math.max(MIN_REASON_WIDTH, Math.min(reasonNeeded, flexible - statementWidth));
  const [claimW, statusW, casesW, skippedW, errW, ratioW, timeW] = fixed;
  const table = new Table({
    head: HEAD,
    colWidths: [claimW, statementWidth, statusW, casesW, skippedW, errW, ratioW, timeW, reasonWidth],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
    wordWrap: true,
    style: { head: opts.color ? ['bold'] : [], border: [], compact: true },
  });
  for (const { status, cells } of lines) {
    if (opts.color) cells[STATUS] = `${ANSI[status]}${status}\x1b[0m`;
    table.push(cells);
  }
  return table.toString();
}
