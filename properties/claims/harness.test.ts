/**
 * The harness counts only asserted cases (issue 10): skipped cases are reported by reason and
 * replaced, their labels and errors are discarded; the worst error/tolerance ratio is recorded; a
 * property that can only skip fails instead of holding vacuously; mergeChecks keeps each part.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimCheck, mergeChecks } from './harness.js';

const parity = (skipAll = false) =>
  claimCheck('C1', 'parity', 'test notes.', () => [
    {
      name: 'even numbers below 10',
      tolerance: 10,
      arb: fc.integer({ min: 0, max: 9 }),
      body: (v: number, rec) => {
        if (skipAll || v % 2 === 1) rec.skip('odd');
        rec.label(`v=${v}`);
        rec.error(v);
      },
      describeCase: (v: number) => String(v),
    },
  ]);

describe('claim harness', () => {
  it('counts asserted cases, reports skipped ones by reason, and records err/tol', async () => {
    const out = await parity().run({ runs: 50, seed: 7 });
    expect(out.status).toBe('holds');
    expect(out.cases).toBe(50);
    expect(out.skipped?.odd).toBeGreaterThan(0);
    expect(Object.keys(out.coverage ?? {}).every((l) => Number(l.slice(2)) % 2 === 0)).toBe(true);
    expect(out.tolerance).toBe(10);
    expect(out.worstRatio).toBe(out.worstError! / 10);
    expect(out.worstRatio!).toBeLessThan(1);
  });

  it('a property that only skips fails (never a vacuous holds)', async () => {
    const out = await parity(true).run({ runs: 20, seed: 7 });
    expect(out.status).toBe('fails');
    expect(out.cases).toBe(0);
  });

  it('mergeChecks keeps each implementation’s verdict in parts', async () => {
    const out = await mergeChecks([
      { implementation: 'a', check: parity() },
      { implementation: 'b', check: parity(true) },
    ]).run({ runs: 20, seed: 7 });
    expect(out.status).toBe('fails');
    expect(out.parts?.map((p) => [p.implementation, p.status])).toEqual([
      ['a', 'holds'],
      ['b', 'fails'],
    ]);
  });
});
