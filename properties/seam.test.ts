/**
 * The seam works (issue #4 acceptance): broken implementations injected through HasmeImpl make the
 * property suite fail with a shrunk, readable counterexample (small d, round numbers), printed
 * with its replay seed and fast-check path. Bugs (properties/bugs.ts): Σ instead of Σ̃; a wrong log
 * branch (+iπ instead of the principal −iπ) in the drift while Σ̃ keeps the principal branch; for C8
 * also a driftMatrix that is T, and a covariance reported as the pseudo-covariance in regime X.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimCheck, ClaimOutcome } from '../src/claims/types.js';
import { seed } from './budget.js';
import { libraryImpl, type HasmeImpl } from './impl.js';
import { makeC1 } from './claims/C1.js';
import { makeC2 } from './claims/C2.js';
import { makeC3 } from './claims/C3.js';
import { makeC5 } from './claims/C5.js';
import { makeC12 } from './claims/C12.js';
import { makeC8 } from './claims/C8.js';
import { BUGS } from './bugs.js';

const good = libraryImpl();

const bug = (id: string): HasmeImpl => BUGS.find((b) => b.id === id)!.impl();
const sigmaForSigmaTilde = bug('sigma-for-sigma-tilde');
const wrongBranch = bug('wrong-log-branch');

const suite = (impl: HasmeImpl): ClaimCheck[] => [makeC1(impl), makeC2(impl), makeC3(impl), makeC5(impl), makeC12(impl)];

/** A readable number: an integer multiple of 1/64 (shrinking reaches grids of halves/quarters over powers of two). */
const isRound = (x: number) => Number.isInteger(x * 64);

async function failures(impl: HasmeImpl): Promise<ClaimOutcome[]> {
  const outs: ClaimOutcome[] = [];
  for (const c of suite(impl)) outs.push(await c.run({ runs: 40, seed: seed() }));
  return outs.filter((o) => o.status === 'fails');
}

function expectReadable(o: ClaimOutcome): void {
  const cx = o.counterexample!;
  expect(cx, `${o.id} failed without a counterexample`).toBeDefined();
  console.log(`${o.id} counterexample (replay: HASME_SEED=${cx.seed}, path ${cx.path}):\n  ${cx.description}\n  request: ${JSON.stringify(cx.request)}`);
  expect(Number.isInteger(cx.seed)).toBe(true);
  expect(cx.path).toMatch(/^\d+(:\d+)*$/);
  const req = cx.request as { H: number[][]; Sigma: number[][]; eta: number };
  expect(req.H.length).toBeLessThanOrEqual(2);
  expect(isRound(req.eta), `η = ${req.eta}`).toBe(true);
  for (const row of req.H) for (const x of row) expect(isRound(x), `H entry ${x}`).toBe(true);
}

describe('the seam catches broken implementations', () => {
  it('C2, C5: Σ instead of Σ̃ fails with a small, round counterexample', async () => {
    const failed = await failures(sigmaForSigmaTilde);
    expect(failed.map((o) => o.id)).toEqual(expect.arrayContaining(['C2', 'C5']));
    failed.forEach(expectReadable);
  });

  it('C2: a wrong log branch in the drift fails in regime X with a small, round counterexample', async () => {
    const failed = await failures(wrongBranch);
    expect(failed.map((o) => o.id)).toContain('C2');
    const c2 = failed.find((o) => o.id === 'C2')!;
    expect(c2.counterexample!.description).toMatch(/\bX\b/);
    failed.forEach(expectReadable);
  });

  it('C8: a wrong log branch, a wrong driftMatrix and cov = pcov in X fail with small, round counterexamples', async () => {
    for (const id of ['wrong-log-branch', 'drift-matrix-is-T', 'cov-is-pcov-in-X']) {
      const out = await makeC8(bug(id)).run({ runs: 40, seed: seed() });
      expect(out.status, `${id}: ${out.notes}`).toBe('fails');
      expectReadable(out);
    }
  });

  it('the unbroken library passes the same suite', async () => {
    expect((await failures(good)).map((o) => o.id)).toEqual([]);
  });
});
