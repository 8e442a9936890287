/** `hasme check --convergence` options and output (spec/protocol.md §13). */
import { writeOutputFile } from '../../io/atomicWrite.js';
import { integerOption, MAX_TIMEOUT_S, positiveNumberOption } from '../../cli/options.js';
import { HasmeInputError } from '../../errors.js';
import { DEFAULT_SEED } from '../../../properties/budget.js';
import { SDE_MODELS, type SdeModel } from '../../formats/types.js';
import type { ProblemKind } from './run.js';

export interface ConvergenceFlags {
  levels?: string;
  model?: string;
  problem?: string;
  order?: string;
  seed?: string;
  svg?: string;
  json?: boolean;
  caseTimeout?: string;
  timeout?: string;
}


function modelOf(raw: string | undefined): SdeModel | undefined {
  if (raw === undefined) return undefined;
  if (!(SDE_MODELS as readonly string[]).includes(raw)) throw new HasmeInputError('parse', `--model must be one of ${SDE_MODELS.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as SdeModel;
}

function kindOf(raw: string | undefined): ProblemKind {
  if (raw === undefined) return 'quadratic';
  if (raw !== 'quadratic' && raw !== 'finite-sum') throw new HasmeInputError('parse', `--problem must be quadratic or finite-sum, got ${JSON.stringify(raw)}`);
  return raw;
}

export async function convergenceCommand(command: string, args: readonly string[], o: ConvergenceFlags): Promise<void> {
  const { runConvergence } = await import('./run.js');
  const { renderConvergence, convergenceJSON, convergenceSvg } = await import('./format.js');
  const r = await runConvergence({
    command,
    args,
    kind: kindOf(o.problem),
    model: modelOf(o.model),
    levels: o.levels === undefined ? 4 : integerOption('--levels', o.levels, 2, 12),
    expectedOrder: o.order === undefined ? 1 : positiveNumberOption('--order', o.order, 10),
    seed: o.seed === undefined ? DEFAULT_SEED : integerOption('--seed', o.seed, 0, 2 ** 31 - 1),
    caseTimeoutS: o.caseTimeout === undefined ? 600 : positiveNumberOption('--case-timeout', o.caseTimeout, MAX_TIMEOUT_S),
    timeoutS: o.timeout === undefined ? 1800 : positiveNumberOption('--timeout', o.timeout, MAX_TIMEOUT_S),
  });
  if (o.json) process.stdout.write(`${JSON.stringify(convergenceJSON(r), null, 2)}\n`);
  else process.stdout.write(`${renderConvergence(r, `hasme check --convergence: ${[command, ...args].join(' ')}`)}\n`);
  if (o.svg) writeOutputFile('--svg', o.svg, await convergenceSvg(r));
  process.exitCode = r.verdict === 'pass' ? 0 : 1;
}
