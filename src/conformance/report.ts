/**
 * Presenting a conformance judgement: a per-op summary table (cli-table3), a JSON document for
 * machines, and JUnit XML for CI systems (one testsuite per op, one testcase per case, plus a
 * `harness` suite for problems of the run as a whole). Messages and problems carry text from the
 * implementation, so every output passes them through `printable` (no raw control characters).
 */
import Table from 'cli-table3';
import { HasmeInputError } from '../errors.js';
import { writeFileAtomicSync } from '../io/atomicWrite.js';
import { printable } from '../formats/printable.js';
import type { Judgement } from './judge.js';
import { digitsAgreed } from './numbers.js';
import type { CaseVerdict } from './verdict.js';

/** Per-op totals. */
export interface OpSummary {
  op: string;
  cases: number;
  passed: number;
  failed: number;
  /** Largest relative error (coefficients, moments) or smallest adjusted p-value (sample). */
  worst?: number;
  /** Largest error in units of its case's tolerance (coefficients, moments): ≤ 1 on a pass. */
  worstOverTol?: number;
  /** Smallest and largest tolerance applied to the op's cases (coefficients, moments). */
  rtolRange?: [number, number];
  firstFailure?: { id: string; message: string };
}

const OP_ORDER = ['coefficients', 'moments', 'sample'];

export function summarize(verdicts: readonly CaseVerdict[]): OpSummary[] {
  const byOp = new Map<string, OpSummary>();
  for (const v of verdicts) {
    let s = byOp.get(v.op);
    if (!s) byOp.set(v.op, (s = { op: v.op, cases: 0, passed: 0, failed: 0 }));
    s.cases++;
    if (v.op !== 'sample') s.rtolRange = s.rtolRange ? [Math.min(s.rtolRange[0], v.rtol), Math.max(s.rtolRange[1], v.rtol)] : [v.rtol, v.rtol];
    if (v.pass) s.passed++;
    else {
      s.failed++;
      s.firstFailure ??= { id: v.id, message: v.message };
    }
    if (v.worst !== undefined) {
      const worse = v.op === 'sample' ? (s.worst === undefined || v.worst < s.worst) : (s.worst === undefined || !(v.worst <= s.worst));
      if (worse) s.worst = v.worst;
      const ratio = v.worst / v.rtol;
      if (v.op !== 'sample' && (s.worstOverTol === undefined || !(ratio <= s.worstOverTol))) s.worstOverTol = ratio;
    }
  }
  return [...byOp.values()].sort((a, b) => OP_ORDER.indexOf(a.op) - OP_ORDER.indexOf(b.op));
}

function worstCell(s: OpSummary): string {
  if (s.worst === undefined) return '—';
  if (s.op === 'sample') return `min p ${s.worst.toExponential(1)}`;
  if (!Number.isFinite(s.worst)) return String(s.worst);
  return `${s.worst.toExponential(1)} (${digitsAgreed(s.worst).toFixed(1)} d)`;
}

function tolCell(s: OpSummary): string {
  if (s.op === 'sample') return 'α 1e-6/case';
  if (!s.rtolRange) return '—';
  const [lo, hi] = s.rtolRange;
  return lo === hi ? lo.toExponential(0) : `${lo.toExponential(0)}…${hi.toExponential(0)}`;
}

/** What the error columns mean, printed once under the table (spec/protocol.md §6, §8). */
export const ERROR_COLUMNS_NOTE =
  'Worst error: the largest relative Frobenius error of any output (§6 of spec/protocol.md); "(3.4 d)" = −log10 of it, the significant digits agreed. ' +
  'Tolerance: the run rtol, or a larger one carried by an ill-conditioned vector (rtol_case = max(run, vector)); so a pass can show few digits: ' +
  'Err/tol, the worst error in units of its own case\'s tolerance, is ≤ 1 on every pass. For sample: the smallest Bonferroni-adjusted p-value, α = 1e-6 per case (§9).';

/** The summary table plus the run's problems and a one-line verdict, for the terminal. */
export function renderSummary(j: Judgement, opts: { width?: number; title?: string } = {}): string {
  const width = Math.max(opts.width ?? 120, 90);
  const failWidth = Math.max(30, width - (14 + 7 + 8 + 8 + 18 + 13 + 10) - 3 * 8 - 1);
  const table = new Table({
    head: ['Op', 'Cases', 'Passed', 'Failed', 'Worst error', 'Tolerance', 'Err/tol', 'First failure: what differed'],
    colWidths: [14, 7, 8, 8, 18, 13, 10, failWidth],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const s of summarize(j.verdicts)) {
    const first = s.firstFailure ? printable(`${s.firstFailure.id} — ${s.firstFailure.message}`) : '';
    const overTol = s.worstOverTol === undefined ? '—' : s.worstOverTol.toExponential(1);
    table.push([s.op, s.cases, s.passed, s.failed, worstCell(s), tolCell(s), overTol, first]);
  }
  const lines = [opts.title ?? '', table.toString(), ERROR_COLUMNS_NOTE].filter((l) => l !== '');
  if (j.problems.length > 0) {
    lines.push(`Problems of the run (${j.problems.length}):`);
    for (const p of j.problems.slice(0, 20)) lines.push(`  - ${printable(p)}`);
    if (j.problems.length > 20) lines.push(`  ... and ${j.problems.length - 20} more`);
  }
  const failed = j.verdicts.filter((v) => !v.pass).length;
  lines.push(
    j.pass
      ? `PASS: all ${j.verdicts.length} cases`
      : `FAIL: ${failed} of ${j.verdicts.length} cases failed${j.problems.length ? `, ${j.problems.length} problem(s) of the run` : ''}`,
  );
  return lines.join('\n');
}

/** The judgement as a JSON-ready object. */
export function judgementJSON(j: Judgement, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const clean = (x: number | undefined) => (x === undefined || Number.isFinite(x) ? x : String(x));
  return {
    pass: j.pass,
    ...extra,
    summary: summarize(j.verdicts).map((s) => ({
      ...s,
      worst: clean(s.worst),
      worstOverTol: clean(s.worstOverTol),
      ...(s.firstFailure ? { firstFailure: { id: printable(s.firstFailure.id), message: printable(s.firstFailure.message) } } : {}),
    })),
    problems: j.problems.map(printable),
    cases: j.verdicts.map((v) => ({
      ...v,
      id: printable(v.id),
      message: printable(v.message),
      worst: clean(v.worst),
      outputs: v.outputs.map((o) => ({ ...o, relErr: clean(o.relErr) })),
    })),
  };
}

/** Text for XML attributes and content: {@link printable}, then the five XML escapes (four needed here). */
export function xmlEscape(s: string): string {
  return printable(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JUnit XML: a testsuite per op (classname hasme.<op>), and `harness` for problems of the run. */
export function junitXML(j: Judgement, name = 'hasme'): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const s of summarize(j.verdicts)) {
    const cases = j.verdicts
      .filter((v) => v.op === s.op)
      .map((v) => {
        const head = `    <testcase classname="${name}.${xmlEscape(v.op)}" name="${xmlEscape(v.id)}">`;
        if (v.pass) return `    <testcase classname="${name}.${xmlEscape(v.op)}" name="${xmlEscape(v.id)}"/>`;
        return `${head}\n      <failure message="${xmlEscape(v.message.slice(0, 500))}">${xmlEscape(v.message)}</failure>\n    </testcase>`;
      });
    tests += s.cases;
    failures += s.failed;
    suites.push(`  <testsuite name="${name}.${xmlEscape(s.op)}" tests="${s.cases}" failures="${s.failed}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const harness = j.problems.length
    ? j.problems.map((p, i) => `    <testcase classname="${name}.harness" name="problem ${i + 1}">\n      <failure message="${xmlEscape(p.slice(0, 500))}">${xmlEscape(p)}</failure>\n    </testcase>`)
    : [`    <testcase classname="${name}.harness" name="run"/>`];
  tests += harness.length;
  failures += j.problems.length;
  suites.push(`  <testsuite name="${name}.harness" tests="${harness.length}" failures="${j.problems.length}">\n${harness.join('\n')}\n  </testsuite>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${name}" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Writes the outputs a command was asked for and sets the exit code (0 only on a full pass). */
export function emit(j: Judgement, opts: { json?: boolean; junit?: string; title?: string; extra?: Record<string, unknown> }): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(judgementJSON(j, opts.extra), null, 2)}\n`);
  else process.stdout.write(`${renderSummary(j, { width: process.stdout.columns, title: opts.title })}\n`);
  process.exitCode = j.pass ? 0 : 1;
  if (opts.junit) {
    try {
      writeFileAtomicSync(opts.junit, junitXML(j));
    } catch (err) {
      throw new HasmeInputError('parse', `--junit: cannot write ${opts.junit}: ${(err as Error).message}`);
    }
  }
}
