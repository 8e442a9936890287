import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('serve')
    .description('Answer protocol requests (JSON Lines on stdin) with the double-precision library')
    .action(() => {
      throw new Error('hasme serve: not implemented yet');
    });
}
