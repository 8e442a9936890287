/**
 * Issue 13 items 4 and 6: `hasme serve` and the double library refuse absurd work up front with a
 * clear code and the limit, and name bad values as written (never "got null", never a bare
 * RangeError/TypeError or "internal error").
 */
import { describe, expect, it } from 'vitest';
import { coefficients, moments } from '../src/index.js';
import { sampleExact } from '../src/library/samplers.js';
import { handleLine } from '../src/serve/handle.js';

const H = [[4, 0], [0, 1]];
const S = [[1, 0], [0, 1]];
const ask = (req: Record<string, unknown>) => JSON.parse(handleLine(JSON.stringify(req))) as { id: string | null; error?: string; message?: string };
const sample = (over: Record<string, unknown>) => ({ id: 's', op: 'sample', model: 'sgd', eta: 0.1, H: [[2, 0, 0], [0, 1, 0], [0, 0, 1]], Sigma: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], x0: [0, 0, 0], steps: 10, n: 100, seed: 1, ...over });

describe('serve: work and response size bounded up front (item 6)', () => {
  it('SGD sample with steps·n·d² beyond the limit is refused at once, with the limit', () => {
    const r = ask(sample({ steps: 1_000_000, n: 1000 }));
    expect(r).toMatchObject({ id: 's', error: 'unsupported' });
    expect(r.message).toMatch(/sample work steps·n·d² = 9\.00e\+9 exceeds the limit of 1e\+9/);
  });

  it('n = 10⁷ at d = 3 (exact sampler) is refused on the response size, not after minutes with "Invalid string length"', () => {
    const r = ask(sample({ model: 'hasme', steps: 1, n: 10_000_000 }));
    expect(r.error).toBe('unsupported');
    expect(r.message).toMatch(/sample response of n·d = 3\.00e\+7 numbers .* exceeds the limit of 256 MiB/);
  });

  it('a request nested 100 000 deep is a parse error, not a stack overflow', () => {
    const r = JSON.parse(handleLine(`{"id":"deep","op":"coefficients","eta":0.1,"H":${'['.repeat(100_000)}${']'.repeat(100_000)},"Sigma":[[1]]}`));
    expect(r.error).toBe('parse');
    expect(r.message).toMatch(/nested 100001 levels deep/);
  });
});

describe('library: clear codes and values as written (item 4)', () => {
  const message = (f: () => unknown) => {
    try {
      f();
      return 'no error';
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };

  it('η·a beyond double range is non-finite, not singular with "tolerance Infinity"', () => {
    expect(message(() => coefficients(H, S, 1e308))).toMatch(/^HasmeInputError: non-finite: η·max\|a_i\| = 1e\+308·4 overflows/);
  });

  it('NaN and Infinity for η and steps are named as such (not "got null")', () => {
    expect(message(() => coefficients(H, S, Number.NaN))).toBe('HasmeInputError: eta: step size eta must be a finite number > 0, got NaN');
    expect(message(() => coefficients(H, S, Number.POSITIVE_INFINITY))).toMatch(/got Infinity$/);
    expect(message(() => moments('sgd', { H, Sigma: S, eta: 0.1, x0: [0, 0] }, Number.NaN))).toMatch(/steps must be a non-negative integer, got NaN$/);
  });

  it('steps = 1e20 is named as too large; a BigInt entry is a typed error', () => {
    expect(message(() => moments('sgd', { H, Sigma: S, eta: 0.1, x0: [0, 0] }, 1e20))).toMatch(/no larger than 2\^53 − 1, got 100000000000000000000$/);
    expect(message(() => coefficients([[1n as unknown as number]], [[1]], 0.1))).toBe('HasmeInputError: non-finite: H[0][0] = 1n (a BigInt) is not a finite number');
  });

  it('sampleExact(n = 1e12) is refused by the protocol cap, not a bare RangeError', () => {
    expect(message(() => sampleExact('hasme', { H, Sigma: S, eta: 0.1, x0: [0, 0] }, 1, 1e12, 1))).toMatch(/^HasmeInputError: unsupported: n = 1000000000000 samples exceeds the limit of 10000000/);
  });
});

describe('serve: request lines are bounded (campaign)', () => {
  it('a 20 MiB line without newline is answered with a parse error and skipped; the next line is answered', async () => {
    const { PassThrough } = await import('node:stream');
    const { serve, MAX_REQUEST_LINE_BYTES } = await import('../src/serve/loop.js');
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString()));
    const done = serve(input, output);
    const block = Buffer.alloc(1 << 20, 0x5b); // '['
    for (let i = 0; i < 20; i++) input.write(block);
    input.end('\n{"id":"ok","op":"coefficients","eta":0.1,"H":[[1]],"Sigma":[[1]]}\n');
    await done;
    const lines = chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(MAX_REQUEST_LINE_BYTES).toBeLessThan(20 << 20);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: null, error: 'parse' });
    expect(lines[0].message).toMatch(/longer than the limit of 16 MiB/);
    expect(lines[1]).toMatchObject({ id: 'ok', regime: 'R' });
  });
});

describe('serve: dimension bounded (campaign)', () => {
  it('d = 600 is refused with the limit instead of minutes of eigendecomposition', () => {
    const I = Array.from({ length: 600 }, (_, i) => Array.from({ length: 600 }, (_, j) => (i === j ? 1 : 0)));
    expect(ask({ id: 'big', op: 'coefficients', eta: 0.1, H: I, Sigma: I })).toMatchObject({ id: 'big', error: 'unsupported', message: expect.stringMatching(/d = 600 exceeds the limit of 512/) });
  });
});
