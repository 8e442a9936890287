// Bad input to the reference raises HasmeInputError with a code naming the problem.
import { describe, expect, it } from 'vitest';
import { HasmeInputError } from '../src/errors.js';
import { refCoefficients } from './index.js';

const H = [['2', '0.5'], ['0.5', '-1']];
const S = [['1', '0.3'], ['0.3', '0.5']];

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    if (err instanceof HasmeInputError) return err.code;
    throw err;
  }
  return undefined;
}

describe('reference input validation', () => {
  const bad: [string, () => unknown, string, RegExp][] = [
    ['non-symmetric H', () => refCoefficients([['2', '0.5'], ['0.4', '-1']], S, '0.3'), 'not-symmetric', /H\[0\]\[1\]/],
    ['non-symmetric Σ', () => refCoefficients(H, [['1', '0.3'], ['0.2', '0.5']], '0.3'), 'not-symmetric', /Sigma\[0\]\[1\]/],
    ['Σ not PSD', () => refCoefficients(H, [['1', '2'], ['2', '1']], '0.3'), 'not-psd', /Sigma has eigenvalue -1/],
    ['η = 0', () => refCoefficients(H, S, '0'), 'eta', /η must be > 0/],
    ['η < 0', () => refCoefficients(H, S, -0.1), 'eta', /η must be > 0/],
    ['η NaN', () => refCoefficients(H, S, Number.NaN), 'eta', /η/],
    ['η not a number', () => refCoefficients(H, S, 'fast'), 'eta', /η/],
    ['ragged H', () => refCoefficients([['1', '0'], ['0']], S, '0.3'), 'shape', /H row 1/],
    ['empty H', () => refCoefficients([], S, '0.3'), 'shape', /H must be a non-empty/],
    ['Σ of the wrong size', () => refCoefficients(H, [['1']], '0.3'), 'shape', /Sigma is 1×/],
    ['NaN entry', () => refCoefficients([[Number.NaN, 0], [0, 1]], S, '0.3'), 'non-finite', /H\[0\]\[0\]/],
    ['Infinity string', () => refCoefficients([['Infinity', '0'], ['0', '1']], S, '0.3'), 'non-finite', /H\[0\]\[0\]/],
    ['hex string', () => refCoefficients([['0x10', '0'], ['0', '1']], S, '0.3'), 'non-finite', /not a finite decimal/],
    ['null entry', () => refCoefficients([[null as unknown as string, '0'], ['0', '1']], S, '0.3'), 'parse', /H\[0\]\[0\]/],
  ];
  for (const [name, f, code, message] of bad) {
    it(`${name} → ${code}`, () => {
      expect(codeOf(f)).toBe(code);
      expect(f).toThrow(message);
    });
  }

  it('asymmetry and negative eigenvalues at rounding level (1e-12 relative) are accepted', () => {
    expect(codeOf(() => refCoefficients([['2', '0.5'], ['0.5000000000000001', '-1']], S, '0.3'))).toBeUndefined();
    expect(codeOf(() => refCoefficients(H, [['1', '1'], ['1', '0.9999999999999999']], '0.3'))).toBeUndefined();
  });

  it('decimal strings are parsed exactly (0.1 is not the double 0.1000000000000000055…)', () => {
    const c = refCoefficients([['10']], [['1']], '0.1', { model: 'sme2' });
    expect(c.drift[0][0].re.eq(1.5)).toBe(true); // 1 + η·10/2 exactly
  });
});
