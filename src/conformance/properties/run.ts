/**
 * `hasme check --properties -- CMD ARGS...` (spec/protocol.md §12): starts the implementation once
 * (src/conformance/session.ts: the process policy of `check`), finds the ops it answers, and runs
 * every applicable claim check (src/conformance/properties/claims.ts) in a worker thread whose seam
 * calls are relayed here one request at a time. Failures come back shrunk on the implementation;
 * each is then shown with the implementation's answer to the shrunk request line, the reference's,
 * the per-output errors and the case's tags.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { Progress } from '../../cli/progress.js';
import type { ClaimId, ClaimOutcome } from '../../claims/types.js';
import type { Op } from '../../formats/types.js';
import { ImplementationSession, SessionFault } from '../session.js';
import { expectedAnswer, outputDiffs, type OutputDiff } from './explain.js';
import { DIAGNOSES, conjugateSignature, eigenvectorSignature, kernelSignature, sampleMoments, sqrtEtaSignature, stepShift, tagsOf, type CaseTags } from '../explain.js';
import { ROW_KEYS, rowKey } from './claims.js';
import { answerCap, RESULT_LINE_CAP, type RelayRequest, type WorkerInput, type WorkerMessage } from './relay.js';

export interface PropertiesOptions {
  command: string;
  args: readonly string[];
  ops: readonly Op[];
  runs: number;
  seed: number;
  /** Row keys (C1 … C17, C4:sample); default all. */
  claims?: readonly string[];
  replay?: { property: number; path: string };
  unitRoundoff: number;
  sampleN: number;
  caseTimeoutS: number;
  timeoutS: number;
  progress?: boolean;
}

/** A failure as the user needs it. */
export interface Failure {
  /** The claim's check message and the shrunk case in words. */
  description: string;
  /** The smallest case as a protocol request line. */
  request?: Record<string, unknown>;
  received?: unknown;
  expected?: unknown;
  errors: OutputDiff[];
  tags?: CaseTags;
  seed: number;
  /** Replay path: property index / fast-check path. */
  path?: string;
  /** "consistent with ..." where the answer matches a known bug class's signature. */
  diagnosis?: string;
}

export interface PropertyRow {
  key: string;
  id: ClaimId;
  title: string;
  status: 'holds' | 'fails' | 'not-applicable' | 'not-run';
  cases: number;
  /** Cases the check skipped, by reason (counted separately, never as passes). */
  skipped: Record<string, number>;
  worstError: number | null;
  notes: string;
  /** Requests the row sent to the implementation. */
  requests: number;
  failure?: Failure;
  /** Set when the implementation died during the row. */
  fault?: string;
}

export interface PropertiesResult {
  pass: boolean;
  rows: PropertyRow[];
  ops: Op[];
  /** Ops dropped because the implementation answered `unsupported` to a probe. */
  unsupportedOps: Op[];
  problems: string[];
  seed: number;
  runs: number;
  unitRoundoff: number;
  elapsedMs: number;
}


/** A one-dimensional, well-inside-regime-R probe of each op: an `unsupported` answer drops the op. */
function probe(op: Op): Record<string, unknown> {
  const base = { id: `probe-${op}`, op, model: 'hasme', eta: 0.5, H: [[1]], Sigma: [[1]] };
  if (op === 'coefficients') return base;
  if (op === 'moments') return { ...base, x0: [1], steps: 1 };
  return { ...base, x0: [1], steps: 1, n: 10, seed: 1 };
}

async function supportedOps(session: ImplementationSession, ops: readonly Op[]): Promise<{ ops: Op[]; unsupported: Op[] }> {
  const yes: Op[] = [];
  const no: Op[] = [];
  for (const op of ops) {
    let answer: unknown;
    try {
      answer = await session.request(`probe-${op}`, JSON.stringify(probe(op)), RESULT_LINE_CAP);
    } catch (err) {
      if (err instanceof SessionFault) return { ops: yes, unsupported: no };
      throw err;
    }
    ((answer as { error?: unknown } | null)?.error === 'unsupported' ? no : yes).push(op);
  }
  return { ops: yes, unsupported: no };
}

function skippedOf(coverage: Record<string, number> = {}): Record<string, number> {
  return Object.fromEntries(Object.entries(coverage).filter(([k]) => k.startsWith('skipped')).map(([k, v]) => [k.replace(/^skipped: /, ''), v]));
}

/** Runs the properties; never rejects on a misbehaving implementation. */
export async function runProperties(opts: PropertiesOptions): Promise<PropertiesResult> {
  const started = Date.now();
  const session = new ImplementationSession({ command: opts.command, args: opts.args, caseTimeoutMs: opts.caseTimeoutS * 1000, timeoutMs: opts.timeoutS * 1000 });
  const { ops, unsupported } = await supportedOps(session, opts.ops);
  const rows: PropertyRow[] = [];
  let lastRequest = '';
  if (session.fault === null) {
    const flag = new SharedArrayBuffer(4);
    const flagView = new Int32Array(flag);
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = {
      flag, port: port2, ops, unitRoundoff: opts.unitRoundoff, runs: opts.runs, seed: opts.seed, sampleN: opts.sampleN,
      claims: opts.claims ? [...opts.claims] : undefined, replay: opts.replay,
    };
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: input, transferList: [port2] });
    port1.on('message', (req: RelayRequest) => {
      lastRequest = req.line;
      session.request(req.id, req.line, req.maxBytes).then(
        (answer) => port1.postMessage({ answer }),
        (err: unknown) => port1.postMessage({ fault: err instanceof Error ? err.message : String(err) }),
      ).finally(() => {
        Atomics.store(flagView, 0, 1);
        Atomics.notify(flagView, 0);
      });
    });
    const bar = new Progress(opts.claims?.length ?? ROW_KEYS.length, 'properties', 'claims', Boolean(opts.progress && process.stderr.isTTY));
    const internal = await new Promise<string | null>((resolve) => {
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'row') {
          bar.tick();
          rows.push(rowOf(m, m.fault === undefined ? undefined : lastRequest));
        }
        if (m.type === 'done') resolve(null);
      });
      worker.on('error', (err) => resolve(`internal error of the claim worker: ${err.message}`));
      worker.on('exit', (code) => resolve(code === 0 ? null : `claim worker exited with code ${code}`));
    });
    if (internal !== null) session.problems.push(internal);
    bar.stop();
    port1.close();
    await worker.terminate();
    for (const row of rows) if (row.failure && !row.fault) await explain(row.failure, session);
  }
  const problems = [...(await session.close())];
  const pass = problems.length === 0 && rows.every((r) => r.status !== 'fails' && r.status !== 'not-run') && rows.some((r) => r.status === 'holds');
  return { pass, rows, ops, unsupportedOps: unsupported, problems, seed: opts.seed, runs: opts.runs, unitRoundoff: opts.unitRoundoff, elapsedMs: Date.now() - started };
}

function rowOf(m: Extract<WorkerMessage, { type: 'row' }>, faultRequest: string | undefined): PropertyRow {
  const key = rowKey(m);
  const base = { key, id: m.id, title: m.title ?? key, cases: 0, skipped: {}, worstError: null, notes: '', requests: m.requests ?? 0 };
  if (m.notApplicable !== undefined) return { ...base, status: 'not-applicable', notes: m.notApplicable };
  if (m.notRun !== undefined || !m.outcome) return { ...base, status: 'not-run', notes: m.notRun ?? 'not run' };
  const o: ClaimOutcome = m.outcome;
  const row: PropertyRow = { ...base, status: o.status === 'fails' || m.fault ? 'fails' : o.status, cases: o.cases, skipped: skippedOf(o.coverage), worstError: o.worstError, notes: o.notes };
  if (m.fault !== undefined) {
    row.fault = m.fault;
    row.failure = { description: `the implementation stopped answering: ${m.fault}`, request: faultRequest ? JSON.parse(faultRequest) : undefined, errors: [], seed: o.counterexample?.seed ?? 0 };
  } else if (o.counterexample) {
    const cx = o.counterexample;
    row.failure = { description: cx.description, request: cx.request, errors: [], seed: cx.seed, path: cx.path !== undefined ? `${cx.property ?? 0}/${cx.path}` : undefined };
  }
  return row;
}

/** Fills in received, expected, per-output errors and tags of a failure by asking once more. */
async function explain(f: Failure, session: ImplementationSession): Promise<void> {
  const req = f.request as Parameters<typeof expectedAnswer>[0] | undefined;
  if (!req) return;
  try {
    f.tags = tagsOf(req);
  } catch {
    /* a request the tags cannot read (invalid input): none */
  }
  if (session.fault === null) {
    try {
      const line = JSON.stringify(f.request);
      const n = Number((req as { n?: number }).n ?? 0);
      f.received = await session.request('counterexample', line, answerCap(req.op, n, req.H.length));
    } catch {
      return;
    }
  }
  f.expected = expectedAnswer(req);
  let got = f.received;
  if (req.op === 'sample') {
    const s = sampleMoments(f.received);
    got = s && { mean: s.sampleMean, cov: s.sampleCov };
    if (s) f.received = s;
  }
  f.errors = outputDiffs(got, f.expected as Record<string, unknown>);
  f.diagnosis = diagnose(req, f);
}

/** The signature of a known bug class in one failing answer (src/conformance/explain.ts), if any. */
function diagnose(req: Parameters<typeof expectedAnswer>[0], f: Failure): string | undefined {
  if (req.op === 'coefficients') {
    if (conjugateSignature(f.received, f.expected, 'diffusion') || conjugateSignature(f.received, f.expected, 'drift')) return DIAGNOSES.conjugate;
    if (f.tags?.regime === 'R' && eigenvectorSignature(f.received, f.expected)) return DIAGNOSES.eigenvectors;
    if (f.tags?.regime === 'R' && kernelSignature(f.errors.map((e) => ({ ...e })), 1e-9)) return DIAGNOSES.kernel;
  }
  if (req.op === 'moments') {
    const shift = stepShift(req, f.received);
    if (shift !== 0) return DIAGNOSES.steps(shift);
  }
  if (req.op === 'sample') {
    const cov = (f.expected as { cov?: unknown } | undefined)?.cov;
    const got = f.received as { sampleCov?: number[][] } | undefined;
    if (Array.isArray(cov) && got?.sampleCov && sqrtEtaSignature(req.eta, (cov as unknown[][]).map((r) => r.map(Number)), got.sampleCov)) return DIAGNOSES.sqrtEta;
  }
  return undefined;
}
