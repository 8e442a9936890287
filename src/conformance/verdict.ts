/**
 * Per-case verdicts for coefficients and moments (spec/protocol.md §Verdicts): relative Frobenius
 * error per output against the vector's expected values, digits agreed, an error answer required
 * in the singular set (spec/claims.md C9), `cov: null` required where the covariance is undefined (C4, C8).
 */
import type { ErrorResult, MatrixJSON, Op, VectorJSON, VectorLine } from '../formats/types.js';
import { responseProblem } from '../formats/schemas.js';
import { DEFAULT_RTOL } from './defaults.js';
import { digitsAgreed, matrixArray, relativeError, vectorArray, type ComplexArray } from './numbers.js';


/**
 * Tag of a regime-R hasme moments vector whose Σ̃ has |λ_min| below double-precision resolution
 * (e.g. C7 at tiny η, where λ_min = O(η²)): `cov` may be null or equal pcov (spec/protocol.md §6).
 */
export const PSD_BORDERLINE_TAG = 'psd-borderline';

/** Error of one compared output. */
export interface OutputError {
  name: string;
  relErr: number;
  digits: number;
}

/** The verdict on one case. */
export interface CaseVerdict {
  id: string;
  op: Op;
  model?: string;
  pass: boolean;
  /** Tolerance applied: max(run tolerance, the case's own rtol). */
  rtol: number;
  /** Outputs compared numerically (empty for error answers and for sample cases). */
  outputs: OutputError[];
  /** Largest relative error among `outputs` (sample cases: the Bonferroni-adjusted p-value). */
  worst?: number;
  /** What differed (failures) or a one-line summary (passes). */
  message: string;
}

/** The tolerance in force for a case: its own rtol wins where larger than the run's. */
export function caseTolerance(vector: Pick<VectorLine, 'rtol'>, rtol: number): number {
  return Math.max(rtol, vector.rtol ?? 0);
}

function isError(x: object): x is ErrorResult {
  return 'error' in x;
}

function fmt(x: number): string {
  return x.toExponential(1);
}

/** Compares one output; returns its error, or a failure message for a shape mismatch. */
function compareOutput(
  name: string,
  got: VectorJSON | MatrixJSON,
  want: VectorJSON | MatrixJSON,
  isVector: boolean,
): OutputError | string {
  const toArray = (v: VectorJSON | MatrixJSON): ComplexArray | undefined =>
    isVector ? vectorArray(v as VectorJSON) : matrixArray(v as MatrixJSON);
  const a = toArray(got);
  const e = toArray(want) as ComplexArray;
  const shape = (x: ComplexArray) => (isVector ? `length ${x.cols}` : `${x.rows}×${x.cols}`);
  if (a === undefined) return `${name} has ragged rows`;
  if (a.rows !== e.rows || a.cols !== e.cols) return `${name} has ${shape(a)}, expected ${shape(e)}`;
  const relErr = relativeError(a, e);
  return { name, relErr, digits: digitsAgreed(relErr) };
}

/**
 * Judges one answer against one vector line. `answer` is the decoded response object (or
 * undefined when none arrived); it is schema-checked here against the case's op.
 */
export function judgeCase(vector: VectorLine, answer: unknown, runRtol: number = DEFAULT_RTOL): CaseVerdict {
  const rtol = caseTolerance(vector, runRtol);
  const base = { id: vector.id, op: vector.op, model: vector.model ?? (vector.op === 'coefficients' ? 'hasme' : undefined), rtol, outputs: [] as OutputError[] };
  const fail = (message: string, outputs: OutputError[] = []): CaseVerdict => ({ ...base, outputs, pass: false, message, worst: worstOf(outputs) });
  if (answer === undefined) return fail('no answer');
  const invalid = responseProblem(answer, vector.op);
  if (invalid) return fail(`invalid answer: ${invalid}`);
  const got = answer as Record<string, unknown>;
  const expected = vector.expected;

  if (isError(expected)) {
    if (isError(got)) return { ...base, pass: true, message: `error "${got.error}" as required (singular, C9)` };
    return fail('numbers for a singular case: an error answer is required (C9)');
  }
  if (isError(got)) {
    return fail(`answered error "${got.error}"${got.message ? ` (${got.message})` : ''} but the case is regular`);
  }

  const problems: string[] = [];
  const outputs: OutputError[] = [];
  const check = (name: string, g: VectorJSON | MatrixJSON, w: VectorJSON | MatrixJSON, isVector = false) => {
    const r = compareOutput(name, g, w, isVector);
    if (typeof r === 'string') problems.push(r);
    else {
      outputs.push(r);
      if (!(r.relErr <= rtol)) problems.push(`${name}: rel. error ${fmt(r.relErr)} > ${fmt(rtol)} (${r.digits.toFixed(1)} digits)`);
    }
  };

  if ('drift' in expected) {
    if (got.regime !== expected.regime) problems.push(`regime ${String(got.regime)}, expected ${expected.regime}`);
    check('drift', got.drift as MatrixJSON, expected.drift);
    check('diffusion', got.diffusion as MatrixJSON, expected.diffusion);
  } else {
    check('mean', got.mean as VectorJSON, expected.mean, true);
    check('pcov', got.pcov as MatrixJSON, expected.pcov);
    if (vector.tags.includes(PSD_BORDERLINE_TAG)) {
      // λ_min(Σ̃) is within rounding of 0 (spec/protocol.md §6): null, or the covariance of the
      // nearby PSD problem, which equals pcov (C4); whichever the expected value says.
      if (got.cov !== null) check('cov', got.cov as MatrixJSON, expected.cov ?? expected.pcov);
    } else if (expected.cov === null) {
      if (got.cov !== null) problems.push('cov must be null: the covariance is undefined here (diffusion not real PSD, C4/C8)');
    } else if (got.cov === null) {
      problems.push('cov is null but the covariance is defined (real PSD diffusion)');
    } else {
      check('cov', got.cov as MatrixJSON, expected.cov);
    }
  }
  if (problems.length > 0) return fail(problems.join('; '), outputs);
  const worst = worstOf(outputs) ?? 0;
  return { ...base, outputs, pass: true, worst, message: `rel. error ${fmt(worst)} (${digitsAgreed(worst).toFixed(1)} digits)` };
}

function worstOf(outputs: OutputError[]): number | undefined {
  if (outputs.length === 0) return undefined;
  return outputs.reduce((m, o) => (o.relErr > m || Number.isNaN(o.relErr) ? o.relErr : m), 0);
}
