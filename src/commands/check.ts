import type { Command } from 'commander';

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
}

/** `hasme check -- CMD [ARGS...]`: run an implementation over the protocol and judge it (spec/protocol.md). */
export function register(program: Command): void {
  program
    .command('check')
    .description('Run an external implementation over the protocol and judge its answers')
    .usage('[options] -- <command> [args...]')
    .argument('<command>', 'the implementation to start (after --)')
    .argument('[args...]', 'its arguments')
    .option('--vectors <dir>', 'vector file or directory (default: the project\'s vectors/)')
    .option('--ops <list>', 'comma-separated ops to send: coefficients,moments,sample (default: all)')
    .option('--rtol <r>', 'relative tolerance (a case\'s own larger rtol wins)', '1e-9')
    .option('--case-timeout <s>', 'longest wait for each next response, seconds', '60')
    .option('--timeout <s>', 'overall time limit, seconds', '300')
    .option('--sample-n <n>', 'samples per sample case', '100000')
    .option('--sample-cases <k>', 'number of sample cases', '6')
    .option('--junit <file>', 'also write JUnit XML')
    .option('--json', 'print the verdicts as JSON instead of a table')
    .action(async (command: string, args: string[], o: CheckFlags) => {
      const { opList, positive, positiveInt } = await import('../conformance/cliOptions.js');
      const { HasmeInputError } = await import('../errors.js');
      const { ALL_OPS, runCheck } = await import('../conformance/check.js');
      const { emit } = await import('../conformance/report.js');
      const rtol = positive('--rtol', o.rtol, 1e-9);
      const sampleN = positiveInt('--sample-n', o.sampleN, 100000);
      if (sampleN < 100) throw new HasmeInputError('parse', `--sample-n must be at least 100, got ${sampleN}`);
      const result = await runCheck({
        command,
        args,
        vectors: o.vectors,
        ops: opList(o.ops, ALL_OPS),
        rtol,
        caseTimeoutS: positive('--case-timeout', o.caseTimeout, 60),
        timeoutS: positive('--timeout', o.timeout, 300),
        sampleN,
        sampleCases: positiveInt('--sample-cases', o.sampleCases, 6),
        progress: !o.json,
      });
      const title = `hasme check: ${[command, ...args].join(' ')} (rtol ${rtol}, ${(result.elapsedMs / 1000).toFixed(1)} s)`;
      if (result.weakSampleCases.length > 0 && !o.json) {
        process.stderr.write(`note: sample cases below the power criteria of spec/protocol.md: ${result.weakSampleCases.join(', ')}\n`);
      }
      emit(result, { json: o.json, junit: o.junit, title, extra: { rtol, elapsedMs: result.elapsedMs, weakSampleCases: result.weakSampleCases } });
    });
}
