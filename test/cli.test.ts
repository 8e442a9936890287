/**
 * The `hasme` dispatcher (src/cli/main.ts) as a new user meets it: one line per command in
 * `--help`, exit code 2 with a message naming the problem for usage errors and bad option values,
 * never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const hasme = (...args: string[]) => spawnSync('node', ['bin/hasme.js', ...args], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80' } });

describe('hasme CLI', () => {
  it('--help lists every command on one line of at most 80 columns', () => {
    const out = hasme('--help');
    expect(out.status).toBe(0);
    const lines = out.stdout.split('\n');
    const commands = lines.slice(lines.indexOf('Commands:') + 1).filter((l) => l.trim() !== '');
    const names = ['report', 'selfcheck', 'vectors', 'serve', 'verify', 'check', 'weak', 'escape', 'explore', 'find', 'help'];
    // One line per command: each line starts with a command name, and every command has one.
    expect(commands.map((l) => l.trim().split(/\s+/)[0])).toEqual(names);
    for (const l of commands) expect([...l].length).toBeLessThanOrEqual(80);
  });

  it('usage errors and bad option values exit 2 with a message naming the option, no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['weak', '--bogus'], /unknown option '--bogus'/],
      [['nosuch'], /unknown command 'nosuch'/],
      [['selfcheck', '--digits', 'x'], /--digits must be an integer in \[16, 500\], got "x"/],
      [['vectors', '--seed', '1.5', '--out', 'unused'], /--seed must be an integer/],
      [['find', '--claim', 'psd-small-step', '--path', 'zz'], /--path must be a fast-check replay path/],
      [['find', '--claim', 'NOPE'], /unknown claim "NOPE"/],
      [['check', '--timeout', '1e7', '--', 'true'], /--timeout must be a positive number no larger than/],
      [['explore', '--family', 'eta-curvature', '--eta', '1e-320'], /--eta = 1e-320: too small/],
    ];
    for (const [args, message] of cases) {
      const out = hasme(...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toMatch(message);
      expect(out.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });
});
