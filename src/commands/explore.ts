import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('explore')
    .description('Map failure regions of HA-SME over parameter families (JSON, CSV, SVG)')
    .action(() => {
      throw new Error('hasme explore: not implemented yet');
    });
}
