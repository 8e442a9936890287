/**
 * Files shipped with the hasme-verify package (spec/, vectors/, package.json), found by walking up
 * from this module to the package root, so the same code works from the sources (src/, under
 * vitest) and from the compiled build (dist/src/, the installed `hasme` command).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function findRoot(): URL | null {
  for (let up = './'; up.length <= 16; up += '../') {
    const root = new URL(up, import.meta.url);
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name?: string };
      if (pkg.name === 'hasme-verify') return root;
    } catch {
      // no package.json at this level: keep walking up
    }
  }
  return null;
}

let root: URL | null | undefined;

/** The package root as a URL ending in '/', or null if no hasme-verify package.json is found. */
export function packageRoot(): URL | null {
  if (root === undefined) root = findRoot();
  return root;
}

/**
 * Absolute path of `relative` (e.g. 'spec/schemas/', 'vectors/') under the package root; falls
 * back to the path two levels above this module (the source layout) when no root is found, so a
 * missing file is reported under a path a reader recognises.
 */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, packageRoot() ?? new URL('../', import.meta.url)));
}
