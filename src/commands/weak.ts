import type { Command } from 'commander';

/** `hasme weak`: exact weak errors and fitted orders (C14, C15, C17). Implementation: src/weak/. */
export function register(program: Command): void {
  program
    .command('weak')
    .summary('Exact weak errors and convergence orders of the SDE models vs SGD')
    .description('Exact weak errors and fitted convergence orders of the SDE models against SGD')
    .option('--problem <file>', 'problem file (JSON; spec/weak.md)')
    .option('--builtin <name>', 'a built-in problem (see --list)')
    .option('--list', 'list the built-in problems')
    .option('--json', 'machine-readable output: {"rows":[...],"orders":{...}}; with --list, the problems as JSON')
    .option('--force', 'run past the estimated-time limit (5 min on one core, spec/weak.md)')
    .option('--digits <n>', 'significant digits of the exact engines (default 40; 1-D problems use the double-precision engine)')
    .action(async (opts: { problem?: string; builtin?: string; list?: boolean; json?: boolean; digits?: string; force?: boolean }) => {
      const { renderBuiltinList, renderWeakTable } = await import('../weak/render.js');
      if (opts.list) {
        const { listBuiltins } = await import('../problems/builtin.js');
        console.log(opts.json ? JSON.stringify(listBuiltins()) : renderBuiltinList());
        return;
      }
      const { loadProblem, parseDigits } = await import('../weak/load.js');
      const { weakTable } = await import('../weak/table.js');
      const { Progress } = await import('../cli/progress.js');
      const problem = await loadProblem(opts);
      const digits = parseDigits(opts.digits);
      // The bar is created on the first row, when the total is known (and only on a terminal).
      const progress: { bar?: InstanceType<typeof Progress> } = {};
      const table = await weakTable(problem, {
        digits,
        force: opts.force === true,
        onProgress: (_done, total) => {
          progress.bar ??= new Progress(total, 'weak', 'rows');
          progress.bar.tick();
        },
      });
      progress.bar?.stop();
      if (opts.json) {
        const out: Record<string, unknown> = { rows: table.rows, orders: table.orders };
        if (table.engineError !== undefined) out.engineError = table.engineError;
        if (table.belowBar !== undefined) out.belowBar = table.belowBar;
        console.log(JSON.stringify(out));
      } else {
        console.log(renderWeakTable(table));
      }
    });
}
