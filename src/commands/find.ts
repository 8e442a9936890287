/**
 * `hasme find`: minimal counterexamples to claims stated without their conditions (src/find/).
 * Light module: the implementation is imported inside the action.
 */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('find')
    .summary('Find a minimal counterexample to a claim without its conditions')
    .description('Search for a minimal counterexample to a claim stated without its conditions')
    .option('--claim <id>', 'claim to refute (a name from --list, or a claim ID such as C7)')
    .option('--runs <n>', 'cases to try (default 200, or HASME_RUNS)')
    .option('--seed <s>', 'fast-check seed (default: HASME_SEED or the project seed)')
    .option('--path <p>', 'fast-check path printed with a counterexample: replays exactly that case')
    .option('--json', 'print the result as JSON')
    .option('--list', 'list the searchable claims')
    .action(async (opts: { claim?: string; runs?: string; seed?: string; path?: string; json?: boolean; list?: boolean }) => {
      const { findCommand } = await import('../find/cli.js');
      await findCommand(opts);
    });
}
