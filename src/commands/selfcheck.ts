import type { Command } from 'commander';

/** `hasme selfcheck`: the reference recomputes a fixed battery at digits + 20 and reports agreement. */
export function register(program: Command): void {
  program
    .command('selfcheck')
    .description('Reference self-check: recompute a fixed battery at digits + 20 and report the digits that agree')
    .option('--digits <n>', 'significant digits to check', '50')
    .option('--json', 'print the results as JSON')
    .action(async (opts: { digits: string; json?: boolean }) => {
      const { runSelfCheck } = await import('../vectors/selfcheckCli.js');
      process.exitCode = runSelfCheck(Number(opts.digits), Boolean(opts.json)) ? 0 : 1;
    });
}
