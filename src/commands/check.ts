import type { Command } from 'commander';

// PLACEHOLDER: owned by the helper building this command; replaced before landing.
export function register(program: Command): void {
  program
    .command('check')
    .description('Run an external implementation over the protocol and judge its answers')
    .action(() => {
      throw new Error('hasme check: not implemented yet');
    });
}
