import type { Command } from 'commander';

/**
 * `hasme report`: the project's main job (`npm start`). Runs every claim's checks (C1–C17),
 * prints the claims table and writes DIR/report.md, DIR/report.json, DIR/report.html.
 * The implementation (src/report/) is imported lazily so `hasme --help` stays fast.
 */
export function register(program: Command): void {
  program
    .command('report')
    .summary('Run every claim’s checks; write report.md/.json/.html (main job)')
    .description('Run every claim’s checks and write report.md, report.json and report.html (the main job)')
    .option('--runs <n>', 'budget per claim (cases; default HASME_RUNS or 100)')
    .option('--seed <s>', 'seed (default HASME_SEED or the fixed CI seed)')
    .option('--out <dir>', 'output directory', 'report')
    .option('--json', 'print report.json on stdout instead of the table')
    .option('--claims <ids>', 'run only these claims, e.g. C3,C13 (a replay; the others are not-run, no figures)')
    .option('--timings', 'keep wall times in the outputs (default: on stderr only, so outputs are byte-identical)')
    .addHelpText(
      'after',
      '\nFlags override HASME_RUNS / HASME_SEED, which override the defaults.\n' +
        'Exit code: 0 if no claim that ran fails, 1 if any does (not-run claims do not fail the run),\n' +
        '2 on bad flags or environment values, or when DIR cannot be written.',
    )
    .action(async (flags: { runs?: string; seed?: string; out?: string; json?: boolean; claims?: string; timings?: boolean }) => {
      const { reportCommand } = await import('../report/cli.js');
      process.exitCode = await reportCommand(flags);
    });
}
