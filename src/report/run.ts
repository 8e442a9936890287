/**
 * Runs the registry's ClaimChecks and settles their outcomes into report rows. The status
 * policy lives here: a claim holds only if checks for it ran on at least one case and every
 * one of them passed; a check that throws or returns a malformed outcome becomes a `fails` row
 * with the reason; a claim without a registered check is `not-run`.
 */
import { CLAIM_IDS, type ClaimCheck, type ClaimId, type ClaimOutcome, type ClaimPart } from '../claims/types.js';
import type { ClaimRow } from './model.js';
import type { ProgressSink } from './progress.js';

const STATUSES = new Set(['holds', 'fails', 'not-run']);

function failed(id: ClaimId, reason: string): ClaimOutcome {
  return { id, status: 'fails', cases: 0, worstError: null, notes: reason };
}

function describeThrown(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** Counts by label when every count is a finite number, else undefined (dropped from the row). */
function countsOrUndefined(c: unknown): Record<string, number> | undefined {
  if (typeof c !== 'object' || c === null) return undefined;
  return Object.values(c).every((v) => typeof v === 'number' && Number.isFinite(v)) ? (c as Record<string, number>) : undefined;
}

const finiteOrNull = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function isPart(p: unknown): p is ClaimPart {
  const q = p as Partial<ClaimPart> | null;
  return typeof q === 'object' && q !== null && typeof q.implementation === 'string' && STATUSES.has(q.status as string) && Number.isInteger(q.cases);
}

/** A part with only the contract's fields, in a fixed key order. */
function settlePart(p: ClaimPart): ClaimPart {
  const skipped = countsOrUndefined(p.skipped);
  return {
    implementation: p.implementation,
    status: p.status,
    cases: p.cases,
    ...(skipped ? { skipped } : {}),
    ...(p.tolerance !== undefined ? { tolerance: finiteOrNull(p.tolerance) } : {}),
    worstError: finiteOrNull(p.worstError),
    ...(p.worstRatio !== undefined ? { worstRatio: finiteOrNull(p.worstRatio) } : {}),
    ...(p.counterexample ? { counterexample: p.counterexample } : {}),
  };
}

/**
 * Checks one outcome against the ClaimOutcome contract and the status policy. Returns the
 * outcome to report (possibly downgraded, with the reason prepended to its notes).
 */
export function settleOutcome(check: Pick<ClaimCheck, 'id'>, outcome: unknown): ClaimOutcome {
  const id = check.id;
  if (typeof outcome !== 'object' || outcome === null) return failed(id, `check returned ${String(outcome)} instead of an outcome`);
  const o = outcome as Partial<ClaimOutcome>;
  if (o.id !== id) return failed(id, `check for ${id} returned an outcome for ${String(o.id)}`);
  if (typeof o.status !== 'string' || !STATUSES.has(o.status)) return failed(id, `check returned an unknown status ${JSON.stringify(o.status)}`);
  if (typeof o.cases !== 'number' || !Number.isInteger(o.cases) || o.cases < 0) {
    return failed(id, `check returned an invalid case count ${JSON.stringify(o.cases)}`);
  }
  const notes = typeof o.notes === 'string' ? o.notes : '';
  const cx = o.counterexample;
  if (cx !== undefined && (typeof cx !== 'object' || cx === null || !Number.isInteger(cx.seed) || typeof cx.description !== 'string')) {
    return failed(id, `check returned a malformed counterexample ${JSON.stringify(cx)}. ${notes}`.trim());
  }
  const coverage = countsOrUndefined(o.coverage);
  const skipped = countsOrUndefined(o.skipped);
  const parts = Array.isArray(o.parts) ? o.parts.filter(isPart).map(settlePart) : undefined;
  // Copy only the contract's fields, so report.json keeps its shape whatever a check returns.
  const settled: ClaimOutcome = {
    id,
    status: o.status,
    cases: o.cases,
    ...(skipped ? { skipped } : {}),
    ...(o.tolerance !== undefined ? { tolerance: finiteOrNull(o.tolerance) } : {}),
    worstError: o.worstError ?? null,
    ...(o.worstRatio !== undefined ? { worstRatio: finiteOrNull(o.worstRatio) } : {}),
    ...(parts?.length ? { parts } : {}),
    ...(cx ? { counterexample: cx } : {}),
    notes,
    ...(coverage ? { coverage } : {}),
  };
  if (o.worstError !== null && o.worstError !== undefined && (typeof o.worstError !== 'number' || !Number.isFinite(o.worstError))) {
    // A NaN or infinite error means the oracle comparison itself broke: never a pass.
    return { ...settled, status: 'fails', worstError: null, notes: `worst error was ${String(o.worstError)}. ${notes}`.trim() };
  }
  if (o.status === 'holds' && cx) {
    return { ...settled, status: 'fails', notes: `reported 'holds' together with a counterexample. ${notes}`.trim() };
  }
  if (o.status === 'holds' && o.cases === 0) {
    return { ...settled, status: 'not-run', notes: `reported 'holds' without running any case, so not counted as holding. ${notes}`.trim() };
  }
  return settled;
}

/** Runs one check, turning a throw into a `fails` outcome. */
async function runOne(check: ClaimCheck, runs: number, seed: number, progress?: ProgressSink): Promise<ClaimRow> {
  const t0 = performance.now();
  let outcome: ClaimOutcome;
  try {
    outcome = settleOutcome(check, await check.run({ runs, seed, onProgress: (done, total) => progress?.update(done, total) }));
  } catch (err) {
    outcome = failed(check.id, `check threw ${describeThrown(err)}`);
  }
  return { ...outcome, title: check.title, durationMs: performance.now() - t0 };
}

/** Combines the rows of several checks of one claim: holds only if every check holds. */
export function mergeRows(id: ClaimId, rows: readonly ClaimRow[]): ClaimRow {
  if (rows.length === 1) return rows[0];
  const status = rows.some((r) => r.status === 'fails') ? 'fails' : rows.every((r) => r.status === 'holds') ? 'holds' : 'not-run';
  const errors = rows.map((r) => r.worstError).filter((e): e is number => e !== null);
  const coverage: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.coverage ?? {})) coverage[k] = (coverage[k] ?? 0) + v;
  const counterexample = rows.find((r) => r.counterexample)?.counterexample;
  const skipped: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.skipped ?? {})) skipped[k] = (skipped[k] ?? 0) + v;
  const ratios = rows.map((r) => r.worstRatio).filter((e): e is number => typeof e === 'number');
  const parts = rows.flatMap((r) => r.parts ?? []);
  return {
    id,
    status,
    title: rows[0].title,
    cases: rows.reduce((s, r) => s + r.cases, 0),
    ...(rows.some((r) => r.skipped) ? { skipped } : {}),
    ...(rows.some((r) => r.tolerance !== undefined)
      ? { tolerance: rows.every((r) => typeof r.tolerance === 'number' && r.tolerance === rows[0].tolerance) ? rows[0].tolerance! : null }
      : {}),
    worstError: errors.length ? Math.max(...errors) : null,
    ...(ratios.length ? { worstRatio: Math.max(...ratios) } : {}),
    ...(parts.length ? { parts } : {}),
    ...(counterexample ? { counterexample } : {}),
    notes: rows.map((r) => `[${r.title}] ${r.notes}`).join(' '),
    ...(Object.keys(coverage).length ? { coverage } : {}),
    durationMs: rows.reduce((s, r) => s + r.durationMs, 0),
  };
}

/** The row of a claim whose checks did not run: none registered, or not selected. */
function notRun(id: ClaimId, title: string, notes: string): ClaimRow {
  return { id, status: 'not-run', title, cases: 0, worstError: null, notes, durationMs: 0 };
}

/**
 * Runs every check in registry order, one after the other (only the claims in `only`, if given),
 * and returns one row per claim in catalogue order (C1–C17).
 */
export async function runChecks(
  checks: readonly ClaimCheck[],
  options: { runs: number; seed: number; only?: readonly ClaimId[]; progress?: ProgressSink },
): Promise<ClaimRow[]> {
  const selected = checks.filter((c) => !options.only || options.only.includes(c.id));
  const byId = new Map<ClaimId, ClaimRow[]>();
  for (const [i, check] of selected.entries()) {
    options.progress?.start({ id: check.id, title: check.title, index: i, count: selected.length, runs: options.runs });
    const row = await runOne(check, options.runs, options.seed, options.progress);
    options.progress?.finish(row);
    byId.set(check.id, [...(byId.get(check.id) ?? []), row]);
  }
  return CLAIM_IDS.map((id) => {
    const rows = byId.get(id);
    if (rows) return mergeRows(id, rows);
    const registered = checks.find((c) => c.id === id);
    return registered ? notRun(id, registered.title, 'not selected in this run (--claims)') : notRun(id, '—', 'no check registered for this claim');
  });
}
