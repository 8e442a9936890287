import type { Command } from 'commander';

/** Largest --digits: the battery runs at digits + 20 within decimal.js's ln/exp range; 500 took 40 s of CPU. */
const MAX_SELFCHECK_DIGITS = 500;

/** `hasme selfcheck`: the reference recomputes a fixed battery at digits + 20 and reports agreement. */
export function register(program: Command): void {
  program
    .command('selfcheck')
    .summary('Reference self-check: recompute at digits + 20, report agreement')
    .description('Reference self-check: recompute a fixed battery at digits + 20 and report the digits that agree')
    .option('--digits <n>', 'significant digits to check, 16 to 500', '50')
    .option('--json', 'print the results as JSON')
    .action(async (opts: { digits: string; json?: boolean }) => {
      const { integerOption } = await import('../cli/options.js');
      const { runSelfCheck } = await import('../vectors/selfcheckCli.js');

      // At least 16 digits: the battery holds a case 1e-12 from a pole of φ (a = 1.500000000001),
      // which fewer than 13 digits round onto the pole (a singular error instead of a check).
      const digits = integerOption('--digits', opts.digits, 16, MAX_SELFCHECK_DIGITS);
      process.exitCode = runSelfCheck(digits, Boolean(opts.json)) ? 0 : 1;
    });
}
