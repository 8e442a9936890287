import type { Command } from 'commander';
import {
  DEFAULT_CASE_TIMEOUT_S,
  DEFAULT_RTOL,
  DEFAULT_SAMPLE_CASES,
  DEFAULT_SAMPLE_N,
  DEFAULT_TIMEOUT_S,
  MAX_RTOL,
  MAX_SAMPLE_N,
  MIN_SAMPLE_N,
} from '../conformance/defaults.js';

interface CheckFlags {
  vectors?: string;
  ops?: string;
  rtol: string;
  caseTimeout: string;
  timeout: string;
  sampleN: string;
  sampleCases: string;
  junit?: string;
  json?: boolean;
  properties?: boolean;
  runs?: string;
  seed?: string;
  claims?: string;
  path?: string;
  unitRoundoff?: string;
  show?: string;
  convergence?: boolean;
  levels?: string;
  order?: string;
  svg?: string;
  model?: string;
  problem?: string;
}

/** `hasme check -- CMD [ARGS...]`: run an implementation over the protocol and judge it (spec/protocol.md). */
export function register(program: Command): void {
  program
    .command('check')
    .summary('Run an external implementation over the protocol, judge answers')
    .description('Run an external implementation over the protocol and judge its answers')
    .usage('[options] -- <command> [args...]')
    .argument('<command>', 'the implementation to start (after --)')
    .argument('[args...]', 'its arguments')
    .option('--vectors <dir>', "vector file or directory (default: the project's vectors/)")
    .option('--ops <list>', 'comma-separated ops to send: coefficients,moments,sample (default: all)')
    .option('--rtol <r>', "relative tolerance (a case's own larger rtol wins)", String(DEFAULT_RTOL))
    .option('--case-timeout <s>', 'longest wait for each next response, seconds', String(DEFAULT_CASE_TIMEOUT_S))
    .option('--timeout <s>', 'overall time limit, seconds', String(DEFAULT_TIMEOUT_S))
    .option('--sample-n <n>', `samples per sample case (at least ${MIN_SAMPLE_N})`, String(DEFAULT_SAMPLE_N))
    .option('--sample-cases <k>', 'number of sample cases', String(DEFAULT_SAMPLE_CASES))
    .option('--junit <file>', 'also write JUnit XML')
    .option('--json', 'print the verdicts as JSON instead of a table')
    .option('--show <n>', 'list the first N failing cases in full (inputs, expected, received, error per output)', '0')
    .option('--properties', 'run the claims as properties against the implementation (spec/protocol.md §12)')
    .option('--runs <n>', 'with --properties: cases per claim (default 100)')
    .option('--seed <s>', 'with --properties: fast-check seed (default 20240528)')
    .option('--claims <list>', 'with --properties: claims to run, e.g. C1,C4:sample,C13 (default: all that apply)')
    .option('--path <i/p>', 'with --properties: replay one failure (property index / fast-check path, as printed)')
    .option('--unit-roundoff <u>', "with --properties: the implementation's unit roundoff (default 2^-53)")
    .option('--convergence', "test an outside SDE simulator's weak order via the expect op (spec/protocol.md §13)")
    .option('--levels <j>', 'with --convergence: dt = η/2^j for j < LEVELS (default 4)')
    .option('--order <p>', 'with --convergence: expected weak order (default 1, Euler–Maruyama)')
    .option('--svg <file>', 'with --convergence: write the log-log figure')
    .option('--model <m>', 'with --convergence: the SDE model simulated (hasme, spf, sme1, sme2; default hasme)')
    .option('--problem <kind>', 'with --convergence: quadratic (additive noise) or finite-sum (state-dependent noise); default quadratic')
    .action(async function (this: Command, command: string, args: string[], o: CheckFlags) {
      const { opList, positive, positiveInt } = await import('../conformance/cliOptions.js');
      const given = (name: string) => (this.getOptionValueSource(name) === 'cli' ? (o as unknown as Record<string, string>)[name] : undefined);
      if (o.convergence) {
        const { convergenceCommand } = await import('../conformance/convergence/cli.js');
        return convergenceCommand(command, args, { ...o, caseTimeout: given('caseTimeout'), timeout: given('timeout') });
      }
      if (o.properties) {
        const { propertiesCommand } = await import('../conformance/properties/cli.js');
        const { ALL_OPS } = await import('../conformance/check.js');
        return propertiesCommand(command, args, { ...o, sampleN: given('sampleN'), caseTimeout: given('caseTimeout'), timeout: given('timeout') }, opList(o.ops, ALL_OPS) ?? ALL_OPS);
      }
      const { MAX_TIMEOUT_S } = await import('../cli/options.js');
      const { HasmeInputError } = await import('../errors.js');
      const { ALL_OPS, runCheck } = await import('../conformance/check.js');
      const { emit } = await import('../conformance/report.js');
      const { requireWritableFile } = await import('../io/atomicWrite.js');
      const rtol = positive('--rtol', o.rtol, DEFAULT_RTOL, MAX_RTOL);
      const sampleN = positiveInt('--sample-n', o.sampleN, DEFAULT_SAMPLE_N);
      if (sampleN < MIN_SAMPLE_N || sampleN > MAX_SAMPLE_N) throw new HasmeInputError('parse', `--sample-n must be in [${MIN_SAMPLE_N}, ${MAX_SAMPLE_N}] (the protocol's cap on n), got ${sampleN}`);
      if (o.junit) requireWritableFile('--junit', o.junit);
      const result = await runCheck({
        command,
        args,
        vectors: o.vectors,
        ops: opList(o.ops, ALL_OPS),
        rtol,
        caseTimeoutS: positive('--case-timeout', o.caseTimeout, DEFAULT_CASE_TIMEOUT_S, MAX_TIMEOUT_S),
        timeoutS: positive('--timeout', o.timeout, DEFAULT_TIMEOUT_S, MAX_TIMEOUT_S),
        sampleN,
        sampleCases: positiveInt('--sample-cases', o.sampleCases, DEFAULT_SAMPLE_CASES),
        progress: !o.json,
      });
      const title = `hasme check: ${[command, ...args].join(' ')} (rtol ${rtol}, ${(result.elapsedMs / 1000).toFixed(1)} s)`;
      if (result.weakSampleCases.length > 0 && !o.json) {
        process.stderr.write(`note: sample cases below the power criteria of spec/protocol.md: ${result.weakSampleCases.join(', ')}\n`);
      }
      const { explainVectors, diagnoseVectors, failureGroups } = await import('../conformance/explain.js');
      const extra = o.json ? { groups: failureGroups(result), diagnosis: diagnoseVectors(result) } : {};
      emit(result, { json: o.json, junit: o.junit, title, extra: { rtol, elapsedMs: result.elapsedMs, weakSampleCases: result.weakSampleCases, ...extra } });
      if (!o.json) for (const line of explainVectors(result, positiveInt('--show', o.show, 0, 0))) process.stdout.write(`${line}\n`);
    });
}
