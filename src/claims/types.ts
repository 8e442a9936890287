/**
 * The shape of a claim check, shared by the property tests (vitest), the report (`hasme report`)
 * and the weak-error engines. A claim's checks are written once as a ClaimCheck; tests assert
 * on its outcome, the report tabulates it.
 */

/** Stable claim IDs of spec/. */
export const CLAIM_IDS = [
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C18', 'C19', 'C20', 'C21',
  'C22', 'C23',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export type ClaimStatus = 'holds' | 'fails' | 'not-run';

export interface Counterexample {
  /** Seed and fast-check path that replay the failure (HASME_SEED=<seed>, fc `path`). */
  seed: number;
  path?: string;
  /** The shrunk case in words, readable in a table. */
  description: string;
  /** The case as a protocol request line that `hasme serve` accepts, where one applies. */
  request?: Record<string, unknown>;
  /** Index of the failing property in its claim's list (with seed and path, replays it alone). */
  property?: number;
}

/** The verdict of one implementation's check within a claim (e.g. the reference and the library). */
export type ClaimPart = {
  /** The implementation checked, e.g. "reference (50 digits)" or "library (double)". */
  implementation: string;
} & Pick<ClaimOutcome, 'status' | 'cases' | 'skipped' | 'tolerance' | 'worstError' | 'worstRatio' | 'counterexample'>;

export interface ClaimOutcome {
  id: ClaimId;
  status: ClaimStatus;
  /** Number of cases that asserted the claim (skipped cases are counted in `skipped`, not here). */
  cases: number;
  /** Generated cases that asserted nothing, by reason (absent: the check does not skip cases). */
  skipped?: Record<string, number>;
  /**
   * The oracle's tolerance in the units of `worstError`; null when it varies per case or per part
   * (then `worstRatio` carries the margin); absent when the check states no tolerance.
   */
  tolerance?: number | null;
  /** Worst observed error of the claim's oracle comparison (units stated in notes), null if none. */
  worstError: number | null;
  /** Worst error/tolerance ratio over all asserted cases (< 1 when the claim holds), null if none. */
  worstRatio?: number | null;
  /** Per-implementation verdicts when the claim is checked on several (reference and library). */
  parts?: ClaimPart[];
  counterexample?: Counterexample;
  /** What was checked, how errors are measured, coverage by regime, measured tightness, ... */
  notes: string;
  /** Coverage counts per label (fc.statistics-style), e.g. { R: 120, X: 60, S: 20 }. */
  coverage?: Record<string, number>;
}

export interface CheckOptions {
  /** Budget: number of generated cases (a check may scale it per sub-property). */
  runs: number;
  seed: number;
  /** false: stop at the first failing case without shrinking (the claim × bug matrix); default true. */
  shrink?: boolean;
  /** Called as cases complete, for progress displays. */
  onProgress?: (done: number, total: number) => void;
  /** Replays one failure: only property `property` runs, from fast-check path `path`. */
  replay?: { property: number; path: string };
}

export interface ClaimCheck {
  id: ClaimId;
  /** Short statement for tables. */
  title: string;
  run(options: CheckOptions): Promise<ClaimOutcome>;
}
