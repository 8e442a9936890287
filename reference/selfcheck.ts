/**
 * Self-check: a fixed battery of cases (every regime, tiny η, the removable singularity, near the
 * singular set, repeated and clustered eigenvalues, d = 8, long moment runs, the Stein route)
 * computed at `digits` and at `digits + 20`; reports the significant digits that agree
 * (−log10 of the relative Frobenius difference over all outputs).
 */
import type { Decimal } from 'decimal.js';
import type { Model, RealMatrixJSON } from '../src/formats/types.js';
import { refCoefficients, refMoments, refSteinDiffusion } from './api.js';
import type { Complex } from './complex.js';
import { context, DEFAULT_DIGITS, type RefOptions } from './context.js';

/** One self-check case: a name, what it exercises, and the computation (outputs flattened). */
export interface SelfCheckCase {
  name: string;
  covers: string;
  compute: (opts: RefOptions) => Complex[];
}

export interface SelfCheckResult {
  name: string;
  covers: string;
  /** Significant digits on which the two precisions agree (capped at digits + 20). */
  digitsAgreed: number;
  /** digitsAgreed ≥ the requested digits. */
  ok: boolean;
  ms: number;
}

/** Q diag(a) Qᵀ for the Pythagorean rotation Q = [[0.6, −0.8], [0.8, 0.6]]: exact decimal entries with eigenvalues a. */
function rotated(a: [string, string]): RealMatrixJSON {
  const ctx = context({ digits: 60 });
  const [p, q] = a.map((x) => new ctx.D(x));
  const c = new ctx.D('0.6');
  const s = new ctx.D('0.8');
  const h00 = c.times(c).times(p).plus(s.times(s).times(q));
  const h11 = s.times(s).times(p).plus(c.times(c).times(q));
  const h01 = c.times(s).times(q.minus(p)).neg();
  return [[h00.toString(), h01.toString()], [h01.toString(), h11.toString()]];
}

const SIGMA2 = [['1', '0.3'], ['0.3', '0.5']];
const H2 = [['2', '0.5'], ['0.5', '-1']];
/** A fixed, well-spread 8×8 symmetric matrix with one negative eigenvalue direction. */
const H8 = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i === j ? String(1 + i / 2 - (i === 7 ? 6 : 0)) : String(1 / (i + j + 2)))));
const S8 = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => String((i === j ? 1 : 0) + 0.1 / (1 + Math.abs(i - j)))));
const H4rep = [['1', '0', '0', '0'], ['0', '1', '0', '0'], ['0', '0', '1', '0'], ['0', '0', '0', '3']].map((r, i) => r.map((x, j) => (i < 3 && j < 3 && i !== j ? '0' : x)));
const H4clu = [['1', '1e-25', '0', '0'], ['1e-25', '1.00000000000000000001', '0.5', '0'], ['0', '0.5', '2', '0.1'], ['0', '0', '0.1', '-0.5']];
const S4 = [['2', '0.5', '0.1', '0'], ['0.5', '1', '0.2', '0.1'], ['0.1', '0.2', '1', '0.3'], ['0', '0.1', '0.3', '0.5']];

function coef(H: RealMatrixJSON, S: RealMatrixJSON, eta: string, model: 'hasme' | 'spf' | 'sme2' = 'hasme') {
  return (opts: RefOptions) => {
    const c = refCoefficients(H, S, eta, { ...opts, model });
    return [...c.drift.flat(), ...c.diffusion.flat(), ...c.driftMatrix.flat()];
  };
}

function mom(model: Model, H: RealMatrixJSON, S: RealMatrixJSON, eta: string, steps: number) {
  return (opts: RefOptions) => {
    const m = refMoments(model, H, S, eta, H.map((_, i) => String(1 - i / 3)), steps, opts);
    return [...m.mean, ...m.pcov.flat(), ...(m.cov ? m.cov.flat() : [])];
  };
}

/** The fixed battery. */
export const SELF_CHECK_CASES: SelfCheckCase[] = [
  { name: 'coef-R-2', covers: 'regime R, non-commuting, negative curvature', compute: coef(H2, SIGMA2, '0.3') },
  { name: 'coef-X-2', covers: 'regime X (complex ℓ, K)', compute: coef(H2, SIGMA2, '0.8') },
  { name: 'coef-tiny-eta', covers: 'η = 1e-10 (log1p, expm1 paths)', compute: coef(H2, SIGMA2, '1e-10') },
  { name: 'coef-removable', covers: 'exactly at the removable singularity C10', compute: coef(rotated(['-2', '1']), SIGMA2, '0.5') },
  { name: 'coef-near-removable', covers: '1e-10 from C10', compute: coef(rotated(['-2', '1.0000000001']), SIGMA2, '0.5') },
  { name: 'coef-near-pole', covers: 'φ pole pair at distance 1e-12 (X)', compute: coef(rotated(['3', '1.500000000001']), SIGMA2, '1') },
  { name: 'coef-near-zero-m', covers: 'm_i = 1e-12 (R)', compute: coef(rotated(['0.999999999999', '0.25']), SIGMA2, '1') },
  { name: 'coef-repeated-4', covers: 'triple eigenvalue', compute: coef(H4rep, S4, '0.2') },
  { name: 'mom-diagonal', covers: 'H = 3.1·I (exact double start)', compute: mom('sme2', [['3.1', '0'], ['0', '3.1']], SIGMA2, '0.0323', 1) },
  { name: 'coef-clustered-4', covers: 'eigenvalues 1e-20 apart', compute: coef(H4clu, S4, '0.3') },
  { name: 'coef-8', covers: 'd = 8, regime X', compute: coef(H8, S8, '0.5') },
  { name: 'coef-spf-X', covers: 'SPF drift in X', compute: coef(H8, S8, '0.5', 'spf') },
  { name: 'mom-sgd-1000', covers: 'SGD closed form, 1000 steps, d = 8', compute: mom('sgd', H8, S8, '0.05', 1000) },
  { name: 'mom-hasme-R-1000', covers: 'HA-SME OU moments, 1000 steps', compute: mom('hasme', H8, S8, '0.05', 1000) },
  { name: 'mom-hasme-X', covers: 'HA-SME OU moments in X', compute: mom('hasme', H8, S8, '0.5', 25) },
  { name: 'mom-spf-X', covers: 'SPF covariance with conj(β) in X', compute: mom('spf', H2, SIGMA2, '0.8', 7) },
  { name: 'mom-sme2-removable', covers: 'β_i + β_j ≈ 0 in the OU integral', compute: mom('sme2', rotated(['-2', '1']), SIGMA2, '0.5', 40) },
  { name: 'stein-4', covers: 'Σ̃ by the Stein route (C13)', compute: (opts) => refSteinDiffusion(H4clu, S4, '0.3', opts).flat() },
];

/** −log10(‖a − b‖ / ‖b‖) over flattened complex outputs, capped at `cap`. */
export function digitsAgreed(a: Complex[], b: Complex[], cap: number): number {
  if (a.length !== b.length) return 0;
  const D = b[0].D;
  let diff = new D(0);
  let norm = new D(0);
  a.forEach((x, i) => {
    const e = x.sub(b[i]);
    diff = diff.plus(e.re.times(e.re)).plus(e.im.times(e.im));
    norm = norm.plus(b[i].re.times(b[i].re)).plus(b[i].im.times(b[i].im));
  });
  if (diff.isZero()) return cap;
  if (norm.isZero()) return 0;
  const rel: Decimal = diff.div(norm).sqrt();
  return Math.min(cap, -rel.log(10).toNumber());
}

/** Runs the battery at `digits` and `digits + 20`. */
export function refSelfCheck(opts: RefOptions = {}, cases: SelfCheckCase[] = SELF_CHECK_CASES): SelfCheckResult[] {
  const digits = opts.digits ?? DEFAULT_DIGITS;
  return cases.map((c) => {
    const t0 = performance.now();
    const low = c.compute({ digits });
    const ms = performance.now() - t0;
    const high = c.compute({ digits: digits + 20 });
    const agreed = digitsAgreed(low, high, digits + 20);
    return { name: c.name, covers: c.covers, digitsAgreed: agreed, ok: agreed >= digits, ms };
  });
}
