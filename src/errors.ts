/**
 * Typed input errors shared by the reference (reference/) and the double library (src/).
 * Sharing the error type is sharing a format, not model code: each implementation does its
 * own validation and raises these with its own message.
 */

/** Machine-readable error codes; the protocol's `"error"` field carries exactly these. */
export const ERROR_CODES = [
  'not-symmetric', // H or Σ not symmetric within the documented tolerance
  'not-psd', // Σ has a negative eigenvalue beyond the documented tolerance
  'shape', // wrong dimensions, ragged rows, empty matrix, x0 of the wrong length
  'non-finite', // NaN, ±Infinity, or a string that is not a number
  'eta', // η ≤ 0 or not a number
  'singular', // regime S (spec/claims.md C9): some m_i = 0 or a pole of φ
  'parse', // malformed JSON or a request/vector line of the wrong form
  'unsupported', // a well-formed request for something not defined (unknown op/model, complex sampling)
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Raised on bad input or on a request in the singular set; `code` says which. */
export class HasmeInputError extends Error {
  override readonly name = 'HasmeInputError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Optional structured detail, e.g. `{ index: 2, eigenvalue: "-1e-3" }`. */
    readonly detail?: Record<string, unknown>,
  ) {
    super(`${code}: ${message}`);
  }
}

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && (ERROR_CODES as readonly string[]).includes(x);
}
