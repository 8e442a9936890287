/**
 * Failures that explain themselves (spec/protocol.md §6a), for vectors and properties alike:
 * failures grouped by op × model × regime × tag, the first N failing cases in full (`--show N`),
 * and a diagnosis line where the failures match the signature of a known bug class. A diagnosis
 * says "consistent with", never more: each signature is a pattern in the answers, tested against
 * the fixture bug it names (test/conformance.explain.test.ts).
 */
import type { ComplexMatrix, ComplexVector } from '../linalg/complex.js';
import { moments as libMoments } from '../library/moments.js';
import { regime } from '../library/regime.js';
import { eigSymDouble } from '../../properties/claims/compare.js';
import type { Model, VectorLine } from '../formats/types.js';
import { requestOf } from '../formats/requests.js';
import type { Case, Judgement } from './judge.js';
import { digitsAgreed, matrixArray, relativeError, vectorArray, type ComplexArray } from './numbers.js';
import type { CaseVerdict, OutputError } from './verdict.js';

/** Sample mean and covariance of a sample answer (kept instead of the samples for explanations). */
export function sampleMoments(answer: unknown): { sampleMean: number[]; sampleCov: number[][]; n: number } | undefined {
  const xs = (answer as { samples?: unknown } | null)?.samples;
  if (!Array.isArray(xs) || xs.length < 2 || !xs.every((x) => Array.isArray(x) && x.every((v) => typeof v === 'number'))) return undefined;
  const rows = xs as number[][];
  const d = rows[0].length;
  if (!rows.every((x) => x.length === d)) return undefined;
  const n = rows.length;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, x) => s + x[j], 0) / n);
  const cov = mean.map((mi, i) => mean.map((mj, j) => rows.reduce((s, x) => s + (x[i] - mi) * (x[j] - mj), 0) / (n - 1)));
  return { sampleMean: mean, sampleCov: cov, n };
}

export interface CaseTags {
  regime: string;
  commuting: boolean;
  /** Some pair with m_i, m_j > 0 and |ℓ_i + ℓ_j| < 1e-3 (C10's removable singularity nearby). */
  removable: boolean;
  /** Numerical rank of Σ (eigenvalues above 1e-12 of the largest). */
  rank: number;
  d: number;
}

/** The tags of a case computed from its inputs (regime by the library's classification). */
export function tagsOf(req: { H: unknown[][]; Sigma: unknown[][]; eta: unknown }): CaseTags {
  const H = req.H.map((r) => r.map(Number));
  const Sigma = req.Sigma.map((r) => r.map(Number));
  const eta = Number(req.eta);
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

// ---------------------------------------------------------------------------------------------
// Signatures of known bug classes (each a pattern in one failing answer)

/** Regime R coefficients: the drift agrees, the diffusion does not (Σ̃'s kernel K is wrong). */
export function kernelSignature(outputs: readonly OutputError[], rtol: number): boolean {
  const drift = outputs.find((o) => o.name === 'drift');
  const diff = outputs.find((o) => o.name === 'diffusion');
  return drift !== undefined && diff !== undefined && drift.relErr <= rtol && diff.relErr > rtol;
}

const fromLib = (m: ComplexMatrix | ComplexVector): ComplexArray => {
  const rows = 'rows' in m ? m.rows : 1;
  const cols = 'cols' in m ? m.cols : m.length;
  return { rows, cols, re: m.re, im: m.im ?? new Float64Array(m.re.length) };
};

type Req = { op: string; model?: string; eta: unknown; H: unknown[][]; Sigma: unknown[][]; x0?: unknown[]; steps?: number };

/** A moments answer equal (to 1e-8) to the exact moments after steps + 1 or steps − 1: the shift, or 0. */
export function stepShift(req: Req, received: unknown): number {
  const a = received as { mean?: unknown; pcov?: unknown } | null;
  if (req.op !== 'moments' || !Array.isArray(a?.mean) || !Array.isArray(a?.pcov)) return 0;
  const num = (x: unknown) => Number(x);
  const problem = { H: req.H.map((r) => r.map(num)), Sigma: req.Sigma.map((r) => r.map(num)), eta: num(req.eta), x0: (req.x0 ?? []).map(num) };
  const got = { mean: vectorArray(a.mean as never), pcov: matrixArray(a.pcov as never) };
  for (const shift of [1, -1]) {
    const k = (req.steps ?? 0) + shift;
    if (k < 0) continue;
    try {
      const m = libMoments(req.model as Model, problem, k);
      const pcov = got.pcov;
      if (!pcov || pcov.rows !== m.pcov.rows) continue;
      const err = Math.max(relativeError(got.mean, fromLib(m.mean)), relativeError(pcov, fromLib(m.pcov)));
      if (err <= 1e-8) return shift;
    } catch {
      /* undefined there: no signature */
    }
  }
  return 0;
}

/** Mean whitened variance tr(C⁻¹ S)/d of sample covariance S against the exact C (2×2 and 1×1 closed forms, else undefined). */
function varianceRatio(C: number[][], S: number[][]): number | undefined {
  const d = C.length;
  if (d === 1) return S[0][0] / C[0][0];
  if (d !== 2) return undefined;
  const det = C[0][0] * C[1][1] - C[0][1] * C[1][0];
  const inv = [[C[1][1] / det, -C[0][1] / det], [-C[1][0] / det, C[0][0] / det]];
  return (inv[0][0] * S[0][0] + inv[0][1] * S[1][0] + inv[1][0] * S[0][1] + inv[1][1] * S[1][1]) / 2;
}

/** Regime R: the answered drift has the expected eigenvalues (to 1e-8) but is not the expected matrix. */
export function eigenvectorSignature(received: unknown, expected: unknown): boolean {
  const real = (m: unknown) => (Array.isArray(m) ? matrixArray(m as never) : undefined);
  const A = real((received as Record<string, unknown> | null)?.drift);
  const E = real((expected as Record<string, unknown> | null)?.drift);
  if (!A || !E || A.rows !== E.rows || A.rows < 2 || relativeError(A, E) <= 1e-8) return false;
  const sym = (X: ComplexArray) => Array.from({ length: X.rows }, (_, i) => Array.from({ length: X.cols }, (_, j) => (X.re[i * X.cols + j] + X.re[j * X.cols + i]) / 2));
  const a = eigSymDouble(sym(A));
  const e = eigSymDouble(sym(E));
  const scale = Math.max(...e.map(Math.abs), 1e-300);
  return a.every((x, i) => Math.abs(x - e[i]) <= 1e-8 * scale);
}

/** Samples wider or narrower than the exact law by η^{∓1/2} (within 15 % on the log scale): √η in place of η. */
export function sqrtEtaSignature(eta: number, exactCov: number[][], sampleCov: number[][]): boolean {
  const r = varianceRatio(exactCov, sampleCov);
  const target = Math.abs(0.5 * Math.log(eta));
  if (r === undefined || !(r > 0) || target < 0.1) return false;
  return Math.abs(Math.abs(Math.log(r)) - target) <= 0.15 * target;
}

/** A complex answer equal (to 1e-8) to the complex conjugate of the expected one. */
export function conjugateSignature(received: unknown, expected: unknown, name: 'drift' | 'diffusion'): boolean {
  const a = (received as Record<string, unknown> | null)?.[name];
  const e = (expected as Record<string, unknown> | null)?.[name];
  if (!Array.isArray(a) || !Array.isArray(e)) return false;
  const A = matrixArray(a as never);
  const E = matrixArray(e as never);
  if (!A || !E || A.rows !== E.rows || A.cols !== E.cols || E.im.every((x) => x === 0)) return false;
  const conj = { ...E, im: E.im.map((x) => -x) };
  return relativeError(A, conj) <= 1e-8 && relativeError(A, E) > 1e-8;
}

export const DIAGNOSES = {
  logBranch: 'consistent with a wrong branch of the logarithm (ℓ = −ln|m| + iπ instead of the principal −iπ): failures only where some m_i < 0 (regime X)',
  conjugate: 'consistent with the conjugate branch of the logarithm (ℓ = −ln|m| + iπ): the answer is the complex conjugate of the reference',
  eigenvectors: 'consistent with an eigenvector convention error (rows of U used as eigenvectors, or eigenvectors not matched to their eigenvalues): the answered drift has the right eigenvalues but not the right eigenvectors (regime R)',
  kernel: 'consistent with a wrong kernel K in Σ̃ = U (K ∘ UᵀΣU) Uᵀ (e.g. Σ in place of Σ̃, or φ(z) = z/(1 − e^{−z}) without expm1): the diffusion is wrong where the drift is right (regime R)',
  steps: (shift: number) => `consistent with an off-by-one step count: the moments equal the exact ones after k ${shift > 0 ? '+' : '−'} 1 steps`,
  sqrtEta: 'consistent with √η in place of η in the diffusion scale: the samples are too wide or narrow by η^{∓1/2}',
} as const;

// ---------------------------------------------------------------------------------------------
// Vectors: groups, diagnosis, shown cases

const REGIMES = ['R', 'X', 'S'];
const MODELS = ['sgd', 'sme1', 'sme2', 'spf', 'hasme'];

interface Row {
  c: Case;
  v: CaseVerdict;
  regime: string;
  tags: string[];
}

function rowsOf(j: Judgement): Row[] {
  const byId = new Map(j.verdicts.map((v) => [v.id, v]));
  return (j.cases ?? []).flatMap((c) => {
    const v = byId.get(c.kind === 'vector' ? c.vector.id : c.sample.request.id);
    if (!v) return [];
    const req = c.kind === 'vector' ? c.vector : c.sample.request;
    const tags = c.kind === 'vector' ? (c.vector.tags ?? []).filter((t) => !MODELS.includes(t)) : [];
    // Regime and commuting from the tags, or computed from the inputs where a vector set has no such tags.
    let computed: CaseTags | undefined;
    const inputs = () => (computed ??= tagsOf(req));
    const regime = tags.find((t) => REGIMES.includes(t)) ?? inputs().regime;
    if (!tags.includes('commuting') && !tags.includes('noncommuting')) tags.push(inputs().commuting ? 'commuting' : 'noncommuting');
    return [{ c, v, regime, tags: tags.filter((t) => !REGIMES.includes(t)) }];
  });
}

/** "regime X: 102/120 fail; commuting: 0/40" per op × model with a failure. */
export function failureGroups(j: Judgement): string[] {
  const rows = rowsOf(j);
  const keys = [...new Set(rows.filter((r) => !r.v.pass).map((r) => `${r.v.op} ${r.v.model ?? ''}`.trim()))];
  return keys.map((key) => {
    const mine = rows.filter((r) => `${r.v.op} ${r.v.model ?? ''}`.trim() === key);
    const count = (pred: (r: Row) => boolean) => {
      const sel = mine.filter(pred);
      return `${sel.filter((r) => !r.v.pass).length}/${sel.length}`;
    };
    const regimes = REGIMES.filter((g) => mine.some((r) => r.regime === g)).map((g) => `regime ${g}: ${count((r) => r.regime === g)}`);
    const tags = [...new Set(mine.flatMap((r) => r.tags))].sort().map((t) => `${t}: ${count((r) => r.tags.includes(t))}`);
    return `${key}: ${count(() => true)} fail — ${[...regimes, ...tags].join('; ')}`;
  });
}

/** Diagnosis lines for a vectors run (empty when no signature matches). */
export function diagnoseVectors(j: Judgement): string[] {
  const rows = rowsOf(j).filter((r) => r.c.kind === 'sample' || r.regime !== 'S');
  const failed = rows.filter((r) => !r.v.pass);
  if (failed.length === 0) return [];
  const out: string[] = [];
  const answers = j.failedAnswers ?? new Map<string, unknown>();
  // Vector cases of the op × model groups that have a failure.
  const groupOf = (r: Row) => `${r.v.op} ${r.v.model ?? ''}`;
  const failingGroups = new Set(failed.map(groupOf));
  const vectorRows = rows.filter((r) => r.c.kind === 'vector' && failingGroups.has(groupOf(r)));
  const vFailed = vectorRows.filter((r) => !r.v.pass);
  const fails = (pred: (r: Row) => boolean) => vectorRows.filter((r) => pred(r) && !r.v.pass).length;
  const total = (pred: (r: Row) => boolean) => vectorRows.filter(pred).length;
  if (vFailed.length >= 3 && total((r) => r.regime === 'R') >= 3 && fails((r) => r.regime === 'R') === 0 && fails((r) => r.regime === 'X') >= 0.5 * total((r) => r.regime === 'X')) out.push(DIAGNOSES.logBranch);
  const coefR = vFailed.filter((r) => r.v.op === 'coefficients' && r.regime === 'R');
  const expectedOf = (r: Row) => (r.c.kind === 'vector' ? r.c.vector.expected : undefined);
  if (coefR.length >= 3 && coefR.filter((r) => eigenvectorSignature(answers.get(r.v.id), expectedOf(r))).length >= 0.8 * coefR.length) out.push(DIAGNOSES.eigenvectors);
  if (coefR.length >= 3 && coefR.every((r) => kernelSignature(r.v.outputs, r.v.rtol))) out.push(DIAGNOSES.kernel);
  const mom = vFailed.filter((r) => r.v.op === 'moments' && answers.has(r.v.id));
  const shifts = mom.map((r) => stepShift(requestOf((r.c as { vector: VectorLine }).vector) as unknown as Req, answers.get(r.v.id)));
  const shift = shifts.find((s) => s !== 0);
  if (mom.length >= 3 && shift !== undefined && shifts.filter((s) => s === shift).length >= 0.8 * mom.length) out.push(DIAGNOSES.steps(shift));
  const samples = failed.filter((r) => r.c.kind === 'sample' && answers.get(r.v.id));
  const wide = samples.filter((r) => {
    const s = (r.c as Extract<Case, { kind: 'sample' }>).sample;
    const m = answers.get(r.v.id) as { sampleCov: number[][] };
    return sqrtEtaSignature(Number(s.request.eta), s.expectation.cov, m.sampleCov);
  });
  if (samples.length >= 1 && wide.length === samples.length) out.push(DIAGNOSES.sqrtEta);
  return out;
}

const short = (x: unknown) => {
  const t = JSON.stringify(x);
  return t.length > 600 ? `${t.slice(0, 597)}...` : t;
};

/** The first `n` failing cases in full: inputs (the request line), expected, received, per-output error. */
export function showFailures(j: Judgement, n: number): string[] {
  const out: string[] = [];
  for (const r of rowsOf(j).filter((x) => !x.v.pass).slice(0, n)) {
    const answer = j.failedAnswers?.get(r.v.id);
    out.push(`${r.v.id} (${r.v.op}${r.v.model ? ` ${r.v.model}` : ''}, regime ${r.regime}${r.tags.length ? `, ${r.tags.join(', ')}` : ''}): ${r.v.message}`);
    if (r.c.kind === 'vector') {
      out.push(`  request:  ${short(requestOf(r.c.vector))}`);
      out.push(`  expected: ${short(r.c.vector.expected)}`);
    } else {
      out.push(`  request:  ${short(r.c.sample.request)}`);
      out.push(`  expected: ${short({ mean: r.c.sample.expectation.mean, cov: r.c.sample.expectation.cov })} (exact law)`);
    }
    if (answer !== undefined) out.push(`  received: ${short(answer)}`);
    if (r.v.outputs.length) out.push(`  error:    ${r.v.outputs.map((o) => `${o.name} ${o.relErr.toExponential(1)} (${digitsAgreed(o.relErr).toFixed(1)} d, tolerance ${r.v.rtol.toExponential(0)})`).join(', ')}`);
  }
  return out;
}

/** Groups, diagnosis and shown cases as text lines (empty on a pass). */
export function explainVectors(j: Judgement, show: number): string[] {
  if (j.verdicts.every((v) => v.pass)) return [];
  const lines = ['Failures by group (failed/cases):', ...failureGroups(j).map((g) => `  ${g}`)];
  const diagnosis = diagnoseVectors(j);
  for (const d of diagnosis) lines.push(`Diagnosis: ${d}.`);
  if (show > 0) lines.push(`First ${show} failing case(s):`, ...showFailures(j, show).map((l) => `  ${l}`));
  return lines;
}
