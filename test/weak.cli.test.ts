/**
 * `hasme weak` (issue #5 item 5): the JSON contract (exact keys, decimal strings, signed
 * error = sde − sgd, steps = T/η, orders number | "exact"), --list, and typed errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync('node', ['bin/hasme.js', 'weak', ...args], { encoding: 'utf8' });
// decimal.js defaults to 20 significant digits: too few to check 25-digit output.
const Exact = Decimal.clone({ precision: 60 });
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/;

describe('hasme weak', () => {
  it('--json has exactly {rows: [{model, eta, steps, sgd, sde, error}], orders}', () => {
    const out = run('--builtin', 'quad-d3', '--json', '--digits', '25');
    expect(out.status).toBe(0);
    const doc = JSON.parse(out.stdout) as { rows: Record<string, unknown>[]; orders: Record<string, unknown> };
    expect(Object.keys(doc)).toEqual(['rows', 'orders']);
    expect(doc.rows).toHaveLength(16);
    for (const r of doc.rows) {
      expect(Object.keys(r)).toEqual(['model', 'eta', 'steps', 'sgd', 'sde', 'error']);
      for (const k of ['sgd', 'sde', 'error']) expect(r[k]).toMatch(DECIMAL);
      expect(r.steps).toBe(new Exact(2).div(r.eta as string).toNumber());
      // error = sde − sgd up to the rounding of the printed values (25 significant digits of E u ≈ 0.5).
      const gap = new Exact(r.sde as string).minus(r.sgd as string).minus(r.error as string).abs();
      expect(gap.toNumber()).toBeLessThan(2e-25);
    }
    expect(doc.orders.hasme).toBe('exact');
    expect(doc.rows.filter((r) => r.model === 'hasme').every((r) => r.error === '0')).toBe(true);
    for (const m of ['sme1', 'sme2', 'spf']) expect(typeof doc.orders[m]).toBe('number');
    // ±0.15: the order tolerance of issue #5 (fitted slopes over the problem's step sizes).
    expect(Math.abs((doc.orders.sme1 as number) - 1)).toBeLessThan(0.15);
    expect(Math.abs((doc.orders.sme2 as number) - 2)).toBeLessThan(0.15);
  });

  it('--list names the built-ins; the readable table shows the fitted orders', () => {
    expect(run('--list').stdout).toMatch(/finite-sum-d2n4[\s\S]*logcosh/);
    const out = run('--builtin', 'finite-sum-d2n4', '--digits', '20');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/fitted orders[\s\S]*hasme\s+2\.\d+/);
  });

  it('2-D --json adds engineError and belowBar (the rows above C22\'s engine bar; none here) (spec/weak.md §6, §11)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hasme-weak-'));
    try {
      // ridges-d2 over one or two steps (the flagged rows themselves: test/weak.twod.test.ts).
      const file = join(dir, 'r.json');
      const ridges = [{ a: ['1', '0'], lambda: '1' }, { a: ['0.6', '0.8'], lambda: '1' }];
      writeFileSync(file, JSON.stringify({ kind: 'twod', ridges, mu: '0.2', Sigma: [['1', '0.3'], ['0.3', '0.5']], x0: ['1', '-0.5'], T: '0.05', etas: ['0.05', '0.025'], test: { center: ['0.3', '0.2'], width: '1' } }));
      const out = run('--problem', file, '--json');
      expect(out.status).toBe(0);
      const doc = JSON.parse(out.stdout) as { rows: unknown[]; engineError: number; belowBar: unknown[] };
      expect(Object.keys(doc)).toEqual(['rows', 'orders', 'engineError', 'belowBar']);
      expect(doc.rows).toHaveLength(8);
      expect(doc.engineError).toBeGreaterThan(0);
      expect(doc.belowBar).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('bad input exits with code 2 and names the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hasme-weak-'));
    try {
      const file = join(dir, 'p.json');
      writeFileSync(file, JSON.stringify({ kind: 'quadratic', H: [['1']], Sigma: [['1']], x0: ['1'], T: '1', etas: ['0.3'], test: { W: [['1']], w: ['0'] } }));
      const bad = run('--problem', file, '--json');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/hasme: eta: T\/η = 1\/0\.3 is not an integer/);
      writeFileSync(file, '{"kind": ');
      expect(run('--problem', file).stderr).toMatch(/hasme: parse: /);
      expect(run('--builtin', 'quad-d3', '--digits', 'many').status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
