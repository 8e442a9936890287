/**
 * Conventions users expect of a CLI: --version, no colour codes in pipes or under NO_COLOR /
 * FORCE_COLOR=0 (colour only on a terminal or when forced), --json honoured by --list, and a
 * `--claims` replay that shows only the selected claims with every counterexample's fast-check
 * path in full.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { colorEnabled } from '../src/cli/color.js';
import type { ClaimCheck } from '../src/claims/types.js';
import { reportCommand } from '../src/report/cli.js';

const ESC = '\x1b[';
const hasme = (args: string[], env: Record<string, string | undefined> = {}) =>
  spawnSync('node', ['bin/hasme.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });

describe('colour', () => {
  it('follows NO_COLOR, FORCE_COLOR and the terminal', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(tty, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1', NO_COLOR: 'x' })).toBe(false);
  });

  it('selfcheck prints no colour codes into a pipe, and colours when forced', { timeout: 600_000 }, () => {
    const piped = hasme(['selfcheck', '--digits', '16']);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('Reference self-check');
    expect(piped.stdout).not.toContain(ESC);
    expect(hasme(['selfcheck', '--digits', '16'], { FORCE_COLOR: '1' }).stdout).toContain(ESC);
  });
});

describe('--version and --list --json', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = hasme(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('weak --list --json and explore --list --json print JSON', () => {
    const weak = JSON.parse(hasme(['weak', '--list', '--json']).stdout) as { name: string; claims: string[] }[];
    expect(weak.map((b) => b.name)).toContain('quad-d3');
    const explore = JSON.parse(hasme(['explore', '--list', '--json']).stdout) as { name: string; options: { flag: string; default: number }[] }[];
    expect(explore.map((f) => f.name)).toEqual(expect.arrayContaining(['rotated2x2', 'eta-curvature', 'psd-threshold']));
    expect(explore[0].options[0]).toMatchObject({ flag: expect.stringMatching(/^--/), default: expect.any(Number) });
  });
});

describe('hasme report --claims (replay)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hasme-replay-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows only the selected claims and the failing one\'s seed and fast-check path in full', async () => {
    const description = `H = ${'[[1, 0.25], [0.25, -3]] '.repeat(8)}η = 0.75`;
    const fails: ClaimCheck = {
      id: 'C7',
      title: 'a failing check',
      run: async () => ({ id: 'C7', status: 'fails', cases: 3, worstError: 0.5, notes: '', counterexample: { seed: 99, path: '4:2:0:1', description } }),
    };
    const holds: ClaimCheck = { id: 'C2', title: 'a passing check', run: async () => ({ id: 'C2', status: 'holds', cases: 3, worstError: 0, notes: '' }) };
    let stdout = '';
    const stream = { write: (s: string) => ((stdout += s), true), isTTY: false, columns: 100 } as unknown as NodeJS.WriteStream;
    const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
    const code = await reportCommand({ claims: 'C7', runs: '3', out: dir }, { stdout: stream, stderr: quiet }, { checks: [holds, fails], figures: async () => ({ figures: [], problems: [] }) });
    expect(code).toBe(1);
    const rows = stdout.split('\n').filter((l) => /^│ C\d+ /.test(l));
    expect(rows.map((l) => l.split('│')[1].trim())).toEqual(['C7']);
    expect(stdout).not.toContain('not-run');
    expect(stdout).toContain(`C7 counterexample: ${description} (seed 99, path 4:2:0:1)`);
  });
});
