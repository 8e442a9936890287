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

/** Largest vector file read (the project's set is about 2 MB). */
export const MAX_VECTOR_FILE_BYTES = 256 * 2 ** 20;

/**
 * The first number of a vector line that is beyond double range ("1e999999" overflows to
 * Infinity): such a yardstick cannot be compared with. Returns its field path, or undefined.
 */
function outOfRange(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return /^[\s+-]*\d|^[+-]?\./.test(value) && !Number.isFinite(Number(value)) ? path : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = outOfRange(value[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' || k === 'tags' || k === 'claims' || k === 'error' || k === 'message' || k === 'regime') continue;
      const p = outOfRange(v, path === '' ? k : `${path}.${k}`);
      if (p) return p;
    }
  }
  return undefined;
}

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
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_VECTOR_FILE_BYTES) {
      throw new HasmeInputError('parse', `vectors: ${file} is not a regular file of at most ${MAX_VECTOR_FILE_BYTES / 2 ** 20} MiB`);
    }
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
      const huge = outOfRange(value, '');
      if (huge) throw new HasmeInputError('parse', `vectors: ${where}: field ${huge} is beyond double range (±1.8e308)`);
      const v = value as VectorLine;
      const first = seen.get(v.id);
      if (first) throw new HasmeInputError('parse', `vectors: ${where}: duplicate id "${v.id}" (first at ${first})`);
      seen.set(v.id, where);
      out.push(v);
    });
  }
  return out;
}
