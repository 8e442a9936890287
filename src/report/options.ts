/**
 * Budget, seed and output directory of `hasme report`. Precedence: command-line flag, then the
 * HASME_RUNS / HASME_SEED environment variables (same policy as properties/budget.ts), then the
 * defaults below. CI therefore always runs the fixed default seed.
 */
import { CLAIM_IDS, type ClaimId } from '../claims/types.js';
import { fromEnv, integerOption } from '../cli/options.js';
import { HasmeInputError } from '../errors.js';
import { runs as envRuns, seed as envSeed } from '../../properties/budget.js';

/** Default budget handed to every ClaimCheck (cases per claim; a check may scale it per sub-property). */
export const DEFAULT_REPORT_RUNS = 100;
/** Default output directory (git-ignored). */
export const DEFAULT_REPORT_DIR = 'report';

export interface ReportOptions {
  runs: number;
  seed: number;
  outDir: string;
  /** Print report.json on stdout instead of the table. */
  json: boolean;
  /** Run only these claims (the others are reported not-run); undefined: all. */
  claims?: ClaimId[];
  /** Keep wall times in the outputs (off by default: outputs are then byte-identical across runs). */
  timings?: boolean;
}

/** Raw flags as commander hands them over (strings, possibly absent). */
export interface ReportFlags {
  runs?: string;
  seed?: string;
  out?: string;
  json?: boolean;
  /** Comma-separated claim IDs, e.g. "C3,C13". */
  claims?: string;
  timings?: boolean;
}

/** Parses "C3, c13" into claim IDs in catalogue order (unknown IDs: HasmeInputError). */
export function parseClaimList(raw: string): ClaimId[] {
  const wanted = raw.split(',').map((t) => t.trim().toUpperCase()).filter((t) => t !== '');
  const unknown = wanted.filter((t) => !(CLAIM_IDS as readonly string[]).includes(t));
  if (wanted.length === 0 || unknown.length) {
    throw new HasmeInputError('parse', `--claims must list claim IDs among ${CLAIM_IDS[0]}–${CLAIM_IDS[CLAIM_IDS.length - 1]}, got ${JSON.stringify(raw)}`);
  }
  return CLAIM_IDS.filter((id) => wanted.includes(id));
}

/** Resolves flags and environment into the options of one report run (bad values: HasmeInputError). */
export function resolveReportOptions(flags: ReportFlags): ReportOptions {
  return {
    runs: flags.runs !== undefined ? integerOption('--runs', flags.runs, 1, 1e9) : fromEnv(() => envRuns(DEFAULT_REPORT_RUNS)),
    // fast-check seeds are 32-bit integers.
    seed: flags.seed !== undefined ? integerOption('--seed', flags.seed, -(2 ** 31), 2 ** 31 - 1) : fromEnv(envSeed),
    outDir: flags.out ?? DEFAULT_REPORT_DIR,
    json: flags.json ?? false,
    ...(flags.claims !== undefined ? { claims: parseClaimList(flags.claims) } : {}),
    ...(flags.timings ? { timings: true } : {}),
  };
}
