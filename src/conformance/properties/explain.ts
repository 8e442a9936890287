/**
 * What a shrunk counterexample shows (spec/protocol.md §12): the implementation's answer to the
 * request line (received), the reference's (expected, 30 digits), the relative error of each
 * output (§6 rule), and the case's tags: regime, commuting, removable, rank of Σ, d.
 */
import { complexMatrixToJSON, complexVectorToJSON, refCoefficients, refMoments } from '../../../reference/index.js';
import { eigSymDouble } from '../../../properties/claims/compare.js';
import { HasmeInputError } from '../../errors.js';
import type { MatrixJSON, Model, SdeModel, VectorJSON } from '../../formats/types.js';
import { regime } from '../../library/regime.js';
import { digitsAgreed, matrixArray, relativeError, vectorArray } from '../numbers.js';

export interface CaseTags {
  regime: string;
  commuting: boolean;
  /** Some pair with m_i, m_j > 0 and |ℓ_i + ℓ_j| < 1e-3 (C10's removable singularity nearby). */
  removable: boolean;
  /** Numerical rank of Σ (eigenvalues above 1e-12 of the largest). */
  rank: number;
  d: number;
}

export interface OutputDiff {
  name: string;
  relErr: number;
  digits: number;
}

type Req = { op: string; model?: string; eta: number; H: number[][]; Sigma: number[][]; x0?: number[]; steps?: number };

const DIGITS = 30;

export function tagsOf(req: Req): CaseTags {
  const { H, Sigma, eta } = req;
  const d = H.length;
  let reg = '?';
  try {
    reg = regime(H, eta);
  } catch {
    /* bad input: no regime */
  }
  const maxAbs = (A: number[][]) => Math.max(0, ...A.flat().map(Math.abs));
  const HS = H.map((row, i) => row.map((_, j) => row.reduce((s, h, k) => s + h * Sigma[k][j] - Sigma[i][k] * H[k][j], 0)));
  const commuting = maxAbs(HS) <= 1e-10 * maxAbs(H) * maxAbs(Sigma);
  const m = eigSymDouble(H).map((a) => 1 - eta * a);
  const removable = m.some((mi, i) => m.some((mj, j) => j > i && mi > 0 && mj > 0 && Math.abs(Math.log(mi) + Math.log(mj)) < 1e-3));
  const s = eigSymDouble(Sigma);
  const top = Math.max(...s.map(Math.abs));
  const rank = s.filter((x) => x > 1e-12 * top).length;
  return { regime: reg, commuting, removable, rank, d };
}

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

/** Sample mean and covariance of an answer's samples (what a sample counterexample received). */
export function sampleSummary(received: unknown): { mean: number[]; cov: number[][] } | undefined {
  const xs = (received as { samples?: unknown } | null)?.samples;
  if (!Array.isArray(xs) || xs.length < 2 || !xs.every((x) => Array.isArray(x))) return undefined;
  const rows = xs as number[][];
  const d = rows[0].length;
  const n = rows.length;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, x) => s + x[j], 0) / n);
  const cov = mean.map((mi, i) => mean.map((mj, j) => rows.reduce((s, x) => s + (x[i] - mi) * (x[j] - mj), 0) / (n - 1)));
  return { mean, cov };
}
