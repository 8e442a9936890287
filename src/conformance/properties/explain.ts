/**
 * What a shrunk counterexample shows (spec/protocol.md §12): the implementation's answer to the
 * request line (received), the reference's (expected, 30 digits), the relative error of each
 * output (§6 rule), and the case's tags: regime, commuting, removable, rank of Σ, d.
 */
import { complexMatrixToJSON, complexVectorToJSON, refCoefficients, refMoments } from '../../../reference/index.js';
import { HasmeInputError } from '../../errors.js';
import type { MatrixJSON, Model, SdeModel, VectorJSON } from '../../formats/types.js';
import { digitsAgreed, matrixArray, relativeError, vectorArray } from '../numbers.js';

export interface OutputDiff {
  name: string;
  relErr: number;
  digits: number;
}

type Req = { op: string; model?: string; eta: number; H: number[][]; Sigma: number[][]; x0?: number[]; steps?: number };

const DIGITS = 30;

/** The reference's answer to a coefficients or moments request, in protocol JSON (or an error answer). */
export function expectedAnswer(req: Req): Record<string, unknown> {
  try {
    if (req.op === 'coefficients') {
      const c = refCoefficients(req.H, req.Sigma, req.eta, { digits: DIGITS, model: (req.model ?? 'hasme') as SdeModel });
      return { drift: complexMatrixToJSON(c.drift, 17), diffusion: complexMatrixToJSON(c.diffusion, 17), regime: c.regime };
    }
    const m = refMoments((req.model ?? 'hasme') as Model, req.H, req.Sigma, req.eta, req.x0 ?? [], req.steps ?? 0, { digits: DIGITS });
    return { mean: complexVectorToJSON(m.mean, 17), pcov: complexMatrixToJSON(m.pcov, 17), cov: m.cov ? complexMatrixToJSON(m.cov, 17) : null };
  } catch (err) {
    if (err instanceof HasmeInputError) return { error: err.code };
    throw err;
  }
}

/** Relative error of each numeric output present in both answers. */
export function outputDiffs(received: unknown, expected: Record<string, unknown>): OutputDiff[] {
  const got = (received ?? {}) as Record<string, unknown>;
  const out: OutputDiff[] = [];
  for (const name of ['drift', 'diffusion', 'mean', 'pcov', 'cov']) {
    const a = got[name];
    const e = expected[name];
    if (!Array.isArray(a) || !Array.isArray(e)) continue;
    const isVec = name === 'mean';
    const A = isVec ? vectorArray(a as VectorJSON) : matrixArray(a as MatrixJSON);
    const E = isVec ? vectorArray(e as VectorJSON) : matrixArray(e as MatrixJSON);
    if (!A || !E || A.rows !== E.rows || A.cols !== E.cols) continue;
    const relErr = relativeError(A, E);
    out.push({ name, relErr, digits: digitsAgreed(relErr) });
  }
  return out;
}
