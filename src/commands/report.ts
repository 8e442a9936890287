import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('report')
    .description('Run every claim’s checks and write report.md, report.json and report.html (the main job)')
    .action(() => {
      throw new Error('hasme report: not implemented yet');
    });
}
