/**
 * Shapes shared by the explorer's families, writers, shards and figures.
 */
import type { Regime } from '../formats/types.js';
import type { AxisSpec } from './grid.js';

/**
 * One explored grid cell, exactly as written to JSON (spec/regions.md). In regime S every
 * numeric field is null (HA-SME is undefined there, C9); a numeric field is also null where the
 * quantity is undefined (e.g. `psdMargin` outside regime R, `covErr` where no real covariance exists).
 */
export interface Cell {
  x: number;
  y: number;
  regime: Regime;
  /** λ_min(Σ̃)/λ_max(Σ̃) in regime R (negative: Σ̃ indefinite). */
  psdMargin: number | null;
  /** ‖P_k − C_k‖_F / ‖C_k‖_F: HA-SME pseudo-covariance against SGD's covariance after k steps (C3). */
  pcovErr: number | null;
  /** ‖Cov_k − C_k‖_F / ‖C_k‖_F for HA-SME's covariance where it is defined (C4, C8). */
  covErr: number | null;
  /** The library's distance to the singular set (C9). */
  singularDistance: number | null;
  /**
   * Why `pcovErr` and `covErr` are null although the regime defines them: the moments after `steps`
   * steps overflow double precision (the library's `non-finite` message). Null otherwise.
   */
  overflow?: string | null;
  /** psd-threshold only: first η at which Σ̃ stops being PSD (null: PSD on the whole R range). */
  eta0?: number | null;
  /** psd-threshold only: first η at which the C6 sufficient bound stops certifying Σ̃ ⪰ 0 (null: it certifies all of R). */
  etaBound?: number | null;
}

/** The cell fields in output order (JSON key order and CSV columns). */
export const BASE_FIELDS = ['x', 'y', 'regime', 'psdMargin', 'pcovErr', 'covErr', 'singularDistance', 'overflow'] as const;
export const EXTRA_FIELDS = ['eta0', 'etaBound'] as const;
export type CellField = (typeof BASE_FIELDS)[number] | (typeof EXTRA_FIELDS)[number];

/** Family parameters: named numbers (the JSON `params` object). */
export type FamilyParams = Record<string, number>;

/** A family's option, exposed as `--<name> <number>` on `hasme explore`. */
export interface ParamSpec {
  name: string;
  description: string;
  default: number;
  /** Validation: returns an error message or null. */
  check?: (value: number, all: FamilyParams) => string | null;
}

/** A figure drawn from the (downsampled) cells of a run. */
export type FigureSpec =
  | { kind: 'heatmap'; file: string; title: string; field: 'regime' | 'psdStatus' | 'psdMargin' | 'log10PcovErr' | 'log10CovErr' | 'log10SingularDistance' }
  | { kind: 'curves'; file: string; title: string; fields: ('eta0' | 'etaBound')[]; yLabel: string };

/** A parameter family of (H, Σ, η) problems laid out on a 2-D grid. */
export interface Family {
  name: string;
  description: string;
  params: ParamSpec[];
  /** Points per axis when `--grid` is not given. */
  defaultGrid: number;
  /** Measured cost of one cell on one core, microseconds (for the up-front estimate, src/explore/grid.ts). */
  microsPerCell: number;
  /** Grids with at least this many cells run on worker threads (default PARALLEL_MIN_CELLS). */
  parallelMinCells?: number;
  /** Cell fields beyond the base ones (psd-threshold: eta0, etaBound). */
  extraFields: readonly (typeof EXTRA_FIELDS)[number][];
  /** The grid's axes for N points per axis. */
  axes(params: FamilyParams, n: number): { x: AxisSpec; y: AxisSpec };
  /** Evaluates one cell at axis values (x, y). Must not return NaN. */
  cell(params: FamilyParams, x: number, y: number): Cell;
  figures: FigureSpec[];
}

/** The header shared by full outputs and shard parts. */
export interface RunHeader {
  family: string;
  params: FamilyParams;
  axes: { x: AxisSpec; y: AxisSpec };
  fields: CellField[];
}
