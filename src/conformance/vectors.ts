/**
 * Loading conformance vectors (spec/vectors.md): a .jsonl file, or every .jsonl file of a
 * directory in name order. Each line is validated against spec/schemas/vector.schema.json; a bad
 * line or a duplicate id is a HasmeInputError naming the file and line (the vectors are the
 * yardstick, so they must be right before anything is judged against them).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HasmeInputError } from '../errors.js';
import { packagePath } from '../packageRoot.js';
import { vectorLineProblem } from '../formats/schemas.js';
import type { VectorLine } from '../formats/types.js';

/** The project's own vector set (written by `hasme vectors --out vectors`). */
export const DEFAULT_VECTORS_DIR = packagePath('vectors/');

/** The .jsonl files a path stands for. */
export function vectorFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new HasmeInputError('parse', `vectors: ${path} does not exist (write it with \`hasme vectors --out ${path}\`)`);
  }
  if (!st.isDirectory()) return [path];
  const files = readdirSync(path).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f));
  if (files.length === 0) throw new HasmeInputError('parse', `vectors: no .jsonl files in ${path}`);
  return files;
}

/** Every vector line under `path`, validated, ids unique across files. */
export function loadVectors(path: string): VectorLine[] {
  const out: VectorLine[] = [];
  const seen = new Map<string, string>();
  for (const file of vectorFiles(path)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const where = `${file}:${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new HasmeInputError('parse', `vectors: ${where}: malformed JSON: ${(err as Error).message}`);
      }
      const problem = vectorLineProblem(value);
      if (problem) throw new HasmeInputError('parse', `vectors: ${where}: ${problem}`);
      const v = value as VectorLine;
      const first = seen.get(v.id);
      if (first) throw new HasmeInputError('parse', `vectors: ${where}: duplicate id "${v.id}" (first at ${first})`);
      seen.set(v.id, where);
      out.push(v);
    });
  }
  return out;
}
