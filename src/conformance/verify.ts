/**
 * `hasme verify`: judges an answers file (JSON Lines responses, any order) against conformance
 * vectors, case by case (spec/protocol.md §Verdicts). The file is streamed with a cap per line
 * (a response's cap, spec/protocol.md §7) and in total, so /dev/zero or a flood fails cleanly.
 */
import { MAX_JSON_DEPTH, nestingDepth } from '../formats/requests.js';
import { boundedLines } from '../io/lines.js';
import { RESULT_LINE_CAP } from './defaults.js';
import { Judge, type Judgement } from './judge.js';
import { loadVectors } from './vectors.js';

/** Extra answer lines allowed beyond one per case (duplicates, blank lines, notes). */
const SLACK_LINES = 1000;

export async function runVerify(opts: { vectors: string; answers: string; rtol: number }): Promise<Judgement> {
  const vectors = loadVectors(opts.vectors);
  const judge = new Judge(vectors.map((vector) => ({ kind: 'vector' as const, vector })), opts.rtol);
  const limits = {
    maxLineBytes: RESULT_LINE_CAP,
    maxLines: 2 * vectors.length + SLACK_LINES,
    maxTotalBytes: (vectors.length + 16) * RESULT_LINE_CAP,
    what: `verify: answers file ${opts.answers}`,
  };
  for await (const { lineNo, text } of boundedLines(opts.answers, limits)) {
    if (text.trim() === '') continue;
    if (nestingDepth(text) > MAX_JSON_DEPTH) {
      judge.problem(`answers line ${lineNo} is nested deeper than the ${MAX_JSON_DEPTH} levels any answer needs`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      judge.problem(`answers line ${lineNo} is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
      continue;
    }
    judge.offer(value, `answers line ${lineNo}`);
  }
  return judge.finish('no answer in the answers file');
}
