import type { Command } from 'commander';

/** `hasme serve`: the double-precision library behind the JSON Lines protocol (spec/protocol.md). */
export function register(program: Command): void {
  program
    .command('serve')
    .summary('Answer JSON Lines protocol requests on stdin (double library)')
    .description('Answer protocol requests (JSON Lines on stdin) with the double-precision library')
    .action(async () => {
      const { serve } = await import('../serve/loop.js');
      await serve(process.stdin, process.stdout);
    });
}
