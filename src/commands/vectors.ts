import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('vectors')
    .description('Write the conformance vectors (JSON Lines) computed by the decimal reference')
    .action(() => {
      throw new Error('hasme vectors: not implemented yet');
    });
}
