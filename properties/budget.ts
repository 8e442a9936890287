/**
 * Reproducible fast-check parameters. CI runs with the fixed default seed; HASME_SEED and
 * HASME_RUNS override seed and budget. fast-check prints seed and path of any failure, which
 * replays it: HASME_SEED=<seed> plus `path` in the parameters (fc.assert(..., { seed, path })).
 */
import type * as fc from 'fast-check';

export const DEFAULT_SEED = 20240528;

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const v = Number(raw);
  if (!Number.isInteger(v)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return v;
}

/** Seed in force: HASME_SEED or the fixed default. */
export function seed(): number {
  return envInt('HASME_SEED') ?? DEFAULT_SEED;
}

/** Number of runs for a property whose default budget is `base`: HASME_RUNS overrides it. */
export function runs(base: number): number {
  const r = envInt('HASME_RUNS');
  if (r !== undefined && r <= 0) throw new Error('HASME_RUNS must be positive');
  return r ?? base;
}

/** fast-check parameters with the project's seed and budget policy. */
export function params<T>(base: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: seed(), numRuns: runs(base), endOnFailure: false, ...extra };
}
