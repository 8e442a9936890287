/**
 * The 2-D smoothness sweep (C23, spec/weak.md §12, measured): f_s = s·f of the built-in ridges-d2
 * (every λ_k and μ scaled by s; Σ, x0, test function, horizon and step sizes fixed), so only the
 * curvature scale varies. Per model the error constant C(s) = lim err/η^p (p = 1 for SME-1, 2
 * otherwise) by Richardson over η with the 2-D engine's error propagated, and the growth exponent of
 * |C(s)| in s by least squares (src/weak/smoothness.ts, shared with C19). Computed by the 2-D engine
 * (src/weak/twoDim.ts) on one grid box for every s: the box of s = 1 (for s > 1 the drift pulls the
 * paths to the minimum at 0 faster, for s < 1 they move less; the refinement's margin change checks it).
 */
import { SDE_MODELS as MODELS, type SdeModel } from '../formats/types.js';
import { builtinProblem } from '../problems/builtin.js';
import type { TwoDimProblem } from '../problems/types.js';
import { richardsonLimit, type Limit } from './richardson.js';
import { modelOrder, slopeWithError, type Exponent } from './smoothness.js';
import { engineRatio, twoDimDriftReach, type TwoDimResolution, type TwoDimRow } from './twoDim.js';
import { twoDimRowsParallel, type TwoDimJob } from './twoDimParallel.js';


/**
 * The sweep's fixed settings: s spans a factor 16, η·(curvature of f_s) ≤ 0.55 (regime R at every
 * state). Resolutions: the engine's error stays ≤ 1e-3 of every weak error except HA-SME's two finest
 * rows at s = 2, where its η² coefficient nearly vanishes; it is propagated into every C(s)
 * (spec/weak.md §12). Both spacing and order change between the two resolutions. No third level
 * (`finer: false`): at s = 2 it lowers that ratio only to 3.5e-3, for ≈ 30 s more CPU in every report.
 */
export const TWOD_SWEEP = {
  builtin: 'ridges-d2',
  scales: [0.25, 0.5, 1, 2, 4],
  etas: ['0.0625', '0.03125', '0.015625'],
  T: '0.25',
  base: { spacing: 0.15, order: 14, quadratureNodes: 4, margin: 1.5 } satisfies TwoDimResolution,
  refined: { spacing: 0.125, order: 16, quadratureNodes: 5, margin: 2 } satisfies TwoDimResolution,
} as const;

export interface TwoDimSweepPoint {
  /** The curvature scale s (named as C19's λ so the figure helpers serve both). */
  lambda: number;
  /** lim err/η^p per model. */
  constants: Record<SdeModel, Limit>;
  /** Largest engine error / |weak error| over this scale's rows. */
  engineRatio: number;
}

export interface TwoDimSweep {
  builtin: string;
  points: TwoDimSweepPoint[];
  exponents: Record<SdeModel, Exponent>;
}

/** f_s = s·f of a 2-D problem at the sweep's T and η (every ridge weight and μ times s). */
export function scaledProblem(p: TwoDimProblem, s: number): TwoDimProblem {
  const times = (x: string) => String(Number(x) * s);
  return { ...p, T: TWOD_SWEEP.T, etas: [...TWOD_SWEEP.etas], models: [...MODELS], ridges: p.ridges.map((r) => ({ ...r, lambda: times(r.lambda) })), mu: times(p.mu) };
}

/** Richardson limits of err/η^p per model from one scale's rows (engine errors propagated). */
export function sweepConstants(rows: readonly TwoDimRow[]): Record<SdeModel, Limit> {
  const etas = TWOD_SWEEP.etas.map(Number);
  return Object.fromEntries(
    MODELS.map((m) => {
      const rs = etas.map((eta) => rows.find((r) => r.model === m && r.eta === eta)!);
      const q = modelOrder(m);
      return [m, richardsonLimit(rs.map((r) => r.error / r.eta ** q), rs.map((r) => r.engineError / r.eta ** q))];
    }),
  ) as Record<SdeModel, Limit>;
}

/** The sweep from the rows of each scale (`rowsAt`; tests inject rows). */
export function twoDimSweep(rowsAt: (s: number) => TwoDimRow[]): TwoDimSweep {
  const points = TWOD_SWEEP.scales.map((s): TwoDimSweepPoint => {
    const rows = rowsAt(s);
    return { lambda: s, constants: sweepConstants(rows), engineRatio: engineRatio(rows) };
  });
  const logS = points.map((p) => Math.log(p.lambda));
  const exponents = Object.fromEntries(MODELS.map((m) => [m, slopeWithError(logS, points.map((p) => Math.log(Math.abs(p.constants[m].value))))])) as Record<SdeModel, Exponent>;
  return { builtin: TWOD_SWEEP.builtin, points, exponents };
}

/** The engine's jobs: one per (s, η), every f_s on the grid box of s = 1. */
export function sweepJobs(): { scale: number; job: TwoDimJob }[] {
  const p = builtinProblem(TWOD_SWEEP.builtin) as TwoDimProblem;
  const driftReach = twoDimDriftReach(scaledProblem(p, 1));
  return TWOD_SWEEP.scales.flatMap((scale) =>
    TWOD_SWEEP.etas.map((eta) => ({ scale, job: { problem: { ...scaledProblem(p, scale), etas: [eta] }, opts: { base: TWOD_SWEEP.base, refined: TWOD_SWEEP.refined, finer: false, driftReach } } })),
  );
}

/** The sweep computed by the 2-D engine, its jobs spread over worker threads. */
export async function engineSweep(onProgress?: (done: number, total: number) => void): Promise<TwoDimSweep> {
  const jobs = sweepJobs();
  const rows = await twoDimRowsParallel(jobs.map((j) => j.job), undefined, onProgress);
  return twoDimSweep((s) => jobs.flatMap((j, k) => (j.scale === s ? rows[k] : [])));
}
