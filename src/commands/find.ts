import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('find')
    .description('Search for a minimal counterexample to a claim stated without its conditions')
    .action(() => {
      throw new Error('hasme find: not implemented yet');
    });
}
