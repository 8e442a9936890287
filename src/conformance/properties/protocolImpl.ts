/**
 * A {@link HasmeImpl} (properties/impl.ts) answered by an outside implementation over the protocol
 * (spec/protocol.md §3–§4, §12): each seam call becomes one request line, sent through `call`,
 * which blocks until the answer is there (src/conformance/properties/worker.ts). So the claim checks
 * of properties/claims/ run unchanged, synchronously, against the program under test, and
 * fast-check shrinks on it.
 *
 * Answers are read into the checks' Decimal currency exactly as written (a decimal string keeps
 * all its digits, a double its shortest round trip). B = T H is formed here from the answered
 * drift T (spec/models.md §1–§2: the drift of the SDE is −T∇f = −T H x), since the protocol does
 * not carry B. An `error` answer becomes a HasmeInputError with the answered code (C9 needs
 * 'singular'); an answer that violates the response schema is an {@link InvalidAnswer}.
 */
import { Complex, type ComplexMatrix } from '../../../reference/index.js';
import { CHECK_CTX, realToC, type Coeffs, type HasmeImpl, type Moms } from '../../../properties/impl.js';
import { C } from '../../../properties/claims/compare.js';
import type { Mat } from '../../../properties/arbitraries.js';
import { HasmeInputError, isErrorCode } from '../../errors.js';
import { responseProblem } from '../../formats/schemas.js';
import type { MatrixJSON, Model, Op, ScalarJSON, SdeModel } from '../../formats/types.js';

/** Sends one request object, returns the decoded answer; throws {@link ImplementationFault} when the session died. */
export type SyncCall = (request: Record<string, unknown>) => unknown;

/** The implementation can no longer answer (time-out, crash, output cap): ends the run. */
export class ImplementationFault extends Error {
  override readonly name = 'ImplementationFault';
}

/** An answer that breaks the response schema (a failure of the case, like a wrong number). */
export class InvalidAnswer extends Error {
  override readonly name = 'InvalidAnswer';
}

/** An error about the answer, not about our code: no stack frame in the failure message. */
function frameless<E extends Error>(err: E): E {
  err.stack = `${err.name}: ${err.message}`;
  return err;
}

const scalar = (x: ScalarJSON): Complex => {
  const D = CHECK_CTX.D;
  return Array.isArray(x) ? new Complex(new D(x[0]), new D(x[1])) : new Complex(new D(x), new D(0));
};
const matrix = (m: MatrixJSON): ComplexMatrix => m.map((row) => row.map(scalar));

/** The seam over `call`; `unitRoundoff` is the arithmetic the implementation declares. */
export function protocolImpl(call: SyncCall, unitRoundoff: number, name = 'implementation under test'): HasmeImpl {
  const ask = (op: Op, fields: Record<string, unknown>): Record<string, unknown> => {
    const answer = call({ op, ...fields });
    const invalid = responseProblem(answer, op);
    if (invalid) throw frameless(new InvalidAnswer(`invalid answer to ${op}: ${invalid}`));
    const a = answer as Record<string, unknown>;
    if (a.error !== undefined) {
      const code = isErrorCode(a.error) ? a.error : 'unsupported';
      throw frameless(new HasmeInputError(code, `answered "${String(a.error)}"${typeof a.message === 'string' ? ` (${a.message})` : ''}`));
    }
    return a;
  };
  return {
    name,
    unitRoundoff,
    coefficients(H: Mat, Sigma: Mat, eta: number, model: SdeModel = 'hasme'): Coeffs {
      const a = ask('coefficients', { model, eta, H, Sigma });
      const drift = matrix(a.drift as MatrixJSON);
      const regime = a.regime as Coeffs['regime'];
      return { regime, drift, diffusion: matrix(a.diffusion as MatrixJSON), driftMatrix: C.mul(drift, realToC(H)) };
    },
    moments(model: Model, H: Mat, Sigma: Mat, eta: number, x0: number[], steps: number): Moms {
      const a = ask('moments', { model, eta, H, Sigma, x0, steps });
      return {
        mean: (a.mean as ScalarJSON[]).map(scalar),
        pcov: matrix(a.pcov as MatrixJSON),
        cov: a.cov === null ? null : matrix(a.cov as MatrixJSON),
      };
    },
  };
}
