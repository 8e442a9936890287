/**
 * One protocol request → one response object (spec/protocol.md), answered by the double library.
 * Never throws: every failure becomes `{ id, error, message }`.
 */
import { HasmeInputError } from '../errors.js';
import type { MatrixJSON, RealMatrixJSON, RealVectorJSON, Request, Response } from '../formats/types.js';
import { parseRequestLine } from '../formats/requests.js';
import { toJSON } from '../linalg/complex.js';
import { coefficients } from '../library/coefficients.js';
import { finiteEntry, requireEta } from '../library/input.js';
import { moments } from '../library/moments.js';
import { sampleExact } from '../library/samplers.js';

/** Decimal strings and numbers → numbers; `non-finite` names the entry ("1e999", "abc"). */
function numericMatrix(name: string, m: RealMatrixJSON): number[][] {
  return m.map((row, i) => row.map((v, j) => finiteEntry(`${name}[${i}][${j}]`, v)));
}

function numericVector(name: string, v: RealVectorJSON): number[] {
  return v.map((x, i) => finiteEntry(`${name}[${i}]`, x));
}

/**
 * Most work of one `sample` request, in units of (SGD steps)·n·d² (spec/protocol.md §3): about a
 * minute on one core (measured: 10⁷ steps·n at d = 2 in 3.7 s). Past it the request is refused
 * up front, so one request cannot hold the session for hours.
 */
export const MAX_SAMPLE_WORK = 1e9;
/** Largest response line, bytes: a JSON text far below V8's string limit (~512 MiB). */
export const MAX_RESPONSE_BYTES = 256 * 2 ** 20;
/** Bytes per sample number in a response (a double prints in at most 24 characters, plus a separator). */
const BYTES_PER_NUMBER = 25;

/** Largest dimension served: an eigendecomposition of d = 512 takes about a second; d = 1500 took minutes. */
export const MAX_SERVE_DIM = 512;

/** Refuses a sample request whose work or response exceeds the limits above, with the estimate. */
export function requireSampleBudget(req: Extract<Request, { op: 'sample' }>): void {
  const d = req.H.length;
  const work = (req.model === 'sgd' ? Math.max(1, req.steps) : 1) * req.n * d * d;
  if (work > MAX_SAMPLE_WORK) {
    throw new HasmeInputError('unsupported', `sample work ${req.model === 'sgd' ? 'steps·' : ''}n·d² = ${work.toExponential(2)} exceeds the limit of ${MAX_SAMPLE_WORK.toExponential(0)} (spec/protocol.md §3)`);
  }
  const bytes = req.n * d * BYTES_PER_NUMBER;
  if (bytes > MAX_RESPONSE_BYTES) {
    throw new HasmeInputError('unsupported', `sample response of n·d = ${(req.n * d).toExponential(2)} numbers (about ${(bytes / 2 ** 20).toFixed(0)} MiB) exceeds the limit of ${MAX_RESPONSE_BYTES / 2 ** 20} MiB (spec/protocol.md §3)`);
  }
}

/** Answers a parsed request (errors propagate as exceptions). */
export function answer(req: Request): Response {
  if (req.H.length > MAX_SERVE_DIM) throw new HasmeInputError('unsupported', `dimension d = ${req.H.length} exceeds the limit of ${MAX_SERVE_DIM} (spec/protocol.md §3)`);
  if (req.op === 'sample') requireSampleBudget(req);
  const H = numericMatrix('H', req.H);
  const Sigma = numericMatrix('Sigma', req.Sigma);
  const eta = requireEta(req.eta);
  switch (req.op) {
    case 'coefficients': {
      const c = coefficients(H, Sigma, eta, { model: req.model ?? 'hasme' });
      return { id: req.id, drift: toJSON(c.drift) as MatrixJSON, diffusion: toJSON(c.diffusion) as MatrixJSON, regime: c.regime };
    }
    case 'moments': {
      const m = moments(req.model, { H, Sigma, eta, x0: numericVector('x0', req.x0) }, req.steps);
      return { id: req.id, mean: toJSON(m.mean), pcov: toJSON(m.pcov) as MatrixJSON, cov: m.cov ? (toJSON(m.cov) as MatrixJSON) : null };
    }
    case 'sample': {
      const samples = sampleExact(req.model, { H, Sigma, eta, x0: numericVector('x0', req.x0) }, req.steps, req.n, req.seed);
      return { id: req.id, samples };
    }
  }
}

/** The error response for `err`, carrying the request id when known. */
export function errorResponse(id: string | null, err: unknown): Response {
  if (err instanceof HasmeInputError) return { id, error: err.code, message: err.message };
  // A defect of the library, not of the input: still one answer per line, and serve carries on.
  return { id, error: 'unsupported', message: `internal error: ${err instanceof Error ? err.message : String(err)}` };
}

/** One JSON Lines request → one JSON response line (without the newline). */
export function handleLine(line: string): string {
  let req: Request;
  try {
    req = parseRequestLine(line);
  } catch (err) {
    const id = err instanceof HasmeInputError && typeof err.detail?.id === 'string' ? err.detail.id : null;
    return JSON.stringify(errorResponse(id, err));
  }
  try {
    return JSON.stringify(answer(req));
  } catch (err) {
    return JSON.stringify(errorResponse(req.id, err));
  }
}
