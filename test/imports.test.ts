/**
 * Plotting stays off the library's import path: importing the package entry points (compiled,
 * as consumers load them) must load no module of src/plot/ and no plotting library (vega).
 * A resolve hook refuses both; the positive control shows the hook does catch a module that plots.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from './packageInstall.js';

/** The package's entry points (package.json `exports`), as paths under dist/. */
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string | { import: string }> };
const ENTRY_POINTS = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [] : [e.import.replace(/^\.\/dist\//, '')]));

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hasme-imports-'));
  writeFileSync(join(dir, 'hooks.mjs'), `export async function resolve(specifier, context, next) {
  if (/^vega(-lite)?(\\/|$)/.test(specifier)) throw new Error('plotting loaded: ' + specifier + ' from ' + context.parentURL);
  const resolved = await next(specifier, context);
  if (/\\/src\\/plot\\//.test(resolved.url)) throw new Error('plotting loaded: ' + resolved.url + ' from ' + context.parentURL);
  return resolved;
}\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports the compiled modules `paths` (relative to dist/) under the hook. */
const importAll = (paths: string[]) => {
  const code = paths.map((p) => `await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', p)).href)});`).join('\n');
  return run(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, '--input-type=module', '-e', code], { cwd: ROOT });
};

describe('library entry points do not load plotting', () => {
  it('hasme-verify, hasme-verify/arbitraries and hasme-verify/reference import without src/plot or vega', async () => {
    expect(ENTRY_POINTS).toEqual(['src/index.js', 'properties/arbitraries.js', 'reference/index.js']);
    await expect(importAll(ENTRY_POINTS)).resolves.toBeDefined();
  });

  it('control: the figures module (src/plot) is refused by the hook', async () => {
    await expect(importAll(['src/weak/figures.js'])).rejects.toThrow(/plotting loaded: .*\/src\/plot\//);
  });
});
