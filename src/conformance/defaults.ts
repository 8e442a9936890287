/**
 * Defaults of `hasme verify` and `hasme check` (spec/protocol.md §7–§9), in a module without
 * imports so the command definitions can show them without loading the harness.
 */

/** Relative tolerance of every comparison (a case's own larger rtol wins). */
export const DEFAULT_RTOL = 1e-9;
/** Longest wait for each next response while requests are outstanding, seconds. */
export const DEFAULT_CASE_TIMEOUT_S = 60;
/** Overall time limit of a check, seconds. */
export const DEFAULT_TIMEOUT_S = 300;
/** Samples per sample case, and the fewest accepted. */
export const DEFAULT_SAMPLE_N = 100_000;
export const MIN_SAMPLE_N = 100;
/** Most samples per case: the protocol's cap on a request's n (spec/protocol.md §3). */
export const MAX_SAMPLE_N = 10_000_000;
/** Largest relative tolerance: a vector's own rtol is at most 1 (spec/schemas/vector.schema.json). */
export const MAX_RTOL = 1;
/** Cap on one coefficients/moments response line, bytes (a d = 8 complex answer is ~10 kB). */
export const RESULT_LINE_CAP = 1 << 20;
/** Number of sample cases. */
export const DEFAULT_SAMPLE_CASES = 6;
