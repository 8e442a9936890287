/**
 * Parsing of protocol request lines (spec/protocol.md). The parser checks the envelope only,
 * against spec/schemas/request.schema.json: JSON syntax, required fields, field types, op and
 * model names, integer steps/n/seed. Numeric validation (finite entries, square and matching
 * shapes, symmetry, PSD, η > 0) is the implementation's job and reported with its own codes.
 */
import { HasmeInputError } from '../errors.js';
import type { Request, VectorLine } from './types.js';
import { formatProblem, schemaProblem } from './schemas.js';

/** Deepest JSON nesting accepted in a line (a request needs 3: object, matrix, row). */
export const MAX_JSON_DEPTH = 32;

/** Largest bracket nesting of a JSON text (brackets inside strings ignored), without recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** The id of a parsed-but-invalid line, when it has a usable one (so errors can carry it). */
function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Validates an already-decoded request object.
 * @throws HasmeInputError `unsupported` for a well-formed request naming an unknown op or model
 *   (or `coefficients` of model `sgd`), `parse` for any other wrong shape; the message names the
 *   field and `detail` holds `{ id?, field }`.
 */
export function parseRequest(value: unknown): Request {
  const problem = schemaProblem('request', value);
  if (problem === undefined) return value as Request;
  const unknownName =
    (problem.field === 'op' || problem.field === 'model') &&
    (problem.keyword === 'enum' || problem.keyword === 'discriminator') &&
    typeof problem.value === 'string';
  const detail: Record<string, unknown> = { field: problem.field };
  const id = idOf(value);
  if (id !== undefined) detail.id = id;
  throw new HasmeInputError(unknownName ? 'unsupported' : 'parse', formatProblem(problem), detail);
}

/**
 * Parses one JSON Lines request (spec/protocol.md §Requests).
 * @throws HasmeInputError `parse` for malformed JSON or a wrong envelope, `unsupported` for an
 *   unknown op or model; see {@link parseRequest}.
 */
export function parseRequestLine(line: string): Request {
  const depth = nestingDepth(line);
  if (depth > MAX_JSON_DEPTH) throw new HasmeInputError('parse', `line nested ${depth} levels deep, more than the ${MAX_JSON_DEPTH} any request needs`, { field: '' });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new HasmeInputError('parse', `malformed JSON: ${(err as Error).message}`, { field: '' });
  }
  return parseRequest(value);
}

/** The request a vector line stands for: the line without expected, tags, claims and rtol. */
export function requestOf(vector: VectorLine): Request {
  const { expected: _e, tags: _t, claims: _c, rtol: _r, ...request } = vector;
  return request as Request;
}
