import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('weak')
    .description('Exact weak errors and fitted convergence orders of the SDE models against SGD')
    .action(() => {
      throw new Error('hasme weak: not implemented yet');
    });
}
