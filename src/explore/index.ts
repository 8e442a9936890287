/**
 * The failure-region explorer (spec/regions.md): parameter families evaluated cell by cell, grids
 * streamed to JSON/CSV/SVG, shards and their merge. Per-cell functions are usable on their own,
 * e.g. `rotated2x2Cell(ROTATED2X2_DEFAULTS, Math.PI / 4, 0.1)`.
 */
export {
  rotated2x2Cell,
  rotated2x2Cells,
  rotated2x2Axes,
  ROTATED2X2_DEFAULTS,
  type Rotated2x2Params,
} from './families/rotated2x2.js';
export { etaCurvatureCell, ETA_CURVATURE_DEFAULTS, type EtaCurvatureParams } from './families/etaCurvature.js';
export { psdThresholdCell, PSD_THRESHOLD_DEFAULTS, type PsdThresholdParams } from './families/psdThreshold.js';
export { FAMILIES, familyByName } from './families/index.js';
export { axis, axisPoint, gridPoints, parseShard, shardRange, type AxisSpec, type GridPoint, type Shard } from './grid.js';
export { explore, runHeader, type ExploreOptions, type RunResult } from './run.js';
export { mergeParts } from './merge.js';
export { firstFailure, type ThresholdOptions } from './threshold.js';
export type { Cell, Family, FamilyParams, RunHeader } from './types.js';
