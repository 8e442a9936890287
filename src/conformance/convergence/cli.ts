/** `hasme check --convergence` options and output (spec/protocol.md §13). */
import { writeOutputFile } from '../../io/atomicWrite.js';
import { integerOption, MAX_TIMEOUT_S, positiveNumberOption } from '../../cli/options.js';
import { HasmeInputError } from '../../errors.js';
import { DEFAULT_SEED } from '../../../properties/budget.js';

export interface ConvergenceFlags {
  levels?: string;
  model?: string;
  order?: string;
  seed?: string;
  svg?: string;
  json?: boolean;
  caseTimeout?: string;
  timeout?: string;
}


function modelOf(raw: string | undefined): 'hasme' | 'spf' | 'sme1' | 'sme2' | undefined {
  if (raw === undefined) return undefined;
  if (!['hasme', 'spf', 'sme1', 'sme2'].includes(raw)) throw new HasmeInputError('parse', `--model must be one of hasme, spf, sme1, sme2, got ${JSON.stringify(raw)}`);
  return raw as 'hasme';
}

export async function convergenceCommand(command: string, args: readonly string[], o: ConvergenceFlags): Promise<void> {
  const { runConvergence } = await import('./run.js');
  const { renderConvergence, convergenceJSON, convergenceSvg } = await import('./format.js');
  const r = await runConvergence({
    command,
    args,
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
