/**
 * Runs a claim's properties with fast-check and folds them into a ClaimOutcome
 * (src/claims/types.ts): coverage labels, the worst oracle error, and a shrunk counterexample
 * with its replay seed and path (and a protocol request line) when one fails.
 */
import fc from 'fast-check';
import { params } from '../budget.js';
import type { CheckOptions, ClaimCheck, ClaimId, ClaimOutcome, Counterexample } from '../../src/claims/types.js';
import { describeProblem, type Problem } from '../arbitraries.js';

/** What a property body records while it runs. */
export interface Recorder {
  /** Count a coverage label (regime, commuting, removable, ...). */
  label(name: string): void;
  /** Record an oracle error (units fixed per claim, stated in its notes). */
  error(value: number): void;
}

/** One property of a claim. The body throws (e.g. via {@link ensure}) when the claim is violated. */
export interface PropertySpec<T> {
  name: string;
  arb: fc.Arbitrary<T>;
  /** Share of the claim's budget (relative weight); default 1. */
  weight?: number;
  body: (value: T, rec: Recorder) => void;
  describeCase: (value: T) => string;
  request?: (value: T) => Record<string, unknown>;
}

export interface PropertyResult {
  name: string;
  failed: boolean;
  cases: number;
  worstError: number | null;
  coverage: Record<string, number>;
  counterexample?: Counterexample;
}

/** A violated claim (distinguished from crashes only in the message). */
export class ClaimViolation extends Error {
  override readonly name = 'ClaimViolation';
}

/** Throws a ClaimViolation with `message` unless `cond`. */
export function ensure(cond: boolean, message: () => string): asserts cond {
  if (!cond) throw new ClaimViolation(message());
}

/** A violation's message, or for any other exception (a crash) its message and first stack frame. */
function failureMessage(err: unknown): string {
  if (err instanceof ClaimViolation) return err.message;
  if (err instanceof Error) {
    const frame = err.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim() ?? '';
    return `${err.name}: ${err.message}${frame ? ` (${frame})` : ''}`;
  }
  return String(err ?? 'failed');
}

/** Runs one property at `numRuns` cases with the given seed (from fast-check `path` when replaying). */
export function runProperty<T>(spec: PropertySpec<T>, numRuns: number, seed: number, shrink = true, path?: string): PropertyResult {
  const coverage: Record<string, number> = {};
  let worst: number | null = null;
  let shrinking = false;
  const rec: Recorder = {
    label: (l) => {
      if (!shrinking) coverage[l] = (coverage[l] ?? 0) + 1;
    },
    error: (e) => {
      if (!shrinking && Number.isFinite(e)) worst = worst === null ? e : Math.max(worst, e);
    },
  };
  const prop = fc.property(spec.arb, (v) => {
    try {
      spec.body(v, rec);
    } catch (err) {
      shrinking = true;
      throw err;
    }
  });
  const out = fc.check(prop, { ...params(numRuns), seed, numRuns, endOnFailure: !shrink, ...(path === undefined ? {} : { path }) });
  const result: PropertyResult = { name: spec.name, failed: out.failed, cases: out.numRuns, worstError: worst, coverage };
  if (out.failed) {
    const msg = failureMessage(out.errorInstance);
    if (out.counterexample) {
      const v = out.counterexample[0];
      const ce: Counterexample = {
        seed: out.seed,
        path: out.counterexamplePath ?? undefined,
        description: `${spec.name}: ${msg} | case: ${spec.describeCase(v)}`,
      };
      if (spec.request) ce.request = spec.request(v);
      result.counterexample = ce;
    } else {
      result.counterexample = { seed: out.seed, description: `${spec.name}: ${msg}` };
    }
  }
  return result;
}

/** Folds property results into a claim outcome. */
export function foldOutcome(id: ClaimId, results: PropertyResult[], notes: string): ClaimOutcome {
  const coverage: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.coverage)) coverage[k] = (coverage[k] ?? 0) + v;
  const errors = results.map((r) => r.worstError).filter((e): e is number => e !== null);
  const failed = results.find((r) => r.failed);
  const outcome: ClaimOutcome = {
    id,
    status: failed ? 'fails' : 'holds',
    cases: results.reduce((s, r) => s + r.cases, 0),
    worstError: errors.length ? Math.max(...errors) : null,
    notes: `${notes} Properties: ${results.map((r) => `${r.name} (${r.cases}${r.failed ? ', FAILED' : ''})`).join('; ')}.`,
    coverage,
  };
  if (failed?.counterexample) outcome.counterexample = failed.counterexample;
  return outcome;
}

/**
 * A ClaimCheck from a list of properties: the claim's budget `options.runs` is split by weight
 * (each property gets at least 1 case), progress is reported per property.
 */
export function claimCheck(
  id: ClaimId,
  title: string,
  notes: string,
  properties: () => PropertySpec<any>[],
  /** Cases per unit of budget (e.g. 0.3 for a check whose cases cost ~3× the average). */
  scale = 1,
): ClaimCheck {
  return {
    id,
    title,
    async run(options: CheckOptions): Promise<ClaimOutcome> {
      const all = properties();
      const { replay } = options;
      if (replay && !all[replay.property]) throw new RangeError(`${id} has ${all.length} properties, no property ${replay.property}`);
      const specs = replay ? [all[replay.property]] : all;
      const total = specs.reduce((s, p) => s + (p.weight ?? 1), 0);
      const results: PropertyResult[] = [];
      let done = 0;
      for (const spec of specs) {
        const n = Math.max(1, Math.round((options.runs * scale * (spec.weight ?? 1)) / total));
        const r = runProperty(spec, n, options.seed, options.shrink ?? true, replay?.path);
        if (r.counterexample) r.counterexample.property = replay?.property ?? all.indexOf(spec);
        results.push(r);
        options.onProgress?.(++done, specs.length);
      }
      return foldOutcome(id, results, notes);
    },
  };
}

/**
 * One ClaimCheck from several checks of the same claim (e.g. the reference for exactness and the
 * double library for volume): each runs at the full budget; outcomes are merged (the claim holds
 * only if every part holds; the first failing part's counterexample is kept).
 */
export function mergeChecks(checks: ClaimCheck[]): ClaimCheck {
  const [first] = checks;
  return {
    id: first.id,
    title: first.title,
    async run(options: CheckOptions): Promise<ClaimOutcome> {
      const outs: ClaimOutcome[] = [];
      for (const [i, c] of checks.entries()) {
        outs.push(await c.run({ ...options, onProgress: (d, t) => options.onProgress?.(i * t + d, checks.length * t) }));
      }
      const coverage: Record<string, number> = {};
      for (const o of outs) for (const [k, v] of Object.entries(o.coverage ?? {})) coverage[k] = (coverage[k] ?? 0) + v;
      const errors = outs.map((o) => o.worstError).filter((e): e is number => e !== null);
      const failed = outs.find((o) => o.status === 'fails');
      const merged: ClaimOutcome = {
        id: first.id,
        status: failed ? 'fails' : outs.every((o) => o.status === 'holds') ? 'holds' : 'not-run',
        cases: outs.reduce((s, o) => s + o.cases, 0),
        worstError: errors.length ? Math.max(...errors) : null,
        notes: outs.map((o) => o.notes).join(' || '),
        coverage,
      };
      if (failed?.counterexample) merged.counterexample = failed.counterexample;
      return merged;
    },
  };
}

/** The protocol request line (spec/protocol.md, `hasme serve`) for a problem's coefficients. */
export function coefficientsRequest(p: Problem, id = 'counterexample'): Record<string, unknown> {
  return { id, op: 'coefficients', model: 'hasme', eta: p.eta, H: p.H, Sigma: p.Sigma };
}

/** The protocol request line for moments of `model` after `steps` steps. */
export function momentsRequest(p: Problem, model: string, steps: number, id = 'counterexample'): Record<string, unknown> {
  return { id, op: 'moments', model, eta: p.eta, H: p.H, Sigma: p.Sigma, x0: p.x0, steps };
}

/** Default description of a problem case. */
export const describeCase = (p: Problem): string => describeProblem(p);

/** Records a problem's labels. */
export function labelProblem(p: Problem, rec: Recorder): void {
  for (const l of p.labels) if (!l.startsWith('d=')) rec.label(l);
}
