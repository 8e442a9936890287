/**
 * `hasme report` (issue 4 items 4–5): status policy, exit code, and the structure of the table,
 * report.md, report.json and report.html, from fixed fake ClaimChecks (test-only), byte-identical
 * outputs for identical inputs, plus one in-process end-to-end run of the real command at the
 * smallest budget (tests must not depend on machine speed: issue 13 item 14).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLAIM_IDS, type ClaimCheck, type ClaimOutcome } from '../src/claims/types.js';
import { HasmeInputError } from '../src/errors.js';
import { buildReport } from '../src/report/build.js';
import { EXIT_NOT_WRITTEN, reportCommand } from '../src/report/cli.js';
import { renderHtml } from '../src/report/html.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { reportExitCode, type Figure } from '../src/report/model.js';
import { resolveReportOptions } from '../src/report/options.js';
import { plainProgress, terminalProgress } from '../src/report/progress.js';
import { runChecks, settleOutcome } from '../src/report/run.js';
import { renderTable } from '../src/report/table.js';
import { schemaProblem } from '../src/formats/schemas.js';


/** A fake check returning a fixed outcome (or throwing), reporting progress like a real one. */
function fake(id: ClaimOutcome['id'], outcome: Omit<ClaimOutcome, 'id'> | Error, title = `fake ${id}`): ClaimCheck {
  return {
    id,
    title,
    async run({ runs, onProgress }) {
      onProgress?.(runs, runs);
      if (outcome instanceof Error) throw outcome;
      return { id, ...outcome };
    },
  };
}

const FAKES: ClaimCheck[] = [
  fake('C1', {
    status: 'holds',
    cases: 40,
    skipped: { 'overflows double': 3 },
    tolerance: null,
    worstError: 3.2e-16,
    worstRatio: 2.9e-5,
    parts: [
      { implementation: 'reference (50 digits)', status: 'holds', cases: 20, skipped: {}, tolerance: 1e-40, worstError: 4e-58, worstRatio: 4e-18 },
      { implementation: 'library (double)', status: 'holds', cases: 20, skipped: { 'overflows double': 3 }, tolerance: 1.1e-11, worstError: 3.2e-16, worstRatio: 2.9e-5 },
    ],
    notes: 'mean error in units of ‖x0‖',
    coverage: { R: 30, X: 10 },
  }),
  fake('C3', {
    status: 'fails',
    cases: 17,
    worstError: 0.25,
    notes: 'pseudo-covariance vs SGD <C_k> & relative Frobenius | error',
    counterexample: { seed: 42, path: '3:1:0', description: 'd=2, η=1.5, H=diag(1,0)', request: { id: 'cx', op: 'coefficients', eta: 1.5 } },
  }),
  fake('C5', new Error('boom: eigensolver did not converge')),
  fake('C6', { status: 'holds', cases: 0, worstError: null, notes: 'nothing generated' }),
  fake('C8', { status: 'holds', cases: 5, worstError: Number.NaN, notes: 'NaN error' }),
  fake('C14', { status: 'not-run', cases: 0, worstError: null, notes: 'weak-error engine not built yet' }),
];

const FIGURES: Figure[] = [
  { name: 'demo', title: 'Demo figure', caption: 'A caption with <angle> brackets.', svg: '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>' },
];

async function fakeReport() {
  const lines: string[] = [];
  const progress = plainProgress({ write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream);
  const built = await buildReport({ runs: 7, seed: 123 }, { checks: FAKES, figures: async () => ({ figures: FIGURES, problems: ['figure X: engine missing'] }), progress });
  return { ...built, lines };
}

describe('report status policy (a claim holds only if its checks ran and passed)', () => {
  it('settles fake outcomes: throw → fails, holds with 0 cases → not-run, NaN error → fails, missing claim → not-run', async () => {
    const { report, lines } = await fakeReport();
    const byId = Object.fromEntries(report.claims.map((r) => [r.id, r]));
    expect(report.claims.map((r) => r.id)).toEqual([...CLAIM_IDS]);
    expect(byId.C1.status).toBe('holds');
    expect(byId.C3.status).toBe('fails');
    expect(byId.C5.status).toBe('fails');
    expect(byId.C5.notes).toContain('boom: eigensolver did not converge');
    expect(byId.C6.status).toBe('not-run');
    expect(byId.C8.status).toBe('fails');
    expect(byId.C8.worstError).toBeNull();
    expect(byId.C14.status).toBe('not-run');
    expect(byId.C2.status).toBe('not-run');
    expect(byId.C2.notes).toMatch(/no check registered/);
    for (const r of report.claims) if (r.status === 'holds') expect(r.cases).toBeGreaterThan(0);
    expect(report.summary).toEqual({ total: CLAIM_IDS.length, holds: 1, fails: 3, notRun: CLAIM_IDS.length - 4 });
    // Plain progress: one line per check that ran.
    expect(lines).toHaveLength(FAKES.length);
    expect(lines[1]).toMatch(/^\[2\/6\] C3 +fails +17 cases/);
  });

  it('terminal progress draws a cli-progress bar per claim that ends with its status', async () => {
    let text = '';
    const noop = () => true;
    const tty = { isTTY: true, columns: 120, write: (s: string) => ((text += s), true), cursorTo: noop, moveCursor: noop, clearLine: noop, clearScreenDown: noop };
    await runChecks(FAKES.slice(0, 2), { runs: 7, seed: 1, progress: terminalProgress(tty as unknown as NodeJS.WriteStream) });
    const plain = text.replace(/\x1b\[[0-9;?]*[a-zA-Z]|\x1b[78]/g, '');
    expect(plain).toMatch(/\[1\/2\] C1 .* 40\/40 cases {2}holds/);
    expect(plain).toMatch(/\[2\/2\] C3 .* 17\/17 cases {2}fails/);
  });

  it('rejects outcomes that break the contract', () => {
    expect(settleOutcome({ id: 'C1' }, { id: 'C2', status: 'holds', cases: 3, worstError: 0, notes: '' }).status).toBe('fails');
    expect(settleOutcome({ id: 'C1' }, { id: 'C1', status: 'maybe', cases: 3, worstError: 0, notes: '' }).status).toBe('fails');
    expect(settleOutcome({ id: 'C1' }, { id: 'C1', status: 'holds', cases: -1, worstError: 0, notes: '' }).status).toBe('fails');
    expect(settleOutcome({ id: 'C1' }, undefined).status).toBe('fails');
    const contradictory = { id: 'C1', status: 'holds', cases: 3, worstError: 0, notes: '', counterexample: { seed: 1, description: 'x' } };
    expect(settleOutcome({ id: 'C1' }, contradictory).status).toBe('fails');
    const extra = settleOutcome({ id: 'C1' }, { id: 'C1', status: 'holds', cases: 3, worstError: 1e-15, notes: 'ok', secret: 1 });
    expect(extra).toEqual({ id: 'C1', status: 'holds', cases: 3, worstError: 1e-15, notes: 'ok' });
  });

  it('merges several checks of one claim: holds only if all hold', async () => {
    const rows = await runChecks(
      [fake('C2', { status: 'holds', cases: 3, worstError: 1e-16, notes: 'a' }), fake('C2', { status: 'fails', cases: 2, worstError: 1, notes: 'b' })],
      { runs: 5, seed: 1 },
    );
    expect(rows[1]).toMatchObject({ id: 'C2', status: 'fails', cases: 5, worstError: 1 });
  });

  it('--claims runs only the selected claims; the others are not-run, and no figures are made', async () => {
    let figuresMade = false;
    const figures = async () => {
      figuresMade = true;
      return { figures: [], problems: [] };
    };
    const { report } = await buildReport({ runs: 3, seed: 9, claims: ['C3', 'C14'] }, { checks: FAKES, figures });
    expect(figuresMade).toBe(false);
    expect(report.only).toEqual(['C3', 'C14']);
    expect(report.claims.find((r) => r.id === 'C1')).toMatchObject({ status: 'not-run', title: 'fake C1', notes: 'not selected in this run (--claims)' });
    expect(report.claims.find((r) => r.id === 'C3')?.status).toBe('fails');
    expect(renderMarkdown(report)).toContain('Replay this run: `npx hasme report --claims C3,C14 --seed 9 --runs 3`');
  });

  it('exit code is 1 exactly when a claim that ran fails', () => {
    expect(reportExitCode({ summary: { total: 17, holds: 1, fails: 1, notRun: 15 } })).toBe(1);
    expect(reportExitCode({ summary: { total: 17, holds: 13, fails: 0, notRun: 4 } })).toBe(0);
  });
});

describe('report rendering', () => {
  it('report.json validates and carries the required fields', async () => {
    const { report } = await fakeReport();
    const json = JSON.parse(JSON.stringify(report));
    expect(schemaProblem('report', json)).toBeUndefined();
    expect(json).toMatchObject({ seed: 123, runs: 7, figures: [{ name: 'demo', file: 'figures/demo.svg' }] });
    expect(json.claims[2].counterexample).toEqual({ seed: 42, path: '3:1:0', description: 'd=2, η=1.5, H=diag(1,0)', request: { id: 'cx', op: 'coefficients', eta: 1.5 } });
    // The schema itself enforces "never holds without checks".
    json.claims[1].status = 'holds';
    expect(schemaProblem('report', json)?.field).toBe('claims[1].cases');
  });

  it('cases asserted, skipped by reason, tolerance, err/tol and per-implementation parts reach report.json, the table and report.md', async () => {
    const { report } = await fakeReport();
    const json = JSON.parse(JSON.stringify(report));
    expect(schemaProblem('report', json)).toBeUndefined();
    expect(json.claims[0]).toMatchObject({ cases: 40, skipped: { 'overflows double': 3 }, tolerance: null, worstRatio: 2.9e-5 });
    expect(json.claims[0].parts.map((p: { implementation: string; tolerance: number }) => [p.implementation, p.tolerance])).toEqual([
      ['reference (50 digits)', 1e-40],
      ['library (double)', 1.1e-11],
    ]);
    const text = renderTable(report, { width: 140 });
    expect(text).toMatch(/│ +↳ +│ reference \(50 digits\) +│ holds +│ +20 │ +0 │ +4\.00e-58 │ +4\.0e-18 │/);
    expect(text).toMatch(/│ +↳ +│ library \(double\) +│ holds +│ +20 │ +3 │ +3\.20e-16 │ +2\.9e-5 │/);
    const md = renderMarkdown(report);
    expect(md).toContain('| ↳ | library (double) | ✅ holds | 20 | 3 | 3.20e-16 | 2.9e-5 |');
    expect(md).toContain('40 cases asserted, 3 skipped (overflows double: 3)');
  });

  it('table: one row per claim with status, cases, worst error and counterexample seed', async () => {
    const { report } = await fakeReport();
    const text = renderTable(report, { width: 140 });
    for (const id of CLAIM_IDS) expect(text).toMatch(new RegExp(`│ ${id} +│`));
    expect(text).toContain('seed 42');
    expect(text).toContain('3.20e-16');
    expect(text).toContain('boom: eigensolver');
    expect(text).not.toContain('\x1b[');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(140);
  });

  it('report.md: summary, a row per claim, counterexample with replay commands, notes, figure links', async () => {
    const { report } = await fakeReport();
    const md = renderMarkdown(report);
    expect(md).toContain(`${CLAIM_IDS.length} claims: 1 hold, 3 fail, ${CLAIM_IDS.length - 4} not run · seed 123 · runs 7`);
    const rows = md.split('\n').filter((l) => /^\| C\d+ \|/.test(l));
    expect(rows).toHaveLength(CLAIM_IDS.length);
    expect(rows[2]).toMatch(/^\| C3 \| fake C3 \| ❌ fails \| 17 \| — \| 2\.50e-1 \| — \|/);
    expect(rows[2].split(/(?<!\\)\|/)).toHaveLength(11); // pipes in cells are escaped
    expect(md).toContain('Replay this run: `npx hasme report --seed 123 --runs 7`');
    expect(md).toContain('npx hasme report --claims C3 --seed 123 --runs 7');
    // Replay through the tests spec/claims.json lists for the claim, at the counterexample's seed.
    expect(md).toMatch(/HASME_SEED=42 HASME_RUNS=7 npx vitest run (properties\/\S+\.test\.ts )+-t "C3:"/);
    expect(md).toContain('"op":"coefficients"');
    expect(md).toContain('![Demo figure](figures/demo.svg)');
    expect(md).toContain('Coverage: R 30 · X 10.');
    expect(md).toContain('- figure X: engine missing');
  });

  it('report.html: self-contained, escaped, figures inline, rows classed by status', async () => {
    const { report } = await fakeReport();
    const html = renderHtml(report, FIGURES);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<tr class="row-(holds|fails|not-run)">/g)).toHaveLength(CLAIM_IDS.length);
    expect(html.match(/<tr class="row-fails">/g)).toHaveLength(3);
    expect(html).toContain('<figure id="fig-demo"><h3>Demo figure</h3><svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).not.toContain('<?xml');
    expect(html).toContain('&lt;C_k&gt; &amp; relative');
    expect(html).toContain('A caption with &lt;angle&gt; brackets.');
    expect(html).not.toMatch(/<script|<link|src="http|@import/);
  });
});

describe('report options (flags override HASME_RUNS / HASME_SEED, which override defaults)', () => {
  const saved = { runs: process.env.HASME_RUNS, seed: process.env.HASME_SEED };
  afterAll(() => {
    for (const [k, v] of [['HASME_RUNS', saved.runs], ['HASME_SEED', saved.seed]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('resolves precedence and rejects bad values with a typed error', () => {
    delete process.env.HASME_RUNS;
    delete process.env.HASME_SEED;
    expect(resolveReportOptions({})).toMatchObject({ runs: 100, seed: 20240528, outDir: 'report', json: false });
    process.env.HASME_RUNS = '9';
    process.env.HASME_SEED = '5';
    expect(resolveReportOptions({})).toMatchObject({ runs: 9, seed: 5 });
    expect(resolveReportOptions({ runs: '3', seed: '-4', out: 'x', json: true })).toEqual({ runs: 3, seed: -4, outDir: 'x', json: true });
    expect(() => resolveReportOptions({ runs: '0' })).toThrow(HasmeInputError);
    expect(() => resolveReportOptions({ runs: '2.5' })).toThrow(/--runs/);
    expect(() => resolveReportOptions({ seed: 'abc' })).toThrow(/--seed/);
    process.env.HASME_RUNS = 'lots';
    expect(() => resolveReportOptions({})).toThrow(/HASME_RUNS/);
    expect(resolveReportOptions({ runs: '4' }).runs).toBe(4);
    expect(resolveReportOptions({ runs: '4', claims: 'c13, C3' }).claims).toEqual(['C3', 'C13']);
    expect(() => resolveReportOptions({ runs: '4', claims: 'C99' })).toThrow(/--claims/);
    expect(() => resolveReportOptions({ runs: '4', claims: ',' })).toThrow(HasmeInputError);
  });
});

describe('reportCommand (in process, fake checks)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hasme-report-cmd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function capture() {
    const out = { stdout: '', stderr: '' };
    const stream = (key: 'stdout' | 'stderr') => ({ write: (s: string) => ((out[key] += s), true), isTTY: false, columns: 120 }) as unknown as NodeJS.WriteStream;
    return { out, io: { stdout: stream('stdout'), stderr: stream('stderr') } };
  }
  const sources = { checks: FAKES, figures: async () => ({ figures: FIGURES, problems: [] }) };

  it('prints the table and returns 1 when a claim fails; --json prints the report', async () => {
    const table = capture();
    expect(await reportCommand({ runs: '3', seed: '5', out: join(dir, 'a') }, table.io, sources)).toBe(1);
    expect(table.out.stdout).toContain('│ C3    │');
    expect(table.out.stdout).toMatch(/3 claim\(s\) fail \(C3, C5, C8\): exit code 1\. Replay: npx hasme report --claims C3,C5,C8 --seed 5 --runs 3/);
    expect(table.out.stderr.split('\n').filter(Boolean)).toHaveLength(FAKES.length + 1); // plain progress, then the total time
    expect(existsSync(join(dir, 'a', 'figures', 'demo.svg'))).toBe(true);
    const json = capture();
    expect(await reportCommand({ runs: '3', seed: '5', out: join(dir, 'b'), json: true, claims: 'C1' }, json.io, sources)).toBe(0);
    expect(JSON.parse(json.out.stdout)).toMatchObject({ seed: 5, runs: 3, only: ['C1'], summary: { holds: 1, fails: 0, notRun: CLAIM_IDS.length - 1 } });
  });

  it('returns 2 before running any check when the output directory cannot be written', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    let ran = false;
    const c = capture();
    const code = await reportCommand({ out: file }, c.io, { checks: [{ id: 'C1', title: 't', run: async () => ((ran = true), { id: 'C1', status: 'holds', cases: 1, worstError: 0, notes: '' }) }], figures: sources.figures });
    expect(code).toBe(EXIT_NOT_WRITTEN);
    expect(ran).toBe(false);
    expect(c.out.stderr).toMatch(/cannot write the report to/);
  });
});

describe('report outputs are byte-identical for identical inputs (issue 13 item 13)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hasme-report-det-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two runs with the same seed and budget write the same bytes (no generatedAt, no wall times); --timings opts in', async () => {
    const sources = { checks: FAKES, figures: async () => ({ figures: FIGURES, problems: [] }) };
    const outputs: string[][] = [];
    for (const name of ['one', 'two']) {
      const out = { stdout: '', stderr: '' };
      const stream = (key: 'stdout' | 'stderr') => ({ write: (s: string) => ((out[key] += s), true), isTTY: false, columns: 120 }) as unknown as NodeJS.WriteStream;
      await reportCommand({ runs: '3', seed: '7', out: join(dir, name) }, { stdout: stream('stdout'), stderr: stream('stderr') }, sources);
      outputs.push([...['report.json', 'report.md', 'report.html'].map((f) => readFileSync(join(dir, name, f), 'utf8')), out.stdout.replaceAll(join(dir, name), 'DIR')]);
      expect(out.stderr).toMatch(/hasme report: \d+\.\d s in total/);
    }
    expect(outputs[1]).toEqual(outputs[0]);
    const json = JSON.parse(outputs[0][0]);
    expect(json).not.toHaveProperty('generatedAt');
    expect(json).not.toHaveProperty('durationMs');
    expect(json.claims[0]).not.toHaveProperty('durationMs');
    const timed = { stdout: '', stderr: '' };
    const stream = (key: 'stdout' | 'stderr') => ({ write: (s: string) => ((timed[key] += s), true), isTTY: false, columns: 120 }) as unknown as NodeJS.WriteStream;
    await reportCommand({ runs: '3', seed: '7', out: join(dir, 'timed'), json: true, timings: true }, { stdout: stream('stdout'), stderr: stream('stderr') }, sources);
    expect(JSON.parse(timed.stdout).claims[0].durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('hasme report end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hasme-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The real checks and figures, once, in process, at the smallest budget (runs 1): about 85 s of
  // CPU, ≈ 34 s of it C22's 2-D weak table and ≈ 35 s C23's 2-D sweep, both on two worker threads
  // (measured at --runs 1000: 70 s of CPU, 137 s of wall time at load 8 on 2 cores). The timeout is
  // a safety net only.
  it('writes report.md, report.json (valid) and a self-contained report.html; exit code follows the fails count', async () => {
    const out = { stdout: '', stderr: '' };
    const stream = (key: 'stdout' | 'stderr') => ({ write: (s: string) => ((out[key] += s), true), isTTY: false, columns: 120 }) as unknown as NodeJS.WriteStream;
    const code = await reportCommand({ runs: '1', seed: '20240528', out: dir, json: true }, { stdout: stream('stdout'), stderr: stream('stderr') });
    for (const f of ['report.md', 'report.json', 'report.html']) expect(existsSync(join(dir, f)), f).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(schemaProblem('report', json)).toBeUndefined();
    expect(JSON.parse(out.stdout).claims).toEqual(json.claims);
    expect(json).toMatchObject({ runs: 1, seed: 20240528 });
    expect(json.claims.map((c: { id: string }) => c.id)).toEqual([...CLAIM_IDS]);
    expect(code).toBe(json.summary.fails > 0 ? 1 : 0);
    for (const f of json.figures) expect(existsSync(join(dir, f.file)), f.file).toBe(true);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html.match(/<svg /g)?.length ?? 0).toBe(json.figures.length);
  }, 900_000);
});
