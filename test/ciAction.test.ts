/**
 * The reusable CI step (.github/actions/hasme-check): its shell step, run as the action runs it
 * (inputs as INPUT_* variables, GITHUB_ACTION_PATH, GITHUB_STEP_SUMMARY), checks the Python
 * fixture implementation, writes the JUnit file and the summary, and fails (exit 1, failures in
 * the JUnit file) on the same implementation with a planted bug. action.yml passes every input
 * the script reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ACTION = resolve('.github/actions/hasme-check');
const PY = resolve('test/fixtures/impls/hasme_impl.py');

describe('hasme-check composite action', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hasme-action-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const step = (name: string, command: string) =>
    spawnSync(join(ACTION, 'hasme-check.sh'), [], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, INPUT_COMMAND: command, INPUT_OPS: 'coefficients', INPUT_ARGS: '--case-timeout 120', INPUT_JUNIT: `${name}.xml`, GITHUB_ACTION_PATH: ACTION, GITHUB_STEP_SUMMARY: join(dir, `${name}.md`) },
    });

  it('action.yml hands every input the script reads to its shell step', () => {
    const yml = readFileSync(join(ACTION, 'action.yml'), 'utf8');
    const script = readFileSync(join(ACTION, 'hasme-check.sh'), 'utf8');
    const read = new Set([...script.matchAll(/\$\{?(INPUT_[A-Z]+)/g)].map((m) => m[1]));
    for (const v of read) expect(yml, v).toMatch(new RegExp(`${v}: \\$\\{\\{ inputs\\.${v.slice(6).toLowerCase()} \\}\\}`));
    expect(yml).toContain('"$GITHUB_ACTION_PATH/hasme-check.sh"');
    expect(yml).toMatch(/uses: actions\/upload-artifact@v4[\s\S]*path: \$\{\{ inputs\.junit \}\}/);
  });

  it('passes the Python fixture and publishes JUnit and a summary; fails it with a planted bug', () => {
    const good = step('good', `python3 ${PY}`);
    expect(good.status, good.stderr).toBe(0);
    expect(readFileSync(join(dir, 'good.xml'), 'utf8')).toMatch(/<testsuites name="hasme" tests="\d+" failures="0">/);
    expect(readFileSync(join(dir, 'good.md'), 'utf8')).toMatch(/### hasme check[\s\S]*PASS: all \d+ cases/);
    const bad = step('bad', `python3 ${PY} --bug sigma-not-tilde`);
    expect(bad.status).toBe(1);
    expect(readFileSync(join(dir, 'bad.xml'), 'utf8')).toMatch(/<testsuites name="hasme" tests="\d+" failures="[1-9]\d*">/);
  }, 600_000); // ≈ 5 s; a safety net for a loaded machine
});
