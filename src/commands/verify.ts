import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('verify')
    .description('Compare an answers file with conformance vectors, case by case')
    .action(() => {
      throw new Error('hasme verify: not implemented yet');
    });
}
