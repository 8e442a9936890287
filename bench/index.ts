/**
 * `npm run bench`: every benchmark section of the project, each a module exporting `run()`
 * that prints its own table(s). `npm run bench -- NAME...` runs only the named sections.
 */
const SECTIONS: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  reference: () => import('./reference.js'),
  library: () => import('./library.js'),
  weak: () => import('./weak.js'),
  weak2d: async () => ({ run: (await import('./weak.js')).runTwoD }),
  explore: () => import('./explore.js'),
  cli: () => import('./cli.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(SECTIONS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  const section = await load();
  await section.run();
}
