/**
 * `hasme serve`: one response line per request line with the same id, errors as lines (id null
 * when unreadable), never stopping on bad input; the CLI exits 0 at end of input.
 */
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serve } from './loop.js';

const LINES = [
  '{"id":"c1","op":"coefficients","eta":"0.25","H":[["2","0"],["0","1"]],"Sigma":[["1","0"],["0","1"]]}',
  'not json',
  '',
  '{"id":"s1","op":"coefficients","eta":1,"H":[[1]],"Sigma":[[1]]}',
  '{"id":"m1","op":"moments","model":"sgd","eta":0.5,"H":[[1]],"Sigma":[[2]],"x0":[4],"steps":2}',
  '{"id":"x1","op":"coefficients","eta":1,"H":[[3]],"Sigma":[[1]]}',
  '{"id":"b1","op":"moments","model":"hasme","eta":0.1,"H":[[1,2],[0,1]],"Sigma":[[1,0],[0,1]],"x0":[0,0],"steps":1}',
  '{"id":"p1","op":"sample","model":"sme1","eta":0.1,"H":[[1]],"Sigma":[[1]],"x0":[0],"steps":1,"n":3,"seed":5}',
  '{"op":"coefficients"}',
];

async function run(lines: string[]): Promise<Record<string, unknown>[]> {
  const input = new PassThrough(), output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString()));
  const done = serve(input, output);
  input.end(lines.join('\n') + '\n');
  await done;
  return chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('hasme serve', () => {
  it('answers every non-blank line, in order, and survives bad input', async () => {
    const out = await run(LINES);
    expect(out.map((r) => [r.id, r.error ?? 'ok'])).toEqual([
      ['c1', 'ok'], [null, 'parse'], ['s1', 'singular'], ['m1', 'ok'], ['x1', 'ok'], ['b1', 'not-symmetric'], ['p1', 'ok'], [null, 'parse'],
    ]);
    expect(out[0]).toMatchObject({ regime: 'R' });
    // SGD, m = 1/2: mean 4·(1/2)² = 1, variance η²·2·(1 − 1/16)/(1 − 1/4) = 0.625.
    expect(out[3]).toEqual({ id: 'm1', mean: [1], pcov: [[0.625]], cov: [[0.625]] });
    // Regime X: complex entries as [re, im].
    expect(Array.isArray((out[4].drift as unknown[][])[0][0])).toBe(true);
    expect((out[6].samples as number[][]).length).toBe(3);
  });

  it('the CLI exits 0 at end of input', () => {
    const r = spawnSync('node', ['bin/hasme.js', 'serve'], { input: `${LINES[1]}\n${LINES[0]}\n`, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });
});
