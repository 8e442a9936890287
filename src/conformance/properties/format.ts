/**
 * Presenting a properties run (spec/protocol.md §12): the per-claim table for the implementation
 * under test, one block per failure (statement, smallest case as a request line, received vs
 * expected, per-output error, tags, replay command), JSON, and JUnit XML (a testcase per claim
 * row; rows that do not apply are <skipped/>).
 */
import Table from 'cli-table3';
import { printable } from '../../formats/printable.js';
import { digitsAgreed } from '../numbers.js';
import { xmlEscape as xml } from '../report.js';
import type { Failure, PropertiesResult, PropertyRow } from './run.js';

const STATUS: Record<PropertyRow['status'], string> = { holds: 'holds', fails: 'FAILS', 'not-applicable': 'n/a', 'not-run': 'NOT RUN' };

function worstCell(r: PropertyRow): string {
  if (r.worstError === null) return '—';
  return Number.isFinite(r.worstError) ? r.worstError.toExponential(1) : String(r.worstError);
}

function skippedCell(r: PropertyRow): string {
  const n = Object.values(r.skipped).reduce((s, v) => s + v, 0);
  return n === 0 ? '0' : String(n);
}

function tagsText(f: Failure): string {
  const t = f.tags;
  if (!t) return '';
  return `regime ${t.regime}, ${t.commuting ? 'commuting' : 'non-commuting'}, ${t.removable ? 'removable pair (m_i m_j ≈ 1, m > 0)' : 'no removable pair'}, rank Σ = ${t.rank}, d = ${t.d}`;
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The command that replays one failure (property index / fast-check path). */
export function replayCommand(r: PropertyRow, res: PropertiesResult, cmd: readonly string[]): string {
  const f = r.failure!;
  const u = res.unitRoundoff === 2 ** -53 ? [] : ['--unit-roundoff', String(res.unitRoundoff)];
  return ['hasme', 'check', '--properties', '--claims', r.key, '--seed', String(f.seed), '--path', f.path ?? '', ...u, '--', ...cmd.map(shellQuote)].join(' ');
}

function failureBlock(r: PropertyRow, res: PropertiesResult, cmd: readonly string[]): string[] {
  const f = r.failure!;
  const out = [`${r.key} FAILS: ${r.title}`, `  what:     ${f.description}`];
  if (f.request) out.push(`  request:  ${JSON.stringify(f.request)}`);
  if (f.received !== undefined) out.push(`  received: ${JSON.stringify(f.received)}`);
  if (f.expected !== undefined) out.push(`  expected: ${JSON.stringify(f.expected)} (reference, computed at 30 digits)`);
  if (f.errors.length) out.push(`  error:    ${f.errors.map((e) => `${e.name} ${e.relErr.toExponential(1)} (${digitsAgreed(e.relErr).toFixed(1)} d)`).join(', ')}`);
  if (f.tags) out.push(`  tags:     ${tagsText(f)}`);
  if (f.diagnosis) out.push(`  diagnosis: ${f.diagnosis}`);
  if (f.path !== undefined) out.push(`  replay:   ${replayCommand(r, res, cmd)}`);
  // Messages and answers come from the implementation: no raw control or bidi characters (spec/protocol.md §7).
  return out.map(printable);
}

export function renderProperties(res: PropertiesResult, cmd: readonly string[], opts: { title?: string } = {}): string {
  const table = new Table({
    head: ['Claim', 'Statement', 'Cases', 'Skipped', 'Worst error', 'Verdict'],
    colWidths: [11, 62, 7, 9, 13, 9],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'left'],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const r of res.rows) table.push([r.key, r.status === 'not-applicable' ? `${r.title}: ${r.notes}` : r.title, r.cases, skippedCell(r), worstCell(r), STATUS[r.status]]);
  const lines = [opts.title ?? '', table.toString()].filter((l) => l !== '');
  lines.push('Worst error: in the units each claim states (relative error for exact identities; eps·‖Σ̃‖ for C5; err/tol for C13); `hasme check --properties --json` carries every claim\'s notes.');
  const skipped = res.rows.filter((r) => Object.keys(r.skipped).length > 0);
  for (const r of skipped) lines.push(`Skipped in ${r.key}: ${Object.entries(r.skipped).map(([why, n]) => `${n} × ${why}`).join('; ')}`);
  if (res.unsupportedOps.length) lines.push(`The implementation answers "unsupported" to: ${res.unsupportedOps.join(', ')} (claims needing them do not apply).`);
  for (const r of res.rows) if (r.failure) lines.push('', ...failureBlock(r, res, cmd));
  if (res.problems.length) {
    lines.push('', `Problems of the run (${res.problems.length}):`);
    for (const p of res.problems.slice(0, 20)) lines.push(`  - ${p}`);
  }
  const failed = res.rows.filter((r) => r.status === 'fails' || r.status === 'not-run');
  const held = res.rows.filter((r) => r.status === 'holds').length;
  lines.push('', res.pass ? `PASS: ${held} claim checks hold (seed ${res.seed}, ${res.runs} runs per claim)` : `FAIL: ${failed.map((r) => r.key).join(', ') || 'problems of the run'} (seed ${res.seed}, ${res.runs} runs per claim)`);
  // Notes, messages and problems quote the implementation: every line printable (spec/protocol.md §7).
  return lines.join('\n').split('\n').map(printable).join('\n');
}

/** JUnit XML: suite `hasme.properties`, a testcase per claim row, plus `hasme.harness` for problems of the run. */
export function propertiesJUnit(res: PropertiesResult, cmd: readonly string[]): string {
  const cases = res.rows.map((r) => {
    const head = `    <testcase classname="hasme.properties" name="${xml(`${r.key}: ${r.title}`)}"`;
    if (r.status === 'holds') return `${head}/>`;
    if (r.status === 'not-applicable') return `${head}>\n      <skipped message="${xml(r.notes)}"/>\n    </testcase>`;
    // Escaped line by line: xml() escapes a newline inside a line, the block keeps its lines.
    const body = (r.failure ? failureBlock(r, res, cmd) : r.notes.split('\n')).map(xml).join('\n');
    return `${head}>\n      <failure message="${xml((r.failure?.description ?? r.notes).slice(0, 500))}">${body}</failure>\n    </testcase>`;
  });
  const failures = res.rows.filter((r) => r.status === 'fails' || r.status === 'not-run').length;
  const skipped = res.rows.filter((r) => r.status === 'not-applicable').length;
  const harness = res.problems.length
    ? res.problems.map((p, i) => `    <testcase classname="hasme.harness" name="problem ${i + 1}">\n      <failure message="${xml(p.slice(0, 500))}">${xml(p)}</failure>\n    </testcase>`)
    : ['    <testcase classname="hasme.harness" name="run"/>'];
  const tests = cases.length + harness.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hasme" tests="${tests}" failures="${failures + res.problems.length}">`,
    `  <testsuite name="hasme.properties" tests="${cases.length}" failures="${failures}" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    `  <testsuite name="hasme.harness" tests="${harness.length}" failures="${res.problems.length}">`,
    ...harness,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** The result as JSON-ready data (non-finite numbers as strings). */
export function propertiesJSON(res: PropertiesResult, cmd: readonly string[]): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({ ...res, elapsedMs: undefined, rows: res.rows.map((r) => (r.failure?.path !== undefined ? { ...r, replay: replayCommand(r, res, cmd) } : r)) }, (_k, v) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'string' ? printable(v) : v,
    ),
  ) as Record<string, unknown>;
}
