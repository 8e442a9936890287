import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('selfcheck')
    .description('Reference self-check: recompute at digits + 20 and report the digits that agree')
    .action(() => {
      throw new Error('hasme selfcheck: not implemented yet');
    });
}
