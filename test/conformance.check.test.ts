/**
 * `hasme check` end to end (spec/protocol.md §Running): an independent Python implementation
 * passes with the default vectors and tolerances; each deliberately broken variant fails with
 * the failing op named; hanging, garbage-printing and crashing implementations fail within the
 * time limits, with the whole process group killed; `hasme serve` passes on the full set.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckResult } from '../src/conformance/check.js';
import { renderSummary, summarize } from '../src/conformance/report.js';
import { conformanceVectors, miniVectorsFile } from './fixtures/impls/vectorSet.js';

/** This test file's directory (import.meta.dirname needs Node ≥ 20.11). */
const HERE = fileURLToPath(new URL('.', import.meta.url));

const IMPLS = join(HERE, 'fixtures/impls');
const PY = join(IMPLS, 'hasme_impl.py');

/** True while `pid` runs (a zombie waiting for a reaper counts as dead). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function failingOps(r: CheckResult): string[] {
  return summarize(r.verdicts).filter((s) => s.failed > 0).map((s) => s.op);
}

describe('hasme check: a correct implementation in another language', () => {
  it('Python/numpy fixture passes with the default vectors, tolerances and sample cases (CLI, exit 0, JUnit)', () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'hasme-check-')), 'check.xml');
    const r = spawnSync('node', ['bin/hasme.js', 'check', '--vectors', conformanceVectors(), '--junit', junit, '--', 'python3', PY], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/PASS: all \d+ cases/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/│ sample\s+│\s+6 │\s+6 │\s+0 │/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="hasme" tests="\d+" failures="0">/);
    expect(xml).toContain('<testsuite name="hasme.sample" tests="6" failures="0">');
  });
});

describe('README "Validate your implementation": the Python example passes check --ops coefficients', () => {
  it('runs the example exactly as printed in the README', async () => {
    const readme = readFileSync(join(HERE, '../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Validate your implementation'));
    const code = /```python\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'hasme-readme-')), 'my_hasme.py');
    writeFileSync(file, code as string);
    const r = await runCheck({ command: 'python3', args: [file], vectors: conformanceVectors(), ops: ['coefficients'], rtol: 1e-9 });
    expect(r.verdicts.filter((v) => !v.pass).map((v) => `${v.id}: ${v.message}`)).toEqual([]);
    expect(r.pass).toBe(true);
  });
});

describe('hasme check: deliberately broken implementations fail, naming the op', () => {
  // Each bug is a classic mistake; the ops it must show up in. The mini set (reference-computed,
  // test/fixtures/impls/miniVectors.ts) holds a case built to expose each one, and keeps this fast.
  it.each([
    ['log-branch', ['coefficients', 'moments']], // regime X: ℓ = −ln|m| + iπ
    ['sigma-not-tilde', ['coefficients', 'moments']], // Σ instead of Σ̃ (C2, C3)
    ['naive-phi', ['coefficients', 'moments']], // z/(1 − e^{−z}) loses digits at tiny η
    ['transposed-eigvecs', ['coefficients', 'moments']], // rows of U as eigenvectors
    ['moments-off-by-one', ['moments']], // k + 1 steps
  ])('--bug %s fails in %j', async (bug, ops) => {
    const r = await runCheck({ command: 'python3', args: [PY, '--bug', bug], vectors: miniVectorsFile(), ops: ['coefficients', 'moments'], rtol: 1e-9 });
    expect(r.problems).toEqual([]);
    expect(r.pass).toBe(false);
    expect(failingOps(r)).toEqual(ops);
    const table = renderSummary(r);
    for (const op of ops) expect(table).toMatch(new RegExp(`│ ${op}\\s+│\\s+\\d+ │\\s+\\d+ │\\s+[1-9]\\d* │`));
    for (const s of summarize(r.verdicts).filter((x) => x.failed > 0)) {
      expect(s.firstFailure?.message).toMatch(/(drift|diffusion|mean|pcov|cov): rel\. error \d\.\de[+-]\d+ > 1\.0e-9|cov must be null/);
    }
  });

  it('--bug sample-sqrt-eta (wrong diffusion scale in samples) fails only in sample', async () => {
    const r = await runCheck({ command: 'python3', args: [PY, '--bug', 'sample-sqrt-eta'], vectors: miniVectorsFile(), rtol: 1e-9, sampleN: 20_000, sampleCases: 2 });
    expect(failingOps(r)).toEqual(['sample']);
    expect(r.verdicts.find((v) => !v.pass)?.message).toMatch(/^covariance: variance along whitened axis \d is [\d.]+× the exact one/);
  });
});

describe('hasme check: misbehaving processes', () => {
  const quick = { vectors: miniVectorsFile(), ops: ['coefficients' as const], rtol: 1e-9 };

  it('a hanging implementation (ignores SIGTERM, has a grandchild) is killed at the per-request limit', async () => {
    const t0 = Date.now();
    const r = await runCheck({ ...quick, command: 'python3', args: [join(IMPLS, 'hang.py')], caseTimeoutS: 2, timeoutS: 30 });
    expect(Date.now() - t0).toBeLessThan(2000 + 5000);
    expect(r.pass).toBe(false);
    expect(r.problems[0]).toContain('no response within the per-request limit of 2 s (waiting for "coef-r2-sme1")');
    expect(r.verdicts.every((v) => !v.pass && v.message.startsWith('missing: no response within'))).toBe(true);
    // The whole process group died, grandchild included.
    const pid = Number(/grandchild pid (\d+)/.exec(r.problems[0])?.[1]);
    expect(pid).toBeGreaterThan(0);
    await new Promise((ok) => setTimeout(ok, 200));
    expect(alive(pid)).toBe(false);
  });

  it('the overall time limit stops it within --timeout + 5 s even with a long per-request limit (CLI, exit 1)', () => {
    const r = spawnSync('node', ['bin/hasme.js', 'check', '--json', '--vectors', miniVectorsFile(), '--ops', 'moments', '--case-timeout', '100', '--timeout', '3', '--', 'python3', join(IMPLS, 'hang.py')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { elapsedMs: number; problems: string[] };
    // From the start of the implementation to the verdict (the CLI's own start-up is not the implementation's time).
    expect(report.elapsedMs).toBeLessThan(3000 + 5000);
    expect(report.problems[0]).toContain('overall time limit of 3 s exceeded (0 of 35 answered)');
  });

  it('garbage output fails fast: non-JSON lines, NaN, unknown ids', async () => {
    const t0 = Date.now();
    const r = await runCheck({ ...quick, command: 'python3', args: [join(IMPLS, 'garbage.py')], caseTimeoutS: 10, timeoutS: 20 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.pass).toBe(false);
    expect(r.problems).toContainEqual(expect.stringMatching(/^stdout line 1 is not JSON: "computing coef-r2-sme1 \.\.\. done!"/));
    expect(r.problems).toContainEqual(expect.stringContaining('stdout line 2 is not JSON (NaN and Infinity are not JSON numbers)'));
    expect(r.problems).toContainEqual('stdout line 3: unknown id "coef-r2-spf-typo"');
    expect(r.verdicts.every((v) => !v.pass)).toBe(true);
  });

  it('a crash is reported with its exit code and the end of its stderr', async () => {
    const r = await runCheck({ ...quick, command: 'python3', args: [join(IMPLS, 'crash.py')] });
    expect(r.pass).toBe(false);
    expect(r.problems[0]).toMatch(/^implementation exited with code 1 before answering: 27 of 28 requests unanswered; stderr ends: ".*RuntimeError: segmentation fault/);
    expect(r.verdicts[1].message).toBe('missing: implementation exited with code 1 before answering');
  });

  it('a command that does not exist is a clear failure', async () => {
    const r = await runCheck({ ...quick, command: join(IMPLS, 'no-such-program'), args: [] });
    expect(r.pass).toBe(false);
    expect(r.problems[0]).toMatch(/^could not start .*no-such-program: spawn .* ENOENT/);
  });

  it('an output line beyond its cap kills the run', async () => {
    const flood = 'import sys\nsys.stdin.readline()\nsys.stdout.write("[" * 3_000_000)\nsys.stdout.flush()\nimport time\ntime.sleep(30)';
    const r = await runCheck({ ...quick, command: 'python3', args: ['-c', flood], timeoutS: 20 });
    expect(r.problems[0]).toMatch(/stdout line 1 exceeds the cap of \d+ bytes without a newline|output exceeds the cap/);
  });
});

describe('hasme serve passes check on the full vector set', () => {
  it('node bin/hasme.js serve: every op, default tolerances, 6 sample cases at n = 1e5', async () => {
    const r = await runCheck({ command: 'node', args: ['bin/hasme.js', 'serve'], vectors: conformanceVectors(), rtol: 1e-9 });
    const failures = r.verdicts.filter((v) => !v.pass).map((v) => `${v.id}: ${v.message}`);
    expect({ problems: r.problems, failures: failures.slice(0, 10) }).toEqual({ problems: [], failures: [] });
    expect(summarize(r.verdicts).map((s) => [s.op, s.cases > 0])).toEqual([['coefficients', true], ['moments', true], ['sample', true]]);
  });
});
