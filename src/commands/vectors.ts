import type { Command } from 'commander';

/** `hasme vectors`: write the conformance vectors computed by the decimal reference. */
export function register(program: Command): void {
  program
    .command('vectors')
    .summary('Write the conformance vectors (JSON Lines) from the reference')
    .description('Write the conformance vectors (JSON Lines) computed by the decimal reference')
    .option('--out <dir>', 'output directory', 'vectors')
    .option('--seed <n>', 'seed of the case generator (the committed set uses the default)')
    .option('--manifest-only', 'only rewrite DIR/manifest.json from the .jsonl files already there')
    .action(async (opts: { out: string; seed?: string; manifestOnly?: boolean }) => {
      const { integerOption } = await import('../cli/options.js');
      const seed = opts.seed === undefined ? undefined : integerOption('--seed', opts.seed, -(2 ** 31), 2 ** 31 - 1);
      if (opts.manifestOnly) {
        const [{ writeManifest }, { VECTOR_SEED }] = await Promise.all([import('../vectors/manifest.js'), import('../vectors/generate.js')]);
        console.log(`wrote ${writeManifest(opts.out, seed ?? VECTOR_SEED)}`);
        return;
      }
      const { writeVectors } = await import('../vectors/write.js');
      writeVectors(opts.out, seed);
    });
}
