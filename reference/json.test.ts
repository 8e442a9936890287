// JSON output helpers: significant-digit rounding and the real/complex emission rule.
import { describe, expect, it } from 'vitest';
import { Complex, complexMatrixToJSON, complexVectorToJSON, context, decimalToJSON } from './index.js';

const ctx = context({ digits: 50 });
const c = (re: string, im: string) => new Complex(new ctx.D(re), new ctx.D(im));

describe('JSON output', () => {
  it('rounds to the requested significant digits and writes valid decimal strings', () => {
    expect(decimalToJSON(new ctx.D(2).sqrt(), 10)).toBe('1.414213562');
    expect(decimalToJSON(new ctx.D('-1.25e-30'), 45)).toBe('-1.25e-30');
    expect(decimalToJSON(ctx.zero, 45)).toBe('0');
  });

  it('writes real strings when the imaginary part is below the written precision, else [re, im] pairs', () => {
    expect(complexVectorToJSON([c('1', '1e-60'), c('2', '0')], 45)).toEqual(['1', '2']);
    expect(complexVectorToJSON([c('1', '1e-40'), c('2', '0')], 45)).toEqual([['1', '1e-40'], ['2', '0']]);
    expect(complexMatrixToJSON([[c('0.5', '-3.1415')]], 3)).toEqual([[['0.5', '-3.14']]]);
  });
});

describe('noise floor', () => {
  it('writes parts below 10^−floor·‖M‖ as exact zeros', () => {
    const M = [[c('2', '1e-70'), c('3e-66', '0')], [c('3e-66', '0'), c('1', '0')]];
    expect(complexMatrixToJSON(M, 45, 60)).toEqual([['2', '0'], ['0', '1']]);
    expect(complexMatrixToJSON(M, 45)[0][1]).toBe('3e-66');
  });
});
