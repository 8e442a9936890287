/**
 * Problem files and built-ins of `hasme weak` / `hasme escape` (issue #5 item 1, 5): every defect
 * is a HasmeInputError with the right code; built-ins parse; regime X/S step sizes are refused.
 */
import { describe, expect, it } from 'vitest';
import { HasmeInputError, type ErrorCode } from '../src/errors.js';
import { builtinProblem, listBuiltins } from '../src/problems/builtin.js';
import { parseProblem, parseProblemText } from '../src/problems/parse.js';
import { stepsOf } from '../src/problems/steps.js';
import { weakTable } from '../src/weak/table.js';

const QUAD = {
  kind: 'quadratic',
  H: [['1', '0.5'], ['0.5', '2']],
  Sigma: [['1', '0'], ['0', '1']],
  x0: ['1', '0'],
  T: '1',
  etas: ['0.1', '0.05'],
  test: { W: [['1', '0'], ['0', '1']], w: ['0', '0'] },
};

function codeOf(f: () => unknown): ErrorCode | 'none' {
  try {
    f();
    return 'none';
  } catch (err) {
    if (err instanceof HasmeInputError) return err.code;
    throw err;
  }
}

async function asyncCodeOf(f: () => Promise<unknown>): Promise<ErrorCode | 'none'> {
  try {
    await f();
    return 'none';
  } catch (err) {
    if (err instanceof HasmeInputError) return err.code;
    throw err;
  }
}

describe('problem files', () => {
  it('parses a valid quadratic and keeps decimal strings exact', () => {
    const p = parseProblem({ ...QUAD, H: [[1, 0.1], [0.1, 2]] });
    expect(p.kind).toBe('quadratic');
    if (p.kind === 'quadratic') {
      expect(p.H[0][1]).toBe('0.1');
      expect(p.models).toEqual(['sme1', 'sme2', 'spf', 'hasme']);
    }
  });

  it.each([
    ['malformed JSON', () => parseProblemText('{"kind": "quadratic",'), 'parse'],
    ['unknown kind', () => parseProblem({ ...QUAD, kind: 'cubic' }), 'unsupported'],
    ['missing field', () => parseProblem({ ...QUAD, x0: undefined }), 'shape'],
    ['non-symmetric H', () => parseProblem({ ...QUAD, H: [['1', '0.5'], ['0.4', '2']] }), 'not-symmetric'],
    ['non-PSD Σ', () => parseProblem({ ...QUAD, Sigma: [['1', '2'], ['2', '1']] }), 'not-psd'],
    ['ragged H', () => parseProblem({ ...QUAD, H: [['1', '0.5'], ['0.5']] }), 'shape'],
    ['x0 of wrong length', () => parseProblem({ ...QUAD, x0: ['1'] }), 'shape'],
    ['NaN entry', () => parseProblem({ ...QUAD, x0: [Number.NaN, 0] }), 'non-finite'],
    ['non-number string', () => parseProblem({ ...QUAD, T: 'one' }), 'non-finite'],
    ['η ≤ 0', () => parseProblem({ ...QUAD, etas: ['0'] }), 'eta'],
    ['T/η not an integer', () => parseProblem({ ...QUAD, etas: ['0.3'] }), 'eta'],
    ['unknown model', () => parseProblem({ ...QUAD, models: ['sme3'] }), 'unsupported'],
    ['finite sum with c of the wrong count', () => parseProblem({ kind: 'finite-sum', A: [QUAD.H, QUAD.H], c: [['1', '0']], x0: ['0', '0'], T: '1', etas: ['0.1'], test: QUAD.test }), 'shape'],
    ['saddle with steps 0', () => parseProblem({ kind: 'saddle', H: QUAD.H, Sigma: QUAD.Sigma, x0: ['0', '0'], eta: '0.1', radius: '1', steps: 0 }), 'parse'],
    ['1-D with unknown f', () => parseProblem({ kind: 'oned', f: 'sin', lambda: '1', sigma: '1', x0: '0', T: '1', etas: ['0.1'] }), 'unsupported'],
  ])('%s → HasmeInputError', (_name, f, code) => {
    expect(codeOf(f)).toBe(code);
  });

  it('steps = T/η is decided exactly, not in floating point', () => {
    expect(stepsOf('0.3', '0.1')).toBe(3); // 0.3/0.1 = 2.9999999999999996 in doubles
    expect(stepsOf('1', '0.0015625')).toBe(640);
    expect(codeOf(() => stepsOf('1', '0.0015626'))).toBe('eta');
  });

  it('every built-in parses and is listed', () => {
    const names = listBuiltins().map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(['quad-d3', 'finite-sum-d2n4', 'saddle-d2', 'logcosh', 'cos']));
    for (const b of listBuiltins()) expect(builtinProblem(b.name).kind).toBe(b.kind);
    expect(codeOf(() => builtinProblem('nope'))).toBe('unsupported');
  });

  it('regime X and S step sizes are refused by the weak engines (regime R only)', async () => {
    // a = 2.5: η = 0.5 gives m = −0.25 (X); η = 0.4 gives m = 0 (S).
    const H = [['2.5', '0'], ['0', '1']];
    expect(await asyncCodeOf(() => weakTable(parseProblem({ ...QUAD, H, etas: ['0.5'] }), { digits: 20 }))).toBe('unsupported');
    expect(await asyncCodeOf(() => weakTable(parseProblem({ ...QUAD, H, T: '2', etas: ['0.4'] }), { digits: 20 }))).toBe('singular');
    const oned = { kind: 'oned', f: 'logcosh', lambda: '4', sigma: '1', x0: '0', T: '1', etas: ['0.25'] };
    expect(await asyncCodeOf(() => weakTable(parseProblem(oned)))).toBe('unsupported');
    expect(await asyncCodeOf(() => weakTable(builtinProblem('saddle-d2')))).toBe('unsupported');
  });
});
