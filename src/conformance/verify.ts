/**
 * `hasme verify`: judges an answers file (JSON Lines responses, any order) against conformance
 * vectors, case by case (spec/protocol.md §Verdicts).
 */
import { readFileSync } from 'node:fs';
import { HasmeInputError } from '../errors.js';
import { Judge, type Judgement } from './judge.js';
import { loadVectors } from './vectors.js';

export function runVerify(opts: { vectors: string; answers: string; rtol: number }): Judgement {
  const vectors = loadVectors(opts.vectors);
  let text: string;
  try {
    text = readFileSync(opts.answers, 'utf8');
  } catch (err) {
    throw new HasmeInputError('parse', `verify: cannot read answers file ${opts.answers}: ${(err as Error).message}`);
  }
  const judge = new Judge(vectors.map((vector) => ({ kind: 'vector' as const, vector })), opts.rtol);
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      judge.problem(`answers line ${i + 1} is not JSON: ${JSON.stringify(line.slice(0, 80))}`);
      return;
    }
    judge.offer(value, `answers line ${i + 1}`);
  });
  return judge.finish('no answer in the answers file');
}
