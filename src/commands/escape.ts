import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('escape')
    .description('Escape along negative curvature: predicted curves and escape-time errors per model')
    .action(() => {
      throw new Error('hasme escape: not implemented yet');
    });
}
