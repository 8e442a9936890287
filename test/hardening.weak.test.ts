/**
 * Issue 13 items 2, 3, 4, 9 for `hasme weak` and `hasme find`: inputs at or past the documented
 * limits get a typed error with the limit (or an estimate), never a stack overflow, a RangeError
 * from deep inside, an "internal" error or days of work.
 */
import { describe, expect, it } from 'vitest';
import { HasmeInputError } from '../src/errors.js';
import { parseProblem } from '../src/problems/parse.js';
import { weakTable } from '../src/weak/table.js';
import { weakSeconds } from '../src/weak/budget.js';

const oned = (over: Record<string, unknown>) => ({ kind: 'oned', f: 'logcosh', lambda: '2', sigma: '1', x0: '1.5', T: '1', etas: ['0.25', '0.125'], models: ['hasme'], ...over });
const eye = (d: number) => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? '1' : '0')));
const quad = (d: number, over: Record<string, unknown> = {}) => ({ kind: 'quadratic', H: eye(d), Sigma: eye(d), x0: Array(d).fill('1'), T: '1', etas: ['0.25'], test: { W: eye(d), w: Array(d).fill('0') }, ...over });

async function failure(problem: Record<string, unknown>): Promise<HasmeInputError> {
  const err = await weakTable(parseProblem(problem)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HasmeInputError);
  return err as HasmeInputError;
}

describe('weak: typed errors inside and at the limits (item 2)', () => {
  it('1-D, T = 10000, η = 0.1 (10⁵ steps, the documented maximum): refused at once with the grid size, no stack overflow', async () => {
    const problem = parseProblem(oned({ lambda: '1', T: '10000', etas: ['0.1'] }));
    const estimate = await weakTable(problem).catch((e: unknown) => e);
    expect(estimate).toBeInstanceOf(HasmeInputError);
    expect((estimate as Error).message).toMatch(/estimated run time [\d.e+]+ days on one core/);
    const forced = await weakTable(problem, { force: true }).catch((e: unknown) => e);
    expect(forced).toBeInstanceOf(HasmeInputError);
    expect((forced as Error).message).toMatch(/would need \d+ grid points .* more than 200000/);
  });

  it('1-D x0 = "1e308" is refused by name (not "uniformGrid: need lo < hi")', async () => {
    expect((await failure(oned({ x0: '1e308' }))).message).toMatch(/grid .* reaches beyond ±1000000/);
  });

  it('1-D sigma = "1e200" is refused with the limit (not "internal: non-finite")', async () => {
    expect((await failure(oned({ sigma: '1e200' }))).message).toMatch(/sigma = 1e200 exceeds the 1-D engine's limit/);
  });

  it('a quadratic with x0 = "1e9000000000000000" is non-finite at parse time (not a RangeError in the dot product)', () => {
    expect(() => parseProblem(quad(2, { x0: ['1e9000000000000000', '0'] }))).toThrow(/x0\[0\]: 1e9000000000000000 is beyond double range/);
  });
});

describe('weak: absurd sizes estimated up front (item 9)', () => {
  it('d = 8 with T/η = 100 000 is refused with the estimate', async () => {
    const err = await failure(quad(8, { T: '1000', etas: ['0.01'] }));
    expect(err.message).toMatch(/^unsupported: estimated run time [\d.]+ (min|h) on one core exceeds the limit of 5 min .*--force/);
  });

  it('2 000 identical etas and duplicate models are rejected', () => {
    expect(() => parseProblem(quad(2, { etas: Array(2000).fill('0.25') }))).toThrow(/etas\[1\] = 0.25 repeats etas\[0\]/);
    expect(() => parseProblem(quad(2, { etas: ['0.25', '0.250'] }))).toThrow(/repeats/);
    expect(() => parseProblem(quad(2, { models: ['hasme', 'sme1', 'hasme'] }))).toThrow(/models\[2\] = hasme repeats models\[0\]/);
  });

  it('the built-in sized problems stay far below the limit', () => {
    expect(weakSeconds(parseProblem(oned({})))).toBeLessThan(30);
    expect(weakSeconds(parseProblem(quad(2)))).toBeLessThan(1);
  });
});

describe('find: a path beyond the run is a clear error (item 3)', () => {
  it('--path 999999:999999:999999 gives a typed error, not fast-check\'s "Unable to replay"', async () => {
    const { findCommand } = await import('../src/find/cli.js');
    const err = await findCommand({ claim: 'C7', path: '999999:999999:999999' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HasmeInputError);
    expect((err as Error).message).toMatch(/--path 999999:999999:999999 does not replay a case/);
  });
});

describe('weak: a huge η is regime X, not S (item 4)', () => {
  it('η = 1e296 with H = I: the reference says X (as the library does), and weak names regime X', async () => {
    const { refCoefficients } = await import('../reference/index.js');
    const zero = [['0', '0'], ['0', '0']];
    expect(refCoefficients(eye(2), zero, '1e296', { digits: 40, model: 'hasme' }).regime).toBe('X');
    // A true pole stays S: m_1 m_2 = 1 with m = −2, −1/2 (η = 1, a = 3, 3/2).
    expect(() => refCoefficients([['3', '0'], ['0', '1.5']], zero, '1', { digits: 40, model: 'hasme' })).toThrow(/pole of φ/);
    const err = await failure(quad(2, { T: '1e296', etas: ['1e296'] }));
    expect(err.message).toMatch(/gives regime X/);
  });
});

describe('weak: problem files are read with a size cap (campaign)', () => {
  it('--problem /dev/zero is refused at once, not read forever', async () => {
    const { loadProblem } = await import('../src/weak/load.js');
    await expect(loadProblem({ problem: '/dev/zero' })).rejects.toThrow(/not a regular file of at most 16 MiB/);
  });
});
