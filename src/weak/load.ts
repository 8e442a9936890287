/**
 * Problem selection shared by `hasme weak` and `hasme escape`: `--problem FILE` or `--builtin NAME`.
 */
import { readFile, stat } from 'node:fs/promises';
import { integerOption } from '../cli/options.js';
import { HasmeInputError } from '../errors.js';
import { builtinProblem } from '../problems/builtin.js';
import { parseProblemText } from '../problems/parse.js';
import type { Problem } from '../problems/types.js';

/** Largest problem file read. */
export const MAX_PROBLEM_FILE_BYTES = 16 * 2 ** 20;

export async function loadProblem(opts: { problem?: string; builtin?: string }): Promise<Problem> {
  if (opts.problem && opts.builtin) throw new HasmeInputError('parse', 'give either --problem FILE or --builtin NAME, not both');
  if (opts.builtin) return builtinProblem(opts.builtin);
  if (!opts.problem) throw new HasmeInputError('parse', 'missing --problem FILE or --builtin NAME (see --list)');
  let text: string;
  try {
    // A problem file is a few kB: refuse devices, FIFOs and huge files instead of reading them whole.
    const st = await stat(opts.problem);
    if (!st.isFile() || st.size > MAX_PROBLEM_FILE_BYTES) throw new HasmeInputError('parse', `problem file ${opts.problem} is not a regular file of at most ${MAX_PROBLEM_FILE_BYTES / 2 ** 20} MiB`);
    text = await readFile(opts.problem, 'utf8');
  } catch (err) {
    if (err instanceof HasmeInputError) throw err;
    throw new HasmeInputError('parse', `cannot read problem file ${opts.problem}: ${(err as Error).message}`);
  }
  return parseProblemText(text);
}

/** Parses --digits: an integer in [10, 500]. */
export function parseDigits(v: string | undefined, fallback = 40): number {
  return v === undefined ? fallback : integerOption('--digits', v, 10, 500);
}
