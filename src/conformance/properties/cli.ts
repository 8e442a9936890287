/**
 * `hasme check --properties`: option parsing and output (spec/protocol.md §12). Exit 0 only when
 * every applicable claim holds and the run had no problem; 1 otherwise; 2 for bad usage.
 */
import { writeOutputFile } from '../../io/atomicWrite.js';
import { integerOption, MAX_TIMEOUT_S, positiveNumberOption } from '../../cli/options.js';
import { HasmeInputError } from '../../errors.js';
import type { Op } from '../../formats/types.js';
import { DEFAULT_SEED } from '../../../properties/budget.js';
import { DEFAULT_CASE_TIMEOUT_S, DEFAULT_TIMEOUT_S } from '../defaults.js';
import { ROW_KEYS } from './claims.js';

/** Default cases per claim, and samples per case of the sample law check (spec/protocol.md §12). */
export const DEFAULT_PROPERTY_RUNS = 100;
export const DEFAULT_PROPERTY_SAMPLE_N = 2000;

export interface PropertiesFlags {
  runs?: string;
  seed?: string;
  claims?: string;
  path?: string;
  unitRoundoff?: string;
  /** Set only when given on the command line (the check default of 100 000 is for vectors). */
  sampleN?: string;
  caseTimeout?: string;
  timeout?: string;
  junit?: string;
  json?: boolean;
}

function claimList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const keys = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = keys.find((k) => !ROW_KEYS.includes(k));
  if (bad !== undefined || keys.length === 0) throw new HasmeInputError('parse', `--claims must list some of ${ROW_KEYS.join(', ')}, got ${JSON.stringify(raw)}`);
  return keys;
}

/** `--path I/P`: property index I of the claim, fast-check path P. */
function replayOf(raw: string | undefined, claims: string[] | undefined): { property: number; path: string } | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)\/(\d+(?::\d+)*)$/.exec(raw.trim());
  if (!m) throw new HasmeInputError('parse', `--path must be INDEX/PATH as printed with a failure (e.g. 0/3:1:0), got ${JSON.stringify(raw)}`);
  if (claims?.length !== 1) throw new HasmeInputError('parse', '--path replays one failure: give exactly one claim with --claims');
  return { property: Number(m[1]), path: m[2] };
}


export async function propertiesCommand(command: string, args: readonly string[], o: PropertiesFlags, ops: readonly Op[]): Promise<void> {
  const claims = claimList(o.claims);
  const opts = {
    command,
    args,
    ops,
    runs: o.runs === undefined ? DEFAULT_PROPERTY_RUNS : integerOption('--runs', o.runs, 1, 1e6),
    seed: o.seed === undefined ? DEFAULT_SEED : integerOption('--seed', o.seed, -(2 ** 31), 2 ** 31 - 1),
    claims,
    replay: replayOf(o.path, claims),
    unitRoundoff: o.unitRoundoff === undefined ? 2 ** -53 : positiveNumberOption('--unit-roundoff', o.unitRoundoff, 0.01),
    sampleN: o.sampleN === undefined ? DEFAULT_PROPERTY_SAMPLE_N : integerOption('--sample-n', o.sampleN, 100, 1e6),
    caseTimeoutS: o.caseTimeout === undefined ? DEFAULT_CASE_TIMEOUT_S : positiveNumberOption('--case-timeout', o.caseTimeout, MAX_TIMEOUT_S),
    timeoutS: o.timeout === undefined ? DEFAULT_TIMEOUT_S : positiveNumberOption('--timeout', o.timeout, MAX_TIMEOUT_S),
    progress: !o.json,
  };
  const { runProperties } = await import('./run.js');
  const { renderProperties, propertiesJSON, propertiesJUnit } = await import('./format.js');
  const res = await runProperties(opts);
  const cmd = [command, ...args];
  process.stderr.write(`hasme check --properties: ${(res.elapsedMs / 1000).toFixed(1)} s\n`);
  if (o.json) process.stdout.write(`${JSON.stringify(propertiesJSON(res, cmd), null, 2)}\n`);
  else process.stdout.write(`${renderProperties(res, cmd, { title: `hasme check --properties: ${cmd.join(' ')} (unit roundoff ${res.unitRoundoff.toExponential(2)})` })}\n`);
  if (o.junit) writeOutputFile('--junit', o.junit, propertiesJUnit(res, cmd));
  process.exitCode = res.pass ? 0 : 1;
}
