import type { Command } from 'commander';

/** `hasme escape`: escape along negative curvature (C16). Implementation: src/weak/escape*.ts. */
export function register(program: Command): void {
  program
    .command('escape')
    .summary('Escape along negative curvature: curves and escape-time errors')
    .description('Escape along negative curvature: predicted curves and escape-time errors per model')
    .option('--problem <file>', 'saddle problem file (JSON, kind "saddle"; spec/weak.md)')
    .option('--builtin <name>', 'a built-in saddle problem (see `hasme weak --list`)', 'saddle-d2')
    .option('--json', 'machine-readable output')
    .option('--out <dir>', 'write escape.svg (the curves) and escape-difference.svg into DIR')
    .option('--digits <n>', 'significant digits of the exact moments (default 30)')
    .action(async (opts: { problem?: string; builtin?: string; json?: boolean; out?: string; digits?: string }) => {
      const { HasmeInputError } = await import('../errors.js');
      const { loadProblem, parseDigits } = await import('../weak/load.js');
      const { escapeCurves } = await import('../weak/escape.js');
      const { escapeDifferenceSvg, escapeJson, escapeSvg, renderEscapeTable } = await import('../weak/escapeRender.js');
      const problem = await loadProblem(opts.problem ? { problem: opts.problem } : { builtin: opts.builtin });
      if (problem.kind !== 'saddle') throw new HasmeInputError('unsupported', `hasme escape needs a saddle problem, got kind "${problem.kind}"`);
      const result = await escapeCurves(problem, { digits: parseDigits(opts.digits, 30) });
      if (opts.out) {
        const { mkdir } = await import('node:fs/promises');
        const { writeFileAtomic } = await import('../io/atomicWrite.js');
        const { join } = await import('node:path');
        await mkdir(opts.out, { recursive: true });
        await writeFileAtomic(join(opts.out, 'escape.svg'), await escapeSvg(result));
        await writeFileAtomic(join(opts.out, 'escape-difference.svg'), await escapeDifferenceSvg(result));
      }
      console.log(opts.json ? JSON.stringify(escapeJson(result)) : renderEscapeTable(result));
      if (opts.out && !opts.json) console.log(`wrote ${opts.out}/escape.svg and ${opts.out}/escape-difference.svg`);
    });
}
