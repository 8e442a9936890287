/**
 * Runs a claim's properties with fast-check and folds them into a ClaimOutcome
 * (src/claims/types.ts): asserted cases, skipped cases by reason, coverage labels, the worst
 * oracle error and its worst error/tolerance ratio, and a shrunk counterexample with its replay
 * seed and path (and a protocol request line) when one fails.
 *
 * A case counts only if its body ran to the end: a body that calls `rec.skip(reason)` asserted
 * nothing; fast-check then draws a replacement case (fc.pre), so `cases` reaches the budget, and
 * the skip is reported under its reason. Labels and errors of a skipped case are discarded.
 */
import fc from 'fast-check';
import { params } from '../budget.js';
import type { CheckOptions, ClaimCheck, ClaimId, ClaimOutcome, ClaimPart, Counterexample } from '../../src/claims/types.js';
import { describeProblem, type Problem } from '../arbitraries.js';

/** What a property body records while it runs. */
export interface Recorder {
  /** Count a coverage label (regime, commuting, removable, ...). */
  label(name: string): void;
  /**
   * Record an oracle error (units fixed per claim, stated in its notes) and the tolerance it was
   * judged against (default: the property's `tolerance`), for the worst error/tolerance ratio.
   */
  error(value: number, tolerance?: number): void;
  /** Give up on this case without asserting (counted under `reason`, replaced by a fresh case). */
  skip(reason: string): never;
}

/** One property of a claim. The body throws (e.g. via {@link ensure}) when the claim is violated. */
export interface PropertySpec<T> {
  name: string;
  arb: fc.Arbitrary<T>;
  /** Share of the claim's budget (relative weight); default 1. */
  weight?: number;
  /** The tolerance the body's errors are judged against, where it is one number for all cases. */
  tolerance?: number;
  body: (value: T, rec: Recorder) => void;
  describeCase: (value: T) => string;
  request?: (value: T) => Record<string, unknown>;
}

export interface PropertyResult {
  name: string;
  failed: boolean;
  /** Cases whose body ran to the end (asserted). */
  cases: number;
  skipped: Record<string, number>;
  /** The property's fixed tolerance, null when errors are judged per case. */
  tolerance: number | null;
  worstError: number | null;
  worstRatio: number | null;
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

/** Adds `add`'s counts into `into`. */
function addCounts(into: Record<string, number>, add: Record<string, number> | undefined): Record<string, number> {
  for (const [k, v] of Object.entries(add ?? {})) into[k] = (into[k] ?? 0) + v;
  return into;
}

/** Largest of the non-null values, null if none. */
function maxOrNull(xs: readonly (number | null | undefined)[]): number | null {
  const v = xs.filter((x): x is number => typeof x === 'number');
  return v.length ? Math.max(...v) : null;
}

/** The common tolerance of several parts, or null when they differ or one states none. */
function commonTolerance(xs: readonly (number | null | undefined)[]): number | null {
  return xs.length && xs.every((x) => typeof x === 'number' && x === xs[0]) ? (xs[0] as number) : null;
}

/** Thrown by `rec.skip`: tells fast-check the case does not count (a failed precondition). */
function skipCase(): never {
  fc.pre(false);
  throw new Error('unreachable: fc.pre(false) returned');
}

/** Runs one property at `numRuns` asserted cases with the given seed (from fast-check `path` when replaying). */
export function runProperty<T>(spec: PropertySpec<T>, numRuns: number, seed: number, shrink = true, path?: string): PropertyResult {
  const coverage: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  let worst: number | null = null;
  let worstRatio: number | null = null;
  let shrinking = false;
  const prop = fc.property(spec.arb, (v) => {
    // One case's records, committed only when its body runs to the end.
    const labels: string[] = [];
    const errors: [number, number | undefined][] = [];
    const rec: Recorder = {
      label: (l) => void labels.push(l),
      error: (e, tol) => void errors.push([e, tol ?? spec.tolerance]),
      skip: (reason) => {
        if (!shrinking) skipped[reason] = (skipped[reason] ?? 0) + 1;
        return skipCase();
      },
    };
    try {
      spec.body(v, rec);
    } catch (err) {
      if (!fc.PreconditionFailure.isFailure(err)) shrinking = true;
      throw err;
    }
    if (shrinking) return;
    for (const l of labels) coverage[l] = (coverage[l] ?? 0) + 1;
    for (const [e, tol] of errors) {
      if (!Number.isFinite(e)) continue;
      worst = worst === null ? e : Math.max(worst, e);
      if (tol !== undefined && tol > 0) worstRatio = Math.max(worstRatio ?? 0, e / tol);
    }
  });
  const out = fc.check(prop, { ...params(numRuns), seed, numRuns, endOnFailure: !shrink, ...(path === undefined ? {} : { path }) });
  const result: PropertyResult = {
    name: spec.name,
    failed: out.failed,
    cases: out.numRuns,
    skipped,
    tolerance: spec.tolerance ?? null,
    worstError: worst,
    worstRatio,
    coverage,
  };
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
      // No counterexample: fast-check gave up, e.g. after too many skipped cases (a vacuous property).
      const why = out.numSkips ? ` after ${out.numSkips} skipped cases (${JSON.stringify(skipped)})` : '';
      result.counterexample = { seed: out.seed, description: `${spec.name}: ${msg}${why}` };
    }
  }
  return result;
}

/** Folds property results into a claim outcome. */
export function foldOutcome(id: ClaimId, results: PropertyResult[], notes: string): ClaimOutcome {
  const coverage: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  for (const r of results) {
    addCounts(coverage, r.coverage);
    addCounts(skipped, r.skipped);
  }
  const failed = results.find((r) => r.failed);
  const describe = (r: PropertyResult) => {
    const skips = Object.values(r.skipped).reduce((a, b) => a + b, 0);
    return `${r.name} (${r.cases}${skips ? `, ${skips} skipped` : ''}${r.failed ? ', FAILED' : ''})`;
  };
  // A claim whose properties judge no error against a tolerance (e.g. sign or refusal tests) states none.
  const judged = results.some((r) => r.tolerance !== null || r.worstRatio !== null);
  const outcome: ClaimOutcome = {
    id,
    status: failed ? 'fails' : 'holds',
    cases: results.reduce((s, r) => s + r.cases, 0),
    skipped,
    ...(judged ? { tolerance: commonTolerance(results.map((r) => r.tolerance)) } : {}),
    worstError: maxOrNull(results.map((r) => r.worstError)),
    ...(judged ? { worstRatio: maxOrNull(results.map((r) => r.worstRatio)) } : {}),
    notes: `${notes} Properties: ${results.map(describe).join('; ')}.`,
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

/** A claim's check on one implementation, for {@link mergeChecks}. */
export interface NamedCheck {
  implementation: string;
  check: ClaimCheck;
}

/** One implementation's verdict as a part of a merged outcome. */
function partOf(implementation: string, o: ClaimOutcome): ClaimPart {
  const part: ClaimPart = { implementation, status: o.status, cases: o.cases, worstError: o.worstError };
  if (o.skipped) part.skipped = o.skipped;
  if (o.tolerance !== undefined) part.tolerance = o.tolerance;
  if (o.worstRatio !== undefined) part.worstRatio = o.worstRatio;
  if (o.counterexample) part.counterexample = o.counterexample;
  return part;
}

/**
 * One ClaimCheck from several checks of the same claim (e.g. the reference for exactness and the
 * double library for volume): each runs at the full budget; outcomes are merged (the claim holds
 * only if every part holds; the first failing part's counterexample is kept) and each part's
 * verdict is kept in `parts`, so that the report shows the implementations separately.
 */
export function mergeChecks(named: NamedCheck[]): ClaimCheck {
  const [first] = named;
  return {
    id: first.check.id,
    title: first.check.title,
    async run(options: CheckOptions): Promise<ClaimOutcome> {
      const outs: ClaimOutcome[] = [];
      for (const [i, { check }] of named.entries()) {
        outs.push(await check.run({ ...options, onProgress: (d, t) => options.onProgress?.(i * t + d, named.length * t) }));
      }
      const coverage: Record<string, number> = {};
      const skipped: Record<string, number> = {};
      for (const o of outs) {
        addCounts(coverage, o.coverage);
        addCounts(skipped, o.skipped);
      }
      const failed = outs.find((o) => o.status === 'fails');
      const merged: ClaimOutcome = {
        id: first.check.id,
        status: failed ? 'fails' : outs.every((o) => o.status === 'holds') ? 'holds' : 'not-run',
        cases: outs.reduce((s, o) => s + o.cases, 0),
        skipped,
        ...(outs.some((o) => o.tolerance !== undefined) ? { tolerance: commonTolerance(outs.map((o) => o.tolerance)) } : {}),
        worstError: maxOrNull(outs.map((o) => o.worstError)),
        ...(outs.some((o) => o.worstRatio !== undefined) ? { worstRatio: maxOrNull(outs.map((o) => o.worstRatio)) } : {}),
        parts: outs.map((o, i) => partOf(named[i].implementation, o)),
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
