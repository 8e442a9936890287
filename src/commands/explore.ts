/**
 * `hasme explore`: maps of where HA-SME's claims hold and fail (src/explore/). Light module: the
 * implementation is imported inside the actions.
 */
import type { Command } from 'commander';

/**
 * Every family's numeric options, camelCase (commander maps `--eta-max` to `etaMax`). Kept in sync
 * with the families' ParamSpec lists by test/explore-cli.test.ts.
 */
export const FAMILY_OPTIONS: { name: string; flag: string; description: string }[] = [
  { name: 'a1', flag: '--a1 <number>', description: 'first eigenvalue of H' },
  { name: 'a2', flag: '--a2 <number>', description: 'second eigenvalue of H' },
  { name: 's1', flag: '--s1 <number>', description: 'first eigenvalue of Σ' },
  { name: 's2', flag: '--s2 <number>', description: 'second eigenvalue of Σ' },
  { name: 'etaMax', flag: '--eta-max <number>', description: 'largest η (rotated2x2)' },
  { name: 'eta', flag: '--eta <number>', description: 'fixed step size (eta-curvature, psd-threshold)' },
  { name: 'theta', flag: '--theta <number>', description: 'misalignment angle in rad (eta-curvature)' },
  { name: 'zMin', flag: '--z-min <number>', description: 'smallest ηa (eta-curvature)' },
  { name: 'zMax', flag: '--z-max <number>', description: 'largest ηa (eta-curvature)' },
  { name: 'kappaMax', flag: '--kappa-max <number>', description: 'largest κ(Σ) (psd-threshold)' },
  { name: 'steps', flag: '--steps <number>', description: 'SGD steps k for the moment comparison' },
];

export function register(program: Command): void {
  const explore = program
    .command('explore')
    .summary("Map HA-SME's failure regions over parameter families")
    .description('Map failure regions of HA-SME over parameter families (JSON, CSV, SVG)')
    .option('--family <name>', 'family: rotated2x2, eta-curvature, psd-threshold')
    .option('--grid <n>', 'points per axis (default: the family\'s)')
    .option('--out <dir>', 'output directory', 'out/explore')
    .option('--json', 'also stream the JSON document (a shard: its part) to stdout; with --list, the families as JSON')
    .option('--shard <i/n>', 'compute shard i of n (1-based) and write it as a part')
    .option('--workers <n>', 'worker threads for large grids (default 1: in-process)')
    .option('--force', 'run a grid past the limits (10⁶ cells or an estimated hour)')
    .option('--list', 'list the families, their options and defaults');
  for (const o of FAMILY_OPTIONS) explore.option(o.flag, o.description);
  explore.action(async (opts: Record<string, string | boolean | undefined>) => {
    const { exploreCommand } = await import('../explore/cli.js');
    await exploreCommand(opts, FAMILY_OPTIONS.map((o) => o.name));
  });
  explore
    .command('merge')
    .summary('Join shard parts into the outputs of one unsharded run')
    .description('Join shard parts into the outputs of an unsharded run (uses explore\'s --out and --json)')
    .argument('<parts...>', 'part files written by --shard')
    // --out and --json belong to `explore` itself: commander hands them to the parent command.
    .action(async (parts: string[], _opts: unknown, cmd: Command) => {
      const { out, json } = cmd.optsWithGlobals<{ out: string; json?: boolean }>();
      const { mergeCommand } = await import('../explore/cli.js');
      await mergeCommand(parts, { out, json });
    });
}
