/**
 * `hasme check`: runs an implementation over the protocol on the conformance vectors plus the
 * sampling cases built from them, and judges every answer (spec/protocol.md).
 */
import { Progress } from '../cli/progress.js';
import { HasmeInputError } from '../errors.js';
import { requestOf } from '../formats/requests.js';
import type { Op } from '../formats/types.js';
import { Judge, type Case, type Judgement, type SampleJudge } from './judge.js';
import { runImplementation, type OutgoingRequest } from './runner.js';
import { DEFAULT_CASE_TIMEOUT_S, DEFAULT_SAMPLE_CASES, DEFAULT_SAMPLE_N, DEFAULT_TIMEOUT_S, RESULT_LINE_CAP } from './defaults.js';
import { DEFAULT_VECTORS_DIR, loadVectors } from './vectors.js';

export const ALL_OPS: readonly Op[] = ['coefficients', 'moments', 'sample'];

export interface CheckOptions {
  command: string;
  args: readonly string[];
  /** Vector file or directory (default: the project's vectors/). */
  vectors?: string;
  ops?: readonly Op[];
  rtol: number;
  caseTimeoutS?: number;
  timeoutS?: number;
  sampleN?: number;
  sampleCases?: number;
  /** Show a progress bar on stderr (only honoured when stderr is a TTY). */
  progress?: boolean;
}

export interface CheckResult extends Judgement {
  elapsedMs: number;
  /** Sample cases not meeting the power criteria of spec/protocol.md (reported, not failed). */
  weakSampleCases: string[];
}

/**
 * The cases a check sends, in order: vectors of the chosen ops, then sampling cases; and the
 * sample judge when there are sampling cases (the statistics load only then).
 */
export async function checkCases(opts: Pick<CheckOptions, 'vectors' | 'ops' | 'sampleN' | 'sampleCases'>): Promise<{ cases: Case[]; judgeSample?: SampleJudge }> {
  const ops = opts.ops ?? ALL_OPS;
  const vectors = loadVectors(opts.vectors ?? DEFAULT_VECTORS_DIR);
  const cases: Case[] = vectors.filter((v) => ops.includes(v.op)).map((vector) => ({ kind: 'vector', vector }));
  let judgeSample: SampleJudge | undefined;
  if (ops.includes('sample')) {
    const { sampleCases } = await import('./sampleCases.js');
    ({ judgeSample } = await import('./sampleTest.js'));
    const samples = sampleCases(vectors, opts.sampleCases ?? DEFAULT_SAMPLE_CASES, opts.sampleN ?? DEFAULT_SAMPLE_N);
    if (samples.length === 0) throw new HasmeInputError('parse', 'check: no regime-R moments vector with a positive definite covariance to build sample cases from');
    for (const sample of samples) cases.push({ kind: 'sample', sample });
  }
  if (cases.length === 0) throw new HasmeInputError('parse', `check: no vectors for ops ${ops.join(', ')}`);
  return { cases, judgeSample };
}

function outgoing(c: Case): OutgoingRequest {
  if (c.kind === 'vector') return { id: c.vector.id, line: JSON.stringify(requestOf(c.vector)), maxBytes: RESULT_LINE_CAP };
  const r = c.sample.request;
  // A double prints in at most 24 characters, plus separators and brackets.
  return { id: r.id, line: JSON.stringify(r), maxBytes: r.n * r.x0.length * 40 + (1 << 16) };
}

/** Runs the check; resolves with the verdicts (never rejects on a misbehaving implementation). */
export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const { cases, judgeSample } = await checkCases(opts);
  const judge = new Judge(cases, opts.rtol, judgeSample);
  const bar = new Progress(cases.length, 'check', 'answers', Boolean(opts.progress && process.stderr.isTTY));
  const run = await runImplementation({
    command: opts.command,
    args: opts.args,
    requests: cases.map(outgoing),
    caseTimeoutMs: (opts.caseTimeoutS ?? DEFAULT_CASE_TIMEOUT_S) * 1000,
    timeoutMs: (opts.timeoutS ?? DEFAULT_TIMEOUT_S) * 1000,
    onResponse: (value, lineNo) => {
      const r = judge.offer(value, `stdout line ${lineNo}`);
      if (r === 'answered') bar.tick();
      return r;
    },
  });
  bar.stop();
  for (const p of run.problems) judge.problem(p);
  const weakSampleCases = cases.flatMap((c) => (c.kind === 'sample' && !c.sample.powerful ? [c.sample.request.id] : []));
  return { ...judge.finish(run.unansweredReason || 'no answer'), elapsedMs: run.elapsedMs, weakSampleCases };
}
